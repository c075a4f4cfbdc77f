import type { DevMailMessage } from '@plancycle/mail';
import { verifyActionToken, type ActionClaims, type LinkAction } from '@plancycle/notifications';

export interface MailLink {
  /** The path to request on the in-process API, e.g. `/api/actions/v1.…`. */
  path: string;
  claims: ActionClaims;
}

/** The action links of a received message, by action, read from its plain-text part as a person would click them. */
export function actionLinksOf(message: DevMailMessage, linkSecret: string): Partial<Record<LinkAction, MailLink>> {
  const links: Partial<Record<LinkAction, MailLink>> = {};
  for (const [url] of message.text.matchAll(/https?:\/\/\S+\/api\/actions\/[A-Za-z0-9._-]+/g)) {
    const path = new URL(url).pathname;
    const check = verifyActionToken(path.slice('/api/actions/'.length), linkSecret, new Date(0));
    if (check.claims) links[check.claims.action] = { path, claims: check.claims };
  }
  return links;
}
