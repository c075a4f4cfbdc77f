import { Body, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Problem } from '@plancycle/domain';
import { CycleRepository } from '@plancycle/persistence';
import { ApiException, notFound } from '../../common/api-exception';
import { ReportsService } from '../../reports/reports.service';
import { reportText } from '../i18n/reports.messages';
import { ReportDecisionDto } from '../../reports/dtos/report-decision.dto';
import { validated } from '../forms';
import { Web, WebController, type WebContext } from '../session/web-context';
import { reportPath } from '../views/paths';
import { fieldProblemsOf, readReportForm, toReportBody } from './report-form';
import { reportListPage } from './report-list.view';
import { ReportPageService } from './report-page.service';
import { reportPage, type ReportPageState } from './report.view';

const DONE = ['saved', 'submitted', 'accepted', 'returned'] as const;
const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
/** The form's own request id (a double click is one decision), if it looks like one. */
const requestIdOf = (value: unknown) => (typeof value === 'string' && /^[A-Za-z0-9-]{1,100}$/.test(value) ? value : undefined);

/**
 * Reports in the browser: a cycle's list, and one report to write, review or read. Every post goes
 * through ReportsService, as the API's do; a refusal re-renders the page with its message, nothing
 * changed, and a success redirects (Post/Redirect/Get) with a notice.
 */
@WebController('')
export class ReportPagesController {
  constructor(
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(ReportPageService) private readonly pages: ReportPageService,
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
  ) {}

  @Get('cycles/:cycleId/reports')
  async list(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const reports = await this.reports.listForCycle(cycleId, undefined, context.user);
    const cycle = await this.cycles.findById(cycleId);
    if (!cycle) throw notFound('CYCLE_NOT_FOUND', `Không tìm thấy chu kỳ "${cycleId}" trong các tỉnh bạn được xem.`);
    response.type('html').send(reportListPage(context, cycle, reports, { unit: text(query.unit), kind: text(query.kind), stage: text(query.stage) }));
  }

  @Get('reports/:id')
  async show(@Web() context: WebContext, @Param('id') id: string, @Query('done') done: string | undefined, @Res() response: Response): Promise<void> {
    const notice = DONE.find((key) => key === done);
    await this.render(response, context, id, { notice: notice ? reportText(context.locale)[`done_${notice}`] : null });
  }

  /** "Lưu" and "Lưu và gửi": the writer's content, then for the latter the submission. */
  @Post('reports/:id/content')
  async saveContent(@Web() context: WebContext, @Param('id') id: string, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const texts = reportText(context.locale);
    const report = await this.reports.get(id, context.user);
    const values = readReportForm(body, report.content.lines.length);
    const { body: content, problems } = toReportBody(values, texts);
    if (problems.length > 0) {
      return this.render(response, context, id, { form: values, alert: { lead: texts.formProblems, problems } }, 400);
    }
    const submitting = body.intent === 'submit';
    let notWriting: unknown = null;
    try {
      await this.reports.saveContent(id, content, context.user);
    } catch (error) {
      const refusal = refusalOf(error);
      // A second click on "Lưu và gửi" finds the report sent: the submission below, with the same
      // request id, answers as the first one did. Any other refusal stops here.
      if (submitting && refusal?.code === 'REPORT_NOT_WRITING') notWriting = error;
      else if (refusal?.status !== 400) throw error;
      else {
        const fields = fieldProblemsOf(refusal.problems.length > 0 ? refusal.problems : [{ code: refusal.code, message: refusal.message, field: '' }], texts);
        return this.render(response, context, id, { form: values, alert: { lead: texts.formProblems, problems: fields } }, 400);
      }
    }
    if (!submitting) return response.redirect(303, `${reportPath(id)}?done=saved`);
    try {
      await this.reports.decide(id, await validated(ReportDecisionDto, { action: 'submit', requestId: requestIdOf(body.requestId) }), context.user);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      if (notWriting) throw notWriting;
      return this.render(response, context, id, { alert: { lead: texts.savedNotSubmitted, problems: [{ field: '', message: refusal.message }] } }, refusal.status);
    }
    response.redirect(303, `${reportPath(id)}?done=submitted`);
  }

  /** The reviewer's decision: accept, or return with reasons (the workflow refuses a return without them). */
  @Post('reports/:id/decision')
  async decide(@Web() context: WebContext, @Param('id') id: string, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const texts = reportText(context.locale);
    const comments = typeof body.comments === 'string' ? body.comments : '';
    const action = body.action === 'accept' || body.action === 'return' ? body.action : null;
    if (!action) return this.render(response, context, id, { comments, alert: { lead: texts.actionInvalid, problems: [] } }, 400);
    try {
      // The API's own DTO: the same length limit on reasons as the JSON API.
      await this.reports.decide(id, await validated(ReportDecisionDto, { action, comments: action === 'return' ? comments : undefined, requestId: requestIdOf(body.requestId) }), context.user);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      if (refusal.code === 'REPORT_REASONS_REQUIRED') {
        return this.render(response, context, id, { comments, commentsProblem: texts.reasonsRequired, alert: { lead: texts.reasonsRequired, problems: [] } }, refusal.status);
      }
      return this.render(response, context, id, { comments, alert: { lead: refusal.message, problems: [] } }, refusal.status);
    }
    response.redirect(303, `${reportPath(id)}?done=${action === 'accept' ? 'accepted' : 'returned'}`);
  }

  private async render(response: Response, context: WebContext, id: string, state: ReportPageState, status = 200): Promise<void> {
    const data = await this.pages.load(id, context.user);
    response.status(status).type('html').send(reportPage(context, data, state));
  }
}

/** A refusal a user can act on (4xx from the service or the workflow), with the problems of a bad form. */
function refusalOf(error: unknown): { status: number; code: string; message: string; problems: Problem[] } | null {
  if (!(error instanceof ApiException) || error.getStatus() >= 500) return null;
  const body = error.getResponse() as { code: string; message: string; details?: { problems?: Problem[] } };
  return { status: error.getStatus(), code: body.code, message: body.message, problems: body.details?.problems ?? [] };
}
