/** Where each thing lives in the web app: one place, so links from mail, inbox and pages agree. */
const segment = encodeURIComponent;

export const planPath = (cycleId: string, unitCode: string | null) =>
  unitCode ? `/app/cycles/${segment(cycleId)}/units/${segment(unitCode)}/plan` : `/app/cycles/${segment(cycleId)}/provincial-plan`;
export const reportPath = (reportId: string) => `/app/reports/${segment(reportId)}`;
export const cyclePath = (cycleId: string) => `/app/cycles/${segment(cycleId)}`;

/** A task opens on what it is about: its report, or its plan (the provincial plan has the province's code). */
export function taskPath(task: { reportId: string | null; cycleId: string; planUnitCode: string; planKind: 'unit' | 'provincial' }): string {
  if (task.reportId) return reportPath(task.reportId);
  return planPath(task.cycleId, task.planKind === 'provincial' ? null : task.planUnitCode);
}
export const reportsListPath = (cycleId: string) => `/app/cycles/${segment(cycleId)}/reports`;
