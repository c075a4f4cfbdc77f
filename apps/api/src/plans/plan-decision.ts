import type { PlanDecision } from '@plancycle/domain';
import { badRequest } from '../common/api-exception';
import type { PlanDecisionDto } from './dtos/plan-decision.dto';

/** The request's fields as the decision the workflow understands; what an action needs must be there. */
export function toPlanDecision(body: PlanDecisionDto): PlanDecision {
  const version = () => {
    if (body.version === undefined) throw badRequest('PLAN_VERSION_INVALID', 'Cần cho biết phiên bản (version) của kế hoạch đang xử lý.');
    return body.version;
  };
  switch (body.action) {
    case 'submit':
      return { action: 'submit', version: version() };
    case 'approve':
      return { action: 'approve', version: version() };
    case 'appraise':
      if (!body.opinion) throw badRequest('PLAN_OPINION_INVALID', 'Cần cho biết ý kiến thẩm định (opinion): agree hoặc return.');
      return { action: 'appraise', version: version(), decision: body.opinion, comments: body.comments ?? '' };
    case 'return':
      return { action: 'return', version: version(), reasons: body.comments ?? '' };
    case 'amend':
      return { action: 'amend' };
  }
}
