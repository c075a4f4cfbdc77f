import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { PlanCycleConfig } from '@plancycle/config';
import { dropDatabase, ensureDatabase, ensureTemporalCli, findFreePort, resolvePostgres, startTemporalDevServer, withDatabase } from '@plancycle/infra';
import { DevSmtpServer } from '@plancycle/mail';
import { createDataSource, migrate, seedDemo } from '@plancycle/persistence';
import { configEnv, startAppProcess, startWorkerProcess, type AppProcess } from '../support/worker-process';

export const REPO_ROOT = resolve(__dirname, '../..');

/**
 * Everything the benchmark measures, started by itself and laid out as `npm start` runs it: an
 * in-memory Temporal dev server, a database of its own (dropped at stop), a development SMTP server,
 * the PlanCycle worker and the API each in a process of its own (the API on a loopback port), and the
 * raw engine's worker (test/bench/engine) in a third process on a task queue of its own. The
 * benchmark's own process only sends the load and reads the results.
 */
export interface BenchStack {
  config: PlanCycleConfig;
  /** The benchmark's own connection: test data in, results out. */
  dataSource: DataSource;
  /** The benchmark's own client: raw engine calls, visibility and histories. */
  client: Client;
  mail: DevSmtpServer;
  baseUrl: string;
  engineTaskQueue: string;
  postgresSource: string;
  /** The process ids of the PlanCycle worker and the raw engine's worker, for their memory. */
  workerPid: number;
  engineWorkerPid: number;
  /** The processes of the stack by role, for their CPU time (cpu.ts); PostgreSQL's are the backends serving this database now. */
  processes(): Promise<Record<string, number[]>>;
  stop(): Promise<void>;
}

/** Resident memory of a process in bytes (Linux: VmRSS of /proc/<pid>/status). */
export function residentMemory(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  if (!line) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(line[1]) * 1024;
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
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

    const apiPort = await findFreePort();
    const config: PlanCycleConfig = {
      temporal: { address: temporal.address, namespace: temporal.namespace, taskQueue: `plancycle-bench-${process.pid}`, tls: null },
      databaseUrl,
      smtp: { url: smtp.url, from: 'PlanCycle <no-reply@plancycle.bench>' },
      api: { host: '127.0.0.1', port: apiPort, jwtSecret: randomBytes(32).toString('hex'), linkSecret: randomBytes(32).toString('hex'), publicUrl: `http://127.0.0.1:${apiPort}` },
    };
    const engineTaskQueue = `bench-engine-${process.pid}`;

    // Their output, for when a figure looks wrong: bench-output/<process>.log, the last run's.
    mkdirSync(join(REPO_ROOT, 'bench-output'), { recursive: true });
    const logFile = (name: string) => join(REPO_ROOT, 'bench-output', `${name}.log`);
    // Each bundles its workflow code at start, side by side; the same cache bound for both workers.
    const started = (app: AppProcess) => (releases.push(() => app.stop()), app);
    const [worker, engineWorker, api] = await timed('worker, API and engine worker processes (bundling workflows)', () =>
      Promise.all([
        startWorkerProcess(config, { PLANCYCLE_WORKFLOW_BUNDLE: '' }, logFile('worker')).then(started),
        startAppProcess(
          'test/bench/engine/worker-main.ts',
          'Engine worker: task queue',
          { TEMPORAL_ADDRESS: config.temporal.address, TEMPORAL_NAMESPACE: config.temporal.namespace, BENCH_ENGINE_TASK_QUEUE: engineTaskQueue },
          { logFile: logFile('engine-worker') },
        ).then(started),
        startAppProcess('apps/api/src/main.ts', 'PlanCycle API:', { ...configEnv(config), API_HOST: '127.0.0.1', API_PORT: String(apiPort) }, { logFile: logFile('api') }).then(started),
      ]),
    );

    const clientConnection = await Connection.connect({ address: config.temporal.address });
    releases.push(() => clientConnection.close());
    const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });
    const baseUrl = config.api.publicUrl;

    return { config, dataSource, client, mail, baseUrl, engineTaskQueue, postgresSource: postgres.source, workerPid: worker.pid,
      engineWorkerPid: engineWorker.pid,
      processes: async () => {
        const backends = (await dataSource.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')) as Array<{ pid: number }>;
        return {
          'PlanCycle worker': [worker.pid],
          API: [api.pid],
          'engine worker': [engineWorker.pid],
          'Temporal server': [temporal.pid],
          PostgreSQL: backends.map((backend) => backend.pid),
          benchmark: [process.pid],
        };
      },
      stop: releaseAll,
    };
  } catch (error) {
    await releaseAll();
    throw error;
  }
}
