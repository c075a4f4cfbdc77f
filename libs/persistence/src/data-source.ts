import { DataSource } from 'typeorm';
import { CycleUnitEntity } from './entities/cycle-unit.entity';
import { CycleEntity } from './entities/cycle.entity';
import { OrgUnitEntity } from './entities/org-unit.entity';
import { UserRoleEntity } from './entities/user-role.entity';
import { UserEntity } from './entities/user.entity';
import { WorkCalendarDayEntity } from './entities/work-calendar-day.entity';
import { InitialSchema1795463279046 } from './migrations/1795463279046-initial-schema';
import { DocumentNumberCounters1795470000000 } from './migrations/1795470000000-document-number-counters';
import { Guidances1795475000000 } from './migrations/1795475000000-guidances';
import { UnitStaff1795480000000 } from './migrations/1795480000000-unit-staff';
import { Plans1795490000000 } from './migrations/1795490000000-plans';
import { DocumentNumbersPerIssuer1795500000000 } from './migrations/1795500000000-document-numbers-per-issuer';
import { Notifications1795510000000 } from './migrations/1795510000000-notifications';
import { TaskEscalations1795520000000 } from './migrations/1795520000000-task-escalations';
import { Reports1795530000000 } from './migrations/1795530000000-reports';
import { SignInSecurity1795540000000 } from './migrations/1795540000000-sign-in-security';
import { DashboardIndexes1795600000000 } from './migrations/1795600000000-dashboard-indexes';

// Listed by hand rather than globbed: globs break under ts-node, jest and bundlers in different ways.
const ENTITIES = [OrgUnitEntity, UserEntity, UserRoleEntity, WorkCalendarDayEntity, CycleEntity, CycleUnitEntity];
const MIGRATIONS = [
  InitialSchema1795463279046,
  DocumentNumberCounters1795470000000,
  Guidances1795475000000,
  UnitStaff1795480000000,
  Plans1795490000000,
  DocumentNumbersPerIssuer1795500000000,
  Notifications1795510000000,
  TaskEscalations1795520000000,
  Reports1795530000000,
  SignInSecurity1795540000000,
  DashboardIndexes1795600000000,
];

export interface DataSourceOptions {
  poolSize?: number;
  connectTimeoutMs?: number;
  logging?: boolean;
}

/** A PostgreSQL data source whose schema comes only from migrations; call `initialize()` on it. */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    applicationName: 'plancycle',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    poolSize: options.poolSize,
    // How long a query waits for a connection, new or from a busy pool, before failing: with the server
    // down, the API answers 503 within this bound instead of hanging (see the API's service-unavailable).
    connectTimeoutMS: options.connectTimeoutMs ?? 5_000,
    logging: options.logging ?? false,
  });
}

async function initialized(ds: DataSource): Promise<DataSource> {
  return ds.isInitialized ? ds : ds.initialize();
}

/** Runs every pending migration; returns the names of those it ran. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const ran = await (await initialized(ds)).runMigrations({ transaction: 'each' });
  return ran.map((migration) => migration.name);
}

/** Undoes the most recent migration (its raw SQL `down`). */
export async function revertLast(ds: DataSource): Promise<void> {
  await (await initialized(ds)).undoLastMigration({ transaction: 'each' });
}

/** Drops everything in the public schema, then migrates from scratch. For development and tests only. */
export async function resetDatabase(ds: DataSource): Promise<string[]> {
  await initialized(ds);
  await ds.query('DROP SCHEMA public CASCADE');
  await ds.query('CREATE SCHEMA public');
  return migrate(ds);
}
