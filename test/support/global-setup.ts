/**
 * Starts the services the integration tests share, once per jest run, before any worker starts;
 * workers inherit what is put in process.env here. Each test file still gets its own database
 * (createTestDatabase) and its own task queue; only the Temporal server is shared.
 *
 * Jest does not apply moduleNameMapper to globalSetup modules: tsconfig-paths resolves the
 * `@plancycle/*` imports here instead.
 */
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { dropDatabase, ensureChromium, ensureDatabase, ensureDocumentTools, ensureTemporalCli, resolvePostgres, startTemporalDevServer, withDatabase, type ResolvedPostgres } from '@plancycle/infra';
import { createDataSource, migrate } from '@plancycle/persistence';
import { bundleWorkflows } from '@plancycle/worker';

export interface TestServices {
  stopTemporal: (() => Promise<void>) | null;
  postgres: ResolvedPostgres;
  template: string;
  bundlePath: string | null;
}

// The one channel from setup to teardown: both run in jest's parent process.
const globals = globalThis as typeof globalThis & { __plancycleTestServices?: TestServices };
export const takeTestServices = (): TestServices | undefined => {
  const services = globals.__plancycleTestServices;
  globals.__plancycleTestServices = undefined;
  return services;
};

const REPO_ROOT = resolve(__dirname, '../..');
const TEST_DATA = join(REPO_ROOT, '.data/test');

export default async function globalSetup(): Promise<void> {
  const timings: string[] = [];
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  // Started side by side; on any failure, stop whatever did start before reporting it.
  const [temporal, postgres, bundlePath, chromium, documentTools] = await Promise.allSettled([
    timed('Temporal', startTemporal),
    timed('PostgreSQL', preparePostgres),
    timed('workflow bundle', writeWorkflowBundle),
    // The web app's browser tests read the path from CHROMIUM_PATH; found (or installed) once per run.
    timed('Chromium', async () => (process.env.CHROMIUM_PATH = await ensureChromium())),
    // The PDF tests embed Liberation Serif (PLANCYCLE_FONT_DIR) and look at pages with poppler's tools.
    timed('document tools', async () => (process.env.PLANCYCLE_FONT_DIR ??= (await ensureDocumentTools()).fontDir)),
  ]);
  if (temporal.status === 'rejected' || postgres.status === 'rejected' || bundlePath.status === 'rejected' || chromium.status === 'rejected' || documentTools.status === 'rejected') {
    if (temporal.status === 'fulfilled') await temporal.value?.();
    if (postgres.status === 'fulfilled') await cleanUpPostgres(postgres.value.postgres, postgres.value.template);
    const failure = [temporal, postgres, bundlePath, chromium, documentTools].find((result) => result.status === 'rejected');
    throw (failure as PromiseRejectedResult).reason;
  }
  globals.__plancycleTestServices = {
    stopTemporal: temporal.value,
    postgres: postgres.value.postgres,
    template: postgres.value.template,
    bundlePath: bundlePath.value,
  };
  console.log(`\n[test services] Temporal ${process.env.TEMPORAL_ADDRESS}, PostgreSQL (${postgres.value.postgres.source}) template ${postgres.value.template}; ${timings.join(', ')}`);
}

/** Returns how to stop the dev server, or null when tests use a cluster named by TEMPORAL_ADDRESS. */
async function startTemporal(): Promise<(() => Promise<void>) | null> {
  if (process.env.TEMPORAL_ADDRESS) {
    process.env.TEMPORAL_NAMESPACE ??= 'default';
    return null;
  }
  await ensureTemporalCli();
  const server = await startTemporalDevServer({ uiPort: null });
  process.env.TEMPORAL_ADDRESS = server.address;
  process.env.TEMPORAL_NAMESPACE = server.namespace;
  return server.stop;
}

async function preparePostgres(): Promise<{ postgres: ResolvedPostgres; template: string }> {
  const template = `plancycle_template_${process.pid}`;
  // Port 54330, not the 54329 of `npm start`, so tests can run while the app does.
  const postgres = await resolvePostgres({ dataDir: join(REPO_ROOT, '.data/pg-test'), database: template, embeddedPort: 54330 });
  try {
    if (postgres.source !== 'env') await dropLeftoversOfDeadRuns(postgres.adminUrl);
    // DATABASE_URL is used as is by resolvePostgres; the template still has to exist on that server.
    await ensureDatabase(postgres.adminUrl, template);
    const dataSource = createDataSource(withDatabase(postgres.adminUrl, template));
    try {
      await migrate(dataSource);
    } finally {
      // A connection left open would make every CREATE DATABASE … TEMPLATE fail as "being accessed".
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  } catch (error) {
    await cleanUpPostgres(postgres, template);
    throw error;
  }
  process.env.PLANCYCLE_TEST_PG_ADMIN_URL = postgres.adminUrl;
  process.env.PLANCYCLE_TEST_PG_TEMPLATE = template;
  return { postgres, template };
}

/** Databases named after a run (its pid) whose process is gone: a crashed or killed earlier run. */
async function dropLeftoversOfDeadRuns(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^plancycle_(template|t)_[0-9]+'`);
  await client.end();
  for (const { datname } of rows) {
    const pid = Number(/^plancycle_(?:template|t)_(\d+)/.exec(datname)?.[1]);
    if (!isAlive(pid)) await dropDatabase(adminUrl, datname);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function cleanUpPostgres(postgres: ResolvedPostgres, template: string): Promise<void> {
  await dropDatabase(postgres.adminUrl, template).catch((error: unknown) => console.warn(`[test services] could not drop ${template}:`, error));
  await postgres.stop();
}

/**
 * Bundles the workflows once so each test file's worker loads the bundle instead of spending ~5 s
 * bundling. A broken or missing workflows file is not fatal here: tests that need workflows then
 * bundle in their worker and fail there with the compiler's message, the others still run.
 */
async function writeWorkflowBundle(): Promise<string | null> {
  try {
    const { code } = await bundleWorkflows();
    mkdirSync(TEST_DATA, { recursive: true });
    const path = join(TEST_DATA, `workflow-bundle-${process.pid}.js`);
    writeFileSync(path, code);
    process.env.PLANCYCLE_TEST_WORKFLOW_BUNDLE = path;
    return path;
  } catch (error) {
    console.warn(`[test services] workflow bundle skipped: ${(error as Error).message}`);
    return null;
  }
}
