import type { Instant } from '@plancycle/domain';

export type NotificationState = 'pending' | 'sent' | 'digested' | 'failed';
export type NotificationDelivery = 'immediate' | 'digest';
export type NotificationLocale = 'vi' | 'en';

/**
 * One message to one person, recorded before it is sent. `facts` is the snapshot the message is
 * rendered from (its shape belongs to @plancycle/notifications; this library stores it as it is).
 */
export interface NotificationRecord {
  id: string;
  provinceCode: string;
  cycleId: string | null;
  planId: string | null;
  taskId: string | null;
  kind: string;
  recipientUserId: string;
  recipientEmail: string;
  locale: NotificationLocale;
  delivery: NotificationDelivery;
  facts: Record<string, unknown>;
  messageId: string;
  state: NotificationState;
  attempts: number;
  lastAttemptAt: Instant | null;
  lastError: string | null;
  createdAt: Instant;
  sentAt: Instant | null;
  digestId: string | null;
}

export type RecordNotificationInput = Pick<
  NotificationRecord,
  'id' | 'provinceCode' | 'cycleId' | 'planId' | 'taskId' | 'kind' | 'recipientUserId' | 'recipientEmail' | 'locale' | 'delivery' | 'facts' | 'messageId'
>;

/** Who a notification goes to: an active user holding a role, with how they want their mail. */
export interface RecipientRecord {
  userId: string;
  fullName: string;
  email: string;
  locale: NotificationLocale;
  notifyDigest: boolean;
}

/** A province's sender; without one, the system-wide MAIL_FROM is used. */
export interface MailSettingsRecord {
  provinceCode: string;
  fromAddress: string;
  replyTo: string | null;
}
