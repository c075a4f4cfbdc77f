import { parseVndAmount, type PlanItem, type TimeFrame } from '@plancycle/domain';
import { formRows, list, one } from '../forms';

/** One row of the editor as the browser posts it: `item.<index>.<field>`, all text. */
export interface PlanFormRow {
  id: string;
  content: string;
  lead: string;
  coordinating: string[];
  timeFrame: string;
  budget: string;
  focus: string[];
  source: string;
}

export interface RowProblem {
  /** 1-based, as the row number the officer sees. */
  row: number;
  message: string;
}

/** The grid's rows in the order shown, without the blank rows left at the bottom. */
export function rowsOfForm(body: Record<string, unknown>): PlanFormRow[] {
  return formRows(body, 'item')
    .map(({ fields }) => ({
      id: one(fields.id).trim(),
      content: one(fields.content).trim(),
      lead: one(fields.lead),
      coordinating: list(fields.coordinating),
      timeFrame: one(fields.timeFrame),
      budget: one(fields.budget).trim(),
      focus: list(fields.focus),
      source: one(fields.source),
    }))
    .filter((row) => row.content !== '' || row.budget !== '');
}

/** `q2`, `m7`, `year`, `regular`, `lead_unit_schedule`: the select's values for the seeds' time frames. */
export function timeFrameOf(code: string, year: number): TimeFrame | null {
  const quarter = /^q([1-4])$/.exec(code);
  if (quarter) return { kind: 'quarter', year, quarter: Number(quarter[1]) as 1 | 2 | 3 | 4 };
  const month = /^m(1[0-2]|[1-9])$/.exec(code);
  if (month) return { kind: 'month', year, month: Number(month[1]) };
  if (code === 'year') return { kind: 'year', year };
  if (code === 'regular' || code === 'lead_unit_schedule') return { kind: code };
  return null;
}

export function timeFrameCode(frame: TimeFrame): string {
  switch (frame.kind) {
    case 'quarter':
      return `q${frame.quarter}`;
    case 'month':
      return `m${frame.month}`;
    default:
      return frame.kind;
  }
}

/**
 * The rows as plan items, or the problems of the rows that cannot be read (a budget that is not an
 * amount, a time frame not offered). The domain's own validation runs after this, on the items.
 * A new row gets the next free number as its id; existing rows keep theirs across versions.
 */
export function itemsOfRows(rows: readonly PlanFormRow[], cycleYear: number, messages: { budget: string; timeFrame: string }): { items: PlanItem[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const used = new Set(rows.map((row) => row.id).filter(Boolean));
  let next = 1;
  const freshId = () => {
    while (used.has(String(next))) next += 1;
    used.add(String(next));
    return String(next);
  };
  const items = rows.map((row, index): PlanItem => {
    const budget = parseVndAmount(row.budget);
    if (budget === 'invalid' || budget === 'negative') problems.push({ row: index + 1, message: messages.budget });
    const timeFrame = timeFrameOf(row.timeFrame, cycleYear);
    if (!timeFrame) problems.push({ row: index + 1, message: messages.timeFrame });
    return {
      id: row.id || freshId(),
      content: row.content,
      leadUnitCode: row.lead,
      coordinatingUnitCodes: row.coordinating.filter((code) => code !== row.lead),
      timeFrame: timeFrame ?? { kind: 'regular' },
      budget: typeof budget === 'number' ? budget : null,
      focusTaskNumbers: row.focus.map(Number).filter(Number.isInteger),
      sourceItemId: row.source || null,
    };
  });
  return { items, problems };
}
