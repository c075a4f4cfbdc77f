import { Inject, Injectable, Logger } from '@nestjs/common';
import { CycleRepository, GuidanceRepository, PlanRepository, ReportRepository, TaskRepository, type CycleRecord } from '@plancycle/persistence';
import { SEARCH_ATTRIBUTES } from '@plancycle/workflows';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ProvinceAccessService } from '../../auth/province-access.service';
import { TemporalClientService } from '../../temporal/temporal-client.service';
import { budgetWithTitles, onTimeByQuarter, unitRows, type CycleDashboard, type CycleProgressView, type UnitRow } from './cycle-dashboard.model';

/** A progress poll must answer quickly even while Temporal is slow or down. */
const TEMPORAL_COUNT_DEADLINE_MS = 2_000;
/** Codes go into a visibility query: only the characters unit codes are made of. */
const SAFE_CODE = /^[A-Za-z0-9._-]+$/;

/**
 * The reads behind the cycle pages. A dashboard costs the same handful of queries for 4 units or 40
 * (one per kind of fact, each over the whole cycle), never one call per unit.
 */
@Injectable()
export class CycleDashboardService {
  private readonly logger = new Logger(CycleDashboardService.name);

  constructor(
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(ReportRepository) private readonly reports: ReportRepository,
    @Inject(TaskRepository) private readonly tasks: TaskRepository,
    @Inject(GuidanceRepository) private readonly guidances: GuidanceRepository,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
  ) {}

  async list(user: AuthenticatedUser) {
    return this.cycles.listForProvinces([...(await this.access.provincesOf(user))]);
  }

  /** 404-alike for a cycle of another province, as the API answers. */
  async dashboard(cycleId: string, user: AuthenticatedUser): Promise<CycleDashboard> {
    const cycle = await this.access.readableCycle(cycleId, user);
    const now = Date.now();
    const [statuses, reports, overdueTasks, budget, [guidance], provincial, progress] = await Promise.all([
      this.cycles.listUnitStatuses(cycle.id),
      this.reports.listStatesForCycle(cycle.id),
      this.tasks.countOverdueForCycle(cycle.id, new Date(now)),
      this.plans.budgetByFocusTask(cycle.id),
      this.guidances.listForProvince(cycle.provinceCode, cycle.year),
      this.provincialPlan(cycle),
      this.progressOf(cycle),
    ]);
    return {
      cycle,
      provincialPlan: provincial,
      units: unitRows(statuses, reports, now),
      overdueTasks,
      onTime: onTimeByQuarter(reports, now),
      budget: budgetWithTitles(budget, guidance?.focusTasks ?? []),
      progress,
      now,
    };
  }

  /** The units' table only, for the export. */
  async unitTable(cycleId: string, user: AuthenticatedUser): Promise<{ cycle: CycleRecord; units: UnitRow[] }> {
    const cycle = await this.access.readableCycle(cycleId, user);
    const [statuses, reports] = await Promise.all([this.cycles.listUnitStatuses(cycle.id), this.reports.listStatesForCycle(cycle.id)]);
    return { cycle, units: unitRows(statuses, reports, Date.now()) };
  }

  async progress(cycleId: string, user: AuthenticatedUser): Promise<CycleProgressView> {
    return this.progressOf(await this.access.readableCycle(cycleId, user));
  }

  private async provincialPlan(cycle: CycleRecord): Promise<CycleDashboard['provincialPlan']> {
    return this.plans.findProvincialSummary(cycle.id, cycle.provinceCode);
  }

  /**
   * The cycle's row and a `pending` row per unit are written together before any unit workflow
   * starts; the workflows are then started in one batch. So a unit is up once its workflow has
   * recorded a stage of its own, or once Temporal lists its workflow as started (the only sign of
   * life while units wait for the provincial plan). Closed cycles had every unit up.
   */
  private async progressOf(cycle: CycleRecord): Promise<CycleProgressView> {
    const expectedUnits = cycle.units.length;
    const recorded = cycle.units.filter((unit) => unit.stage !== 'pending').length;
    if (cycle.stage === 'closed' || recorded >= expectedUnits) return { expectedUnits, unitsUp: expectedUnits, stage: cycle.stage };
    const started = await this.startedUnitWorkflows(cycle);
    // A workflow restarted after a failure is listed once per run: never more than expected.
    const unitsUp = Math.min(expectedUnits, Math.max(recorded, started ?? 0));
    return { expectedUnits, unitsUp, stage: unitsUp < expectedUnits ? 'starting' : cycle.stage };
  }

  /** Null when Temporal cannot say in time: the page then shows what the database knows. */
  private async startedUnitWorkflows(cycle: CycleRecord): Promise<number | null> {
    if (!SAFE_CODE.test(cycle.provinceCode)) return null;
    const query =
      `WorkflowType = 'unitPlanWorkflow' AND ${SEARCH_ATTRIBUTES.province.name} = '${cycle.provinceCode}' AND ${SEARCH_ATTRIBUTES.year.name} = ${cycle.year}` +
      ` AND ExecutionStatus != 'Terminated' AND ExecutionStatus != 'Failed'`;
    try {
      const { count } = await this.temporal.client.withDeadline(Date.now() + TEMPORAL_COUNT_DEADLINE_MS, () => this.temporal.client.workflow.count(query));
      return count;
    } catch (error) {
      this.logger.warn(`Counting the unit workflows of ${cycle.id} failed: ${String(error)}`);
      return null;
    }
  }
}
