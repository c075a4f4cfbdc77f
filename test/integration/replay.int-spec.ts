import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { reportFigures } from '../faults/support/figures';
import { fixtureWorkflowId, HISTORIES } from '../support/histories';

/** The file the worker bundles: every workflow type its task queue serves (`export { xWorkflow } from …`). */
const WORKFLOWS_FILE = join(__dirname, '../../workflows/src/workflows.ts');

/** `unitPlanWorkflow` → `unit-plan`, the prefix of its fixtures' names. */
const fixturePrefix = (workflowType: string) => workflowType.replace(/Workflow$/, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * Cycles run for a year, so the workflow code a worker runs must replay the histories that earlier
 * versions wrote. Each fixture is a history recorded from one version of the workflow code (record a
 * new set with `PLANCYCLE_RECORD_HISTORIES=v3 npx jest test/integration/annual-cycle`); a change
 * that breaks one needs `patched()`. Fixtures are never re-recorded, only added.
 */
describe('workflow histories of earlier versions', () => {
  const fixtures = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));
  const workflowTypes = [...readFileSync(WORKFLOWS_FILE, 'utf8').matchAll(/export \{ (\w+Workflow) \}/g)].map((match) => match[1]);
  let eventsReplayed = 0;

  afterAll(() => {
    reportFigures('workflow determinism', { 'workflow types': workflowTypes.length, histories: fixtures.length, 'events replayed': eventsReplayed });
  });

  it('has recorded histories of every workflow type the worker serves, so a new type cannot escape replay', () => {
    expect(workflowTypes).toEqual(expect.arrayContaining(['annualCycleWorkflow', 'unitPlanWorkflow', 'reportWorkflow']));
    const uncovered = workflowTypes.filter((type) => !fixtures.some((file) => file.replace(/^v\d+-/, '').startsWith(`${fixturePrefix(type)}.`)));
    expect(uncovered).toEqual([]);
  });

  it('keeps the histories of every earlier version', () => {
    expect(fixtures).toEqual(
      expect.arrayContaining(['v1-annual-cycle.closed-early.json', 'v1-unit-plan.closed.json', 'v2-annual-cycle.closed-early.json', 'v3-unit-plan.lifecycle.json', 'v4-annual-cycle.closed-early.json', 'v4-unit-plan.lifecycle.json', 'v4-provincial-plan.issued.json', 'v5-annual-cycle.closed-early.json', 'v6-unit-plan.lifecycle.json', 'v6-provincial-plan.issued.json', 'v7-unit-plan.lifecycle.json', 'v7-unit-plan.escalated.json', 'v7-annual-cycle.calendar-changed.json', 'v8-annual-cycle.full-year.json', 'v8-unit-plan.full-year.json', 'v8-report.quarterly.json', 'v8-report.provincial.json', 'v9-unit-plan.report-calendar.json', 'v9-report.rescheduled.json', 'v10-unit-plan.lifecycle.json', 'v10-unit-plan.report-calendar.json', 'v11-daily-digest.sent.json', 'v12-report.quarterly.json', 'v12-unit-plan.full-year.json']),
    );
  });

  it.each(fixtures)('replays %s without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.PLANCYCLE_TEST_WORKFLOW_BUNDLE as string } }, history, fixtureWorkflowId(file));
    expect(history.events?.length).toBeGreaterThan(0);
    eventsReplayed += history.events?.length ?? 0;
  });
});
