export { planItemsWorkbook, PLAN_ITEM_HEADERS, type PlanItemsWorkbookInput } from './plan-items-workbook';
export { readPlanItemsWorkbook, type PlanItemsImport, type PlanItemsImportOptions, type PlanItemsImportProblem } from './read-plan-items-workbook';
export { reportTableWorkbook, type ReportTableColumn, type ReportTableInput } from './report-table-workbook';
export { readTimeFrameText, type TimeFrameReading } from './time-frame-text';
export type { UnitRef } from './unit-names';
