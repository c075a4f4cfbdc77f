import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '@plancycle/api';
import type { PlanCycleConfig } from '@plancycle/config';
import { DevSmtpServer } from '@plancycle/mail';
import { createDataSource, seedDemo } from '@plancycle/persistence';
import { createPlanCycleWorker } from '@plancycle/worker';
import { createTestDatabase } from './test-database';

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

export async function startTestStack(options: { api?: boolean } = {}): Promise<TestStack> {
  installQuietRuntime();
  const database = await createTestDatabase();
  const dataSource = await createDataSource(database.url).initialize();
  await seedDemo(dataSource);

  const mail = new DevSmtpServer();
  const smtp = await mail.start();
  const config: PlanCycleConfig = {
    temporal: {
      address: required('TEMPORAL_ADDRESS'),
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: `plancycle-test-${randomUUID()}`,
      tls: null,
    },
    databaseUrl: database.url,
    smtp: { url: smtp.url, from: 'PlanCycle <no-reply@plancycle.test>' },
    api: { host: '127.0.0.1', port: 0, jwtSecret: randomBytes(32).toString('hex'), publicUrl: 'http://127.0.0.1' },
  };

  const workerConnection = await NativeConnection.connect({ address: config.temporal.address });
  const worker: Worker = await createPlanCycleWorker({
    connection: workerConnection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataSource,
    workflowBundlePath: process.env.PLANCYCLE_TEST_WORKFLOW_BUNDLE,
  });
  const workerRun = worker.run();

  const clientConnection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });

  let app: INestApplication | null = null;
  if (options.api !== false) {
    app = await createApp(config, { logger: false });
    await app.init();
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
    async login(username, password = 'plancycle') {
      const response = await http().post('/api/auth/login').send({ username, password }).expect(200);
      return response.body.accessToken as string;
    },
    async stop() {
      await app?.close();
      worker.shutdown();
      await workerRun;
      await workerConnection.close();
      await clientConnection.close();
      await mail.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\` (jest's global setup starts the services).`);
  return value;
}
