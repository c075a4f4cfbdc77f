export { DevSmtpServer, type DevMailMessage, type DevSmtpServerOptions, type WaitForOptions } from './dev-smtp-server';
export { startDevMailboxPage, type DevMailboxPage } from './dev-mailbox-page';
export { createMailer, type Mailer, type OutgoingMail } from './mailer';
