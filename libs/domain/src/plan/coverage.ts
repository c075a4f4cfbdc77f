import type { PlanItem } from './plan-item';

/** The guidance's focus tasks that no row of the provincial plan serves (shown before submission). */
export function uncoveredFocusTasks(focusTaskNumbers: readonly number[], items: readonly PlanItem[]): number[] {
  const served = new Set(items.flatMap((item) => item.focusTaskNumbers));
  return focusTaskNumbers.filter((number) => !served.has(number));
}

/**
 * The provincial plan's rows that assign the unit a part (as lead or as coordinator) which no row
 * of the unit's own plan carries out. Advice for the drafter, not a block.
 */
export function missingAssignments(unitCode: string, provincialItems: readonly PlanItem[], unitItems: readonly PlanItem[]): PlanItem[] {
  const carried = new Set(unitItems.map((item) => item.sourceItemId).filter((id): id is string => id !== null));
  return provincialItems.filter(
    (item) => (item.leadUnitCode === unitCode || item.coordinatingUnitCodes.includes(unitCode)) && !carried.has(item.id),
  );
}
