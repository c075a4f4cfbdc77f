import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';

const HISTORIES = join(__dirname, '../fixtures/histories');

/**
 * Cycles run for a year, so the workflow code a worker runs must replay the histories that earlier
 * versions wrote. Each fixture is a history recorded from a released version (record new ones with
 * PLANCYCLE_RECORD_HISTORIES=1 npm test); a change that breaks one needs `patched()`.
 */
describe('workflow histories of earlier versions', () => {
  const fixtures = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

  it('has recorded histories to check', () => {
    expect(fixtures).toEqual(expect.arrayContaining(['annual-cycle.closed-early.json', 'unit-plan.closed.json']));
  });

  it.each(fixtures)('replays %s without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.PLANCYCLE_TEST_WORKFLOW_BUNDLE as string } }, history, file);
    expect(history.events?.length).toBeGreaterThan(0);
  });
});
