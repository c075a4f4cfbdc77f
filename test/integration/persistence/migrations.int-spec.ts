import { migrate, resetDatabase, revertLast } from '@plancycle/persistence';
import { ORG_UNIT_KINDS, ROLES, DEFAULT_UNIT_SETTINGS } from '@plancycle/domain';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';

const TABLES = [
  'audit_events',
  'cycle_units',
  'cycles',
  'document_number_counters',
  'guidances',
  'notifications',
  'org_units',
  'plan_opinions',
  'plan_versions',
  'plans',
  'province_mail_settings',
  'reports',
  'revoked_tokens',
  'sign_in_failures',
  'task_escalations',
  'tasks',
  'unit_staff',
  'user_roles',
  'users',
  'work_calendar_days',
];
const MIGRATIONS = [
  'InitialSchema1795463279046',
  'DocumentNumberCounters1795470000000',
  'Guidances1795475000000',
  'UnitStaff1795480000000',
  'Plans1795490000000',
  'DocumentNumbersPerIssuer1795500000000',
  'Notifications1795510000000',
  'TaskEscalations1795520000000',
  'Reports1795530000000',
  'SignInSecurity1795540000000',
  'DashboardIndexes1795600000000',
];
/** What the newest migration creates, and so what reverting it alone must drop: one index, no table. */
const NEWEST_MIGRATION_TABLES: string[] = [];
const NEWEST_MIGRATION_INDEXES = ['tasks_open_plan_due_idx'];

describe('migrations', () => {
  let db: PersistenceTestDatabase;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase({ migrated: false });
  });

  afterAll(async () => {
    await db.drop();
  });

  const tables = async () =>
    ((await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY table_name COLLATE "C"`,
    )) as Array<{ table_name: string }>).map((row) => row.table_name);

  // The audit trail's trigger function must go with its table, or a later `up` could not create it again.
  // (Only ours: TypeORM installs uuid-ossp's functions in public on connecting.)
  const auditFunctions = async () =>
    ((await db.dataSource.query(`SELECT proname FROM pg_proc WHERE proname = 'audit_events_refuse_change'`)) as Array<{ proname: string }>).map(
      (row) => row.proname,
    );

  it('creates every table, drops them all when every migration is reverted, and creates them again', async () => {
    expect(await migrate(db.dataSource)).toEqual(MIGRATIONS);
    expect(await tables()).toEqual(TABLES);

    for (const _ of MIGRATIONS) await revertLast(db.dataSource);
    expect(await tables()).toEqual([]);
    expect(await auditFunctions()).toEqual([]);

    expect(await migrate(db.dataSource)).toEqual(MIGRATIONS);
    expect(await tables()).toEqual(TABLES);
    expect(await migrate(db.dataSource)).toEqual([]);
  });

  it('reverts the newest migration alone', async () => {
    const indexes = async () => ((await db.dataSource.query(`SELECT indexname FROM pg_indexes WHERE indexname = ANY($1)`, [NEWEST_MIGRATION_INDEXES])) as Array<{ indexname: string }>).map((row) => row.indexname);
    const before = await tables();
    expect(await indexes()).toEqual(NEWEST_MIGRATION_INDEXES);
    await revertLast(db.dataSource);
    expect(await tables()).toEqual(before.filter((table) => !NEWEST_MIGRATION_TABLES.includes(table)));
    expect(await indexes()).toEqual([]);
    expect(await migrate(db.dataSource)).toEqual([MIGRATIONS[MIGRATIONS.length - 1]]);
    expect(await tables()).toEqual(before);
    expect(await indexes()).toEqual(NEWEST_MIGRATION_INDEXES);
  });

  it('resets a database that has data in it', async () => {
    await db.dataSource.query(
      `INSERT INTO org_units (code, province_code, kind, name, settings) VALUES ('XX', 'XX', 'province', 'Tỉnh thử', '{}')`,
    );

    await resetDatabase(db.dataSource);

    expect(await db.dataSource.query('SELECT * FROM org_units')).toEqual([]);
    expect(await tables()).toEqual(TABLES);
  });

  it("accepts every unit kind and role the domain defines, and nothing else", async () => {
    const settings = JSON.stringify(DEFAULT_UNIT_SETTINGS);
    for (const kind of ORG_UNIT_KINDS) {
      await db.dataSource.query(`INSERT INTO org_units (code, province_code, kind, name, settings) VALUES ($1, 'KK', $2, $1, $3)`, [
        `KK.${kind}`,
        kind,
        settings,
      ]);
    }
    const [user] = (await db.dataSource.query(
      `INSERT INTO users (username, full_name, email, password_hash) VALUES ('kk', 'K K', 'kk@plancycle.local', 'x') RETURNING id`,
    )) as Array<{ id: string }>;
    for (const role of ROLES) {
      await db.dataSource.query(`INSERT INTO user_roles (user_id, unit_code, role) VALUES ($1, 'KK.province', $2)`, [user.id, role]);
    }

    await expect(
      db.dataSource.query(`INSERT INTO org_units (code, province_code, kind, name, settings) VALUES ('KK.x', 'KK', 'ministry', 'x', '{}')`),
    ).rejects.toThrow(/org_units_kind_check/);
    await expect(
      db.dataSource.query(`INSERT INTO user_roles (user_id, unit_code, role) VALUES ($1, 'KK.province', 'superuser')`, [user.id]),
    ).rejects.toThrow(/user_roles_role_check/);
  });
});
