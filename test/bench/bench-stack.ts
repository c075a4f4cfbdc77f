import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createApp } from '@plancycle/api';
import type { PlanCycleConfig } from '@plancycle/config';
import { dropDatabase, ensureDatabase, ensureTemporalCli, resolvePostgres, startTemporalDevServer, withDatabase } from '@plancycle/infra';
import { createMailer, DevSmtpServer } from '@plancycle/mail';
import { createDataSource, migrate, seedDemo } from '@plancycle/persistence';
import { createPlanCycleWorker, notificationSettingsOf } from '@plancycle/worker';

export const REPO_ROOT = resolve(__dirname, '../..');

/**
 * Everything the benchmark measures, started by itself as `npm start` does, in one process as the
 * end-to-end suites run it: an in-memory Temporal dev server, a database of its own (dropped at
 * stop), a development SMTP server, the PlanCycle worker, the API listening on a loopback port, and
 * the raw engine's worker (test/bench/engine) on a task queue of its own.
 */
export interface BenchStack {
  config: PlanCycleConfig;
  dataSource: DataSource;
  /** The benchmark's own client: raw engine calls, visibility and histories. */
  client: Client;
  mail: DevSmtpServer;
  baseUrl: string;
  engineTaskQueue: string;
  postgresSource: string;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  // Worker lifecycle chatter would bury the table.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const releases: Array<() => Promise<unknown>> = [];
  const releaseAll = async () => {
    for (const release of releases.splice(0).reverse()) await release().catch((error: unknown) => console.error(error));
  };
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };

  try {
    const [temporal, postgres] = await Promise.all([
      timed('Temporal dev server (in memory)', async () => {
        await ensureTemporalCli();
        return startTemporalDevServer({ uiPort: null });
      }),
      // Its own embedded port and folder when there is no local server, so `npm start` and the tests may run alongside.
      timed('PostgreSQL', () => resolvePostgres({ dataDir: join(REPO_ROOT, '.data/pg-bench'), database: 'postgres', embeddedPort: 54331 })),
    ]);
    releases.push(temporal.stop, postgres.stop);

    // A fresh database of its own on whichever server was found, even one named by DATABASE_URL.
    const database = `plancycle_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
    await ensureDatabase(postgres.adminUrl, database);
    releases.push(() => dropDatabase(postgres.adminUrl, database));
    const databaseUrl = withDatabase(postgres.adminUrl, database);
    const dataSource = await createDataSource(databaseUrl).initialize();
    releases.push(() => dataSource.destroy());
    await timed('migrations and demo seed', async () => {
      await migrate(dataSource);
      await seedDemo(dataSource);
    });

    const mail = new DevSmtpServer();
    const smtp = await mail.start();
    releases.push(() => mail.stop());

    const config: PlanCycleConfig = {
      temporal: { address: temporal.address, namespace: temporal.namespace, taskQueue: `plancycle-bench-${process.pid}`, tls: null },
      databaseUrl,
      smtp: { url: smtp.url, from: 'PlanCycle <no-reply@plancycle.bench>' },
      api: { host: '127.0.0.1', port: 0, jwtSecret: randomBytes(32).toString('hex'), linkSecret: randomBytes(32).toString('hex'), publicUrl: 'http://127.0.0.1' },
    };
    const engineTaskQueue = `bench-engine-${process.pid}`;

    const mailer = createMailer(config.smtp.url, config.smtp.from);
    releases.push(async () => mailer.close());
    const workerConnection = await NativeConnection.connect({ address: config.temporal.address });
    releases.push(() => workerConnection.close());
    const engineConnection = await NativeConnection.connect({ address: config.temporal.address });
    releases.push(() => engineConnection.close());
    // Both bundle their workflow code at start, side by side; SDK defaults for every worker setting.
    const [worker, engineWorker] = await timed('workers (bundling workflows)', () =>
      Promise.all([
        createPlanCycleWorker({
          connection: workerConnection,
          namespace: config.temporal.namespace,
          taskQueue: config.temporal.taskQueue,
          dataSource,
          notifications: notificationSettingsOf(config, mailer),
        }),
        Worker.create({
          connection: engineConnection,
          namespace: config.temporal.namespace,
          taskQueue: engineTaskQueue,
          workflowsPath: require.resolve('./engine/workflows'),
        }),
      ]),
    );
    for (const running of [worker, engineWorker]) {
      const run = running.run();
      // Released before the connections (newest first); resolves once in-flight tasks end.
      releases.push(async () => {
        running.shutdown();
        await run;
      });
    }

    const clientConnection = await Connection.connect({ address: config.temporal.address });
    releases.push(() => clientConnection.close());
    const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });

    const app: INestApplication = await createApp(config, { logger: false });
    releases.push(() => app.close());
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const baseUrl = `http://127.0.0.1:${port}`;
    config.api.publicUrl = baseUrl;

    return { config, dataSource, client, mail, baseUrl, engineTaskQueue, postgresSource: postgres.source, stop: releaseAll };
  } catch (error) {
    await releaseAll();
    throw error;
  }
}
