import type { Problem } from '../errors/domain-error';
import { isValidBudget } from '../money/vnd';
import type { Role, RoleAssignment } from '../org/roles';
import { PlanDecisionRefused } from '../plan/plan-lifecycle';
import type { PlanItem } from '../plan/plan-item';
import { quartersOf } from '../plan/time-frame';

export const REPORT_KINDS = ['quarterly', 'annual', 'ad_hoc', 'provincial'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  quarterly: 'Báo cáo quý',
  annual: 'Báo cáo năm',
  ad_hoc: 'Báo cáo đột xuất',
  provincial: 'Báo cáo của tỉnh',
};

/** writing (the writer drafts and submits) → review (the reviewer accepts or returns it to writing) → accepted. */
export const REPORT_STAGES = ['writing', 'review', 'accepted'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];
export const REPORT_STAGE_LABELS: Record<ReportStage, string> = {
  writing: 'Đang viết',
  review: 'Chờ xem xét',
  accepted: 'Đã chấp nhận',
};

export const REPORT_LINE_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type ReportLineStatus = (typeof REPORT_LINE_STATUSES)[number];
export const REPORT_LINE_STATUS_LABELS: Record<ReportLineStatus, string> = {
  not_started: 'Chưa triển khai',
  in_progress: 'Đang triển khai',
  done: 'Đã hoàn thành',
};

export const REPORT_SUMMARY_MAX = 10_000;
export const REPORT_ACHIEVED_MAX = 2_000;

/** One plan item as a report tells it (DOMAIN.md step 7). */
export interface ReportLine {
  itemId: string;
  content: string;
  status: ReportLineStatus;
  achieved: string;
  /** Whole đồng spent so far; null when the writer gives no figure. */
  spent: number | null;
}

export interface ReportContent {
  summary: string;
  lines: ReportLine[];
}

export type ReportDecision = { action: 'submit' } | { action: 'accept' } | { action: 'return'; reasons: string };

/**
 * Who writes and who reviews a report: roles on units. Unit reports: the unit's officer or leader in
 * charge writes, its leader in charge reviews. The provincial report: the coordinator's
 * officer/coordinator writes, the province's approver reviews (approves it for the ministry).
 */
export interface ReportChain {
  writerUnitCode: string;
  writerRoles: Role[];
  reviewerUnitCode: string;
  reviewerRoles: Role[];
}

export function unitReportChain(unitCode: string): ReportChain {
  return { writerUnitCode: unitCode, writerRoles: ['officer', 'leader_in_charge'], reviewerUnitCode: unitCode, reviewerRoles: ['leader_in_charge'] };
}

/** Seed 003: units report "thông qua Sở Thông tin và Truyền thông tổng hợp"; the province sends it on. */
export function provincialReportChain(provinceCode: string, coordinatorUnitCode: string): ReportChain {
  return {
    writerUnitCode: coordinatorUnitCode,
    writerRoles: ['officer', 'coordinator'],
    reviewerUnitCode: provinceCode,
    reviewerRoles: ['approver'],
  };
}

const ACTION_LABELS: Record<ReportDecision['action'], string> = {
  submit: 'gửi báo cáo',
  accept: 'chấp nhận báo cáo',
  return: 'trả lại báo cáo',
};

const RULES: Record<ReportDecision['action'], { stage: ReportStage; side: 'writer' | 'reviewer' }> = {
  submit: { stage: 'writing', side: 'writer' },
  accept: { stage: 'review', side: 'reviewer' },
  return: { stage: 'review', side: 'reviewer' },
};

/**
 * Throws PlanDecisionRefused when the decision is not allowed now (state), by this actor (actor) or
 * with this input (input). Workflow update validators call it, so a refusal never reaches history.
 */
export function checkReportDecision(stage: ReportStage, decision: ReportDecision, actorRoles: readonly RoleAssignment[], chain: ReportChain): void {
  const rule = RULES[decision.action];
  const label = ACTION_LABELS[decision.action];
  if (stage !== rule.stage) {
    throw new PlanDecisionRefused('state', 'REPORT_STAGE_CONFLICT', `Báo cáo đang ở bước "${REPORT_STAGE_LABELS[stage]}", không thể ${label}.`);
  }
  const unitCode = rule.side === 'writer' ? chain.writerUnitCode : chain.reviewerUnitCode;
  const roles = rule.side === 'writer' ? chain.writerRoles : chain.reviewerRoles;
  // Held on that very unit: an admin of the province configures the chain but does not act in it.
  if (!actorRoles.some((held) => held.unitCode === unitCode && roles.includes(held.role))) {
    throw new PlanDecisionRefused('actor', 'AUTH_FORBIDDEN', `Bạn không có quyền ${label} này.`);
  }
  if (decision.action === 'return' && (typeof decision.reasons !== 'string' || decision.reasons.trim() === '')) {
    throw new PlanDecisionRefused('input', 'REPORT_REASONS_REQUIRED', 'Khi trả lại báo cáo, cần ghi rõ lý do để người viết sửa.');
  }
}

/** The stage after an allowed decision (check it first with checkReportDecision). */
export function nextReportStage(_stage: ReportStage, decision: ReportDecision): ReportStage {
  switch (decision.action) {
    case 'submit':
      return 'review';
    case 'accept':
      return 'accepted';
    case 'return':
      return 'writing';
  }
}

/**
 * The lines a report starts with: the items of the plan in force that fall in or run through
 * `quarter`; every item when quarter is null (annual and ad-hoc reports).
 */
export function reportLinesFor(items: readonly PlanItem[], quarter: 1 | 2 | 3 | 4 | null): ReportLine[] {
  return items
    .filter((item) => quarter === null || quartersOf(item.timeFrame).includes(quarter))
    .map((item) => ({ itemId: item.id, content: item.content, status: 'not_started', achieved: '', spent: null }));
}

/** Enough for any form to show; beyond it a hostile body would only make the answer huge. */
const PROBLEMS_MAX = 100;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What a writer may save, checked from untrusted JSON. The lines must be exactly the expected
 * items, each once, in any order; the content of each line is copied from `expected`, never from
 * the input. The cleaned content lists the lines in the order of `expected`, with texts trimmed.
 */
export function validateReportContent(value: unknown, expected: readonly ReportLine[]): { content: ReportContent | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (code: string, field: string, message: string) => problems.push({ code, field, message });

  if (!isRecord(value)) {
    problem('REPORT_CONTENT_INVALID', '', 'Nội dung báo cáo không hợp lệ.');
    return { content: null, problems };
  }

  let summary = '';
  if (typeof value.summary !== 'string') {
    problem('REPORT_CONTENT_INVALID', 'summary', 'Phần tóm tắt của báo cáo phải là văn bản.');
  } else {
    summary = value.summary.trim();
    if (summary.length > REPORT_SUMMARY_MAX) problem('REPORT_TEXT_TOO_LONG', 'summary', `Phần tóm tắt dài quá ${REPORT_SUMMARY_MAX} ký tự.`);
  }

  if (!Array.isArray(value.lines)) {
    problem('REPORT_CONTENT_INVALID', 'lines', 'Báo cáo phải có danh sách các dòng nội dung.');
    return { content: null, problems };
  }

  // A Map, not an object: an itemId such as "__proto__" must find nothing.
  const expectedById = new Map(expected.map((line) => [line.itemId, line]));
  const cleaned = new Map<string, ReportLine>();
  for (const [index, line] of value.lines.entries()) {
    if (problems.length >= PROBLEMS_MAX) break;
    const at = (field: string) => `lines[${index}]${field ? `.${field}` : ''}`;
    const row = `Dòng ${index + 1}`;
    if (!isRecord(line)) {
      problem('REPORT_CONTENT_INVALID', at(''), `${row}: không hợp lệ.`);
      continue;
    }
    const item = typeof line.itemId === 'string' ? expectedById.get(line.itemId) : undefined;
    if (item === undefined) {
      problem('REPORT_LINE_UNKNOWN', at('itemId'), `${row}: không thuộc kế hoạch đang có hiệu lực cho kỳ báo cáo này.`);
      continue;
    }
    if (cleaned.has(item.itemId)) {
      problem('REPORT_CONTENT_INVALID', at('itemId'), `${row}: nội dung "${item.content}" được báo cáo hai lần.`);
      continue;
    }
    const status = line.status;
    if (!(REPORT_LINE_STATUSES as readonly unknown[]).includes(status)) {
      problem('REPORT_LINE_STATUS_INVALID', at('status'), `${row}: tình trạng phải là chưa triển khai, đang triển khai hoặc đã hoàn thành.`);
    }
    const achieved = typeof line.achieved === 'string' ? line.achieved.trim() : null;
    if (achieved === null) {
      problem('REPORT_CONTENT_INVALID', at('achieved'), `${row}: kết quả đạt được phải là văn bản.`);
    } else if (achieved.length > REPORT_ACHIEVED_MAX) {
      problem('REPORT_TEXT_TOO_LONG', at('achieved'), `${row}: kết quả đạt được dài quá ${REPORT_ACHIEVED_MAX} ký tự.`);
    }
    const spent = line.spent;
    if (spent !== null && !isValidBudget(spent)) {
      problem('REPORT_LINE_SPENT_INVALID', at('spent'), `${row}: kinh phí đã chi phải là số đồng nguyên, không âm (hoặc để trống).`);
    }
    // Kept even when invalid, so the item is not also reported missing; nothing is returned then.
    cleaned.set(item.itemId, { itemId: item.itemId, content: item.content, status: status as ReportLineStatus, achieved: achieved ?? '', spent: spent as number | null });
  }

  for (const item of expected) {
    if (problems.length >= PROBLEMS_MAX) break;
    if (!cleaned.has(item.itemId)) {
      problem('REPORT_LINE_MISSING', 'lines', `Báo cáo còn thiếu dòng cho nội dung "${item.content}".`);
    }
  }

  if (problems.length > 0) return { content: null, problems };
  return { content: { summary, lines: expected.map((item) => cleaned.get(item.itemId) as ReportLine) }, problems };
}

/** The coordinator's aggregation of the units' annual reports. */
export interface AnnualAggregate {
  unitsExpected: number;
  unitsReported: number;
  missingUnitCodes: string[];
  itemsTotal: number;
  itemsDone: number;
  totalSpent: number;
}

/**
 * Seed 003: the coordinator "tổng hợp" the units' reports for the province. Reports of units not
 * expected are ignored; a unit reported twice counts once, with its last report.
 */
export function aggregateAnnualReports(
  expectedUnitCodes: readonly string[],
  reports: ReadonlyArray<{ unitCode: string; content: ReportContent }>,
): AnnualAggregate {
  const expected = new Set(expectedUnitCodes);
  const byUnit = new Map<string, ReportContent>();
  for (const report of reports) {
    if (expected.has(report.unitCode)) byUnit.set(report.unitCode, report.content);
  }
  const lines = [...byUnit.values()].flatMap((content) => content.lines);
  return {
    unitsExpected: expected.size,
    unitsReported: byUnit.size,
    missingUnitCodes: [...expected].filter((code) => !byUnit.has(code)).sort(),
    itemsTotal: lines.length,
    itemsDone: lines.filter((line) => line.status === 'done').length,
    totalSpent: lines.reduce((total, line) => total + (line.spent ?? 0), 0),
  };
}
