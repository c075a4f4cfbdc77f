import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { LINK_ACTIONS, type LinkAction } from './notification';

export interface ActionClaims {
  userId: string;
  taskId: string;
  action: LinkAction;
  version: number;
  expiresAt: Date;
}

export type TokenCheck =
  | { ok: true; claims: ActionClaims; tokenId: string }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired'; claims: ActionClaims | null; tokenId: string | null };

const VERSION = 'v1';
const MAX_TOKEN_LENGTH = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The signed payload; short keys keep the link short. Key order is fixed so signing is deterministic. */
interface Payload {
  u: string;
  t: string;
  a: LinkAction;
  v: number;
  e: number;
}

/**
 * Deterministic: the same claims and secret give the same token, so a resent message carries the same link.
 * Format `v1.<base64url(JSON payload)>.<base64url(HMAC-SHA256 over 'v1.'+payload)>`; expiresAt to whole seconds.
 */
export function signActionToken(claims: ActionClaims, secret: string): string {
  if (!secret) throw new Error('Refusing to sign an action link with an empty secret.');
  const expiresAt = claims.expiresAt.getTime();
  if (!Number.isFinite(expiresAt)) throw new RangeError('An action link needs a valid expiry.');

  const payload: Payload = { u: claims.userId, t: claims.taskId, a: claims.action, v: claims.version, e: Math.floor(expiresAt / 1000) };
  const payloadPart = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${VERSION}.${payloadPart}.${signatureOf(payloadPart, secret)}`;
}

/**
 * Checks shape, then the signature, then expiry against `now`. Never throws. An expired but genuine
 * token returns its claims; a forged one returns none, since nothing in it can be believed.
 */
export function verifyActionToken(token: string, secret: string, now: Date): TokenCheck {
  const parts = splitToken(token);
  const claims = parts && claimsOf(parts.payloadPart);
  if (!parts || !claims) return { ok: false, reason: 'malformed', claims: null, tokenId: null };
  if (!secret || !sameText(parts.signaturePart, signatureOf(parts.payloadPart, secret))) {
    return { ok: false, reason: 'forged', claims: null, tokenId: null };
  }

  const tokenId = createHash('sha256').update(parts.payloadPart).digest('hex').slice(0, 32);
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired', claims, tokenId };
  return { ok: true, claims, tokenId };
}

function signatureOf(payloadPart: string, secret: string): string {
  return createHmac('sha256', secret).update(`${VERSION}.${payloadPart}`).digest('base64url');
}

function splitToken(token: unknown): { payloadPart: string; signaturePart: string } | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const [version, payloadPart, signaturePart, ...rest] = token.split('.');
  if (version !== VERSION || rest.length > 0) return null;
  if (!payloadPart || !signaturePart || !BASE64URL.test(payloadPart) || !BASE64URL.test(signaturePart)) return null;
  return { payloadPart, signaturePart };
}

function claimsOf(payloadPart: string): ActionClaims | null {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isPayload(payload)) return null;
  return { userId: payload.u, taskId: payload.t, action: payload.a, version: payload.v, expiresAt: new Date(payload.e * 1000) };
}

function isPayload(value: unknown): value is Payload {
  if (typeof value !== 'object' || value === null) return false;
  const { u, t, a, v, e } = value as Record<string, unknown>;
  return (
    typeof u === 'string' &&
    u.length > 0 &&
    typeof t === 'string' &&
    t.length > 0 &&
    LINK_ACTIONS.includes(a as LinkAction) &&
    Number.isSafeInteger(v) &&
    Number.isSafeInteger(e) &&
    Number.isFinite(new Date((e as number) * 1000).getTime())
  );
}

/** Constant-time comparison of two ASCII strings (the signature check must not leak where they differ). */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
