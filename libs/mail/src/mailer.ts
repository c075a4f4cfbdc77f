/**
 * Sends mail over SMTP. One connection per message (no pool): activities send rarely and may run in
 * many worker processes, and a pooled connection that the server dropped is a worse failure than a
 * fresh handshake.
 */
import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  /** Overrides the mailer's default sender (a province's own address). */
  from?: string;
  replyTo?: string;
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /**
   * A stable Message-ID (e.g. derived from the workflow and reminder) so a retried activity sends the
   * same message and recipients' mail systems can spot the duplicate. Brackets are added if missing.
   */
  messageId?: string;
}

export interface Mailer {
  /** Resolves with the Message-ID once the SMTP server has accepted the message. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

/** `smtpUrl` as nodemailer reads it: `smtp://host:port`, `smtps://user:pass@host:465`, options in the query. */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport({
    url: smtpUrl, // without `pool` in the options this is nodemailer's non-pooled SMTP transport
    // Fail an activity attempt in seconds rather than hang it until its own timeout.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send({ from: sender, replyTo, to, subject, text, html, headers, messageId }) {
      const info = await transport.sendMail({
        from: sender ?? from,
        replyTo,
        to,
        subject,
        text,
        html,
        headers,
        messageId: messageId && (messageId.startsWith('<') ? messageId : `<${messageId}>`),
      });
      return info.messageId;
    },
    close: () => transport.close(),
  };
}
