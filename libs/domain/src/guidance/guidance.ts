import type { Problem } from '../errors/domain-error';
import { isLocalDate, type LocalDate } from '../calendar/local-date';

export const FOCUS_TASKS_MAX = 50;
export const FOCUS_TASK_TITLE_MAX = 2000;

/** Nhiệm vụ trọng tâm: a numbered task of the guidance (seed 004 has 9). */
export interface FocusTask {
  number: number;
  title: string;
}

/**
 * Công văn hướng dẫn: the ministry's yearly letter on how to build next year's plan, as a province
 * received it (seed 000 shows it forwarded by the provincial office).
 */
export interface GuidanceInput {
  provinceCode: string;
  /** `4110/BTTTT-TTĐN` */
  documentNumber: string;
  issuedOn: LocalDate;
  issuer: string;
  /** Trích yếu: `V/v hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm 2019`. */
  subject: string;
  /** The year of the plans it guides. */
  planYear: number;
  focusTasks: FocusTask[];
}

/** A number of a letter from the ministry: digits, `/`, then the symbol (`BTTTT-TTĐN`). */
const LETTER_NUMBER = /^\d{1,6}\/[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u;

/**
 * Everything wrong with a guidance at once. It arrives between August and December of the year
 * before the plans (seeds 004, 000, 003), so the plan year is its own year or the next one.
 */
export function validateGuidance(input: GuidanceInput, today: LocalDate): Problem[] {
  const problems: Problem[] = [];
  const problem = (code: string, field: string, message: string) => problems.push({ code, field, message });

  if (!LETTER_NUMBER.test(input.documentNumber)) {
    problem('GUIDANCE_NUMBER_INVALID', 'documentNumber', 'Số, ký hiệu văn bản phải có dạng "4110/BTTTT-TTĐN".');
  }
  if (!isLocalDate(input.issuedOn)) {
    problem('GUIDANCE_DATE_INVALID', 'issuedOn', 'Ngày ban hành phải là một ngày có thật, dạng YYYY-MM-DD.');
  } else if (input.issuedOn > today) {
    problem('GUIDANCE_DATE_FUTURE', 'issuedOn', 'Ngày ban hành không thể sau ngày hôm nay.');
  } else {
    const issuedYear = Number(input.issuedOn.slice(0, 4));
    if (input.planYear !== issuedYear && input.planYear !== issuedYear + 1) {
      problem('GUIDANCE_PLAN_YEAR_INVALID', 'planYear', `Văn bản ban hành năm ${issuedYear} chỉ hướng dẫn kế hoạch năm ${issuedYear} hoặc ${issuedYear + 1}.`);
    }
  }
  if (input.issuer.trim().length === 0) problem('GUIDANCE_ISSUER_REQUIRED', 'issuer', 'Chưa có cơ quan ban hành.');
  if (input.subject.trim().length === 0) problem('GUIDANCE_SUBJECT_REQUIRED', 'subject', 'Chưa có trích yếu nội dung văn bản.');

  if (input.focusTasks.length === 0 || input.focusTasks.length > FOCUS_TASKS_MAX) {
    problem('GUIDANCE_FOCUS_TASKS_INVALID', 'focusTasks', `Văn bản phải có từ 1 đến ${FOCUS_TASKS_MAX} nhiệm vụ trọng tâm.`);
  }
  input.focusTasks.forEach((task, index) => {
    if (task.number !== index + 1) {
      problem('GUIDANCE_FOCUS_TASK_NUMBER', `focusTasks[${index}].number`, `Nhiệm vụ thứ ${index + 1} phải mang số ${index + 1} (đánh số liên tục từ 1).`);
    }
    const title = task.title.trim();
    if (title.length === 0 || title.length > FOCUS_TASK_TITLE_MAX) {
      problem('GUIDANCE_FOCUS_TASK_TITLE', `focusTasks[${index}].title`, `Nội dung nhiệm vụ số ${index + 1} phải có từ 1 đến ${FOCUS_TASK_TITLE_MAX} ký tự.`);
    }
  });
  return problems;
}
