import type { FocusTask } from '@plancycle/domain';
import type { CycleRecord, CycleRepository, ReportRepository } from '@plancycle/persistence';

/** Rows as the repositories give them (named here so the package's index stays as it is). */
export type UnitStatus = Awaited<ReturnType<CycleRepository['listUnitStatuses']>>[number];
export type ReportState = Awaited<ReturnType<ReportRepository['listStatesForCycle']>>[number];
export type CycleSummary = Awaited<ReturnType<CycleRepository['listForProvinces']>>[number];

/** The plan stages the dashboard counts, in the order of the work; `pending` is "not open yet". */
export const DASHBOARD_STAGES = ['pending', 'drafting', 'appraisal', 'approval', 'issued'] as const;
export type DashboardStage = (typeof DASHBOARD_STAGES)[number];

export type ReportCellState = 'none' | 'open' | 'submitted' | 'accepted' | 'late';

export interface ReportCell {
  reportId: string | null;
  state: ReportCellState;
}

export interface UnitRow {
  unitCode: string;
  unitName: string;
  stage: DashboardStage;
  latestVersion: number | null;
  versionInForce: number | null;
  documentNumber: string | null;
  issuedOn: string | null;
  quarters: [ReportCell, ReportCell, ReportCell, ReportCell];
  annual: ReportCell;
}

export interface QuarterOnTime {
  quarter: 1 | 2 | 3 | 4;
  onTime: number;
  /** Reports sent, or past their due date unsent: the ones whose punctuality is known. */
  counted: number;
}

export interface FocusTaskBudget {
  focusTaskNumber: number | null;
  title: string | null;
  budget: number;
}

/** What the web asks of a starting cycle: how many unit workflows are up of how many expected. */
export interface CycleProgressView {
  expectedUnits: number;
  unitsUp: number;
  /** `starting` while some units are not up yet, then the cycle's own stage. */
  stage: 'starting' | CycleRecord['stage'];
}

export interface CycleDashboard {
  cycle: CycleRecord;
  provincialPlan: { stage: DashboardStage; documentNumber: string | null } | null;
  units: UnitRow[];
  overdueTasks: number;
  onTime: QuarterOnTime[];
  budget: FocusTaskBudget[];
  progress: CycleProgressView;
  now: number;
}

/**
 * Where a report is for the dashboard: late once past its due date and not accepted (a report sent
 * but not yet accepted by then counts as late too: the province does not have it).
 */
export function reportCellState(report: ReportState | undefined, now: number): ReportCellState {
  if (!report) return 'none';
  if (report.stage === 'accepted') return 'accepted';
  if (Date.parse(report.dueAt) < now) return 'late';
  return report.stage === 'review' ? 'submitted' : 'open';
}

export function unitRows(statuses: readonly UnitStatus[], reports: readonly ReportState[], now: number): UnitRow[] {
  // Oldest first from the repository, so a unit's later report of the same period wins.
  const byKey = new Map(reports.map((report) => [`${report.unitCode}|${report.kind}|${report.quarter ?? ''}`, report]));
  const cell = (unitCode: string, kind: 'quarterly' | 'annual', quarter: number | null): ReportCell => {
    const report = byKey.get(`${unitCode}|${kind}|${quarter ?? ''}`);
    return { reportId: report?.id ?? null, state: reportCellState(report, now) };
  };
  return statuses.map((status) => ({
    unitCode: status.unitCode,
    unitName: status.unitName,
    stage: status.planStage ?? 'pending',
    latestVersion: status.latestVersion,
    versionInForce: status.versionInForce,
    documentNumber: status.documentNumber,
    issuedOn: status.issuedOn,
    quarters: [cell(status.unitCode, 'quarterly', 1), cell(status.unitCode, 'quarterly', 2), cell(status.unitCode, 'quarterly', 3), cell(status.unitCode, 'quarterly', 4)],
    annual: cell(status.unitCode, 'annual', null),
  }));
}

export function stageCounts(units: readonly UnitRow[]): Record<DashboardStage, number> {
  const counts = Object.fromEntries(DASHBOARD_STAGES.map((stage) => [stage, 0])) as Record<DashboardStage, number>;
  for (const unit of units) counts[unit.stage] += 1;
  return counts;
}

/** Per quarter, of the units' reports whose punctuality is known, how many were sent by their due date. */
export function onTimeByQuarter(reports: readonly ReportState[], now: number): QuarterOnTime[] {
  const quarters = ([1, 2, 3, 4] as const).map((quarter): QuarterOnTime => ({ quarter, onTime: 0, counted: 0 }));
  // One pass over a province's thousand reports, each date read once.
  for (const report of reports) {
    const row = report.kind === 'quarterly' && report.quarter !== null ? quarters[report.quarter - 1] : undefined;
    if (!row) continue;
    const due = Date.parse(report.dueAt);
    if (report.submittedAt === null && !(due < now)) continue;
    row.counted += 1;
    if (report.submittedAt !== null && Date.parse(report.submittedAt) <= due) row.onTime += 1;
  }
  return quarters;
}

export function lateReportCount(units: readonly UnitRow[]): number {
  return units.reduce((sum, unit) => sum + [...unit.quarters, unit.annual].filter((cell) => cell.state === 'late').length, 0);
}

export function budgetWithTitles(rows: ReadonlyArray<{ focusTaskNumber: number | null; budget: number }>, focusTasks: readonly FocusTask[]): FocusTaskBudget[] {
  const titles = new Map(focusTasks.map((task) => [task.number, task.title]));
  return rows.map((row) => ({ ...row, title: row.focusTaskNumber === null ? null : (titles.get(row.focusTaskNumber) ?? null) }));
}

/** A filter value from the query string, when it names a stage. */
export function stageFilter(value: unknown): DashboardStage | null {
  return typeof value === 'string' && (DASHBOARD_STAGES as readonly string[]).includes(value) ? (value as DashboardStage) : null;
}
