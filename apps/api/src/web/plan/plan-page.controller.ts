import { Body, Get, HttpException, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DocumentsService } from '../../documents/documents.service';
import { sendFile, versionOf } from '../../documents/documents.controller';
import { missingAssignments, type Role } from '@plancycle/domain';
import { GuidanceRepository, OrgUnitRepository, PlanRepository } from '@plancycle/persistence';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ProvinceAccessService } from '../../auth/province-access.service';
import { badRequest, notFound } from '../../common/api-exception';
import { PlanDecisionDto } from '../../plans/dtos/plan-decision.dto';
import { SaveDraftDto } from '../../plans/dtos/save-draft.dto';
import { validated } from '../forms';
import { PlansService, type PlanRef } from '../../plans/plans.service';
import { planText } from '../i18n/plan.messages';
import { Web, WebController, type WebContext } from '../session/web-context';
import { itemsOfRows, rowsOfForm } from './plan-form';
import { rowOfItem } from './plan-editor.view';
import { comparePage, planBasePath, planPage, type PlanPageModel } from './plan-page.view';

type Form = Record<string, unknown>;
/** A post with the plan's Excel file, parsed by the web's upload middleware (web-http.ts). */
type UploadRequest = Request & { file?: { buffer: Buffer }; uploadRefused?: string };

/** Buttons of the decision form, and the plan decision each one sends. */
const DECISIONS: Record<string, (version: number, comments: string) => PlanDecisionDto> = {
  agree: (version, comments) => ({ action: 'appraise', opinion: 'agree', version, comments }),
  'return-appraisal': (version, comments) => ({ action: 'appraise', opinion: 'return', version, comments }),
  approve: (version, comments) => ({ action: 'approve', version, comments }),
  return: (version, comments) => ({ action: 'return', version, comments }),
  amend: () => ({ action: 'amend' }),
};

/**
 * A plan's page for everyone in its province: the appendix table (an editable grid for its drafter),
 * the versions side by side, every round's opinions in place, the history, and the form for the
 * decision waiting on the person looking. Decisions go through the same service as the API.
 */
@WebController('cycles/:cycleId')
export class PlanPageController {
  constructor(
    @Inject(PlansService) private readonly plans: PlansService,
    @Inject(ProvinceAccessService) private readonly access: ProvinceAccessService,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(GuidanceRepository) private readonly guidances: GuidanceRepository,
    @Inject(PlanRepository) private readonly planRecords: PlanRepository,
    @Inject(DocumentsService) private readonly documents: DocumentsService,
  ) {}

  @Get('units/:unitCode/plan')
  async unitPlan(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Query() query: Form, @Res() response: Response) {
    await this.show(context, cycleId, { kind: 'unit', unitCode }, query, response);
  }

  @Get('provincial-plan')
  async provincialPlan(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Query() query: Form, @Res() response: Response) {
    await this.show(context, cycleId, { kind: 'provincial' }, query, response);
  }

  @Post('units/:unitCode/plan/draft')
  async saveUnitDraft(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Body() form: Form, @Res() response: Response) {
    await this.saveDraft(context, cycleId, { kind: 'unit', unitCode }, form, response);
  }

  @Post('provincial-plan/draft')
  async saveProvincialDraft(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Body() form: Form, @Res() response: Response) {
    await this.saveDraft(context, cycleId, { kind: 'provincial' }, form, response);
  }

  @Post('units/:unitCode/plan/decisions')
  async decideUnit(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Body() form: Form, @Res() response: Response) {
    await this.decide(context, cycleId, { kind: 'unit', unitCode }, form, response);
  }

  @Post('provincial-plan/decisions')
  async decideProvincial(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Body() form: Form, @Res() response: Response) {
    await this.decide(context, cycleId, { kind: 'provincial' }, form, response);
  }

  @Get('units/:unitCode/plan/compare')
  async compareUnit(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Query() query: Form, @Res() response: Response) {
    await this.compare(context, cycleId, { kind: 'unit', unitCode }, query, response);
  }

  @Get('provincial-plan/compare')
  async compareProvincial(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Query() query: Form, @Res() response: Response) {
    await this.compare(context, cycleId, { kind: 'provincial' }, query, response);
  }

  @Get('units/:unitCode/plan/items.xlsx')
  async unitItems(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Query('version') version: string | undefined, @Res() response: Response) {
    sendFile(response, await this.documents.planItemsXlsx(cycleId, { kind: 'unit', unitCode }, versionOf(version), context.user));
  }

  @Get('provincial-plan/items.xlsx')
  async provincialItems(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Query('version') version: string | undefined, @Res() response: Response) {
    sendFile(response, await this.documents.planItemsXlsx(cycleId, { kind: 'provincial' }, versionOf(version), context.user));
  }

  @Post('units/:unitCode/plan/draft/import')
  async importUnit(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Req() request: UploadRequest, @Res() response: Response) {
    await this.importItems(context, cycleId, { kind: 'unit', unitCode }, request, response);
  }

  @Post('provincial-plan/draft/import')
  async importProvincial(@Web() context: WebContext, @Param('cycleId') cycleId: string, @Req() request: UploadRequest, @Res() response: Response) {
    await this.importItems(context, cycleId, { kind: 'provincial' }, request, response);
  }

  /** The rows of an Excel sheet shaped like the appendix become the draft, all or none. */
  private async importItems(context: WebContext, cycleId: string, ref: PlanRef, request: UploadRequest, response: Response): Promise<void> {
    const text = planText(context.locale);
    try {
      if (request.uploadRefused) throw badRequest('XLSX_FILE_INVALID', text.importTooLarge);
      await this.documents.importPlanItems(cycleId, ref, Number(request.body?.version), request.file?.buffer, context.user);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      const model = await this.model(context.user, cycleId, ref);
      return void response.status(error.getStatus()).type('html').send(planPage(context, { ...model, failedDraft: { rows: model.versions[model.versions.length - 1].items.map(rowOfItem), problems: problemsOf(error) } }));
    }
    const model = await this.model(context.user, cycleId, ref);
    response.redirect(303, `${planBasePath(model)}?done=imported`);
  }

  private async show(context: WebContext, cycleId: string, ref: PlanRef, query: Form, response: Response): Promise<void> {
    const model = await this.model(context.user, cycleId, ref);
    const requested = Number(query.version);
    if (Number.isInteger(requested) && model.versions.some((version) => version.version === requested)) model.shownVersion = requested;
    model.done = typeof query.done === 'string' ? query.done : null;
    response.type('html').send(planPage(context, model));
  }

  /** Saves the grid (and submits it when asked); a refusal shows the officer's rows again with every problem. */
  private async saveDraft(context: WebContext, cycleId: string, ref: PlanRef, form: Form, response: Response): Promise<void> {
    const text = planText(context.locale);
    const model = await this.model(context.user, cycleId, ref);
    const rows = rowsOfForm(form);
    const { items, problems } = itemsOfRows(rows, model.cycle.year, { budget: text.invalidBudget, timeFrame: text.invalidTimeFrame });
    const version = Number(form.version);
    const again = (status: number, messages: string[]) => response.status(status).type('html').send(planPage(context, { ...model, failedDraft: { rows, problems: messages } }));
    if (problems.length > 0) return void again(400, problems.map((problem) => `${problem.row}: ${problem.message}`));
    try {
      // The API's own DTOs: a form gets the limits and codes the JSON API has (rows, lengths, version).
      await this.plans.saveDraft(cycleId, ref, await validated(SaveDraftDto, { version, items }), context.user);
      if (form.intent === 'submit') await this.plans.decide(cycleId, ref, await validated(PlanDecisionDto, { action: 'submit', version }), context.user);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      return void again(error.getStatus(), problemsOf(error));
    }
    response.redirect(303, `${planBasePath(model)}?done=${form.intent === 'submit' ? 'submitted' : 'saved'}`);
  }

  private async decide(context: WebContext, cycleId: string, ref: PlanRef, form: Form, response: Response): Promise<void> {
    // Own keys only: `__proto__`, `constructor` or `valueOf` would find Object.prototype's members.
    const toDecision = typeof form.action === 'string' && Object.hasOwn(DECISIONS, form.action) ? DECISIONS[form.action] : undefined;
    if (!toDecision) throw badRequest('WEB_DECISION_INVALID', planText(context.locale).decisionInvalid);
    const version = Number(form.version);
    const comments = typeof form.comments === 'string' ? form.comments.trim() : '';
    try {
      await this.plans.decide(cycleId, ref, await validated(PlanDecisionDto, { ...toDecision(version, comments) }), context.user);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      const model = await this.model(context.user, cycleId, ref);
      const body = error.getResponse() as { code?: string; message?: string };
      return void response.status(error.getStatus()).type('html').send(planPage(context, { ...model, refusal: { code: body.code ?? 'REFUSED', message: body.message ?? error.message } }));
    }
    const model = await this.model(context.user, cycleId, ref);
    response.redirect(303, `${planBasePath(model)}?done=${form.action === 'amend' ? 'amended' : 'decided'}`);
  }

  private async compare(context: WebContext, cycleId: string, ref: PlanRef, query: Form, response: Response): Promise<void> {
    const model = await this.model(context.user, cycleId, ref);
    const from = model.versions.find((version) => version.version === Number(query.from));
    const to = model.versions.find((version) => version.version === Number(query.to));
    if (!from || !to) throw notFound('WEB_VERSION_NOT_FOUND', planText(context.locale).versionNotFound);
    response.type('html').send(comparePage(context, model, from, to));
  }

  private async model(user: AuthenticatedUser, cycleId: string, ref: PlanRef): Promise<PlanPageModel> {
    const view = await this.plans.view(cycleId, ref, user);
    const cycle = await this.access.readableCycle(cycleId, user);
    const [units, guidances] = await Promise.all([this.orgUnits.listProvinceUnits(cycle.provinceCode), this.guidances.listForProvince(cycle.provinceCode, cycle.year)]);
    const drafterCode = ref.kind === 'unit' ? ref.unitCode : (units.find((unit) => unit.kind === 'coordinator')?.code ?? cycle.provinceCode);
    const holds = (role: Role, unitCode: string) => user.roles.some((held) => held.role === role && held.unitCode === unitCode);
    const drafts = holds('officer', drafterCode) || holds('leader_in_charge', drafterCode);
    const task = view.openTask;
    const assigned = task !== null && holds(task.assigneeRole, task.assigneeUnitCode);
    return {
      cycle,
      plan: view.plan,
      versions: view.versions,
      opinions: view.opinions,
      openTask: task,
      audit: view.audit,
      units,
      drafterCode,
      focusTasks: guidances[0]?.focusTasks ?? [],
      assignments: ref.kind === 'unit' ? await this.assignments(cycle.id, cycle.provinceCode, ref.unitCode) : [],
      can: {
        edit: view.plan.stage === 'drafting' && drafts,
        appraise: view.plan.stage === 'appraisal' && assigned && task?.kind === 'appraise',
        approve: view.plan.stage === 'approval' && assigned && task?.kind === 'approve',
        amend: view.plan.stage === 'issued' && drafts,
      },
      shownVersion: view.plan.latestVersion,
    };
  }

  /** The provincial plan's rows that give this unit a part: what its own rows should carry out. */
  private async assignments(cycleId: string, provinceCode: string, unitCode: string) {
    const provincial = await this.planRecords.findForUnit(cycleId, provinceCode, 'provincial');
    const inForce = provincial?.versionInForce ? await this.planRecords.findVersion(provincial.id, provincial.versionInForce) : null;
    return missingAssignments(unitCode, inForce?.items ?? [], []);
  }
}

/** Every problem the service named (the domain lists them all), or its one message. */
function problemsOf(error: HttpException): string[] {
  const body = error.getResponse() as { message?: string; details?: { problems?: Array<{ message: string }> } };
  return body.details?.problems?.map((problem) => problem.message) ?? [body.message ?? error.message];
}
