import type { DataSource } from 'typeorm';
import { createDataSource } from '@plancycle/persistence';
import { createTestDatabase } from '../../support/test-database';

export interface PersistenceTestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A database of this test file's own with an initialised data source: migrated, or empty for the migration tests. */
export async function createPersistenceTestDatabase(options: { migrated?: boolean } = {}): Promise<PersistenceTestDatabase> {
  const database = await createTestDatabase(options);
  const dataSource = await createDataSource(database.url, { poolSize: 4 }).initialize();
  return {
    url: database.url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}
