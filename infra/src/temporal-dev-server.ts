/**
 * The Temporal dev server (`temporal server start-dev`) for development and tests: one process with the
 * frontend, history, matching and a SQLite store (in memory unless a file is given), with PlanCycle's
 * search attributes registered at start so workflows can set them from their first task.
 */
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { PLANCYCLE_SEARCH_ATTRIBUTES } from './search-attributes';

const execFileAsync = promisify(execFile);

// Pinned: later CLI tags carry a `replace` directive in go.mod, which `go install pkg@version` refuses.
export const TEMPORAL_CLI_PACKAGE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
const EXPECTED_SERVER = 'Server 1.29';
const INSTALL_HELP = [
  'Không tìm thấy Temporal CLI / The Temporal CLI was not found. Do one of:',
  `  - install it with Go: go install ${TEMPORAL_CLI_PACKAGE}  (about 4 minutes the first time)`,
  '  - set TEMPORAL_CLI to the path of a `temporal` binary',
  '  - set TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE) to an existing Temporal cluster',
].join('\n');

let cliLookup: Promise<string> | undefined;

/**
 * Path of a usable `temporal` binary: $TEMPORAL_CLI, else `temporal` on PATH, else Go's bin folder,
 * else installed with `go install`. Looked up once per process.
 */
export function ensureTemporalCli(): Promise<string> {
  cliLookup ??= locateOrInstallCli().catch((error: unknown) => {
    cliLookup = undefined; // let a later call retry, e.g. after the user installs Go
    throw error;
  });
  return cliLookup;
}

async function locateOrInstallCli(): Promise<string> {
  const cli = process.env.TEMPORAL_CLI || (await findOnPath('temporal')) || (await findInGoBin()) || (await installWithGo());
  let version: string;
  try {
    version = (await execFileAsync(cli, ['--version'], { timeout: 15_000 })).stdout;
  } catch (error) {
    throw new Error(`${cli} --version failed (${(error as Error).message}).\n${INSTALL_HELP}`);
  }
  // Another server version usually works; the warning says why a test may behave differently.
  if (!version.includes(EXPECTED_SERVER)) {
    console.warn(`[temporal] ${cli} reports "${version.trim()}"; PlanCycle is tested with ${EXPECTED_SERVER}.x (${TEMPORAL_CLI_PACKAGE}).`);
  }
  return cli;
}

async function findOnPath(name: string): Promise<string | null> {
  for (const folder of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (await isExecutable(join(folder, name))) return join(folder, name);
  }
  return null;
}

async function goBinFolder(): Promise<string | null> {
  try {
    const { stdout } = await execFileAsync('go', ['env', 'GOBIN', 'GOPATH'], { timeout: 30_000 });
    const [gobin, gopath] = stdout.split('\n').map((line) => line.trim());
    if (gobin) return gobin;
    const firstGopath = gopath?.split(delimiter)[0];
    return firstGopath ? join(firstGopath, 'bin') : null;
  } catch {
    return null; // no Go toolchain
  }
}

async function findInGoBin(): Promise<string | null> {
  const folder = await goBinFolder();
  return folder && (await isExecutable(join(folder, 'temporal'))) ? join(folder, 'temporal') : null;
}

async function installWithGo(): Promise<string> {
  const folder = await goBinFolder();
  if (!folder) throw new Error(INSTALL_HELP);
  console.log(`[temporal] Đang cài Temporal CLI / installing the Temporal CLI: go install ${TEMPORAL_CLI_PACKAGE} (about 4 minutes the first time)…`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const go = spawn('go', ['install', TEMPORAL_CLI_PACKAGE], { stdio: ['ignore', 'inherit', 'inherit'] });
    go.once('error', reject);
    go.once('exit', resolve);
  });
  const cli = join(folder, 'temporal');
  if (code !== 0 || !(await isExecutable(cli))) throw new Error(`go install exited with code ${code}.\n${INSTALL_HELP}`);
  return cli;
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** A TCP port free on 127.0.0.1 right now. Another process may take it before we bind; rare enough. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface TemporalDevServerOptions {
  /** SQLite file to keep history across restarts; omit for an in-memory store. */
  dbFile?: string;
  /** Frontend gRPC port; 0 or omitted picks a free one. */
  port?: number;
  /** Web UI port; 0 or omitted picks a free one, null runs headless. */
  uiPort?: number | null;
  namespace?: string;
  /** Where the server's own output goes; it is also kept in memory for error messages. */
  logFile?: string;
  /** The `temporal` binary; defaults to ensureTemporalCli(). */
  cli?: string;
  startTimeoutMs?: number;
}

export interface TemporalDevServer {
  address: string;
  uiUrl: string | null;
  namespace: string;
  /** The server's process id (the benchmark reads its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(options: TemporalDevServerOptions = {}): Promise<TemporalDevServer> {
  const cli = options.cli ?? (await ensureTemporalCli());
  const namespace = options.namespace ?? 'default';
  const port = options.port || (await findFreePort());
  const uiPort = options.uiPort === null ? null : options.uiPort || (await findFreePort());
  const address = `127.0.0.1:${port}`;
  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });

  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    ...(uiPort === null ? ['--headless'] : ['--ui-port', String(uiPort)]),
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    '--namespace', namespace,
    '--log-level', 'warn',
    ...Object.entries(PLANCYCLE_SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
  ];
  const output = new OutputTail(options.logFile);
  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.write(chunk));

  let exitedWith: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      exitedWith = error.message;
      resolve();
    });
    child.once('exit', (code, signal) => {
      exitedWith = `code ${code}, signal ${signal}`;
      resolve();
    });
  });
  // If the parent dies without calling stop() (a crashed test run), do not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (exitedWith === null) {
        const forceKill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(forceKill);
      }
      await output.close();
    })());

  try {
    await waitUntilReady(address, namespace, () => exitedWith, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n$ ${cli} ${args.join(' ')}\n--- temporal output (tail) ---\n${output.tail() || '(none)'}`);
  }
  return { address, uiUrl: uiPort === null ? null : `http://127.0.0.1:${uiPort}`, namespace, pid: child.pid as number, stop };
}

/** Polls until the frontend answers and every PlanCycle search attribute is visible in the namespace. */
async function waitUntilReady(address: string, namespace: string, exitedWith: () => string | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const exit = exitedWith();
    if (exit !== null) throw new Error(`temporal server start-dev exited before it was ready (${exit}).`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: '2s' });
      await connection.workflowService.getSystemInfo({});
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
      const missing = Object.keys(PLANCYCLE_SEARCH_ATTRIBUTES).filter((name) => !customAttributes?.[name]);
      if (missing.length === 0) return;
      lastProblem = `search attributes not visible yet: ${missing.join(', ')}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    } finally {
      await connection?.close().catch(() => undefined);
    }
    // The server is another process with no readiness signal but its port; a short poll is all there is.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The Temporal dev server at ${address} was not ready within ${timeoutMs / 1000} s (${lastProblem}).`);
}

/** Keeps the last bytes of the server's output for error messages, and copies all of it to a file if asked. */
class OutputTail {
  private text = '';
  private readonly file: WriteStream | null;

  constructor(logFile: string | undefined, private readonly limit = 16_384) {
    if (logFile) mkdirSync(dirname(logFile), { recursive: true });
    this.file = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  }

  write(chunk: Buffer): void {
    this.file?.write(chunk);
    this.text = (this.text + chunk.toString('utf8')).slice(-this.limit);
  }

  tail(): string {
    return this.text.trim();
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.file ? this.file.end(resolve) : resolve()));
  }
}
