import type { Response, Test } from 'supertest';
import { requestsAs, type TestStack } from '../../support/stack';
import type { AnswerLog } from './answers';

/** One row of an official's inbox (GET /api/tasks). */
export interface InboxTask {
  id: string;
  kind: string;
  planId: string;
  reportId: string | null;
  planUnitCode: string;
}

export interface CycleBotOptions {
  /**
   * Asked before the coordinator aggregates the provincial report; by default at once. A fault test
   * waits for every unit's reports so that the year ends in the same state whatever the timing.
   */
  readyToAggregate?: () => Promise<boolean>;
  /** Who acts, in this order; by default everyone with a token. */
  officials?: readonly string[];
  /** Only the plans: drafting and approval tasks are done, the rest left in the inbox. */
  plansOnly?: boolean;
  /**
   * The officials take turns, one request at a time, instead of working side by side: a fault then
   * finds at most one of their decisions in flight.
   */
  takingTurns?: boolean;
  /** Every request of the bot and how it was answered; a request that gets no answer is tried again later. */
  log?: AnswerLog;
}

/** A decision the API answered 200 to: it must be in the audit trail afterwards, once. */
export interface MadeDecision {
  path: string;
  action: string;
  requestId: string;
  answeredAt: number;
}

const PLAN_TASKS = ['draft', 'approve'];

/** Answers that mean "not now" rather than "no": the workflow is busy with a decision, or Temporal is down for a moment. */
const isTransient = (response: Response) => response.status === 503 || (response.status === 409 && /_BUSY$/.test(String(response.body?.code))) || isUnready(response);
/**
 * The task is in the inbox but its workflow has no handler for the decision yet: the activity that
 * opened the plan or report committed the task, and the workflow sets its handler once it hears
 * the activity complete. A worker killed in between leaves that window open until the activity's
 * retry (up to its 30 s start-to-close timeout); the API answers 503 DECISION_NOT_READY.
 */
const isUnready = (response: Response) => response.status === 503 && response.body?.code === 'DECISION_NOT_READY';

/** The bot's request failed: the answer that said so, for the test's report. */
class Refused extends Error {
  constructor(what: string, response: Response) {
    super(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
class NotNow extends Error {}

/**
 * Diligent officials working a cycle through the same API as the web app: every official checks
 * their inbox and does each task at once (the officer drafts, submits and writes reports, the leader
 * approves and accepts, the coordinator aggregates, the province approves). A decision carries the
 * task's id as its request id, so trying it again after a lost answer is the same decision.
 * A refusal is a failure of the run, except "busy", 503 and no answer at all (tried again) and
 * anything once the cycle is closing (a task seen a moment before the close is refused by design);
 * whatever the answer, the bot keeps working, as people do during an outage.
 */
export class CycleBot {
  readonly errors: unknown[] = [];
  /** Decisions the API accepted. */
  readonly decisions: MadeDecision[] = [];
  /** Answers that said "not now": the task stayed in the inbox and was done on a later round. */
  retries = 0;
  /** Of those, decisions refused because the task's workflow had no handler for them yet, by request path. */
  readonly unready = new Map<string, number>();
  private stopped = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly stack: TestStack,
    private readonly cycleId: string,
    /** Bearer tokens by username, for every official who acts (not the admin). */
    private readonly tokens: ReadonlyMap<string, string>,
    /** Any token that may read the cycle's reports (an admin's). */
    private readonly adminToken: string,
    private readonly options: CycleBotOptions = {},
  ) {}

  start(): void {
    const officials = this.options.officials ?? [...this.tokens.keys()];
    // By default one loop per official, as people work side by side: a decision held up by a dead
    // worker holds up its official only.
    const loops = this.options.takingTurns ? [officials] : officials.map((username) => [username]);
    this.running = Promise.all(loops.map((usernames) => this.work(usernames, loops.length))).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Decisions of one action the API has accepted so far. */
  count(action: string): number {
    return this.decisions.filter((decision) => decision.action === action).length;
  }

  private async work(usernames: readonly string[], loops: number): Promise<void> {
    // Many loops polling every 200 ms would keep a two-core machine busy answering inboxes.
    const pauseMs = Math.max(200, loops * 15);
    await pause(Math.random() * pauseMs);
    while (!this.stopped) {
      for (const username of usernames) {
        const inbox = await this.send('GET tasks', this.as(username).get('/api/tasks'));
        if (inbox?.status === 200) {
          for (const task of inbox.body as InboxTask[]) {
            if (this.stopped) break;
            await this.act(username, task).catch((error: unknown) => this.failed(error));
          }
        } else if (inbox && !isTransient(inbox)) {
          this.errors.push(new Refused(`GET /api/tasks as ${username}`, inbox));
        }
      }
      await pause(pauseMs);
    }
  }

  /** Through the answer log if there is one, which answers null for a request that got no answer. */
  private async send(label: string, request: Test): Promise<Response | null> {
    return this.options.log ? this.options.log.send(label, request) : request;
  }

  private async failed(error: unknown): Promise<void> {
    if (error instanceof NotNow) this.retries += 1;
    else if (!(await this.closing())) this.errors.push(error);
  }

  /** The provincial report is accepted: the cycle closes and refuses what is still open. */
  private async closing(): Promise<boolean> {
    const answer = await requestsAs(this.stack, this.adminToken)
      .get(`/api/cycles/${this.cycleId}/reports`)
      .catch(() => null);
    const reports = answer?.body as Array<{ kind: string; stage: string }> | undefined;
    return Array.isArray(reports) && reports.some((report) => report.kind === 'provincial' && report.stage === 'accepted');
  }

  private async act(username: string, task: InboxTask): Promise<void> {
    if (this.options.plansOnly && !PLAN_TASKS.includes(task.kind)) return;
    const me = this.as(username);
    /** `label` names the kind of request in the answer log, `path` the request itself. */
    const call = async (label: string, path: string, request: Test) => {
      const what = `${label.split(' ')[0]} ${path}`;
      const response = await this.send(label, request);
      if (response?.status === 200) return response;
      if (!response) throw new NotNow(what);
      if (isUnready(response)) this.unready.set(what, (this.unready.get(what) ?? 0) + 1);
      if (isTransient(response)) throw new NotNow(what);
      throw new Refused(`${what} as ${username}`, response);
    };
    const decide = async (path: string, body: { action: string; version?: number }) => {
      await call('POST decision', path, me.post(path, { ...body, requestId: task.id }));
      this.decisions.push({ path, action: body.action, requestId: task.id, answeredAt: Date.now() });
    };
    const plan = `/api/cycles/${this.cycleId}/units/${task.planUnitCode}/plan`;
    const version = async () => (await call('GET plan', plan, me.get(plan))).body.plan.latestVersion as number;
    const writeReport = async () => {
      const path = `/api/reports/${task.reportId}`;
      const report = (await call('GET report', path, me.get(path))).body as { content: { lines: Array<{ itemId: string }> } };
      const lines = report.content.lines.map((line) => ({ itemId: line.itemId, status: 'done', achieved: 'Đã thực hiện.', spent: 10_000_000 }));
      await call('PUT report', `${path}/content`, me.put(`${path}/content`, { summary: 'Hoàn thành đúng kế hoạch.', lines }));
      await decide(`${path}/decisions`, { action: 'submit' });
    };
    switch (task.kind) {
      case 'draft': {
        const current = await version();
        await call('PUT draft', `${plan}/draft`, me.put(`${plan}/draft`, { version: current, items: [regularItem(task.planUnitCode)] }));
        return decide(`${plan}/decisions`, { action: 'submit', version: current });
      }
      case 'approve':
        return decide(`${plan}/decisions`, { action: 'approve', version: await version() });
      case 'report':
        return writeReport();
      case 'aggregate':
        if (!this.options.readyToAggregate || (await this.options.readyToAggregate())) await writeReport();
        return;
      case 'review_report':
      case 'approve_report':
        return decide(`/api/reports/${task.reportId}/decisions`, { action: 'accept' });
      default:
        this.errors.push(new Error(`${username} has a task the bot does not know: ${task.kind}`));
    }
  }

  private as(username: string) {
    const token = this.tokens.get(username);
    if (!token) throw new Error(`${username} has not signed in.`);
    return requestsAs(this.stack, token);
  }
}

/** The one row every unit's plan carries: regular external-information work of its own. */
export function regularItem(unitCode: string) {
  return { id: 'tt-1', content: 'Tuyên truyền đối ngoại thường xuyên', leadUnitCode: unitCode, coordinatingUnitCodes: [], timeFrame: { kind: 'regular' }, budget: 50_000_000, focusTaskNumbers: [], sourceItemId: null };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
