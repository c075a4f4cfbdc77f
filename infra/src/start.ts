/**
 * `npm start`: the whole system on embedded defaults, for a newcomer or a demo.
 * Temporal dev server (SQLite under .data/), PostgreSQL (DATABASE_URL, else the local server, else an
 * embedded one under .data/pg), a development SMTP server with a mailbox page, the worker, the API
 * and the demo province. Each service is replaced by an existing one when its variable is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DevSmtpServer, startDevMailboxPage } from '@plancycle/mail';
import { createDataSource, migrate, seedDemo } from '@plancycle/persistence';
import { ensureDocumentTools } from './debian-packages';
import { IA_DOM, prepareDemoCycle } from './demo-cycle';
import { resolvePostgres } from './postgres';
import { ensureTemporalCli, startTemporalDevServer } from './temporal-dev-server';

const ROOT = resolve(__dirname, '../..');
const DATA = join(ROOT, '.data');
const API_PORT = Number(process.env.API_PORT ?? 3000);
const MAILBOX_PORT = Number(process.env.MAILBOX_PORT ?? 1080);
const SMTP_PORT = Number(process.env.SMTP_PORT ?? 1025);

type Stop = () => Promise<void>;

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  const stops: Stop[] = [];
  let stopping: Promise<void> | null = null;
  // Runs once, whoever asks first (Ctrl+C, a failed start, a crashed child), newest service first.
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const stop of [...stops].reverse()) await stop().catch((error) => console.error(error));
    })());
  // A service that finished starting after Ctrl+C is stopped at once instead of being left behind.
  const track = async (stop: Stop) => {
    if (stopping) {
      await stop();
      throw new Error('Đã dừng theo yêu cầu / stopped on request.');
    }
    stops.push(stop);
  };
  const exitAfterStop = (code: number) => () => void stopAll().then(() => process.exit(code));
  process.once('SIGINT', exitAfterStop(0));
  process.once('SIGTERM', exitAfterStop(0));

  try {
    const env: NodeJS.ProcessEnv = { ...process.env };
    // Printing PDFs needs Liberation Serif; without it the rest of the system still runs.
    await ensureDocumentTools().then(
      (tools) => (env.PLANCYCLE_FONT_DIR ??= tools.fontDir),
      (error: unknown) => console.warn(`Không có phông chữ in PDF / PDF fonts unavailable: ${(error as Error).message}`),
    );

    let temporalUi: string | null = null;
    if (!process.env.TEMPORAL_ADDRESS) {
      await ensureTemporalCli();
      const temporal = await startTemporalDevServer({
        dbFile: join(DATA, 'temporal.db'),
        port: Number(process.env.TEMPORAL_PORT ?? 7233),
        uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
        logFile: join(DATA, 'temporal.log'),
      });
      await track(temporal.stop);
      env.TEMPORAL_ADDRESS = temporal.address;
      env.TEMPORAL_NAMESPACE = temporal.namespace;
      temporalUi = temporal.uiUrl;
    }

    const postgres = await resolvePostgres({ dataDir: join(DATA, 'pg'), database: 'plancycle' });
    await track(postgres.stop);
    env.DATABASE_URL = postgres.url;
    const dataSource = await createDataSource(postgres.url).initialize();
    await migrate(dataSource);
    // Demo accounts have a published password: never put them into a database named by DATABASE_URL
    // unless asked to with PLANCYCLE_DEMO=1.
    const withDemo = process.env.PLANCYCLE_DEMO ? process.env.PLANCYCLE_DEMO === '1' : postgres.source !== 'env';
    const demo = withDemo ? await seedDemo(dataSource) : null;
    await dataSource.destroy();

    let mailbox: string | null = null;
    if (!process.env.SMTP_URL) {
      const smtp = new DevSmtpServer();
      const { url } = await smtp.start({ port: SMTP_PORT });
      const page = await startDevMailboxPage(smtp, { port: MAILBOX_PORT });
      await track(() => smtp.stop());
      await track(page.stop);
      env.SMTP_URL = url;
      mailbox = page.url;
    }

    env.JWT_SECRET ??= randomBytes(32).toString('hex');
    // Kept under .data/: links in mail already sent must still work after a restart.
    env.ACTION_LINK_SECRET ??= persistentSecret(join(DATA, 'action-link.secret'));
    env.API_PORT = String(API_PORT);

    // A child that ends when nobody asked it to takes the whole system down: half a system misleads.
    const onCrash = (reason: string) => {
      if (stopping) return;
      console.error(`${reason}; stopping PlanCycle.`);
      exitAfterStop(1)();
    };
    const worker = runApp('worker', 'apps/worker/src/main.ts', env, onCrash);
    await track(() => stopChild(worker));
    const api = runApp('api', 'apps/api/src/main.ts', env, onCrash);
    await track(() => stopChild(api));
    await waitForHealth(`http://127.0.0.1:${API_PORT}/api/health`);
    // Next year's demo cycle, up to the units drafting, so the browser has a plan to take to issued.
    const demoCycle = demo ? await prepareDemoCycle().catch((error: unknown) => (console.warn(`Không chuẩn bị được chu kỳ demo / demo cycle not prepared: ${(error as Error).message}`), null)) : null;

    console.log(
      [
        '',
        'PlanCycle đã chạy / PlanCycle is up:',
        `  Ứng dụng web / web app:   http://127.0.0.1:${API_PORT}/app`,
        `  API và tài liệu OpenAPI:  http://127.0.0.1:${API_PORT}/api/docs`,
        temporalUi && `  Temporal UI:              ${temporalUi}`,
        mailbox && `  Hộp thư phát triển:       ${mailbox}`,
        `  PostgreSQL (${postgres.source}):  ${postgres.url.replace(/:[^:@/]*@/, ':***@')}`,
        '',
        ...(demo
          ? [
              'Tài khoản demo (mật khẩu / password: plancycle):',
              ...demo.users.map((user) => `  ${user.username.padEnd(20)} ${user.fullName} — ${user.roles.map((r) => `${r.role}@${r.unitCode}`).join(', ')}`),
            ]
          : ['Không nạp dữ liệu demo vào DATABASE_URL (đặt PLANCYCLE_DEMO=1 nếu muốn) / no demo data loaded into DATABASE_URL.']),
        '',
        ...(demoCycle
          ? [
              `Chu kỳ demo ${demoCycle.cycle}: kế hoạch của tỉnh đã ban hành, các đơn vị đang soạn kế hoạch. Trong trình duyệt / in the browser:`,
              `  canbo.iadom soạn và trình → thamdinh.ducco thẩm định → pheduyet.ducco phê duyệt → dieuphoi.gl xem bảng theo dõi`,
              `  http://127.0.0.1:${API_PORT}/app/cycles/${demoCycle.cycle}/units/${IA_DOM}/plan`,
            ]
          : []),
        'Ctrl+C để dừng / to stop.',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function persistentSecret(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function runApp(name: string, entry: string, env: NodeJS.ProcessEnv, onExit: (reason: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', join(ROOT, entry)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code, signal) => onExit(`[${name}] exited (${signal ?? `code ${code}`})`));
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The API did not become healthy at ${url} within ${timeoutMs / 1000} s.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
