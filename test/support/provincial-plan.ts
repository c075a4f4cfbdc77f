import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { provincialPlanWorkflowId, type PlanDecision } from '@plancycle/domain';
import { UserRepository } from '@plancycle/persistence';
import { planDecisionUpdate, planViewQuery, type Actor } from '@plancycle/workflows';
import type { DataSource } from 'typeorm';
import { eventually } from './eventually';

/**
 * Drafts and issues a cycle's provincial plan as the demo coordinator and province leader do, so
 * that the units' plans open. For suites whose subject is what comes after it.
 */
export async function issueProvincialPlan(client: Client, dataSource: DataSource, cycleId: string): Promise<string> {
  const handle = client.workflow.getHandle(provincialPlanWorkflowId(cycleId));
  await eventually(async () => {
    if (!(await handle.query(planViewQuery)).planId) throw new Error('provincial plan not opened yet');
  });
  const actor = async (username: string): Promise<Actor> => {
    const user = await new UserRepository(dataSource).findByUsername(username);
    if (!user) throw new Error(`demo user ${username} is missing`);
    return { userId: user.id, roles: user.roles };
  };
  const decide = async (username: string, decision: PlanDecision) =>
    handle.executeUpdate(planDecisionUpdate, { args: [{ requestId: randomUUID(), decision, actor: await actor(username) }] });
  await decide('dieuphoi.gl', { action: 'submit', version: 1 });
  const issued = await decide('lanhdao.tinh', { action: 'approve', version: 1 });
  return issued.documentNumber as string;
}
