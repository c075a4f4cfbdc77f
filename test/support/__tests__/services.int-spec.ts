import { existsSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { createTestDatabase } from '../test-database';

describe('the services the global setup starts', () => {
  it('has a Temporal server with PlanCycle search attributes registered', async () => {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE });

      const { customAttributes } = await client.connection.operatorService.listSearchAttributes({ namespace: client.options.namespace });

      expect(Object.keys(customAttributes ?? {})).toEqual(
        expect.arrayContaining(['PlanCycleProvince', 'PlanCycleYear', 'PlanCycleUnit', 'PlanCycleStage']),
      );
    } finally {
      await connection.close();
    }
  });

  it('gives a test file its own migrated database and drops it afterwards', async () => {
    const database = await createTestDatabase();
    const client = new PgClient({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
      const tables = await client.query<{ count: string }>(`SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'`);

      expect(rows).toEqual([{ one: 1 }]);
      expect(Number(tables.rows[0].count)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }

    await database.drop();

    const admin = new PgClient({ connectionString: process.env.PLANCYCLE_TEST_PG_ADMIN_URL });
    await admin.connect();
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it('bundled the workflow code once for the whole run', () => {
    const bundlePath = process.env.PLANCYCLE_TEST_WORKFLOW_BUNDLE;

    expect(bundlePath).toBeDefined();
    expect(existsSync(bundlePath as string)).toBe(true);
  });
});
