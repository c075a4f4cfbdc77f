/**
 * An escalation ladder in seconds, for compressed calendars: one reminder `reminderSeconds` before
 * the due date, then the overdue rung (assignee and leader in charge), the coordinator and the office
 * `stepSeconds` apart.
 */
export function ladderInSeconds(reminderSeconds: number, stepSeconds: number) {
  return {
    rungs: [
      { step: `D-${reminderSeconds}s`, kind: 'reminder', offset: { seconds: -reminderSeconds }, audience: ['assignee'] },
      { step: 'overdue', kind: 'escalation', offset: { seconds: 0 }, audience: ['assignee', 'leader_in_charge'] },
      { step: `+${stepSeconds}s`, kind: 'escalation', offset: { seconds: stepSeconds }, audience: ['coordinator'] },
      { step: `+${2 * stepSeconds}s`, kind: 'escalation', offset: { seconds: 2 * stepSeconds }, audience: ['office'] },
    ],
  };
}
