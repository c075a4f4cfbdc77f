import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { TemporalClientService } from '../../temporal/temporal-client.service';
import { DecisionGateway } from '../decision-gateway';

// The gateway only passes the definition on to the handle; its name is all the fake needs.
const decision = { type: 'update', name: 'planDecision' } as unknown as UpdateDefinition<string, [{ requestId: string }]>;

/** A gateway whose workflow answers every update with `failure`, as the SDK reports it. */
const gatewayFailingWith = (failure: ApplicationFailure) =>
  new DecisionGateway({
    client: { workflow: { getHandle: () => ({ executeUpdate: () => Promise.reject(new WorkflowUpdateFailedError('Workflow Update failed', failure)) }) } },
  } as unknown as TemporalClientService);

describe('DecisionGateway', () => {
  it('answers a workflow’s refusal with its own code and status', async () => {
    const refusal = ApplicationFailure.create({ type: 'PLAN_NOT_YOURS', message: 'Không phải việc của bạn.', details: ['actor'], nonRetryable: true });
    await expect(gatewayFailingWith(refusal).decide('wf', decision, { requestId: 'r' })).rejects.toMatchObject({ status: 403, response: { code: 'PLAN_NOT_YOURS' } });
  });

  it('answers 503 DECISION_NOT_READY, in Vietnamese, while the workflow has not set its decision handler yet', async () => {
    const noHandler = ApplicationFailure.nonRetryable('No registered handler for update: planDecision');
    await expect(gatewayFailingWith(noHandler).decide('wf', decision, { requestId: 'r' })).rejects.toMatchObject({
      status: 503,
      response: { code: 'DECISION_NOT_READY', message: expect.stringContaining('vui lòng thử lại') },
    });
  });
});
