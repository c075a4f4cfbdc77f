import { randomBytes } from 'node:crypto';
import { createDatabaseFromTemplate, dropDatabase, ensureDatabase, withDatabase } from '@plancycle/infra';
import { runEnv } from './run-env';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, copied from the template the global setup migrated: a
 * file-level copy takes tens of milliseconds where running the migrations would take seconds.
 * `migrated: false` gives an empty database instead, for tests of the migrations themselves.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = runEnv('PLANCYCLE_TEST_PG_ADMIN_URL');
  const template = runEnv('PLANCYCLE_TEST_PG_TEMPLATE');
  // The run's id (the setup's pid) in the name lets a later run drop what a crashed run left behind.
  const run = /_(\d+)$/.exec(template)?.[1] ?? '0';
  const name = `plancycle_t_${run}_${randomBytes(6).toString('hex')}`;
  // The template is busy only while someone is connected to it; createDatabaseFromTemplate retries that.
  if (options.migrated === false) await ensureDatabase(adminUrl, name);
  else await createDatabaseFromTemplate(adminUrl, name, template);
  return { url: withDatabase(adminUrl, name), name, drop: () => dropDatabase(adminUrl, name) };
}
