import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annualCycleWorkflowId } from '@plancycle/domain';
import { findFreePort, startTemporalDevServer, type TemporalDevServer } from '@plancycle/infra';
import { startTestStack, type TestStack } from '../support/stack';
import { cycleClosed, prepareYear, startCycle, unitReportsAccepted, type PreparedYear } from './support/compressed-cycle';
import { CycleBot } from './support/cycle-bot';
import { reportFigures } from './support/figures';
import { expectYearEndedAsWithoutFaults } from './support/invariants';
import { scaled } from './support/scale';

// This file runs (and stops) a Temporal server of its own; GL's year YEAR is still its alone.
const YEAR = new Date().getFullYear() + 71;
const CYCLE = `GL-${YEAR}`;
const UNITS = scaled(3, 10);
const RESTARTS = scaled(1, 3);
/** How long the server stays down each time, besides the time it takes to stop and to start. */
const DOWN_MS = scaled(3_000, 10_000);
const PACE = scaled(4, 8);
const SLOW = scaled(240_000, 900_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A compressed year whose Temporal server (the dev server, on a SQLite file) is stopped in the
 * middle of it and started again on the same file and port. The workflows' histories, timers and
 * pending tasks live in that file: the worker and the API reconnect by themselves, and the year
 * ends as a run without the restart ends.
 */
describe('a compressed year across restarts of its Temporal server', () => {
  let directory: string;
  let server: TemporalDevServer | null = null;
  let restartServer: () => Promise<void>;
  let stack: TestStack;
  let year: PreparedYear;
  let bot: CycleBot | null = null;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'plancycle-temporal-restart-'));
    const options = { dbFile: join(directory, 'temporal.db'), port: await findFreePort(), uiPort: null, logFile: join(directory, 'temporal.log') };
    server = await startTemporalDevServer(options);
    restartServer = async () => {
      await server?.stop();
      server = null;
      await pause(DOWN_MS);
      server = await startTemporalDevServer(options);
    };
    stack = await startTestStack({ temporalAddress: server.address });
    year = await prepareYear(stack, UNITS);
  }, SLOW);
  afterAll(async () => {
    await bot?.stop();
    await stack?.client.workflow.getHandle(annualCycleWorkflowId(CYCLE)).terminate('end of test').catch(() => undefined);
    // The stack first: its worker stops while the server it polls is still there.
    await stack?.stop();
    await server?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('finishes the year after the server was stopped and started again in the middle of it', async () => {
    const start = Date.now();
    await startCycle(stack, year.adminToken, { provinceCode: 'GL', year: YEAR, units: year.units, paceSeconds: PACE });
    let restartsOver = false;
    // The coordinator aggregates once every unit's reports are in and the last restart is over, so every restart falls inside the year.
    const readyToAggregate = async () => restartsOver && (await unitReportsAccepted(stack, year.adminToken, CYCLE)) === UNITS * 5;
    bot = new CycleBot(stack, CYCLE, year.tokens, year.adminToken, { readyToAggregate });
    bot.start();

    // Spread over the year's eight paces: a single restart comes as the first quarter's reports open.
    let secondsDown = 0;
    for (let restart = 1; restart <= RESTARTS; restart += 1) {
      await pause(start + ((8 * restart) / (RESTARTS + 1)) * PACE * 1000 - Date.now());
      const stoppedAt = Date.now();
      await restartServer();
      secondsDown += (Date.now() - stoppedAt) / 1000;
    }
    restartsOver = true;

    await cycleClosed(stack, year.adminToken, CYCLE, SLOW - 60_000);
    await bot.stop();
    expect(bot.errors).toEqual([]);
    const checked = await expectYearEndedAsWithoutFaults(stack.dataSource, CYCLE, year.units, year.tap);
    reportFigures('Temporal restart', { units: UNITS, restarts: RESTARTS, 'seconds down': Math.round(secondsDown), lost: checked.lost });
  }, SLOW);
});
