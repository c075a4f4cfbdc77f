import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { planDecisionUpdate, type PlanDecisionRequest, type PlanDecisionResult } from '@plancycle/workflows';
import { ApiException, notFound } from '../common/api-exception';
import { TemporalClientService } from '../temporal/temporal-client.service';

/** How a workflow's refusal kind answers over HTTP. */
const REFUSAL_STATUS: Record<string, HttpStatus> = { state: HttpStatus.CONFLICT, actor: HttpStatus.FORBIDDEN, input: HttpStatus.BAD_REQUEST };

/**
 * The one way a decision reaches a plan, from the web inbox and from an email link alike: the
 * plan workflow's `planDecision` update, whose validator has the last word on state and actor.
 */
@Injectable()
export class PlanDecisionGateway {
  constructor(@Inject(TemporalClientService) private readonly temporal: TemporalClientService) {}

  /** The request id is also the update id: the same request sent twice is one decision. */
  async decide(workflowId: string, request: PlanDecisionRequest): Promise<PlanDecisionResult> {
    const handle = this.temporal.client.workflow.getHandle(workflowId);
    try {
      return await handle.executeUpdate(planDecisionUpdate, { args: [request], updateId: request.requestId });
    } catch (error) {
      const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.type) {
        const kind = String(cause.details?.[0] ?? 'state');
        throw new ApiException(REFUSAL_STATUS[kind] ?? HttpStatus.CONFLICT, cause.type, cause.message);
      }
      if (error instanceof WorkflowNotFoundError) throw notFound('PLAN_NOT_FOUND', 'Không tìm thấy quy trình của kế hoạch này.');
      throw error;
    }
  }
}
