import { proxyActivities } from '@temporalio/workflow';
import { vietnamDateOf } from '@plancycle/domain';
import type { NotificationActivities } from './contract';

const { sendDailyDigests } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * The daily summary for people who asked for one instead of a message per event. Started each
 * morning by a Temporal Schedule (see apps/worker); `day` defaults to today in Vietnam.
 */
export async function dailyDigestWorkflow(input: { day?: string } = {}): Promise<{ digests: number }> {
  const day = input.day ?? vietnamDateOf(new Date(Date.now()).toISOString());
  return sendDailyDigests({ day });
}
