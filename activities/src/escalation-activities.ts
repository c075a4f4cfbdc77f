import type { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_ESCALATION_LADDER,
  ladderSchedule,
  validateEscalationLadder,
  vietnamDateOf,
  type EscalationAudience,
  type EscalationLadder,
  type Role,
} from '@plancycle/domain';
import {
  CycleRepository,
  OrgUnitRepository,
  NotificationRepository,
  RecipientRepository,
  ReportRepository,
  TaskEscalationRepository,
  TaskRepository,
  WorkCalendarRepository,
  type RecipientRecord,
  type TaskRecord,
} from '@plancycle/persistence';
import type { EscalationActivities, TaskLadderSchedule } from '@plancycle/workflows';
import { recordNotices } from './notifications/plan-notices';

/** Who hears of a rung, as roles on which unit. */
const AUDIENCE_ROLES: Record<Exclude<EscalationAudience, 'assignee'>, Role[]> = {
  leader_in_charge: ['leader_in_charge'],
  coordinator: ['coordinator', 'leader_in_charge'],
  office: ['leader_in_charge', 'officer'],
};

/**
 * The side of reminders and escalations that touches the database: a task's schedule from its
 * cycle's ladder and the working-day calendar, and the record (with mail) of each rung that fires.
 * The waiting itself is the workflow's: durable timers, cancelled when the task is done.
 */
export function createEscalationActivities(dataSource: DataSource, { mailDomain }: { mailDomain: string }): EscalationActivities {
  const tasks = new TaskRepository(dataSource);

  async function scheduleOf(task: TaskRecord | null): Promise<TaskLadderSchedule | null> {
    if (!task || task.state !== 'open') return null;
    const ladder = await ladderOf(new CycleRepository(dataSource), task.cycleId);
    const year = Number(vietnamDateOf(task.dueAt).slice(0, 4));
    const days = await new WorkCalendarRepository(dataSource).workCalendarFor([year - 1, year, year + 1]);
    return { taskKey: task.key, dueAt: task.dueAt, steps: ladderSchedule(task.dueAt, ladder, days) };
  }

  return {
    async scheduleTaskLadder({ taskKey }) {
      return scheduleOf(await tasks.findByKey(taskKey));
    },

    async rescheduleTask({ taskKey, dueAt }) {
      const task = await dataSource.transaction(async (manager) => {
        const moved = await new TaskRepository(manager).reschedule(taskKey, dueAt);
        // A report's own deadline is its writer's: the report table shows it (and whether it is late).
        if (moved?.reportId && (moved.kind === 'report' || moved.kind === 'aggregate')) await new ReportRepository(manager).setDueAt(moved.reportId, dueAt);
        return moved;
      });
      return scheduleOf(task);
    },

    async recordTaskStep({ taskKey, workflowId, step }) {
      return dataSource.transaction(async (manager) => {
        // Locked: a decision closing the task at this moment commits first, and its rung is not sent.
        await manager.query(`SELECT 1 FROM tasks WHERE key = $1 FOR UPDATE`, [taskKey]);
        const task = await new TaskRepository(manager).findByKey(taskKey);
        if (!task) return { recorded: false, notificationIds: [] };
        // Done before its rung: nobody is reminded of a task already decided. A retry of an attempt
        // that did record the rung before the task closed still delivers that rung's mail.
        if (task.state !== 'open') return { recorded: false, notificationIds: await new NotificationRepository(manager).listIdsForTaskStep(task.id, step.step) };
        // Someone in two audiences of the rung (an assignee who is also the leader) gets one message.
        const told = new Set<string>();
        const audiences: Array<{ audience: EscalationAudience; people: RecipientRecord[] }> = [];
        for (const audience of step.audience) {
          const people = (await audienceOf(manager, task, audience)).filter((person) => !told.has(person.userId));
          people.forEach((person) => told.add(person.userId));
          audiences.push({ audience, people });
        }
        const recorded = await new TaskEscalationRepository(manager).record({
          taskId: task.id,
          step: step.step,
          kind: step.kind,
          audience: step.audience,
          dueAt: step.at,
          recipientUserIds: [...told],
        });
        const notificationIds = await recordNotices(
          manager,
          { planId: task.planId, workflowId, decision: null, actorUserId: null, documentNumber: null },
          audiences.map(({ audience, people }) => ({
            kind: step.kind,
            recipients: people,
            subject: task.key,
            step: `${step.step}/${audience}`,
            task,
            ladderStep: step.step,
            toAssignees: audience === 'assignee',
          })),
          mailDomain,
        );
        return { recorded, notificationIds };
      });
    },
  };
}

/** The cycle's ladder; the default one for a cycle started without (or before ladders existed). */
async function ladderOf(cycles: CycleRepository, cycleId: string): Promise<EscalationLadder> {
  const stored = await cycles.findEscalationLadder(cycleId);
  return stored && validateEscalationLadder(stored).length === 0 ? (stored as EscalationLadder) : DEFAULT_ESCALATION_LADDER;
}

/**
 * The people of one audience: the task's assignees, their unit's leader in charge, the coordinator
 * (or the unit's own escalation unit, when its settings name one), the province's office.
 */
async function audienceOf(manager: EntityManager, task: TaskRecord, audience: EscalationAudience): Promise<RecipientRecord[]> {
  const recipients = new RecipientRepository(manager);
  if (audience === 'assignee') return recipients.holdersOf(task.assigneeUnitCode, [task.assigneeRole]);
  if (audience === 'leader_in_charge') return recipients.holdersOf(task.assigneeUnitCode, AUDIENCE_ROLES.leader_in_charge);

  const units = new OrgUnitRepository(manager);
  const unit = await units.findByCode(task.assigneeUnitCode);
  if (!unit) return [];
  const provinceUnits = await units.listProvinceUnits(unit.provinceCode);
  const target =
    audience === 'coordinator'
      ? (unit.settings.escalationUnitCode ?? provinceUnits.find((candidate) => candidate.kind === 'coordinator')?.code)
      : provinceUnits.find((candidate) => candidate.kind === 'office')?.code;
  return target ? recipients.holdersOf(target, AUDIENCE_ROLES[audience]) : [];
}
