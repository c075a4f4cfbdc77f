import { Body, Get, Inject, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  cycleIdOf,
  defaultCycleCalendar,
  draftsOwnPlan,
  selectParticipants,
  validateEscalationLadder,
  vietnamDateOf,
  DEFAULT_ESCALATION_LADDER,
  FIRST_CYCLE_YEAR,
  LAST_CYCLE_YEAR,
  type CycleCalendar,
} from '@plancycle/domain';
import { CycleRepository, OrgUnitRepository, WorkCalendarRepository } from '@plancycle/persistence';
import { StartCycleDto } from '../../cycles/dtos/start-cycle.dto';
import { CyclesService } from '../../cycles/cycles.service';
import { Web, WebController, type WebContext } from '../session/web-context';
import { cyclePath } from '../views/paths';
import { list, messagesOf, one, refusalOf, validated } from '../forms';
import { AdminScopes, type AdminScope } from './admin-scope';
import { calendarChangesOf, calendarProblemsOf, calendarValues, placeLadderProblems, postedLadder, rungRowsOf } from './cycle-start.form';
import { cycleStartPage, type CycleStartForm } from './cycle-start.view';
import { unitTree } from './units.view';

/** Starting a province's annual cycle from a form: CyclesService.start, with every date and rung editable. */
@WebController('admin/cycles')
export class AdminCycleStartController {
  constructor(
    @Inject(AdminScopes) private readonly scopes: AdminScopes,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(WorkCalendarRepository) private readonly workCalendars: WorkCalendarRepository,
    @Inject(CycleRepository) private readonly cycleRecords: CycleRepository,
    @Inject(CyclesService) private readonly cycles: CyclesService,
  ) {}

  @Get('new')
  async form(@Web() context: WebContext, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, query.province);
    const wanted = one(query.year);
    const year = /^\d{4}$/.test(wanted) && Number(wanted) >= FIRST_CYCLE_YEAR && Number(wanted) <= LAST_CYCLE_YEAR ? Number(wanted) : nextYear();
    const units = await this.orgUnits.listProvinceUnits(scope.province.code);
    const form = await this.formFor(scope, year, {
      checked: new Set(selectParticipants(units).map((unit) => unit.code)),
      dates: calendarValues(await this.defaultCalendar(year)),
      invalidDates: new Set(),
      rungs: rungRowsOf(DEFAULT_ESCALATION_LADDER),
      problems: [],
    });
    response.type('html').send(cycleStartPage(context, scope, form));
  }

  @Post('new')
  async start(@Web() context: WebContext, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, body.province);
    const yearText = one(body.year).trim();
    const year = /^\d{1,4}$/.test(yearText) ? Number(yearText) : yearText;
    const unitCodes = list(body.unit);
    const calendar = calendarChangesOf(body, context.locale);
    const ladder = postedLadder(body);
    const ladderProblems = placeLadderProblems(validateEscalationLadder(ladder.ladder), ladder.rows, ladder.sent, context.locale);

    const refuse = async (problems: string[], invalidDates: Set<string>, status: number) => {
      const form = await this.formFor(scope, typeof year === 'number' ? year : nextYear(), {
        checked: new Set(unitCodes),
        dates: calendar.values,
        invalidDates,
        rungs: ladder.rows,
        problems,
      });
      response.status(status).type('html').send(cycleStartPage(context, scope, form));
    };
    if (calendar.problems.length > 0 || ladderProblems.length > 0) return refuse([...calendar.problems, ...ladderProblems], calendar.invalid, 400);

    let cycleId: string;
    try {
      const request = await validated(StartCycleDto, {
        provinceCode: scope.province.code,
        year,
        participatingUnitCodes: unitCodes,
        calendar: calendar.changes,
        escalationLadder: ladder.ladder,
      });
      cycleId = (await this.cycles.start(request, context.user)).cycle.id;
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      if (refusal.code !== 'CYCLE_CALENDAR_INVALID' || refusal.problems.length === 0) return refuse(messagesOf(refusal), new Set(), refusal.status);
      const named = calendarProblemsOf(refusal.problems, context.locale);
      return refuse(named.messages, named.invalid, refusal.status);
    }
    response.redirect(303, cyclePath(cycleId));
  }

  /** The default calendar CyclesService.start fills in for a year: deadlines run from the year before into the year after. */
  private async defaultCalendar(year: number): Promise<CycleCalendar> {
    return defaultCycleCalendar(year, await this.workCalendars.workCalendarFor([year - 1, year, year + 1]));
  }

  private async formFor(scope: AdminScope, year: number, state: Omit<CycleStartForm, 'year' | 'planners' | 'existingCycleId'>): Promise<CycleStartForm> {
    const units = await this.orgUnits.listProvinceUnits(scope.province.code);
    const planners = unitTree(units).map(({ unit }) => unit).filter((unit) => draftsOwnPlan(unit) && unit.kind !== 'province');
    const existing = await this.cycleRecords.findById(cycleIdOf(scope.province.code, year));
    return { ...state, year, planners, existingCycleId: existing?.id ?? null };
  }
}

function nextYear(): number {
  return Number(vietnamDateOf(new Date().toISOString()).slice(0, 4)) + 1;
}
