import { log, patched, proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities } from './contract';

// Mail never holds the plan up: delivery runs beside the workflow and retries until the SMTP server
// takes it (backoff up to 5 minutes, no attempt limit). The heartbeat lets a dead worker's attempt
// be retried in seconds rather than at the end of its start-to-close timeout.
const { deliverNotifications } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Mail on its way, so the plan's workflow ends only once its last message is out. */
export class MailInFlight {
  private readonly deliveries = new Set<Promise<unknown>>();

  /** Starts delivering the mail an activity recorded, without waiting for it. */
  deliver(ids: string[] | undefined): void {
    // Histories recorded before issue 4 carry no ids: they replay without a delivery command.
    if (!ids?.length || !patched('notifications')) return;
    const delivery = deliverNotifications({ ids })
      .catch((error: unknown) => log.warn('Mail delivery gave up', { ids, error: String(error) }))
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }

  async settled(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all(this.deliveries);
  }
}
