import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { missingAssignments, uncoveredFocusTasks, validatePlanItems, type PlanItem } from '@plancycle/domain';
import {
  AuditRepository,
  GuidanceRepository,
  OrgUnitRepository,
  PlanOpinionRepository,
  PlanRepository,
  TaskRepository,
  type CycleRecord,
  type PlanRecord,
} from '@plancycle/persistence';
import { planDecisionUpdate, type PlanDecisionResult } from '@plancycle/workflows';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { ApiException, badRequest, forbidden, notFound } from '../common/api-exception';
import type { PlanDecisionDto } from './dtos/plan-decision.dto';
import type { SaveDraftDto } from './dtos/save-draft.dto';
import { toPlanDecision } from './plan-decision';
import { DecisionGateway } from './decision-gateway';

/** Which plan of a cycle: a unit's own, or the provincial plan. */
export type PlanRef = { kind: 'unit'; unitCode: string } | { kind: 'provincial' };

@Injectable()
export class PlansService {
  constructor(
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(GuidanceRepository) private readonly guidances: GuidanceRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(PlanOpinionRepository) private readonly opinions: PlanOpinionRepository,
    @Inject(TaskRepository) private readonly tasks: TaskRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
    @Inject(DecisionGateway) private readonly decisions: DecisionGateway,
  ) {}

  /** Everything a screen shows about one plan: versions, every opinion, the open task and the trail. */
  async view(cycleId: string, ref: PlanRef, user: AuthenticatedUser) {
    const { cycle, plan } = await this.locate(cycleId, ref, user);
    const [versions, opinions, openTask, trail] = await Promise.all([
      this.plans.listVersions(plan.id),
      this.opinions.listForPlan(plan.id),
      this.tasks.findOpenForPlan(plan.id),
      this.audit.listForPlan(plan.id),
    ]);
    const latest = versions[versions.length - 1]?.items ?? [];
    return { plan, versions, opinions, openTask, audit: trail, coverage: await this.coverage(cycle, plan, latest) };
  }

  /**
   * Advice shown before submission, never a block: for the provincial plan, the guidance's focus
   * tasks no row serves; for a unit's plan, the provincial rows assigning the unit a part it skips.
   */
  private async coverage(cycle: CycleRecord, plan: PlanRecord, items: PlanItem[]) {
    if (plan.kind === 'provincial') {
      const [guidance] = await this.guidances.listForProvince(cycle.provinceCode, cycle.year);
      return { uncoveredFocusTasks: guidance ? uncoveredFocusTasks(guidance.focusTasks.map((task) => task.number), items) : [] };
    }
    const provincial = await this.plans.findForUnit(cycle.id, cycle.provinceCode, 'provincial');
    const inForce = provincial?.versionInForce ? await this.plans.findVersion(provincial.id, provincial.versionInForce) : null;
    return { missingAssignments: missingAssignments(plan.unitCode, inForce?.items ?? [], items).map((item) => ({ id: item.id, content: item.content })) };
  }

  /** Saving a draft is not a workflow event: any number of saves, straight to the database. */
  async saveDraft(cycleId: string, ref: PlanRef, body: SaveDraftDto, user: AuthenticatedUser) {
    const { cycle, plan } = await this.locate(cycleId, ref, user);
    // The provincial plan is drafted at the coordinator (Sở), a unit's plan at the unit itself.
    const units = await this.orgUnits.listProvinceUnits(cycle.provinceCode);
    const drafter = ref.kind === 'unit' ? ref.unitCode : units.find((unit) => unit.kind === 'coordinator')?.code;
    if (!user.roles.some((role) => role.unitCode === drafter && (role.role === 'officer' || role.role === 'leader_in_charge'))) {
      throw forbidden('Chỉ cán bộ kiêm nhiệm hoặc lãnh đạo phụ trách của đơn vị soạn thảo mới được soạn kế hoạch.');
    }
    const items: PlanItem[] = body.items.map((item) => ({ ...item, timeFrame: item.timeFrame as unknown as PlanItem['timeFrame'], sourceItemId: item.sourceItemId ?? null }));
    const guidance = await this.guidances.listForProvince(cycle.provinceCode, cycle.year);
    const problems = validatePlanItems(items, {
      cycleYear: cycle.year,
      unitCodes: new Set(units.map((unit) => unit.code)),
      focusTaskNumbers: new Set(guidance[0]?.focusTasks.map((task) => task.number) ?? []),
    });
    if (problems.length > 0) throw badRequest(problems[0].code, problems[0].message, { problems });
    if (!(await this.plans.saveDraft(plan.id, body.version, items, user.id))) {
      throw new ApiException(HttpStatus.CONFLICT, 'PLAN_NOT_DRAFTING', `Phiên bản ${body.version} không phải bản dự thảo đang mở; hãy tải lại kế hoạch.`);
    }
    return this.plans.findVersion(plan.id, body.version);
  }

  /** A decision goes to the plan's workflow, whose validator has the last word on state and actor. */
  async decide(cycleId: string, ref: PlanRef, body: PlanDecisionDto, user: AuthenticatedUser): Promise<PlanDecisionResult> {
    const { plan } = await this.locate(cycleId, ref, user);
    const decision = toPlanDecision(body);
    const requestId = body.requestId ?? randomUUID();
    return this.decisions.decide(plan.workflowId, planDecisionUpdate, { requestId, decision, actor: { userId: user.id, roles: user.roles } });
  }

  /** The inbox: open tasks on the units where the user holds the role the task asks for. */
  async inbox(user: AuthenticatedUser) {
    const open = await this.tasks.listOpenForUnits([...new Set(user.roles.map((role) => role.unitCode))]);
    return open.filter((task) => user.roles.some((role) => role.unitCode === task.assigneeUnitCode && role.role === task.assigneeRole));
  }

  /** Every transition of every plan of the cycle, oldest first: the coordinator's view of the year. */
  async cycleAudit(cycleId: string, user: AuthenticatedUser) {
    const cycle = await this.access.readableCycle(cycleId, user);
    return this.audit.listForCycle(cycle.id);
  }


  /** The cycle and the unit's plan, answering 404 alike for what is missing and what is not the user's. */
  private async locate(cycleId: string, ref: PlanRef, user: AuthenticatedUser): Promise<{ cycle: CycleRecord; plan: PlanRecord }> {
    const cycle = await this.access.readableCycle(cycleId, user);
    const owner = ref.kind === 'unit' ? ref.unitCode : cycle.provinceCode;
    const plan = await this.plans.findForUnit(cycleId, owner, ref.kind);
    if (!plan) {
      // A unit's plan opens once the provincial plan is issued (seed 003, III.14).
      throw notFound('PLAN_NOT_FOUND', ref.kind === 'unit' ? `Đơn vị "${owner}" chưa có kế hoạch trong chu kỳ ${cycleId} (kế hoạch của đơn vị mở sau khi kế hoạch của tỉnh được ban hành).` : `Chu kỳ ${cycleId} chưa có kế hoạch của tỉnh.`);
    }
    return { cycle, plan };
  }
}
