import { parseVndAmount, REPORT_ACHIEVED_MAX, REPORT_SUMMARY_MAX, type Problem, type ReportLine } from '@plancycle/domain';
import type { ReportTexts } from '../i18n/reports.messages';

/** What the writer typed, as posted: kept as text so a refused form comes back exactly as sent. */
export interface ReportFormValues {
  summary: string;
  lines: Array<{ itemId: string; status: string; achieved: string; spent: string }>;
}

/** A message for one field of the form (`summary`, `lines[2].spent`), or for the whole form (''). */
export interface FieldProblem {
  field: string;
  message: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The fields of the writer's form, one group per line of the report as it was shown (`item-0`,
 * `status-0`, …). Flat names, because the web app's form parser does not nest.
 */
export function readReportForm(body: Record<string, unknown>, lineCount: number): ReportFormValues {
  return {
    summary: text(body.summary),
    lines: Array.from({ length: lineCount }, (_, index) => ({
      itemId: text(body[`item-${index}`]),
      status: text(body[`status-${index}`]),
      achieved: text(body[`achieved-${index}`]),
      spent: text(body[`spent-${index}`]),
    })),
  };
}

/** The form as it starts: the report's saved content, money written the way officials write it. */
export function formValuesOf(content: { summary: string; lines: readonly ReportLine[] }, formatMoney: (amount: number) => string): ReportFormValues {
  return {
    summary: content.summary,
    lines: content.lines.map((line) => ({ itemId: line.itemId, status: line.status, achieved: line.achieved, spent: line.spent === null ? '' : formatMoney(line.spent) })),
  };
}

/** Money spent, read as the plan editor reads budgets (the domain's rule: dots only between thousands). */
export const parseMoney = parseVndAmount;

/**
 * The body ReportsService.saveContent takes, or the problems that stop the form before it: only
 * what a browser form adds (money as text). Everything else is the service's to judge.
 */
export function toReportBody(values: ReportFormValues, texts: ReportTexts): { body: unknown; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const lines = values.lines.map((line, index) => {
    const spent = parseMoney(line.spent);
    if (spent === 'invalid') problems.push({ field: `lines[${index}].spent`, message: texts.spentInvalid(index + 1) });
    if (spent === 'negative') problems.push({ field: `lines[${index}].spent`, message: texts.spentNegative(index + 1) });
    return { itemId: line.itemId, status: line.status, achieved: line.achieved, spent: typeof spent === 'number' ? spent : null };
  });
  return { body: { summary: values.summary, lines }, problems };
}

/** The service's problems, in the page's language where the page knows them (the domain speaks Vietnamese). */
export function fieldProblemsOf(problems: readonly Problem[], texts: ReportTexts): FieldProblem[] {
  return problems.map((problem) => {
    const row = /^lines\[(\d+)\]/.exec(problem.field ?? '');
    const number = row ? Number(row[1]) + 1 : 0;
    const field = problem.field ?? '';
    switch (problem.code) {
      case 'REPORT_LINE_STATUS_INVALID':
        return { field, message: texts.statusInvalid(number) };
      case 'REPORT_LINE_SPENT_INVALID':
        return { field, message: texts.spentInvalid(number) };
      case 'REPORT_TEXT_TOO_LONG':
        return { field, message: field === 'summary' ? texts.summaryTooLong(REPORT_SUMMARY_MAX) : texts.achievedTooLong(number, REPORT_ACHIEVED_MAX) };
      default:
        return { field, message: problem.message };
    }
  });
}
