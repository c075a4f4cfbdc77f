import { DomainError } from '../errors/domain-error';
import { draftsOwnPlan, type OrgUnit } from '../org/org-unit';

/** The earliest and latest year a cycle may be started for: a guard against typos, not a policy. */
export const FIRST_CYCLE_YEAR = 2000;
export const LAST_CYCLE_YEAR = 2100;

export const CYCLE_STAGES = ['running', 'closed'] as const;
export type CycleStage = (typeof CYCLE_STAGES)[number];
export const CYCLE_STAGE_LABELS: Record<CycleStage, string> = {
  running: 'Đang thực hiện',
  closed: 'Đã kết thúc',
};

/** Where a unit is in the cycle: its plan's stage while the plan is the work, then closed. */
export const UNIT_STAGES = ['pending', 'drafting', 'appraisal', 'approval', 'issued', 'closed'] as const;
export type UnitStage = (typeof UNIT_STAGES)[number];
export const UNIT_STAGE_LABELS: Record<UnitStage, string> = {
  pending: 'Chờ bắt đầu',
  drafting: 'Đang xây dựng kế hoạch',
  appraisal: 'Chờ thẩm định',
  approval: 'Chờ phê duyệt',
  issued: 'Đã ban hành kế hoạch',
  closed: 'Đã kết thúc',
};

/** One cycle per province and year: the id says which, so starting it twice finds the first. */
export function cycleIdOf(provinceCode: string, year: number): string {
  return `${provinceCode}-${year}`;
}

export function annualCycleWorkflowId(cycleId: string): string {
  return `annual-cycle/${cycleId}`;
}

export function provincialPlanWorkflowId(cycleId: string): string {
  return `annual-cycle/${cycleId}/provincial-plan`;
}

export function unitPlanWorkflowId(cycleId: string, unitCode: string): string {
  return `annual-cycle/${cycleId}/unit/${unitCode}`;
}

/**
 * The units that take part: the ones asked for, or every unit that takes part by default.
 * Only units that draft a plan of their own can take part.
 */
export function selectParticipants(units: readonly OrgUnit[], requestedCodes?: readonly string[]): OrgUnit[] {
  const planners = units.filter(draftsOwnPlan).filter((unit) => unit.kind !== 'province');
  if (requestedCodes === undefined) return planners.filter((unit) => unit.settings.participatesByDefault);

  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const unknown = requestedCodes.filter((code) => !byCode.has(code));
  if (unknown.length > 0) {
    throw new DomainError('CYCLE_UNIT_UNKNOWN', `Không tìm thấy đơn vị trong tỉnh: ${unknown.join(', ')}.`, { unitCodes: unknown });
  }
  const notPlanners = requestedCodes.filter((code) => !planners.includes(byCode.get(code) as OrgUnit));
  if (notPlanners.length > 0) {
    throw new DomainError(
      'CYCLE_UNIT_NOT_PLANNER',
      `Các đơn vị sau không xây dựng kế hoạch riêng nên không thể tham gia chu kỳ: ${notPlanners.join(', ')}.`,
      { unitCodes: notPlanners },
    );
  }
  if (requestedCodes.length === 0) {
    throw new DomainError('CYCLE_UNITS_EMPTY', 'Chu kỳ phải có ít nhất một đơn vị tham gia.');
  }
  const wanted = new Set(requestedCodes);
  return planners.filter((unit) => wanted.has(unit.code));
}
