import type { NotificationFacts, NotifiedTaskKind } from '../notification';
import { ladderStep, type PlanFacts, type Wording } from './wording';

const TASK_VERBS: Record<NotifiedTaskKind, string> = {
  draft: 'soạn thảo',
  appraise: 'thẩm định',
  approve: 'phê duyệt',
  amend: 'điều chỉnh',
};

/** What the reader is asked to do, in the words an official letter uses. */
const TASK_REQUESTS: Record<NotifiedTaskKind, string> = {
  draft: 'Đề nghị đồng chí soạn thảo kế hoạch và trình trước hạn xử lý nêu dưới đây.',
  appraise: 'Đề nghị đồng chí nghiên cứu, cho ý kiến thẩm định trước hạn xử lý nêu dưới đây.',
  approve: 'Đề nghị đồng chí xem xét, phê duyệt trước hạn xử lý nêu dưới đây.',
  amend: 'Đề nghị đồng chí điều chỉnh, bổ sung kế hoạch và trình lại trước hạn xử lý nêu dưới đây.',
};

export const vi: Wording = {
  locale: 'vi',
  actionLabels: { approve: 'Phê duyệt', agree: 'Đồng ý (thẩm định)', return: 'Trả lại', open: 'Mở việc' },

  planTitle: (plan) => `Kế hoạch thông tin đối ngoại năm ${plan.year} của ${issuerOf(plan)}`,
  dueDate: (at) => `${at.hour}:${at.minute} ngày ${at.day}/${at.month}/${at.year}`,
  day: (day) => `${day.day}/${day.month}/${day.year}`,

  subject(facts) {
    const title = `${shortTitle(facts.plan)} (phiên bản ${facts.plan.version})`;
    switch (facts.kind) {
      case 'task_assigned':
        return facts.task ? `Đề nghị ${TASK_VERBS[facts.task.kind]}: ${title}` : `Việc mới: ${title}`;
      case 'plan_returned':
        return `Kế hoạch bị trả lại: ${title}`;
      case 'appraisal_opinion':
        return `Ý kiến thẩm định: ${title}`;
      case 'plan_issued':
        return `Đã ban hành${facts.plan.documentNumber ? ` ${facts.plan.documentNumber}` : ''}: ${shortTitle(facts.plan)}`;
      case 'reminder':
        return `Nhắc việc (${stepLabel(facts.step) ?? 'sắp đến hạn'}): ${capitalize(taskPhrase(facts, title))}`;
      case 'escalation':
        return `Quá hạn: ${capitalize(taskPhrase(facts, title))}`;
      case 'report_requested':
        return `Đề nghị báo cáo: ${shortTitle(facts.plan)}`;
    }
  },

  greeting: (name) => `Kính gửi đồng chí ${name},`,

  lead(facts) {
    const title = `${vi.planTitle(facts.plan)} (phiên bản ${facts.plan.version})`;
    const actor = facts.actorName;
    const request = facts.task ? TASK_REQUESTS[facts.task.kind] : 'Đề nghị đồng chí xem và xử lý kịp thời.';
    const step = stepLabel(facts.step);
    switch (facts.kind) {
      case 'task_assigned': {
        const purpose = facts.task ? TASK_VERBS[facts.task.kind] : 'xử lý';
        const sent = actor ? `${actor} đã chuyển ${title} đến đồng chí để ${purpose}.` : `${title} đã được chuyển đến đồng chí để ${purpose}.`;
        return [sent, request];
      }
      case 'plan_returned': {
        const how = facts.opinion === 'return' ? ' kèm ý kiến thẩm định' : '';
        const returned = actor ? `${actor} đã trả lại ${title}${how}.` : `${title} đã bị trả lại${how}.`;
        return [returned, 'Đề nghị đồng chí nghiên cứu ý kiến nêu dưới đây, chỉnh sửa, hoàn thiện kế hoạch và trình lại.'];
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
        return [`Đồng chí có việc ${taskPhrase(facts, title)} chưa hoàn thành${step ? ` (${step})` : ''}.`, request];
      case 'escalation':
        return [
          `Việc ${taskPhrase(facts, title)} đã quá hạn xử lý mà chưa được hoàn thành${step ? ` (${step})` : ''}.`,
          'Thông báo này gửi đồng chí để theo dõi, đôn đốc, chỉ đạo xử lý dứt điểm.',
        ];
      case 'report_requested':
        return [
          `${actor ? `${actor} đề nghị` : 'Đề nghị'} đơn vị báo cáo tình hình thực hiện ${vi.planTitle(facts.plan)}.`,
          'Đề nghị đồng chí tổng hợp, gửi báo cáo đúng thời hạn.',
        ];
    }
  },

  factLabels: {
    unit: 'Đơn vị',
    plan: 'Kế hoạch',
    version: 'Phiên bản',
    itemCount: 'Số nội dung',
    totalBudget: 'Tổng kinh phí',
    dueAt: 'Hạn xử lý',
    documentNumber: 'Số văn bản',
  },
  budget: (amount, inWords) => `${amount} đồng (${inWords})`,

  commentsHeading(facts) {
    if (facts.kind === 'appraisal_opinion' || (facts.kind === 'plan_returned' && facts.opinion === 'return')) return 'Ý kiến thẩm định';
    if (facts.kind === 'plan_returned') return 'Lý do trả lại';
    if (facts.kind === 'report_requested') return 'Nội dung đề nghị báo cáo';
    return 'Ghi chú';
  },

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

/** 'phê duyệt Kế hoạch …': the task, or the plan alone when there is none. */
function taskPhrase(facts: NotificationFacts, title: string): string {
  return facts.task ? `${TASK_VERBS[facts.task.kind]} ${title}` : title;
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
