import { DomainError } from '../errors/domain-error';
import type { OrgUnit } from '../org/org-unit';
import type { Role, RoleAssignment } from '../org/roles';

/**
 * Where a plan is. The chain is drafting → (appraisal) → approval → issued; a return sends it back
 * to drafting as a new version, and an amendment reopens drafting after issuance. There is no limit
 * on rounds, and every round is kept by the caller (opinions and the audit trail).
 */
export const PLAN_STAGES = ['pending', 'drafting', 'appraisal', 'approval', 'issued'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];
export const PLAN_STAGE_LABELS: Record<PlanStage, string> = {
  pending: 'Chờ kế hoạch của tỉnh',
  drafting: 'Đang dự thảo',
  appraisal: 'Chờ thẩm định',
  approval: 'Chờ phê duyệt',
  issued: 'Đã ban hành',
};

/** Who does what for one plan, read from the unit's settings (data, never derived from its kind). */
export interface PlanChain {
  drafterUnitCode: string;
  /** Null when the plan needs no appraisal. */
  appraiserUnitCode: string | null;
  approverUnitCode: string;
}

export function planChainOf(unit: OrgUnit): PlanChain {
  return {
    drafterUnitCode: unit.code,
    appraiserUnitCode: unit.settings.needsAppraisal ? unit.settings.appraiserUnitCode : null,
    approverUnitCode: unit.settings.approverUnitCode ?? unit.code,
  };
}

/**
 * The provincial plan: drafted by the coordinator, approved and issued by the province (seed 003:
 * "Sở Thông tin và Truyền thông … tham mưu"), with no appraisal step.
 */
export function provincialPlanChain(province: OrgUnit, coordinator: OrgUnit): PlanChain {
  return { drafterUnitCode: coordinator.code, appraiserUnitCode: null, approverUnitCode: province.code };
}

export interface PlanProgress {
  stage: PlanStage;
  /** The version being drafted, appraised or approved. */
  version: number;
  /** Versions an appraiser agreed to. */
  appraisedVersions: number[];
  versionInForce: number | null;
}

export type PlanDecision =
  | { action: 'submit'; version: number }
  | { action: 'appraise'; version: number; decision: 'agree' | 'return'; comments: string }
  | { action: 'approve'; version: number }
  | { action: 'return'; version: number; reasons: string }
  | { action: 'amend' };

/** Why a decision is refused: the plan's state (409), who asks (403) or what they wrote (400). */
export type RefusalKind = 'state' | 'actor' | 'input';

export class PlanDecisionRefused extends DomainError {
  constructor(
    readonly kind: RefusalKind,
    code: string,
    message: string,
  ) {
    super(code, message);
    this.name = 'PlanDecisionRefused';
  }
}

const ACTION_LABELS: Record<PlanDecision['action'], string> = {
  submit: 'trình kế hoạch',
  appraise: 'cho ý kiến thẩm định',
  approve: 'phê duyệt',
  return: 'trả lại kế hoạch',
  amend: 'đề xuất điều chỉnh, bổ sung',
};

/** The stage a decision is taken in, and the roles (on which unit of the chain) that may take it. */
const RULES: Record<PlanDecision['action'], { stage: PlanStage; roles: Role[]; unit: keyof PlanChain }> = {
  submit: { stage: 'drafting', roles: ['officer', 'leader_in_charge'], unit: 'drafterUnitCode' },
  appraise: { stage: 'appraisal', roles: ['appraiser'], unit: 'appraiserUnitCode' },
  approve: { stage: 'approval', roles: ['approver'], unit: 'approverUnitCode' },
  return: { stage: 'approval', roles: ['approver'], unit: 'approverUnitCode' },
  amend: { stage: 'issued', roles: ['officer', 'leader_in_charge'], unit: 'drafterUnitCode' },
};

/**
 * Throws PlanDecisionRefused when the decision is not allowed now, by this actor, with this input.
 * Workflow update validators call it, so a refused decision never reaches the history.
 */
export function checkDecision(progress: PlanProgress, decision: PlanDecision, actor: readonly RoleAssignment[], chain: PlanChain): void {
  const rule = RULES[decision.action];
  const label = ACTION_LABELS[decision.action];
  if (progress.stage !== rule.stage) {
    throw new PlanDecisionRefused('state', 'PLAN_STAGE_CONFLICT', `Kế hoạch đang ở bước "${PLAN_STAGE_LABELS[progress.stage]}", không thể ${label}.`);
  }
  if ('version' in decision && decision.version !== progress.version) {
    throw new PlanDecisionRefused(
      'state',
      'PLAN_VERSION_STALE',
      `Bạn đang xem phiên bản ${decision.version}, nhưng phiên bản hiện hành là ${progress.version}. Hãy tải lại kế hoạch.`,
    );
  }
  const unitCode = chain[rule.unit];
  // The role must be held on that very unit: an admin configures the chain but does not act in it.
  if (unitCode === null || !actor.some((held) => held.unitCode === unitCode && rule.roles.includes(held.role))) {
    throw new PlanDecisionRefused('actor', 'AUTH_FORBIDDEN', `Bạn không có quyền ${label} cho kế hoạch này.`);
  }
  if (decision.action === 'appraise' && decision.decision === 'return' && decision.comments.trim() === '') {
    throw new PlanDecisionRefused('input', 'PLAN_COMMENTS_REQUIRED', 'Khi trả lại kế hoạch, cơ quan thẩm định cần ghi rõ ý kiến.');
  }
  if (decision.action === 'return' && decision.reasons.trim() === '') {
    throw new PlanDecisionRefused('input', 'PLAN_REASONS_REQUIRED', 'Khi trả lại kế hoạch, cần ghi rõ lý do.');
  }
  if (decision.action === 'approve' && chain.appraiserUnitCode !== null && !progress.appraisedVersions.includes(decision.version)) {
    throw new PlanDecisionRefused(
      'state',
      'PLAN_APPRAISAL_REQUIRED',
      `Phiên bản ${decision.version} chưa có ý kiến thẩm định đồng ý nên chưa thể phê duyệt.`,
    );
  }
}

/** The progress after an allowed decision (check it first with checkDecision). */
export function applyDecision(progress: PlanProgress, decision: PlanDecision, chain: PlanChain): PlanProgress {
  const redraft = (): PlanProgress => ({ ...progress, stage: 'drafting', version: progress.version + 1 });
  switch (decision.action) {
    case 'submit':
      return { ...progress, stage: chain.appraiserUnitCode === null ? 'approval' : 'appraisal' };
    case 'appraise':
      return decision.decision === 'agree'
        ? { ...progress, stage: 'approval', appraisedVersions: [...progress.appraisedVersions, decision.version] }
        : redraft();
    case 'approve':
      return { ...progress, stage: 'issued', versionInForce: decision.version };
    case 'return':
    case 'amend':
      return redraft();
  }
}
