import { Inject, Injectable } from '@nestjs/common';
import type { PlanDecision } from '@plancycle/domain';
import { signActionToken, verifyActionToken, type ActionClaims, type LinkAction } from '@plancycle/notifications';
import {
  AuditRepository,
  CycleRepository,
  PlanOpinionRepository,
  PlanRepository,
  TaskRepository,
  UserRepository,
  type CycleRecord,
  type PlanOpinionRecord,
  type PlanRecord,
  type PlanVersionRecord,
  type TaskRecord,
  type UserRecord,
} from '@plancycle/persistence';
import { planDecisionUpdate, type PlanDecisionResult } from '@plancycle/workflows';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AppConfig } from '../config/app-config';
import { taskPath } from '../web/views/paths';
import { DecisionGateway } from '../plans/decision-gateway';
import { LINK_REFUSALS } from './action-link-refused';

const COMMENTS_MAX = 5000;

/** Everything a link's page shows: who it is for, the task, and the plan version it is about. */
export interface ActionLinkView {
  claims: ActionClaims;
  /** The token's single-use key. */
  tokenId: string;
  recipient: UserRecord;
  task: TaskRecord;
  cycle: CycleRecord;
  plan: PlanRecord;
  version: PlanVersionRecord;
  opinions: PlanOpinionRecord[];
  /** On an `open` link's page: the links of the actions the task offers, for the same person. */
  actions: Array<{ action: LinkAction; url: string }>;
  /** The task's page in the web app, for everything the link does not offer. */
  webUrl: string;
}

/** The actions a task offers from a link, and what each decides. */
const LINK_DECISIONS: Partial<Record<TaskRecord['kind'], Partial<Record<LinkAction, (version: number, comments: string) => PlanDecision>>>> = {
  approve: {
    approve: (version) => ({ action: 'approve', version }),
    return: (version, reasons) => ({ action: 'return', version, reasons }),
  },
  appraise: {
    agree: (version, comments) => ({ action: 'appraise', version, decision: 'agree', comments }),
    return: (version, comments) => ({ action: 'appraise', version, decision: 'return', comments }),
  },
};

/**
 * Links in task emails. A link is a signed token naming one person, one task, one action and one
 * plan version. Opening it (GET) only shows what would be decided; the decision is its POST, sent
 * through the same Temporal update as the web inbox, under a request id derived from the token: a
 * link decides once, and the audit trail remembers that it did.
 */
@Injectable()
export class ActionLinksService {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(TaskRepository) private readonly tasks: TaskRepository,
    @Inject(CycleRepository) private readonly cycles: CycleRepository,
    @Inject(PlanRepository) private readonly plans: PlanRepository,
    @Inject(PlanOpinionRepository) private readonly opinions: PlanOpinionRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(DecisionGateway) private readonly decisions: DecisionGateway,
  ) {}

  /** The link's page, or the refusal that explains why it cannot be used. Changes nothing. */
  async inspect(token: string, session: AuthenticatedUser | undefined): Promise<ActionLinkView> {
    const check = verifyActionToken(token, this.config.value.api.linkSecret, new Date());
    const expired = !check.ok && check.reason === 'expired';
    if (!check.claims || !check.tokenId || (!check.ok && !expired)) throw LINK_REFUSALS.invalid();
    const { claims, tokenId } = check;
    // A used link says so even once it has expired: that is the more useful news.
    const used = await this.audit.findByRequestId(requestIdOf(tokenId));
    if (used) throw LINK_REFUSALS.used(used.at);
    if (expired) throw LINK_REFUSALS.expired(claims.expiresAt);

    const recipient = await this.users.findById(claims.userId);
    if (!recipient) throw LINK_REFUSALS.invalid();
    if (session && session.id !== recipient.id) throw LINK_REFUSALS.otherUser(recipient.fullName, session.username);
    if (!recipient.active) throw LINK_REFUSALS.inactive();

    const task = await this.tasks.findById(claims.taskId);
    const plan = task && (await this.plans.findById(task.planId));
    const cycle = plan && (await this.cycles.findById(plan.cycleId));
    const version = plan && (await this.plans.findVersion(plan.id, claims.version));
    if (!task || !plan || !cycle || !version) throw LINK_REFUSALS.invalid();
    if (plan.latestVersion > claims.version) throw LINK_REFUSALS.staleVersion(claims.version, plan.latestVersion);
    if (task.state !== 'open') throw LINK_REFUSALS.taskClosed();

    const offered = Object.keys(LINK_DECISIONS[task.kind] ?? {}) as LinkAction[];
    // Someone told of a task that is not theirs (an escalation) may look at it, not decide it.
    const assignee = recipient.roles.some((role) => role.role === task.assigneeRole && role.unitCode === task.assigneeUnitCode);
    const actions = claims.action === 'open' && assignee ? offered.map((action) => ({ action, url: this.urlFor({ ...claims, action }) })) : [];
    return { claims, tokenId, recipient, task, cycle, plan, version, opinions: await this.opinions.listForPlan(plan.id), actions, webUrl: this.taskWebUrl(task) };
  }

  /** Takes the link's decision, as its recipient, with the comment typed on the page. */
  async decide(token: string, form: { comments?: unknown }, session: AuthenticatedUser | undefined): Promise<{ view: ActionLinkView; result: PlanDecisionResult }> {
    const view = await this.inspect(token, session);
    const decide = LINK_DECISIONS[view.task.kind]?.[view.claims.action];
    if (!decide) throw LINK_REFUSALS.notAnAction();
    const comments = typeof form.comments === 'string' ? form.comments.trim() : '';
    if (comments.length > COMMENTS_MAX) throw LINK_REFUSALS.commentsTooLong(COMMENTS_MAX);
    if (view.claims.action === 'return' && comments === '') throw LINK_REFUSALS.commentsRequired();

    const result = await this.decisions.decide(view.plan.workflowId, planDecisionUpdate, {
      requestId: requestIdOf(view.tokenId),
      decision: decide(view.claims.version, comments),
      actor: { userId: view.recipient.id, roles: view.recipient.roles },
    });
    return { view, result };
  }

  /** Where the person goes to do more than the link offers: the web app's inbox. */
  webUrl(): string {
    return `${this.baseUrl()}/app`;
  }

  /** The task's own page in the web app (its plan or its report). */
  taskWebUrl(task: ActionLinkView['task']): string {
    return `${this.baseUrl()}${taskPath(task)}`;
  }

  private urlFor(claims: ActionClaims): string {
    return `${this.baseUrl()}/api/actions/${signActionToken(claims, this.config.value.api.linkSecret)}`;
  }

  private baseUrl(): string {
    return this.config.value.api.publicUrl.replace(/\/+$/, '');
  }
}

/** The decision a link takes is recorded under this request id, once. */
const requestIdOf = (tokenId: string) => `link:${tokenId}`;
