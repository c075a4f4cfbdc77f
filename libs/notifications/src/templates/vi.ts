import { isReportTaskKind, type NotificationFacts, type NotifiedReport, type NotifiedTaskKind } from '../notification';
import { isReturnedReport, ladderStep, type PlanFacts, type Wording } from './wording';

const TASK_VERBS: Record<NotifiedTaskKind, string> = {
  draft: 'soạn thảo',
  appraise: 'thẩm định',
  approve: 'phê duyệt',
  amend: 'điều chỉnh',
  report: 'lập báo cáo',
  review_report: 'xem xét báo cáo',
  aggregate: 'tổng hợp báo cáo',
  approve_report: 'phê duyệt báo cáo',
};

/** What the reader is asked to do, in the words an official letter uses. */
const TASK_REQUESTS: Record<NotifiedTaskKind, string> = {
  draft: 'Đề nghị đồng chí soạn thảo kế hoạch và trình trước hạn xử lý nêu dưới đây.',
  appraise: 'Đề nghị đồng chí nghiên cứu, cho ý kiến thẩm định trước hạn xử lý nêu dưới đây.',
  approve: 'Đề nghị đồng chí xem xét, phê duyệt trước hạn xử lý nêu dưới đây.',
  amend: 'Đề nghị đồng chí điều chỉnh, bổ sung kế hoạch và trình lại trước hạn xử lý nêu dưới đây.',
  report: 'Đề nghị đồng chí cập nhật tình hình thực hiện từng nội dung của kế hoạch, hoàn thiện báo cáo và gửi trước hạn xử lý nêu dưới đây.',
  review_report: 'Đề nghị đồng chí xem xét báo cáo trên hệ thống PlanCycle, chấp nhận hoặc trả lại (nêu rõ lý do) trước hạn xử lý nêu dưới đây.',
  aggregate: 'Đề nghị đồng chí tổng hợp báo cáo năm của các đơn vị thành báo cáo của tỉnh và trình trước hạn xử lý nêu dưới đây.',
  approve_report: 'Đề nghị đồng chí xem xét, phê duyệt báo cáo của tỉnh để gửi Bộ theo quy định trước hạn xử lý nêu dưới đây.',
};

const ROMAN_QUARTERS: Record<1 | 2 | 3 | 4, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

export const vi: Wording = {
  locale: 'vi',
  actionLabels: { approve: 'Phê duyệt', agree: 'Đồng ý (thẩm định)', return: 'Trả lại', open: 'Mở việc' },

  planTitle: (plan) => `Kế hoạch thông tin đối ngoại năm ${plan.year} của ${issuerOf(plan)}`,
  reportTitle: (plan, report) => `Báo cáo ${reportName(plan, report, 'full')}`,
  dueDate: (at) => `${at.hour}:${at.minute} ngày ${at.day}/${at.month}/${at.year}`,
  day: (day) => `${day.day}/${day.month}/${day.year}`,

  subject(facts) {
    const title = titleOf(facts, 'short');
    switch (facts.kind) {
      case 'task_assigned':
        return facts.task ? `Đề nghị ${TASK_VERBS[facts.task.kind]}: ${title}` : `Việc mới: ${title}`;
      case 'plan_returned':
        return `${facts.report ? 'Báo cáo' : 'Kế hoạch'} bị trả lại: ${title}`;
      case 'appraisal_opinion':
        return `Ý kiến thẩm định: ${title}`;
      case 'plan_issued':
        return `Đã ban hành${facts.plan.documentNumber ? ` ${facts.plan.documentNumber}` : ''}: ${shortTitle(facts.plan)}`;
      case 'reminder':
        return `Nhắc việc (${stepLabel(facts.step) ?? 'sắp đến hạn'}): ${capitalize(taskPhrase(facts, 'short'))}`;
      case 'escalation':
        return `Quá hạn: ${capitalize(taskPhrase(facts, 'short'))}`;
      case 'report_requested':
        return `Đề nghị báo cáo: ${facts.report ? title : shortTitle(facts.plan)}`;
    }
  },

  greeting: (name) => `Kính gửi đồng chí ${name},`,

  lead(facts) {
    const title = titleOf(facts, 'full');
    const actor = facts.actorName;
    const request = facts.task ? TASK_REQUESTS[facts.task.kind] : 'Đề nghị đồng chí xem và xử lý kịp thời.';
    const step = stepLabel(facts.step);
    switch (facts.kind) {
      case 'task_assigned': {
        if (facts.report && facts.task && isReportTaskKind(facts.task.kind)) return reportTaskLead(facts, facts.report, facts.task.kind, request);
        const purpose = facts.task ? TASK_VERBS[facts.task.kind] : 'xử lý';
        const sent = actor ? `${actor} đã chuyển ${title} đến đồng chí để ${purpose}.` : `${title} đã được chuyển đến đồng chí để ${purpose}.`;
        return [sent, request];
      }
      case 'plan_returned': {
        const how = facts.opinion === 'return' ? ' kèm ý kiến thẩm định' : '';
        const returned = actor ? `${actor} đã trả lại ${title}${how}.` : `${title} đã bị trả lại${how}.`;
        return [returned, `Đề nghị đồng chí nghiên cứu ý kiến nêu dưới đây, chỉnh sửa, hoàn thiện ${facts.report ? 'báo cáo và gửi lại' : 'kế hoạch và trình lại'}.`];
      }
      case 'appraisal_opinion':
        return [`${actor ?? 'Cơ quan thẩm định'} đã cho ý kiến thẩm định đối với ${title}: ${opinionText(facts.opinion)}.`, 'Đồng chí theo dõi các bước tiếp theo trên hệ thống PlanCycle.'];
      case 'plan_issued': {
        const number = facts.plan.documentNumber ? ` với số ${facts.plan.documentNumber}` : '';
        return [
          `${title} đã được ${actor ? `${actor} ` : ''}phê duyệt và ban hành${number}.`,
          'Đề nghị đơn vị tổ chức triển khai thực hiện kế hoạch theo đúng nội dung và tiến độ đã đề ra.',
        ];
      }
      case 'reminder':
        return [`Đồng chí có việc ${taskPhrase(facts, 'full')} chưa hoàn thành${step ? ` (${step})` : ''}.`, request];
      case 'escalation':
        return [
          `Việc ${taskPhrase(facts, 'full')} đã quá hạn xử lý mà chưa được hoàn thành${step ? ` (${step})` : ''}.`,
          'Thông báo này gửi đồng chí để theo dõi, đôn đốc, chỉ đạo xử lý dứt điểm.',
        ];
      case 'report_requested':
        return [
          facts.report
            ? `${actor ? `${actor} đề nghị` : 'Đề nghị'} đơn vị lập báo cáo ${reportName(facts.plan, facts.report, 'full')}.`
            : `${actor ? `${actor} đề nghị` : 'Đề nghị'} đơn vị báo cáo tình hình thực hiện ${vi.planTitle(facts.plan)}.`,
          'Đề nghị đồng chí tổng hợp, gửi báo cáo đúng thời hạn.',
        ];
    }
  },

  factLabels: {
    unit: 'Đơn vị',
    plan: 'Kế hoạch',
    report: 'Báo cáo',
    version: 'Phiên bản',
    itemCount: 'Số nội dung',
    totalBudget: 'Tổng kinh phí',
    dueAt: 'Hạn xử lý',
    documentNumber: 'Số văn bản',
  },
  budget: (amount, inWords) => `${amount} đồng (${inWords})`,

  commentsHeading(facts) {
    if (facts.kind === 'appraisal_opinion' || (facts.kind === 'plan_returned' && facts.opinion === 'return')) return 'Ý kiến thẩm định';
    if (facts.kind === 'plan_returned' || isReturnedReport(facts)) return 'Lý do trả lại';
    if (facts.kind === 'report_requested') return 'Nội dung đề nghị báo cáo';
    return 'Ghi chú';
  },

  missingReports: (units) => `Chưa nhận được báo cáo của: ${units.join(', ')}.`,

  linksHeading: 'Đồng chí có thể xử lý qua các liên kết sau:',

  footer({ hasLinks, linksExpireAt }) {
    const lines: string[] = [];
    if (hasLinks) {
      lines.push('Mỗi liên kết chỉ mở trang xác nhận trên hệ thống PlanCycle; việc mở liên kết không làm thay đổi gì. Quyết định chỉ được ghi nhận khi đồng chí xác nhận trên trang đó.');
      if (linksExpireAt) lines.push(`Liên kết hết hiệu lực vào hạn xử lý (${linksExpireAt}).`);
    }
    lines.push('Thư này được gửi tự động từ hệ thống PlanCycle, đề nghị không trả lời thư này.');
    return lines;
  },

  digest: {
    subject: (day) => `Tóm tắt công việc ngày ${day}`,
    lead: (day, count) => (count > 0 ? `Trong ngày ${day}, đồng chí có ${count} thông báo trên hệ thống PlanCycle:` : `Trong ngày ${day}, đồng chí không có thông báo mới.`),
    dueAt: 'Hạn xử lý',
    footer: [
      'Đồng chí nhận bản tóm tắt này vì đã chọn nhận thông báo gộp theo ngày.',
      'Thư này được gửi tự động từ hệ thống PlanCycle, đề nghị không trả lời thư này.',
    ],
  },
};

/** 'Kế hoạch TTĐN năm 2027 của UBND xã Ia Dom': the abbreviation officials use in a subject line. */
function shortTitle(plan: PlanFacts): string {
  return `Kế hoạch TTĐN năm ${plan.year} của ${issuerOf(plan)}`;
}

/**
 * Whose plan it is. The provincial plan is "của tỉnh Gia Lai" even when the unit is recorded by its
 * full name ('Ủy ban nhân dân tỉnh Gia Lai'); a centrally-run city keeps "thành phố".
 */
function issuerOf(plan: PlanFacts): string {
  if (plan.planKind !== 'provincial') return plan.unitName;
  const place = plan.unitName.normalize('NFC').replace(/^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/iu, '');
  return /^(?:tỉnh|thành phố)\s/iu.test(place) ? place : `tỉnh ${place}`;
}

/** What a message is about: the report when there is one, else the plan and its version. */
function titleOf(facts: NotificationFacts, form: 'short' | 'full'): string {
  if (facts.report) return `Báo cáo ${reportName(facts.plan, facts.report, form)}`;
  return `${form === 'short' ? shortTitle(facts.plan) : vi.planTitle(facts.plan)} (phiên bản ${facts.plan.version})`;
}

/**
 * 'quý II năm 2027 của UBND xã Ia Dom': a report's title after its "Báo cáo", so that a task's verb
 * ('lập báo cáo') can take it without saying "báo cáo" twice.
 */
function reportName(plan: PlanFacts, report: NotifiedReport, form: 'short' | 'full'): string {
  switch (report.kind) {
    case 'quarterly':
      return `quý ${report.quarter ? `${ROMAN_QUARTERS[report.quarter]} ` : ''}năm ${plan.year} của ${issuerOf(plan)}`;
    case 'annual':
      return `năm ${plan.year} của ${issuerOf(plan)}`;
    case 'ad_hoc':
      return `đột xuất${report.title ? `: ${report.title}` : ''} của ${issuerOf(plan)}`;
    case 'provincial':
      return `công tác ${form === 'short' ? 'TTĐN' : 'thông tin đối ngoại'} năm ${plan.year} của ${issuerOf(plan)}`;
  }
}

/** 'phê duyệt Kế hoạch …', 'lập báo cáo quý II …': the task, or what it is about alone when there is none. */
function taskPhrase(facts: NotificationFacts, form: 'short' | 'full'): string {
  if (!facts.task) return titleOf(facts, form);
  const verb = TASK_VERBS[facts.task.kind];
  return facts.report && isReportTaskKind(facts.task.kind) ? `${verb} ${reportName(facts.plan, facts.report, form)}` : `${verb} ${titleOf(facts, form)}`;
}

/** A report's task: write it (again, when its reviewer returned it with reasons), or decide on it. */
function reportTaskLead(facts: NotificationFacts, report: NotifiedReport, kind: NotifiedTaskKind, request: string): string[] {
  const actor = facts.actorName;
  const name = reportName(facts.plan, report, 'full');
  if (isReturnedReport(facts)) {
    return [actor ? `${actor} đã trả lại báo cáo ${name}.` : `Báo cáo ${name} đã bị trả lại.`, 'Đề nghị đồng chí nghiên cứu ý kiến dưới đây, chỉnh sửa, hoàn thiện báo cáo và gửi lại trước hạn xử lý.'];
  }
  if (kind === 'report' || kind === 'aggregate') {
    return [actor ? `${actor} đề nghị đồng chí ${TASK_VERBS[kind]} ${name}.` : `Đồng chí được giao ${TASK_VERBS[kind]} ${name}.`, request];
  }
  return [actor ? `${actor} đã gửi Báo cáo ${name} đến đồng chí.` : `Báo cáo ${name} đã được gửi đến đồng chí.`, request];
}

function stepLabel(step: string | null): string | null {
  if (!step) return null;
  const parsed = ladderStep(step);
  switch (parsed.when) {
    case 'before':
      return `còn ${parsed.days} ngày làm việc`;
    case 'due':
      return 'đến hạn hôm nay';
    case 'overdue':
      return parsed.days === null ? 'đã quá hạn' : `quá hạn ${parsed.days} ngày làm việc`;
    case 'other':
      return parsed.label || null;
  }
}

function opinionText(opinion: NotificationFacts['opinion']): string {
  if (opinion === 'agree') return 'đồng ý';
  if (opinion === 'return') return 'chưa đồng ý, đề nghị chỉnh sửa, bổ sung';
  return 'xem nội dung dưới đây';
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}
