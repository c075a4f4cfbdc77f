import { condition, getExternalWorkflowHandle, log, patched, startChild, workflowInfo, type ChildWorkflowHandle } from '@temporalio/workflow';
import { reportOpensAt, type ReportingWindow, type ReportKind } from '@plancycle/domain';
import { waitUntilDue } from './calendar-time';
import { annualReportAcceptedSignal, closeReportSignal, cycleCalendarChangedSignal, type UnitPlanInput } from './contract';
import type { PlanLifecycle } from './plan-lifecycle';
import { reportWorkflow } from './report.workflow';

interface ReportSlot {
  id: string;
  kind: Extract<ReportKind, 'quarterly' | 'annual'>;
  quarter: 1 | 2 | 3 | 4 | null;
  window: ReportingWindow;
}

/**
 * A unit's reports through the year (DOMAIN.md steps 7 and 10): each quarter's report opens when the
 * quarter's figures close, the annual report when the calendar says (mid-September by default), each
 * as a child workflow. The calendar is read as it stands when each report opens, so an admin's change
 * moves the reports still to come. When the annual report is accepted, the cycle hears of it.
 */
export class UnitReports {
  private readonly children: Array<ChildWorkflowHandle<typeof reportWorkflow>> = [];
  private closing = false;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly input: UnitPlanInput,
    private readonly plan: PlanLifecycle,
  ) {}

  start(): void {
    // A failed or terminated report must not wedge the unit: its failure ends that report only.
    this.done = this.run().catch((error: unknown) => log.warn('Unit reports stopped', { error: String(error) }));
    // Added after the v8 histories: reports already open follow a calendar change too.
    if (patched('report-calendar')) void this.forwardCalendarChanges();
  }

  private async forwardCalendarChanges(): Promise<void> {
    let seen = this.plan.calendarVersion();
    for (;;) {
      await condition(() => this.closing || this.plan.calendarVersion() !== seen);
      if (this.closing) return;
      // Taken before signalling: a change arriving meanwhile is forwarded on the next turn.
      seen = this.plan.calendarVersion();
      const calendar = this.plan.calendar();
      await Promise.all(this.children.map((child) => child.signal(cycleCalendarChangedSignal, calendar).catch(() => undefined)));
    }
  }

  /** The cycle closes: reports still open end where they are. */
  async close(): Promise<void> {
    this.closing = true;
    await this.done;
    await Promise.all(this.children.map((child) => child.signal(closeReportSignal).catch(() => undefined)));
    await Promise.all(this.children.map((child) => child.result().catch(() => undefined)));
  }

  private slots(): ReportSlot[] {
    const calendar = this.plan.calendar();
    const slots: ReportSlot[] = [
      ...calendar.quarterlyReports.map((window) => ({ id: `q${window.quarter}`, kind: 'quarterly' as const, quarter: window.quarter, window })),
      { id: 'annual', kind: 'annual', quarter: null, window: calendar.annualReport },
    ];
    return slots.sort((a, b) => Date.parse(reportOpensAt(a.window)) - Date.parse(reportOpensAt(b.window)));
  }

  private async run(): Promise<void> {
    const opened = new Set<string>();
    // The next report to open, under the calendar as it stands (a change may reorder them).
    const next = () => this.slots().find((slot) => !opened.has(slot.id));
    for (;;) {
      const first = next();
      if (!first || this.closing) return;
      await waitUntilDue(() => reportOpensAt((next() ?? first).window), () => this.closing, () => this.plan.calendarVersion());
      if (this.closing) return;
      const opening = next() ?? first;
      opened.add(opening.id);
      await this.open(opening);
    }
  }

  private async open(slot: ReportSlot): Promise<void> {
    const { workflowId } = workflowInfo();
    const calendarAtStart = this.plan.calendarVersion();
    const child = await startChild(reportWorkflow, {
      workflowId: `${workflowId}/report/${slot.id}`,
      args: [
        {
          cycleId: this.input.cycleId,
          provinceCode: this.input.provinceCode,
          year: this.input.year,
          unitCode: this.input.unit.unitCode,
          kind: slot.kind,
          quarter: slot.quarter,
          title: null,
          dueAt: slot.window.unitDue,
          reviewDueAt: slot.window.coordinatorDue,
        },
      ],
    });
    this.children.push(child);
    // A change made while the child was starting went to the others only.
    if (this.plan.calendarVersion() !== calendarAtStart) await child.signal(cycleCalendarChangedSignal, this.plan.calendar()).catch(() => undefined);
    if (slot.kind === 'annual') {
      this.announceWhenAccepted(child).catch((error: unknown) => log.warn('Annual report not announced', { error: String(error) }));
    }
  }

  private async announceWhenAccepted(child: ChildWorkflowHandle<typeof reportWorkflow>): Promise<void> {
    const outcome = await child.result().catch(() => null);
    const parent = workflowInfo().parent;
    if (outcome?.stage === 'accepted' && parent) {
      await getExternalWorkflowHandle(parent.workflowId, parent.runId).signal(annualReportAcceptedSignal, this.input.unit.unitCode);
    }
  }
}
