import type { DataSource } from 'typeorm';
import type { ApiAnswer, ApiClient } from './http';
import { pause } from './running';

/** One open task of the cycle, as the database holds it. */
interface OpenTask {
  id: string;
  assigneeUnitCode: string;
  assigneeRole: string;
}

/** One row of an official's inbox (GET /api/tasks). */
interface InboxTask {
  id: string;
  kind: string;
  reportId: string | null;
  planUnitCode: string;
}

/** The answer meant "not now" (the workflow is busy with another decision, or not ready for this one): try again. */
class NotNow extends Error {}

const isTransient = (answer: ApiAnswer) => answer.status === 503 || (answer.status === 409 && /_BUSY$/.test(String((answer.body as { code?: unknown } | null)?.code)));

/** At most this many refusals are kept for the report; the count goes on. */
const KEPT_ERRORS = 20;

/**
 * Diligent officials working one cycle through the API, as the fault suite's CycleBot does (the
 * officer drafts, submits and writes reports, the leader approves and accepts, the coordinator
 * aggregates, the province approves; a decision carries its task's id as request id), built for
 * throughput instead of faults:
 *
 * - The officials learn of a task from the database the moment it is committed (one query per
 *   100 ms for the whole cycle) instead of each polling their inbox: CycleBot's 2,000 loops at
 *   1,000 units would poll every 30 s, and a year of twelve steps per unit would then measure the
 *   polling period. Each task is still read from its official's inbox once before it is done, as
 *   a person following the mail's link opens it.
 * - At most `concurrency` tasks are worked at once, whatever the number of units, so the load the
 *   API sees is the same at every size and the year takes as long as the system needs.
 */
export class BenchCycleBot {
  /** Requests sent, decisions accepted, "not now" answers, refusals (first few kept). */
  requests = 0;
  decisions = 0;
  retries = 0;
  errorCount = 0;
  readonly errors: string[] = [];
  private readonly taken = new Set<string>();
  private readonly queue: OpenTask[] = [];
  private stopped = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly api: ApiClient,
    private readonly cycleId: string,
    /** Bearer tokens by username of everyone who acts in the cycle. */
    private readonly tokens: ReadonlyMap<string, string>,
    /** Who does a task given to a role on a unit, by `unitCode/role`. */
    private readonly officials: ReadonlyMap<string, string>,
    private readonly concurrency: number,
  ) {}

  /** Who of `usernames` holds each role on each unit, by `unitCode/role`: the one to do a task assigned there. */
  static async officialsByRole(dataSource: DataSource, usernames: readonly string[]): Promise<Map<string, string>> {
    const rows = (await dataSource.query(`SELECT u.username, r.unit_code, r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.username = ANY($1)`, [usernames])) as Array<{
      username: string;
      unit_code: string;
      role: string;
    }>;
    const officials = new Map<string, string>();
    for (const row of rows) if (!officials.has(`${row.unit_code}/${row.role}`)) officials.set(`${row.unit_code}/${row.role}`, row.username);
    return officials;
  }

  start(): void {
    this.running = Promise.all([this.watch(), ...Array.from({ length: this.concurrency }, () => this.work())]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Queues every open task of the cycle not already being worked. */
  private async watch(): Promise<void> {
    while (!this.stopped) {
      const open = (await this.dataSource.query(
        `SELECT t.id, t.assignee_unit_code, t.assignee_role FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = $1 AND t.state = 'open' ORDER BY t.opened_at`,
        [this.cycleId],
      )) as Array<{ id: string; assignee_unit_code: string; assignee_role: string }>;
      for (const row of open) {
        if (this.taken.has(row.id)) continue;
        this.taken.add(row.id);
        this.queue.push({ id: row.id, assigneeUnitCode: row.assignee_unit_code, assigneeRole: row.assignee_role });
      }
      await pause(100);
    }
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      const task = this.queue.shift();
      if (!task) {
        await pause(20);
        continue;
      }
      try {
        await this.act(task);
      } catch (error) {
        if (error instanceof NotNow) this.retries += 1;
        else this.refused(String(error instanceof Error ? error.message : error));
        // Still open: the next look at the database queues it again.
        setTimeout(() => this.taken.delete(task.id), error instanceof NotNow ? 200 : 1_000);
      }
    }
  }

  private refused(message: string): void {
    this.errorCount += 1;
    if (this.errors.length < KEPT_ERRORS) this.errors.push(message);
  }

  private async act(open: OpenTask): Promise<void> {
    const username = this.officials.get(`${open.assigneeUnitCode}/${open.assigneeRole}`);
    const token = username && this.tokens.get(username);
    if (!token) throw new Error(`Nobody signed in holds ${open.assigneeRole} on ${open.assigneeUnitCode}.`);
    const me = this.api.as(token);
    const call = async (what: string, sending: Promise<ApiAnswer>) => {
      this.requests += 1;
      const answer = await sending;
      if (answer.status === 200) return answer;
      if (isTransient(answer)) throw new NotNow(what);
      throw new Error(`${what} as ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    };
    const inbox = (await call('GET /api/tasks', me.get('/api/tasks'))).body as InboxTask[];
    const task = inbox.find((row) => row.id === open.id);
    // Closed since the database was read (the next look will not list it), or not yet the official's to see.
    if (!task) throw new NotNow(`task ${open.id} not in ${username}'s inbox`);

    const decide = async (path: string, body: { action: string; version?: number }) => {
      await call(`POST ${path}`, me.post(path, { ...body, requestId: task.id }));
      this.decisions += 1;
    };
    const plan = `/api/cycles/${this.cycleId}/units/${task.planUnitCode}/plan`;
    const version = async () => ((await call(`GET ${plan}`, me.get(plan))).body as { plan: { latestVersion: number } }).plan.latestVersion;
    const writeReport = async () => {
      const path = `/api/reports/${task.reportId}`;
      const report = (await call(`GET ${path}`, me.get(path))).body as { content: { lines: Array<{ itemId: string }> } };
      const lines = report.content.lines.map((line) => ({ itemId: line.itemId, status: 'done', achieved: 'Đã thực hiện.', spent: 10_000_000 }));
      await call(`PUT ${path}/content`, me.put(`${path}/content`, { summary: 'Hoàn thành đúng kế hoạch.', lines }));
      await decide(`${path}/decisions`, { action: 'submit' });
    };
    switch (task.kind) {
      case 'draft': {
        const current = await version();
        await call(`PUT ${plan}/draft`, me.put(`${plan}/draft`, { version: current, items: [regularItem(task.planUnitCode)] }));
        return decide(`${plan}/decisions`, { action: 'submit', version: current });
      }
      case 'approve':
        return decide(`${plan}/decisions`, { action: 'approve', version: await version() });
      case 'report':
      case 'aggregate':
        return writeReport();
      case 'review_report':
      case 'approve_report':
        return decide(`/api/reports/${task.reportId}/decisions`, { action: 'accept' });
      default:
        throw new Error(`${username} has a task the bot does not know: ${task.kind}`);
    }
  }
}

/** The one row every unit's plan carries (as the fault suite's CycleBot drafts it): regular work of its own. */
function regularItem(unitCode: string) {
  return { id: 'tt-1', content: 'Tuyên truyền đối ngoại thường xuyên', leadUnitCode: unitCode, coordinatingUnitCodes: [], timeFrame: { kind: 'regular' }, budget: 50_000_000, focusTaskNumbers: [], sourceItemId: null };
}
