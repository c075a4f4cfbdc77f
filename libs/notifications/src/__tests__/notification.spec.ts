import { linkActionsFor, mailDomainOf, messageIdFor, notificationId, type NotificationFacts, type NotificationKind, type NotifiedTaskKind } from '..';
import { IA_DOM_PLAN } from './facts.fixture';

const parts = { workflowId: 'plan-GL-2027-GL.IADOM', subject: 'approve:2', step: 'assigned', recipientUserId: 'user-1' };

describe('notification ids', () => {
  it('reads as workflow|subject|step|recipient and is the same every time', () => {
    expect(notificationId(parts)).toBe('plan-GL-2027-GL.IADOM|approve:2|assigned|user-1');
    expect(notificationId({ ...parts })).toBe(notificationId(parts));
  });

  it('gives another recipient or another step another id', () => {
    const ids = new Set([notificationId(parts), notificationId({ ...parts, recipientUserId: 'user-2' }), notificationId({ ...parts, step: 'D-5' })]);
    expect(ids.size).toBe(3);
  });

  it('hashes a long subject to stay within 400 characters, still deterministic and distinct', () => {
    const long = { ...parts, subject: 'x'.repeat(1000) };
    const id = notificationId(long);

    expect(id.length).toBeLessThanOrEqual(400);
    expect(id).toMatch(/^plan-GL-2027-GL\.IADOM\|sha256:[0-9a-f]{32}\|assigned\|user-1$/);
    expect(notificationId(long)).toBe(id);
    expect(notificationId({ ...long, subject: 'y'.repeat(1000) })).not.toBe(id);
  });

  it('stays within 400 characters whichever part is long', () => {
    expect(notificationId({ ...parts, workflowId: 'w'.repeat(500) }).length).toBeLessThanOrEqual(400);
    expect(notificationId({ ...parts, recipientUserId: 'u'.repeat(500) }).length).toBeLessThanOrEqual(400);
  });

  it('does not let a separator inside a part make two events share an id', () => {
    const a = notificationId({ ...parts, subject: 'a|b', step: 'c' });
    const b = notificationId({ ...parts, subject: 'a', step: 'b|c' });
    expect(a).not.toBe(b);
  });
});

describe('message ids', () => {
  it('derives <32 hex@domain> from the notification id', () => {
    const messageId = messageIdFor(notificationId(parts), 'plancycle.local');

    expect(messageId).toMatch(/^<[0-9a-f]{32}@plancycle\.local>$/);
    expect(messageIdFor(notificationId(parts), 'plancycle.local')).toBe(messageId);
    expect(messageIdFor('another', 'plancycle.local')).not.toBe(messageId);
  });

  it('takes the domain from a From address, falling back when there is none', () => {
    expect(mailDomainOf('PlanCycle <no-reply@plancycle.local>')).toBe('plancycle.local');
    expect(mailDomainOf('no-reply@sovhttdl.gialai.gov.vn')).toBe('sovhttdl.gialai.gov.vn');
    expect(mailDomainOf('PlanCycle')).toBe('plancycle.local');
    expect(mailDomainOf('x@bad domain>')).toBe('plancycle.local');
  });
});

describe('which links a notification carries', () => {
  const plan = IA_DOM_PLAN;
  const factsOf = (kind: NotificationKind, taskKind: NotifiedTaskKind | null): NotificationFacts => ({
    kind,
    recipientName: 'Nguyễn Văn An',
    plan,
    task: taskKind && { id: 'task-1', kind: taskKind, dueAt: '2027-01-15T10:00:00Z' },
    actorName: null,
    opinion: null,
    comments: null,
    step: null,
  });

  it.each([
    ['task_assigned', 'approve', ['approve', 'return', 'open']],
    ['task_assigned', 'appraise', ['agree', 'return', 'open']],
    ['task_assigned', 'draft', ['open']],
    ['task_assigned', 'amend', ['open']],
    ['task_assigned', null, []],
    ['reminder', 'approve', ['approve', 'return', 'open']],
    ['reminder', 'appraise', ['agree', 'return', 'open']],
    ['escalation', 'approve', ['approve', 'return', 'open']],
    ['escalation', 'draft', ['open']],
    ['escalation', null, []],
    ['plan_returned', 'draft', ['open']],
    ['plan_returned', null, ['open']],
    ['appraisal_opinion', null, []],
    ['plan_issued', null, []],
    ['report_requested', null, []],
    ['report_requested', 'approve', []],
    // Decisions on reports are taken in the web app, where the report can be read.
    ['task_assigned', 'report', ['open']],
    ['task_assigned', 'review_report', ['open']],
    ['task_assigned', 'aggregate', ['open']],
    ['task_assigned', 'approve_report', ['open']],
    ['reminder', 'review_report', ['open']],
    ['escalation', 'approve_report', ['open']],
    ['report_requested', 'report', ['open']],
  ] as const)('%s on a %s task gives %j', (kind, taskKind, expected) => {
    expect(linkActionsFor(factsOf(kind, taskKind))).toEqual(expected);
  });

  it('lets someone escalated to look at a task that is not theirs, not decide it', () => {
    expect(linkActionsFor({ ...factsOf('escalation', 'approve'), toAssignees: false })).toEqual(['open']);
  });
});
