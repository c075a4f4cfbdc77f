import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '@plancycle/api';
import type { PlanCycleConfig } from '@plancycle/config';
import { createMailer, DevSmtpServer } from '@plancycle/mail';
import { createDataSource, seedDemo } from '@plancycle/persistence';
import { createPlanCycleWorker, notificationSettingsOf } from '@plancycle/worker';
import { createTestDatabase } from './test-database';
import { runEnv } from './run-env';

/**
 * Everything PlanCycle runs on, for one test file: its own database (copied from the migrated
 * template), a worker on its own task queue of the run's Temporal server, a real SMTP server, and
 * the HTTP app in-process. Nothing is shared with other test files but the Temporal server.
 */
export interface TestStack {
  config: PlanCycleConfig;
  dataSource: DataSource;
  client: Client;
  mail: DevSmtpServer;
  http: () => ReturnType<typeof request>;
  /** `http://127.0.0.1:<port>` when started with `listen: true`. */
  baseUrl: string | null;
  login(username: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

let runtimeInstalled = false;
/** Worker lifecycle chatter would bury test failures: show warnings and errors only. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

export interface TestStackOptions {
  api?: boolean;
  /** false: no in-process worker, for a test that runs the worker as a process it can kill. */
  worker?: boolean;
  /** true: the API also listens on a loopback port, for a real browser (see `baseUrl`). */
  listen?: boolean;
  /** A Temporal server of the test's own (`host:port`) instead of the run's shared one, for a test that restarts it. */
  temporalAddress?: string;
  /**
   * A migrated database of the caller's own instead of a copy of the run's template, for a test that
   * stops its server; seeded here, left in place at stop (its owner removes it).
   */
  databaseUrl?: string;
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  installQuietRuntime();
  // Each resource registers how to release it as soon as it exists, so a failure half-way through
  // start-up, or in one release step, still releases everything else.
  const releases: Array<() => Promise<unknown>> = [];
  const releaseAll = async () => {
    const failures: unknown[] = [];
    // One after another, newest first: the worker stops before its connection closes, the data
    // source before its database is dropped.
    for (const release of releases.splice(0).reverse()) await release().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'Stopping the test stack failed.');
  };

  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const database = await createTestDatabase();
      releases.push(() => database.drop());
      databaseUrl = database.url;
    }
    const dataSource = await createDataSource(databaseUrl).initialize();
    releases.push(() => dataSource.destroy());
    await seedDemo(dataSource);

    const mail = new DevSmtpServer();
    const smtp = await mail.start();
    releases.push(() => mail.stop());
    const config: PlanCycleConfig = {
      temporal: {
        address: options.temporalAddress ?? runEnv('TEMPORAL_ADDRESS'),
        namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
        taskQueue: `plancycle-test-${randomUUID()}`,
        tls: null,
      },
      databaseUrl,
      smtp: { url: smtp.url, from: 'PlanCycle <no-reply@plancycle.test>' },
      api: { host: '127.0.0.1', port: 0, jwtSecret: randomBytes(32).toString('hex'), linkSecret: randomBytes(32).toString('hex'), publicUrl: 'http://127.0.0.1' },
    };

    if (options.worker !== false) {
      const workerConnection = await NativeConnection.connect({ address: config.temporal.address });
      releases.push(() => workerConnection.close());
      const mailer = createMailer(config.smtp.url, config.smtp.from);
      releases.push(async () => mailer.close());
      const worker: Worker = await createPlanCycleWorker({
        connection: workerConnection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        dataSource,
        notifications: notificationSettingsOf(config, mailer),
        workflowBundlePath: process.env.PLANCYCLE_TEST_WORKFLOW_BUNDLE,
      });
      const workerRun = worker.run();
      // Released before the connection (releases run newest first); resolves once in-flight tasks end.
      releases.push(async () => {
        worker.shutdown();
        await workerRun;
      });
    }

    const clientConnection = await Connection.connect({ address: config.temporal.address });
    releases.push(() => clientConnection.close());
    const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });

    let app: INestApplication | null = null;
    let baseUrl: string | null = null;
    if (options.api !== false) {
      app = await createApp(config, { logger: false });
      releases.push(() => app!.close());
      await app.init();
      if (options.listen) {
        await app.listen(0, '127.0.0.1');
        const { port } = app.getHttpServer().address() as { port: number };
        baseUrl = `http://127.0.0.1:${port}`;
        // Links in mail and pages point where the browser can follow them.
        config.api.publicUrl = baseUrl;
      }
    }
    const http = () => {
      if (!app) throw new Error('This test stack was started without the API.');
      return request(app.getHttpServer());
    };

    return {
      config,
      dataSource,
      client,
      mail,
      http,
      baseUrl,
      async login(username, password = 'plancycle') {
        const response = await http().post('/api/auth/login').send({ username, password }).expect(200);
        return response.body.accessToken as string;
      },
      stop: releaseAll,
    };
  } catch (error) {
    await releaseAll().catch(() => undefined); // the start-up error is the one worth reporting
    throw error;
  }
}

/** Requests to the stack's API as one signed-in user, by the bearer token `login` returned. */
export function requestsAs(stack: TestStack, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    get: (path: string) => stack.http().get(path).set(auth),
    put: (path: string, body: object) => stack.http().put(path).set(auth).send(body),
    post: (path: string, body: object) => stack.http().post(path).set(auth).send(body),
  };
}
