import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { annualCycleWorkflowId, cycleIdOf, provincialPlanWorkflowId, defaultCycleCalendar, unitPlanWorkflowId, workCalendar, type PlanDecision, type PlanItem } from '@plancycle/domain';
import { AuditRepository, CycleRepository, PlanOpinionRepository, PlanRepository, TaskRepository, UserRepository } from '@plancycle/persistence';
import { cycleRecordedUpdate, planDecisionUpdate, planViewQuery, type Actor, type annualCycleWorkflow } from '@plancycle/workflows';
import { eventually } from '../support/eventually';
import { borderConferenceItem } from '../support/plan-fixtures';
import { recordHistoryFixture } from '../support/histories';
import { recordGuidanceFor } from '../support/guidance';
import { issueProvincialPlan } from '../support/provincial-plan';
import { startTestStack, type TestStack } from '../support/stack';

// The Temporal server is shared by the whole run: this file owns GL's years YEAR..YEAR+9.
const YEAR = new Date().getFullYear() + 25;
const IA_DOM = 'GL.DUCCO.IADOM';

const items: PlanItem[] = [borderConferenceItem(YEAR)];

describe('a commune plan through drafting, appraisal with one return, approval and issuance', () => {
  let stack: TestStack;
  let planId: string;
  const actors: Record<string, Actor> = {};
  const cycleId = cycleIdOf('GL', YEAR);
  const workflowId = unitPlanWorkflowId(cycleId, IA_DOM);

  beforeAll(async () => {
    stack = await startTestStack({ api: false });
    for (const username of ['canbo.iadom', 'thamdinh.ducco', 'pheduyet.ducco', 'admin.gl']) {
      const user = await new UserRepository(stack.dataSource).findByUsername(username);
      actors[username] = { userId: user!.id, roles: user!.roles };
    }
    const handle = await stack.client.workflow.start<typeof annualCycleWorkflow>('annualCycleWorkflow', {
      workflowId: annualCycleWorkflowId(cycleId),
      taskQueue: stack.config.temporal.taskQueue,
      args: [
        {
          cycleId,
          provinceCode: 'GL',
          year: YEAR,
          calendar: defaultCycleCalendar(YEAR, workCalendar()),
          participants: [{ unitCode: IA_DOM, unitName: 'Ủy ban nhân dân xã Ia Dom', kind: 'commune' }],
          startedBy: null,
        },
      ],
    });
    await handle.executeUpdate(cycleRecordedUpdate);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    await issueProvincialPlan(stack.client, stack.dataSource, cycleId);
    planId = await eventually(async () => {
      const view = await stack.client.workflow.getHandle(workflowId).query(planViewQuery);
      if (!view.planId) throw new Error('plan not opened yet');
      return view.planId;
    });
  });
  afterAll(async () => {
    await stack?.client.workflow.getHandle(annualCycleWorkflowId(cycleId)).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  /** A decision as the API will send it: the result, or the refusal's code and kind. */
  const decide = async (username: string, decision: PlanDecision) => {
    try {
      const requestId = randomUUID();
      return await stack.client.workflow
        .getHandle(workflowId)
        .executeUpdate(planDecisionUpdate, { args: [{ requestId, decision, actor: actors[username] }], updateId: requestId });
    } catch (error) {
      const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
      if (cause instanceof ApplicationFailure) return { refused: cause.type, kind: cause.details?.[0] };
      throw error;
    }
  };
  const plans = () => new PlanRepository(stack.dataSource);
  const openTask = () => new TaskRepository(stack.dataSource).findOpenForPlan(planId);

  it('opens the plan with a drafting task for the commune officer, due on the calendar date', async () => {
    expect((await plans().findById(planId))?.stage).toBe('drafting');
    expect(await openTask()).toMatchObject({ kind: 'draft', assigneeUnitCode: IA_DOM, assigneeRole: 'officer' });
    expect(await plans().saveDraft(planId, 1, items, actors['canbo.iadom'].userId)).toBe(true);
  });

  it('refuses, before anything is recorded, what the state or the actor does not allow', async () => {
    // Mail and reminders run beside the plan and add their own events: count only the updates'.
    const historyLength = async () =>
      (await stack.client.workflow.getHandle(workflowId).fetchHistory()).events?.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes || event.workflowExecutionUpdateCompletedEventAttributes).length;
    const before = await historyLength();
    expect(await decide('pheduyet.ducco', { action: 'approve', version: 1 })).toEqual({ refused: 'PLAN_STAGE_CONFLICT', kind: 'state' });
    expect(await decide('thamdinh.ducco', { action: 'submit', version: 1 })).toEqual({ refused: 'AUTH_FORBIDDEN', kind: 'actor' });
    expect(await decide('admin.gl', { action: 'submit', version: 1 })).toEqual({ refused: 'AUTH_FORBIDDEN', kind: 'actor' });
    expect(await decide('canbo.iadom', { action: 'submit', version: 2 })).toEqual({ refused: 'PLAN_VERSION_STALE', kind: 'state' });
    expect(await new AuditRepository(stack.dataSource).listForPlan(planId)).toEqual([]);
    expect(await historyLength()).toBe(before); // validators refuse before the history
  });

  it('sends the plan to the appraiser, who returns it with comments as version 2', async () => {
    expect(await decide('canbo.iadom', { action: 'submit', version: 1 })).toMatchObject({ stage: 'appraisal', version: 1 });
    expect(await openTask()).toMatchObject({ kind: 'appraise', assigneeUnitCode: 'GL.DUCCO.PVHTT', assigneeRole: 'appraiser' });
    expect(await plans().saveDraft(planId, 1, [], actors['canbo.iadom'].userId)).toBe(false); // frozen once submitted

    expect(await decide('thamdinh.ducco', { action: 'appraise', version: 1, decision: 'return', comments: '' })).toEqual({
      refused: 'PLAN_COMMENTS_REQUIRED',
      kind: 'input',
    });
    const returned = await decide('thamdinh.ducco', { action: 'appraise', version: 1, decision: 'return', comments: 'Đề nghị nêu rõ đơn vị phối hợp.' });

    expect(returned).toMatchObject({ stage: 'drafting', version: 2 });
    expect((await plans().findVersion(planId, 2))?.items).toEqual(items);
    expect(await openTask()).toMatchObject({ kind: 'draft', assigneeUnitCode: IA_DOM });
  });

  it('cannot be approved without an agreeing appraisal of the version approved', async () => {
    await decide('canbo.iadom', { action: 'submit', version: 2 });
    expect(await decide('pheduyet.ducco', { action: 'approve', version: 2 })).toEqual({ refused: 'PLAN_STAGE_CONFLICT', kind: 'state' });
    expect(await decide('thamdinh.ducco', { action: 'appraise', version: 2, decision: 'agree', comments: '' })).toMatchObject({ stage: 'approval' });
    expect(await decide('canbo.iadom', { action: 'approve', version: 2 })).toEqual({ refused: 'AUTH_FORBIDDEN', kind: 'actor' });
  });

  it('is issued on approval with the next number of its issuer, once', async () => {
    const issued = await decide('pheduyet.ducco', { action: 'approve', version: 2 });

    expect(issued).toMatchObject({ stage: 'issued', version: 2, documentNumber: '01/KH-UBND' });
    expect(await decide('pheduyet.ducco', { action: 'approve', version: 2 })).toEqual({ refused: 'PLAN_STAGE_CONFLICT', kind: 'state' });
    expect(await plans().findVersion(planId, 2)).toMatchObject({ state: 'issued', documentNumber: '01/KH-UBND' });
    expect(await openTask()).toBeNull();
    const unit = (await new CycleRepository(stack.dataSource).findById(cycleId))?.units.find((row) => row.unitCode === IA_DOM);
    expect(unit?.stage).toBe('issued');
  });

  it('keeps every round: opinions and an audit trail of who did what, when', async () => {
    const opinions = await new PlanOpinionRepository(stack.dataSource).listForPlan(planId);
    expect(opinions.map((opinion) => [opinion.step, opinion.version, opinion.decision])).toEqual([
      ['appraisal', 1, 'return'],
      ['appraisal', 2, 'agree'],
      ['approval', 2, 'agree'],
    ]);
    const trail = await new AuditRepository(stack.dataSource).listForPlan(planId);
    expect(trail.map((event) => [event.action, event.fromStage, event.toStage, event.version])).toEqual([
      ['submit', 'drafting', 'appraisal', 1],
      ['appraise', 'appraisal', 'drafting', 1],
      ['submit', 'drafting', 'appraisal', 2],
      ['appraise', 'appraisal', 'approval', 2],
      ['approve', 'approval', 'issued', 2],
    ]);
    expect(trail[1].comment).toBe('Đề nghị nêu rõ đơn vị phối hợp.');
  });

  it('reopens drafting as version 3 for an amendment, the issued version staying in force', async () => {
    expect(await decide('canbo.iadom', { action: 'amend' })).toMatchObject({ stage: 'drafting', version: 3 });
    expect(await plans().findById(planId)).toMatchObject({ stage: 'drafting', versionInForce: 2 });
    expect(await openTask()).toMatchObject({ kind: 'amend', assigneeUnitCode: IA_DOM });
    await recordHistoryFixture(workflowId, 'unit-plan.lifecycle');
    await recordHistoryFixture(provincialPlanWorkflowId(cycleId), 'provincial-plan.issued');
  });
});
