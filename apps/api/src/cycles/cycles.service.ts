import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  annualCycleWorkflowId,
  applyCalendarChanges,
  cycleIdOf,
  defaultCycleCalendar,
  selectParticipants,
  validateEscalationLadder,
  type CycleCalendar,
  type EscalationLadder,
} from '@plancycle/domain';
import { CycleRepository, OrgUnitRepository, TaskEscalationRepository, WorkCalendarRepository } from '@plancycle/persistence';
import { SEARCH_ATTRIBUTES, changeCycleCalendarUpdate, cycleRecordedUpdate, type AnnualCycleInput } from '@plancycle/workflows';
import type { annualCycleWorkflow } from '@plancycle/workflows';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProvinceAccessService } from '../auth/province-access.service';
import { ApiException, badRequest } from '../common/api-exception';
import { TemporalClientService } from '../temporal/temporal-client.service';
import { presentCycle, type CycleView } from './cycle.presenter';
import type { StartCycleDto } from './dtos/start-cycle.dto';

/** How long a start request waits for the workflow to record the cycle before answering 202. */
const RECORDED_WAIT_MS = 15_000;

export type StartCycleResult =
  | { status: HttpStatus.CREATED | HttpStatus.OK; cycle: CycleView }
  | { status: HttpStatus.ACCEPTED; cycle: { id: string; workflowId: string; stage: 'starting' } };

@Injectable()
export class CyclesService {
  private readonly logger = new Logger(CyclesService.name);

  constructor(
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(WorkCalendarRepository) private readonly workCalendars: WorkCalendarRepository,
    @Inject(TemporalClientService) private readonly temporal: TemporalClientService,
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
    @Inject(TaskEscalationRepository) private readonly escalationRecords: TaskEscalationRepository,
  ) {}

  /**
   * Starts a province's annual cycle, or finds the one already started: the workflow id is derived
   * from province and year, and Temporal refuses a second execution with the same id.
   * Everything is checked before anything is started, so a refused request leaves no trace.
   */
  async start(request: StartCycleDto, user: AuthenticatedUser): Promise<StartCycleResult> {
    const province = await this.access.adminProvince(user, request.provinceCode, {
      unknownCode: 'CYCLE_PROVINCE_UNKNOWN',
      onlyAdminMay: 'bắt đầu chu kỳ kế hoạch',
    });

    const participants = selectParticipants(await this.orgUnits.listProvinceUnits(province.code), request.participatingUnitCodes);
    const calendar = await this.calendarFor(request);
    const escalationLadder = ladderOf(request.escalationLadder);

    const cycleId = cycleIdOf(province.code, request.year);
    const existing = await this.cycles.findById(cycleId);
    if (existing) return { status: HttpStatus.OK, cycle: presentCycle(existing) };
    if (Date.parse(calendar.closesAt) <= Date.now()) {
      throw badRequest('CYCLE_CALENDAR_PAST', `Lịch của chu kỳ đã kết thúc (closesAt ${calendar.closesAt}); hãy chọn năm khác hoặc sửa lịch.`);
    }

    const workflowId = annualCycleWorkflowId(cycleId);
    const input: AnnualCycleInput = {
      cycleId,
      provinceCode: province.code,
      year: request.year,
      calendar,
      escalationLadder,
      participants: participants.map((unit) => ({ unitCode: unit.code, unitName: unit.name, kind: unit.kind })),
      startedBy: user.id,
    };
    let created = true;
    try {
      // By name, with the function's type only: the API never loads workflow code.
      await this.temporal.client.workflow.start<typeof annualCycleWorkflow>('annualCycleWorkflow', {
        workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [input],
        // A run that failed or was terminated (a bug, an operator) may be started again; a completed one not.
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.province, value: province.code },
          { key: SEARCH_ATTRIBUTES.year, value: request.year },
          { key: SEARCH_ATTRIBUTES.stage, value: 'running' },
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      created = false; // usually a concurrent request won the race; answer with its cycle
    }

    const recorded = await this.waitUntilRecorded(workflowId);
    if (recorded === 'pending') return { status: HttpStatus.ACCEPTED, cycle: { id: cycleId, workflowId, stage: 'starting' } };
    const cycle = recorded === 'recorded' ? await this.cycles.findById(cycleId) : null;
    if (!cycle) {
      // Temporal has the cycle but the database lost it (e.g. the database was reset, Temporal not).
      throw new ApiException(
        HttpStatus.CONFLICT,
        'CYCLE_RECORD_MISSING',
        `Chu kỳ ${cycleId} đã có trên Temporal (${workflowId}) nhưng không có trong cơ sở dữ liệu. ` +
          'Quản trị hệ thống cần kết thúc quy trình đó (temporal workflow terminate) hoặc khôi phục dữ liệu trước khi bắt đầu lại.',
      );
    }
    return { status: created ? HttpStatus.CREATED : HttpStatus.OK, cycle: presentCycle(cycle) };
  }

  /** Another province's cycle answers exactly like a missing one: ids say nothing to outsiders. */
  async get(id: string, user: AuthenticatedUser): Promise<CycleView> {
    return presentCycle(await this.access.readableCycle(id, user));
  }

  /**
   * Moves deadlines of a running cycle (only the keys sent change). Answers once the cycle's workflow
   * has recorded the new calendar; it then passes it on, and open tasks take their new due dates and
   * their reminders move within moments (about a minute for a thousand units on two cores).
   */
  async changeCalendar(id: string, changes: Record<string, unknown>, user: AuthenticatedUser): Promise<CycleView> {
    const cycle = await this.access.readableCycle(id, user);
    await this.access.adminProvince(user, cycle.provinceCode, { unknownCode: 'CYCLE_PROVINCE_UNKNOWN', onlyAdminMay: 'đổi lịch của chu kỳ' });
    if (cycle.stage === 'closed') throw new ApiException(HttpStatus.CONFLICT, 'CYCLE_CLOSED', `Chu kỳ ${id} đã đóng; không đổi lịch được nữa.`);
    const { calendar, problems } = applyCalendarChanges(cycle.calendar, changes);
    if (problems.length > 0) throw badRequest('CYCLE_CALENDAR_INVALID', problems[0].message, { problems });
    try {
      await this.temporal.client.workflow.getHandle(cycle.workflowId).executeUpdate(changeCycleCalendarUpdate, { args: [calendar] });
    } catch (error) {
      // The workflow's validator has the last word (the cycle may have closed since it was read).
      if (error instanceof WorkflowUpdateFailedError) throw new ApiException(HttpStatus.CONFLICT, 'CYCLE_CALENDAR_REFUSED', error.cause?.message ?? error.message);
      throw error;
    }
    return presentCycle((await this.cycles.findById(id)) ?? cycle);
  }

  async escalations(id: string, user: AuthenticatedUser) {
    const cycle = await this.access.readableCycle(id, user);
    return this.escalationRecords.listForCycle(cycle.id);
  }


  private async calendarFor(request: StartCycleDto): Promise<CycleCalendar> {
    // A cycle's deadlines run from the year before (quarter I starts 15/12) into the year after.
    const days = await this.workCalendars.workCalendarFor([request.year - 1, request.year, request.year + 1]);
    const base = defaultCycleCalendar(request.year, days);
    const { calendar, problems } = applyCalendarChanges(base, request.calendar ?? {});
    if (problems.length > 0) throw badRequest('CYCLE_CALENDAR_INVALID', problems[0].message, { problems });
    return calendar;
  }

  /**
   * Waits for the workflow to say the cycle is in the database: `pending` when the worker does not
   * answer in time, `closed` when the run is over and can no longer say anything.
   */
  private async waitUntilRecorded(workflowId: string): Promise<'recorded' | 'pending' | 'closed'> {
    const handle = this.temporal.client.workflow.getHandle(workflowId);
    try {
      await this.temporal.client.withDeadline(Date.now() + RECORDED_WAIT_MS, () => handle.executeUpdate(cycleRecordedUpdate));
      return 'recorded';
    } catch (error) {
      const { status } = await handle.describe();
      if (status.name !== 'RUNNING') return 'closed';
      this.logger.warn(`Cycle ${workflowId} not recorded within ${RECORDED_WAIT_MS} ms: ${String(error)}`);
      return 'pending';
    }
  }
}

/** The ladder a start request names, checked; null for the default ladder. */
function ladderOf(value: unknown): EscalationLadder | null {
  if (value === undefined || value === null) return null;
  const problems = validateEscalationLadder(value);
  if (problems.length > 0) throw badRequest('CYCLE_ESCALATION_LADDER_INVALID', problems[0].message, { problems });
  return value as EscalationLadder;
}
