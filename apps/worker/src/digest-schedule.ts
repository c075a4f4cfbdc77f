import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const DIGEST_SCHEDULE_ID = 'plancycle-daily-digest';

/**
 * The Temporal Schedule that sends the daily digests at 07:00 Vietnam time. Created once by
 * whichever worker starts first; later starts find it and leave it as it is.
 */
export async function ensureDigestSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: DIGEST_SCHEDULE_ID,
      spec: { calendars: [{ hour: 7, minute: 0 }], timezone: 'Asia/Ho_Chi_Minh' },
      action: { type: 'startWorkflow', workflowType: 'dailyDigestWorkflow', workflowId: 'daily-digest', taskQueue, args: [{}] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '12 hours' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
