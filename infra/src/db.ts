/**
 * `npm run db:migrate|db:revert|db:reset|db:seed`: the schema and demo data of the database
 * `npm start` uses (DATABASE_URL, else the local server, else the embedded one under .data/pg).
 */
import { join, resolve } from 'node:path';
import { createDataSource, migrate, resetDatabase, revertLast, seedDemo } from '@plancycle/persistence';
import { resolvePostgres } from './postgres';

const COMMANDS = ['migrate', 'revert', 'reset', 'seed'] as const;
type Command = (typeof COMMANDS)[number];

const USAGE = `Cách dùng (usage): ts-node infra/src/db.ts <${COMMANDS.join('|')}>`;

async function run(command: Command, url: string): Promise<void> {
  const ds = await createDataSource(url).initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await migrate(ds);
        console.log(ran.length > 0 ? `Đã chạy migration: ${ran.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        break;
      }
      case 'revert':
        await revertLast(ds);
        console.log('Đã hoàn tác migration gần nhất.');
        break;
      case 'reset': {
        const ran = await resetDatabase(ds);
        console.log(`Đã xóa và tạo lại lược đồ; đã chạy migration: ${ran.join(', ')}`);
        break;
      }
      case 'seed': {
        const result = await seedDemo(ds);
        console.log(`Đã nạp dữ liệu mẫu cho các tỉnh: ${result.provinces.join(', ')}`);
        console.table(
          result.users.map((user) => ({
            'Tên đăng nhập': user.username,
            'Mật khẩu': user.password,
            'Họ và tên': user.fullName,
            'Vai trò': user.roles.map((role) => `${role.role}@${role.unitCode}`).join(', '),
          })),
        );
        break;
      }
    }
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (!COMMANDS.includes(command as Command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const postgres = await resolvePostgres({ dataDir: join(resolve(__dirname, '../..'), '.data/pg'), database: 'plancycle' });
  try {
    console.log(`PostgreSQL (${postgres.source}): ${postgres.url.replace(/:[^:@/]*@/, ':***@')}`);
    await run(command as Command, postgres.url);
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
