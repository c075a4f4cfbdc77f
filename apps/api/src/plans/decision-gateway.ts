import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ApiException, notFound } from '../common/api-exception';
import { TemporalClientService } from '../temporal/temporal-client.service';

/** How a workflow's refusal kind answers over HTTP. */
const REFUSAL_STATUS: Record<string, HttpStatus> = { state: HttpStatus.CONFLICT, actor: HttpStatus.FORBIDDEN, input: HttpStatus.BAD_REQUEST };

/**
 * What the SDK answers when the workflow has not registered its decision handler yet: it does so once
 * its plan or report is open (the `openPlan`/`openReport` activity), which a worker crash at the
 * wrong moment delays until that activity's retry, up to its 30 s timeout.
 */
const NO_HANDLER_YET = 'No registered handler for update';
const notReady = () =>
  new ApiException(
    HttpStatus.SERVICE_UNAVAILABLE,
    'DECISION_NOT_READY',
    'Kế hoạch hoặc báo cáo này đang được hệ thống mở lại sau một sự cố. Quyết định chưa được ghi; vui lòng thử lại sau ít giây.',
  );

/**
 * The one way a decision reaches a plan or a report, from the web inbox and from an email link
 * alike: the workflow's update (`planDecision`, `reportDecision`), whose validator has the last word
 * on state and actor. Its refusals answer 409/403/400 with their stable code.
 */
@Injectable()
export class DecisionGateway {
  constructor(@Inject(TemporalClientService) private readonly temporal: TemporalClientService) {}

  /** The request id is also the update id: the same request sent twice is one decision. */
  async decide<Result, Request extends { requestId: string }>(workflowId: string, update: UpdateDefinition<Result, [Request]>, request: Request): Promise<Result> {
    const handle = this.temporal.client.workflow.getHandle(workflowId);
    try {
      return await handle.executeUpdate(update, { args: [request], updateId: request.requestId });
    } catch (error) {
      const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.message.startsWith(NO_HANDLER_YET)) throw notReady();
      if (cause instanceof ApplicationFailure && cause.type) {
        const kind = String(cause.details?.[0] ?? 'state');
        throw new ApiException(REFUSAL_STATUS[kind] ?? HttpStatus.CONFLICT, cause.type, cause.message);
      }
      if (error instanceof WorkflowNotFoundError) throw notFound('WORKFLOW_NOT_FOUND', 'Không tìm thấy quy trình xử lý của kế hoạch hoặc báo cáo này.');
      throw error;
    }
  }
}
