import { Body, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { vietnamDateOf, type YearDay } from '@plancycle/domain';
import { WorkCalendarService } from '../../work-calendar/work-calendar.service';
import { adminText } from '../i18n/admin.messages';
import { Web, WebController, type WebContext } from '../session/web-context';
import { formRows, one, refusalOf, ticked } from '../forms';
import { AdminScopes, scopedPath } from './admin-scope';
import { doneNotice } from './admin.view';
import { blankDayRows, calendarPage, type DayRow } from './calendar.view';

/** "Dòng 3: …" in the domain's message counts the days sent; the page counts its own rows. */
const ROW_PREFIX = /^Dòng \d+: /;
const ROW_FIELD = /^days\[(\d+)\]/;

/** Days off and make-up days of a year, through the same service as PUT /api/work-calendar/:year. */
@WebController('admin/calendar')
export class AdminCalendarController {
  constructor(
    @Inject(AdminScopes) private readonly scopes: AdminScopes,
    @Inject(WorkCalendarService) private readonly workCalendar: WorkCalendarService,
  ) {}

  @Get()
  async currentYear(@Web() context: WebContext, @Query('province') requested: unknown, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, requested);
    response.redirect(303, scopedPath(scope, `/app/admin/calendar/${vietnamDateOf(new Date().toISOString()).slice(0, 4)}`));
  }

  @Get(':year')
  async year(@Web() context: WebContext, @Param('year') yearText: string, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, query.province);
    const days = await this.workCalendar.list(yearText);
    const rows: DayRow[] = [...days.map((day) => ({ date: day.date, kind: day.kind, name: day.name, remove: false, problems: [] })), ...blankDayRows()];
    response.type('html').send(calendarPage(context, scope, { year: Number(yearText), days, rows, problems: [], notice: doneNotice(context, query.done) }));
  }

  /** The rows kept (not removed, not blank) replace the year; a refusal is shown on the rows it is about. */
  @Post(':year')
  async save(@Web() context: WebContext, @Param('year') yearText: string, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, body.province);
    const rows: DayRow[] = formRows(body, 'day').map(({ fields }) => ({
      date: one(fields.date).trim(),
      kind: one(fields.kind),
      name: one(fields.name),
      remove: ticked(fields.remove),
      problems: [],
    }));
    const sent = rows.map((row, index) => ({ row, index })).filter(({ row }) => !row.remove && (row.date !== '' || row.name.trim() !== ''));
    const days: YearDay[] = sent.map(({ row }) => ({ date: row.date, kind: row.kind as YearDay['kind'], name: row.name }));
    try {
      await this.workCalendar.replace(yearText, days, context.user);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const text = adminText(context.locale);
      const summary = refusal.problems.length === 0 ? [refusal.message] : [];
      for (const problem of refusal.problems) {
        const at = ROW_FIELD.exec(problem.field ?? '');
        const row = at ? sent[Number(at[1])] : undefined;
        if (!row) {
          summary.push(problem.message);
          continue;
        }
        const message = problem.message.replace(ROW_PREFIX, '');
        row.row.problems.push(message);
        summary.push(`${text.row(row.index + 1)}: ${message}`);
      }
      const days = await this.workCalendar.list(yearText);
      response.status(refusal.status).type('html').send(calendarPage(context, scope, { year: Number(yearText), days, rows, problems: summary, notice: null }));
      return;
    }
    response.redirect(303, scopedPath(scope, `/app/admin/calendar/${Number(yearText)}`, { done: 'saved' }));
  }
}
