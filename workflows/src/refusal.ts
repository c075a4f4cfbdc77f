import { ApplicationFailure } from '@temporalio/workflow';
import { PlanDecisionRefused } from '@plancycle/domain';

/**
 * An update validator's refusal as it travels to the caller: an ApplicationFailure whose `type` is
 * the stable code and whose first detail is the refusal kind (state, actor, input). Used by the plan
 * and report workflows alike; the API's DecisionGateway reads it back.
 */
export function refuse(error: unknown): never {
  if (error instanceof PlanDecisionRefused) {
    throw ApplicationFailure.create({ type: error.code, message: error.message, details: [error.kind], nonRetryable: true });
  }
  throw error;
}
