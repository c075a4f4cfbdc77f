import { Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { vietnamDateOf, workingDaysUntil } from '@plancycle/domain';
import { WorkCalendarRepository } from '@plancycle/persistence';
import { PlansService } from '../../plans/plans.service';
import { Web, WebController, type WebContext } from '../session/web-context';
import { inboxPage, type InboxFilters } from './inbox.view';

@WebController('')
export class InboxController {
  constructor(
    @Inject(PlansService) private readonly plans: PlansService,
    @Inject(WorkCalendarRepository) private readonly workCalendar: WorkCalendarRepository,
  ) {}

  /** The inbox: the user's open tasks, with working days left on the province's calendar. */
  @Get()
  async inbox(@Web() context: WebContext, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const tasks = await this.plans.inbox(context.user);
    const today = vietnamDateOf(new Date().toISOString());
    const years = [...new Set([Number(today.slice(0, 4)), ...tasks.map((task) => Number(vietnamDateOf(task.dueAt).slice(0, 4)))])];
    const calendar = await this.workCalendar.workCalendarFor(years);
    const rows = tasks
      .map((task) => ({ task, daysLeft: workingDaysUntil(today, vietnamDateOf(task.dueAt), calendar) }))
      .sort((a, b) => a.task.dueAt.localeCompare(b.task.dueAt));
    const filters: InboxFilters = { cycle: text(query.cycle), unit: text(query.unit), kind: text(query.kind) };
    response.type('html').send(inboxPage(context, rows, filters));
  }
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
