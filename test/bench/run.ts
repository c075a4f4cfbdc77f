/**
 * `npm run bench`: PlanCycle measured against the raw engine underneath, in one run on the same
 * servers (issue 9). Starts what it needs, runs the parts of parts.ts one after another, prints a
 * table, writes it as JSON under bench-output/, and stops everything. A benchmark, not a test: a
 * missed target is reported, not failed.
 *
 * Settings (environment), each part's own in its file:
 *   BENCH_ONLY=fan-out,decisions   run only these parts (names in parts.ts)
 */
import 'reflect-metadata';
import { startBenchStack, REPO_ROOT } from './bench-stack';
import { benchIdleWorkflow, benchUpdateWorkflow, pingUpdate, releaseSignal } from './engine/workflows';
import { ApiClient, expectStatus } from './http';
import type { BenchContext, BenchPart } from './part';
import { BENCH_PARTS } from './parts';
import { formatTable, writeReport, type Figure } from './report';
import { pause } from './running';

const startedAt = new Date();
const log = (line: string) => console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(6)} s] ${line}`);

async function selectedParts(): Promise<BenchPart[]> {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = (only ?? []).filter((name) => !BENCH_PARTS.some((part) => part.name === name));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: no part named ${unknown.join(', ')}; the parts are ${BENCH_PARTS.map((part) => part.name).join(', ')}.`);
  const chosen = only ? BENCH_PARTS.filter((part) => only.includes(part.name)) : BENCH_PARTS;
  return Promise.all(chosen.map((part) => part.load()));
}

async function main(): Promise<void> {
  const parts = await selectedParts();
  log(`parts: ${parts.map((part) => part.name).join(', ')}`);
  const stack = await startBenchStack(log);
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= stack.stop());
  const interrupted = () => void stop().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const api = new ApiClient(stack.baseUrl);
    const admin = api.as((await api.signIn(['admin.gl'])).get('admin.gl') as string);
    // Cycles decades ahead: their deadlines lie far off, so no reminder or escalation fires meanwhile.
    let year = new Date().getUTCFullYear() + 20;
    const context: BenchContext = { stack, api, admin, nextYear: () => year++, log };
    await warmUp(context);

    const figures: Figure[] = [];
    const details: Record<string, unknown> = {};
    for (const part of parts) {
      const partStarted = Date.now();
      log(`${part.name}: started`);
      const seconds = () => Math.round((Date.now() - partStarted) / 100) / 10;
      try {
        const result = await part.run(context);
        figures.push(...result.figures);
        details[part.name] = { seconds: seconds(), ...(result.details as object) };
        log(`${part.name}: done in ${seconds()} s`);
      } catch (error) {
        // A part that cannot finish is a finding of the run, not the end of it: the others still measure.
        const message = error instanceof Error ? error.message : String(error);
        figures.push({ figure: `${part.name}: did not finish (${message.slice(0, 80)})`, plancycle: Number.NaN, raw: Number.NaN, comparison: '', target: 'finishes', met: false });
        details[part.name] = { seconds: seconds(), error: error instanceof Error ? (error.stack ?? message) : message };
        log(`${part.name}: failed after ${seconds()} s: ${message}`);
      }
    }
    console.log(`\n${formatTable(figures)}\n`);
    const file = writeReport(REPO_ROOT, startedAt, figures, { postgres: stack.postgresSource, parts: details });
    log(`written ${file}`);
  } finally {
    log('stopping');
    await stop();
  }
}

/**
 * Both sides once before anything is measured: the API's first requests, the worker's first
 * activation of the cycle and unit workflows (their sandbox contexts), the database's first cycle,
 * the engine worker's first tasks and updates. Two-tier Đà Nẵng's own cycle, so Gia Lai stays untouched.
 */
async function warmUp(context: BenchContext): Promise<void> {
  const { stack, api } = context;
  const danang = api.as((await api.signIn(['admin.dn'])).get('admin.dn') as string);
  expectStatus(await danang.post('/api/cycles', { provinceCode: 'DN', year: context.nextYear() }), 201, 'warm-up cycle');
  const idle = await Promise.all(
    Array.from({ length: 10 }, (_, index) => stack.client.workflow.start(benchIdleWorkflow, { workflowId: `bench-warm-up/idle/${index}`, taskQueue: stack.engineTaskQueue })),
  );
  await Promise.all(idle.map(async (handle) => (await handle.signal(releaseSignal), await handle.result())));
  const pinged = await stack.client.workflow.start(benchUpdateWorkflow, { workflowId: 'bench-warm-up/update', taskQueue: stack.engineTaskQueue });
  for (let ping = 0; ping < 5; ping += 1) await pinged.executeUpdate(pingUpdate, { args: [ping] });
  await pinged.signal(releaseSignal);
  await pause(1_000);
  log('warmed up');
}

// Exits once everything is stopped: a native runtime or a keep-alive socket must not hold the process.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
