export {
  LINK_ACTIONS,
  LOCALES,
  NOTIFICATION_KINDS,
  REPORT_TASK_KINDS,
  isReportTaskKind,
  linkActionsFor,
  mailDomainOf,
  messageIdFor,
  notificationId,
  type LinkAction,
  type Locale,
  type NotificationFacts,
  type NotificationKind,
  type NotifiedReport,
  type NotifiedReportKind,
  type NotifiedTaskKind,
} from './notification';
export { escapeHtml } from './templates/plain-text';
export { actionLabel, formatDueDate, planTitle, renderDigest, renderNotification, reportTitle, type DigestEntry, type RenderedMail } from './templates';
export { signActionToken, verifyActionToken, type ActionClaims, type TokenCheck } from './action-token';
