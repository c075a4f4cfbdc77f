import { annualCycleWorkflowId } from '@plancycle/domain';
import { eventually } from '../../support/eventually';
import { recordGuidanceFor } from '../../support/guidance';
import { borderConferenceItem } from '../../support/plan-fixtures';
import { issueProvincialPlan } from '../../support/provincial-plan';
import { requestsAs, type TestStack } from '../../support/stack';

export const IA_DOM = 'GL.DUCCO.IADOM';

/** A Gia Lai cycle with something in every place a request can aim at. */
export interface CycleFixture {
  cycleId: string;
  year: number;
  /** Xã Ia Dom's plan: version 1 issued with one row, then amended, so version 2 is the open draft. */
  draftVersion: number;
  /** The provincial plan's version in force (issued). */
  provincialVersion: number;
  /** An ad-hoc report Ia Dom is writing, whose one line is the issued plan's row `item-1`. */
  reportId: string;
  stop(): Promise<void>;
}

/**
 * Takes a Gia Lai cycle of `year` (xã Ia Dom taking part) to the point where plans, a report and
 * tasks all exist, as the demo users would through the API: guidance recorded, provincial plan
 * issued, Ia Dom's plan issued and amended, an ad-hoc report asked of Ia Dom.
 */
export async function prepareCycle(stack: TestStack, year: number): Promise<CycleFixture> {
  const cycleId = `GL-${year}`;
  const as = async (username: string) => requestsAs(stack, await stack.login(username));
  const [admin, officer, appraiser, approver, coordinator] = await Promise.all(['admin.gl', 'canbo.iadom', 'thamdinh.ducco', 'pheduyet.ducco', 'dieuphoi.gl'].map(as));
  const plan = `/api/cycles/${cycleId}/units/${IA_DOM}/plan`;

  await admin.post('/api/cycles', { provinceCode: 'GL', year, participatingUnitCodes: [IA_DOM] }).expect(201);
  await recordGuidanceFor(stack.client, stack.dataSource, 'GL', year);
  await issueProvincialPlan(stack.client, stack.dataSource, cycleId);
  await eventually(() => officer.get(plan).expect(200), { timeoutMs: 30_000 });
  await officer.put(`${plan}/draft`, { version: 1, items: [borderConferenceItem(year)] }).expect(200);
  await officer.post(`${plan}/decisions`, { action: 'submit', version: 1 }).expect(200);
  await appraiser.post(`${plan}/decisions`, { action: 'appraise', opinion: 'agree', version: 1 }).expect(200);
  await approver.post(`${plan}/decisions`, { action: 'approve', version: 1 }).expect(200);
  await officer.post(`${plan}/decisions`, { action: 'amend' }).expect(200);

  const dueAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  await coordinator.post(`/api/cycles/${cycleId}/report-requests`, { title: 'Báo cáo nhanh công tác thông tin đối ngoại', unitCodes: [IA_DOM], dueAt }).expect(201);
  const reportId = await eventually(
    async () => {
      const tasks = (await officer.get('/api/tasks').expect(200)).body as Array<{ kind: string; reportId: string | null }>;
      const report = tasks.find((task) => task.kind === 'report' && task.reportId);
      if (!report) throw new Error('the ad-hoc report has not reached the officer yet');
      return report.reportId as string;
    },
    { timeoutMs: 30_000 },
  );
  const lines = (await officer.get(`/api/reports/${reportId}`).expect(200)).body.content.lines as Array<{ itemId: string }>;
  if (lines.map((line) => line.itemId).join() !== 'item-1') throw new Error(`The report's lines are ${JSON.stringify(lines)}, not the issued plan's one row.`);

  return {
    cycleId,
    year,
    draftVersion: 2,
    provincialVersion: 1,
    reportId,
    stop: () => stack.client.workflow.getHandle(annualCycleWorkflowId(cycleId)).terminate('end of test').then(() => undefined),
  };
}
