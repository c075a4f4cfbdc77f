import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { PlanCycleConfig } from '@plancycle/config';

const ROOT = join(__dirname, '../..');

/** A PlanCycle program (or the benchmark's engine worker) running as a process of its own. */
export interface AppProcess {
  pid: number;
  /** Ends the process with SIGKILL: no shutdown, no goodbye to Temporal, as a crash would. */
  kill(): Promise<void>;
  /** A graceful stop (SIGTERM): in-flight tasks finish first. */
  stop(): Promise<void>;
  /** False once the process has ended, killed or by itself: a test checks its steady worker never died. */
  running(): boolean;
}

/** The environment `loadConfig` reads, for a test or benchmark stack's configuration. */
export function configEnv(config: PlanCycleConfig): NodeJS.ProcessEnv {
  return {
    TEMPORAL_ADDRESS: config.temporal.address,
    TEMPORAL_NAMESPACE: config.temporal.namespace,
    TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
    DATABASE_URL: config.databaseUrl,
    SMTP_URL: config.smtp.url,
    MAIL_FROM: config.smtp.from,
    JWT_SECRET: config.api.jwtSecret,
    ACTION_LINK_SECRET: config.api.linkSecret,
    PUBLIC_URL: config.api.publicUrl,
  };
}

/**
 * The worker as its own process (apps/worker/src/main.ts, as `npm start` runs it), configured for a
 * test stack, so a test can kill it at a chosen moment. Resolves once it polls its task queue.
 */
export function startWorkerProcess(config: PlanCycleConfig, env: NodeJS.ProcessEnv = {}, logFile?: string): Promise<AppProcess> {
  return startAppProcess(
    'apps/worker/src/main.ts',
    'PlanCycle worker: task queue',
    { ...configEnv(config), PLANCYCLE_WORKFLOW_BUNDLE: process.env.PLANCYCLE_TEST_WORKFLOW_BUNDLE, PLANCYCLE_DIGEST_SCHEDULE: 'off', ...env },
    { logFile },
  );
}

/**
 * Any program of the repository run with ts-node, as `npm start` runs the worker and the API, with
 * `env` over this process's environment. Resolves once its output contains `ready`; with `logFile`,
 * all of its output is kept there.
 */
export async function startAppProcess(entry: string, ready: string, env: NodeJS.ProcessEnv, options: { timeoutMs?: number; logFile?: string } = {}): Promise<AppProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', join(ROOT, entry)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  if (options.logFile) {
    const log = createWriteStream(options.logFile);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('exit', () => log.end());
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForReady(child, exited, ready, options.timeoutMs ?? 120_000);
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { pid: child.pid as number, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM'), running: () => child.exitCode === null && child.signalCode === null };
}

function waitForReady(child: ChildProcess, exited: Promise<void>, ready: string, timeoutMs: number): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${ready}…: the process did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      // Only the start is kept: a long-running process's output must not grow the test's memory.
      if (output.length < 64_000) output += chunk.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => fail(new Error(`The process exited before it was ready:\n${output}`)));
  });
}
