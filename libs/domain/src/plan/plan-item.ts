import type { Problem } from '../errors/domain-error';
import { isValidBudget } from '../money/vnd';
import { validateTimeFrame, type TimeFrame } from './time-frame';

export const PLAN_ITEM_CONTENT_MAX = 2000;

/** One row of a plan's appendix table (seed 002): what is done, by whom, when, for how much. */
export interface PlanItem {
  /** Stable across versions of the plan, so reports and amendments can refer to the row. */
  id: string;
  content: string;
  leadUnitCode: string;
  coordinatingUnitCodes: string[];
  timeFrame: TimeFrame;
  /** Whole đồng; null when the row has no budget of its own (an empty cell, not zero). */
  budget: number | null;
  /** Numbers of the guidance's focus tasks (nhiệm vụ trọng tâm) this row serves. */
  focusTaskNumbers: number[];
  /** In a unit's plan: the provincial plan's row this one carries out. */
  sourceItemId: string | null;
}

export interface PlanItemContext {
  cycleYear: number;
  /** Units of the province, by code. */
  unitCodes: ReadonlySet<string>;
  /** The guidance's focus task numbers; empty while no guidance is recorded. */
  focusTaskNumbers: ReadonlySet<number>;
}

/** Every problem of every row at once, each with the path of its field, so a form can mark them all. */
export function validatePlanItems(items: readonly PlanItem[], context: PlanItemContext): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  items.forEach((item, index) => {
    const at = (field: string) => `items[${index}].${field}`;
    const problem = (code: string, field: string, message: string) => problems.push({ code, field: at(field), message: `Dòng ${index + 1}: ${message}` });

    if (ids.has(item.id)) problem('PLAN_ITEM_DUPLICATE', 'id', 'mã dòng bị trùng.');
    ids.add(item.id);
    const content = typeof item.content === 'string' ? item.content.trim() : '';
    if (content.length === 0) problem('PLAN_ITEM_CONTENT_REQUIRED', 'content', 'chưa có nội dung.');
    if (content.length > PLAN_ITEM_CONTENT_MAX) problem('PLAN_ITEM_CONTENT_TOO_LONG', 'content', `nội dung dài quá ${PLAN_ITEM_CONTENT_MAX} ký tự.`);
    if (!context.unitCodes.has(item.leadUnitCode)) problem('PLAN_ITEM_UNIT_UNKNOWN', 'leadUnitCode', `không có đơn vị chủ trì "${item.leadUnitCode}" trong tỉnh.`);
    for (const code of item.coordinatingUnitCodes) {
      if (!context.unitCodes.has(code)) problem('PLAN_ITEM_UNIT_UNKNOWN', 'coordinatingUnitCodes', `không có đơn vị phối hợp "${code}" trong tỉnh.`);
    }
    if (item.coordinatingUnitCodes.includes(item.leadUnitCode)) {
      problem('PLAN_ITEM_LEAD_COORDINATES', 'coordinatingUnitCodes', 'đơn vị chủ trì không đồng thời là đơn vị phối hợp.');
    }
    if (new Set(item.coordinatingUnitCodes).size !== item.coordinatingUnitCodes.length) {
      problem('PLAN_ITEM_UNIT_DUPLICATE', 'coordinatingUnitCodes', 'một đơn vị phối hợp được kê hai lần.');
    }
    if (item.budget !== null && !isValidBudget(item.budget)) {
      problem('PLAN_ITEM_BUDGET_INVALID', 'budget', 'kinh phí phải là số đồng nguyên, không âm.');
    }
    for (const number of item.focusTaskNumbers) {
      if (!context.focusTaskNumbers.has(number)) problem('PLAN_ITEM_FOCUS_TASK_UNKNOWN', 'focusTaskNumbers', `văn bản hướng dẫn không có nhiệm vụ trọng tâm số ${number}.`);
    }
    for (const timeProblem of validateTimeFrame(item.timeFrame, context.cycleYear, at('timeFrame'))) {
      problems.push({ ...timeProblem, message: `Dòng ${index + 1}: ${timeProblem.message}` });
    }
  });
  return problems;
}

/** The total of the appendix table's budget column. */
export function planBudgetTotal(items: readonly PlanItem[]): number {
  return items.reduce((total, item) => total + (item.budget ?? 0), 0);
}
