import { annualCycleWorkflowId } from '@plancycle/domain';
import { startTestStack, type TestStack } from '../support/stack';
import { startWorkerProcess, type AppProcess } from '../support/worker-process';
import { cycleClosed, cycleWorkflowIds, prepareYear, retriedTasks, startCycle, unitReportsAccepted, type PreparedYear } from './support/compressed-cycle';
import { CycleBot } from './support/cycle-bot';
import { reportFigures } from './support/figures';
import { expectYearEndedAsWithoutFaults } from './support/invariants';
import { scaled } from './support/scale';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 70;
const CYCLE = `GL-${YEAR}`;
const UNITS = scaled(10, 50);
const KILLS = scaled(3, 20);
/** Seconds between the stages of the compressed year: long enough for the kills (each followed by a restart) to spread across it. */
const PACE = scaled(4, 20);
const SLOW = scaled(300_000, 1_800_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A compressed year of many units while one worker process is killed with SIGKILL at random
 * moments and started again, and a second one shares the task queue throughout. Whatever a kill
 * interrupts (a workflow task, a database write, an SMTP exchange) Temporal hands out again; the
 * year must end exactly as a run without faults ends, nothing issued, recorded or sent twice.
 */
describe('a compressed year while one of two worker processes is killed again and again', () => {
  let stack: TestStack;
  let year: PreparedYear;
  let steady: AppProcess;
  /** Every process of the worker that is killed, the running one last. */
  const crashing: AppProcess[] = [];
  let bot: CycleBot | null = null;
  let stopCrashing = false;
  let crashes: Promise<number> = Promise.resolve(0);

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    const [first, second] = await Promise.all([startWorkerProcess(stack.config), startWorkerProcess(stack.config)]);
    steady = first;
    crashing.push(second);
    year = await prepareYear(stack, UNITS);
  }, SLOW);
  afterAll(async () => {
    stopCrashing = true;
    await crashes.catch(() => undefined);
    await bot?.stop();
    await stack?.client.workflow.getHandle(annualCycleWorkflowId(CYCLE)).terminate('end of test').catch(() => undefined);
    for (const worker of [steady, ...crashing]) await worker?.kill();
    await stack?.stop();
  });

  /**
   * Kills the crashing worker KILLS times and starts it again, at random moments across the busy
   * part of the year (its eight paces and a little more), in order; a kill waits for the restart before it.
   */
  const crashRepeatedly = async (start: number) => {
    const moments = Array.from({ length: KILLS }, () => start + Math.random() * 8.5 * PACE * 1000).sort((a, b) => a - b);
    let kills = 0;
    for (const moment of moments) {
      // In short steps, so that the end of the test does not wait for a moment far ahead.
      while (Date.now() < moment && !stopCrashing) await pause(Math.min(250, moment - Date.now()));
      if (stopCrashing) break;
      await crashing[crashing.length - 1].kill();
      kills += 1;
      crashing.push(await startWorkerProcess(stack.config));
    }
    return kills;
  };

  it('ends every unit’s year as a run without faults does, each number, transition and message once', async () => {
    let crashesOver = false;
    crashes = crashRepeatedly(Date.now()).finally(() => (crashesOver = true));
    await startCycle(stack, year.adminToken, { provinceCode: 'GL', year: YEAR, units: year.units, paceSeconds: PACE });
    // The coordinator aggregates once every unit's reports are in and the last kill is over, so every kill falls inside the year.
    const readyToAggregate = async () => crashesOver && (await unitReportsAccepted(stack, year.adminToken, CYCLE)) === UNITS * 5;
    bot = new CycleBot(stack, CYCLE, year.tokens, year.adminToken, { readyToAggregate });
    bot.start();

    await cycleClosed(stack, year.adminToken, CYCLE, SLOW - 60_000);
    await bot.stop();
    const kills = await crashes;
    expect(bot.errors).toEqual([]);
    expect(steady.running()).toBe(true);

    const checked = await expectYearEndedAsWithoutFaults(stack.dataSource, CYCLE, year.units, year.tap);
    reportFigures('worker crashes', {
      units: UNITS,
      'faults injected': kills,
      'tasks retried': await retriedTasks(stack.client, cycleWorkflowIds(CYCLE, year.units)),
      'transitions checked': checked.transitions,
      'numbers checked': checked.numbers,
      'messages checked': checked.messages,
      resends: checked.resends,
      lost: checked.lost,
    });
  }, SLOW);
});
