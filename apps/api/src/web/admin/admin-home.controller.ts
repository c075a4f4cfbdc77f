import { Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { adminText } from '../i18n/admin.messages';
import { Web, WebController, type WebContext } from '../session/web-context';
import { html } from '../views/html';
import { scopedPath, AdminScopes } from './admin-scope';
import { adminPage } from './admin.view';

/** The admin's front page: what there is to manage, one link each. */
@WebController('admin')
export class AdminHomeController {
  constructor(@Inject(AdminScopes) private readonly scopes: AdminScopes) {}

  @Get()
  async home(@Web() context: WebContext, @Query('province') requested: unknown, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, requested);
    const text = adminText(context.locale);
    const entries = [
      ['/app/admin/units', text.navUnits, text.unitsSummary],
      ['/app/admin/users', text.navUsers, text.usersSummary],
      ['/app/admin/calendar', text.navCalendar, text.calendarSummary],
      ['/app/admin/cycles/new', text.navCycleStart, text.cycleStartSummary],
    ];
    response.type('html').send(
      adminPage(context, scope, {
        title: text.title,
        current: 'home',
        body: html`<h1>${text.title}</h1>
<p class="muted">${text.intro(scope.province.name)}</p>
<ul class="admin-links">${entries.map(
          ([path, label, summary]) => html`<li class="card"><h2><a href="${scopedPath(scope, path)}">${label}</a></h2><p class="muted">${summary}</p></li>`,
        )}</ul>`,
      }),
    );
  }
}
