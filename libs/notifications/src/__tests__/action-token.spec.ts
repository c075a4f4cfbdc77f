import { signActionToken, verifyActionToken, type ActionClaims } from '..';

const SECRET = 'a-test-secret-of-reasonable-length';
const claims: ActionClaims = {
  userId: '7b0c1f7e-0000-4000-8000-000000000001',
  taskId: '7b0c1f7e-0000-4000-8000-0000000000aa',
  action: 'approve',
  version: 2,
  expiresAt: new Date('2027-01-15T10:00:00Z'),
};
const beforeExpiry = new Date('2027-01-14T00:00:00Z');

/** Rewrites the payload part without re-signing it, as someone editing a link by hand would. */
function withPayload(token: string, edit: (payload: Record<string, unknown>) => void): string {
  const [version, payloadPart, signature] = token.split('.');
  const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  edit(payload);
  return [version, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
}

describe('action link tokens', () => {
  it('gives back the claims it was signed with, expiry to the second', () => {
    const token = signActionToken({ ...claims, expiresAt: new Date('2027-01-15T10:00:00.999Z') }, SECRET);

    const check = verifyActionToken(token, SECRET, beforeExpiry);

    expect(check).toEqual({ ok: true, claims, tokenId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('reads as v1.<payload>.<signature> in base64url, safe in a URL as it is', () => {
    expect(signActionToken(claims, SECRET)).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it('signs the same claims into the same token, so a resent message carries the same link', () => {
    expect(signActionToken({ ...claims }, SECRET)).toBe(signActionToken(claims, SECRET));
  });

  it('keeps one token id per token and gives different claims different ids', () => {
    const token = signActionToken(claims, SECRET);
    const first = verifyActionToken(token, SECRET, beforeExpiry);
    const again = verifyActionToken(token, SECRET, new Date('2027-01-14T12:00:00Z'));
    const other = verifyActionToken(signActionToken({ ...claims, action: 'return' }, SECRET), SECRET, beforeExpiry);

    expect(first.tokenId).toBe(again.tokenId);
    expect(other.tokenId).not.toBe(first.tokenId);
  });

  it('calls a token whose payload was edited forged, and believes none of it', () => {
    const token = withPayload(signActionToken(claims, SECRET), (payload) => (payload.a = 'return'));

    expect(verifyActionToken(token, SECRET, beforeExpiry)).toEqual({ ok: false, reason: 'forged', claims: null, tokenId: null });
  });

  it('calls a token signed with another secret forged', () => {
    const token = signActionToken(claims, 'another-secret');

    expect(verifyActionToken(token, SECRET, beforeExpiry)).toMatchObject({ ok: false, reason: 'forged' });
    expect(verifyActionToken(token, '', beforeExpiry)).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('calls a genuine token expired from its expiry on, and still says whose it was', () => {
    const token = signActionToken(claims, SECRET);

    const check = verifyActionToken(token, SECRET, claims.expiresAt);

    expect(check).toEqual({ ok: false, reason: 'expired', claims, tokenId: verifyActionToken(token, SECRET, beforeExpiry).tokenId });
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not a token at all'],
    ['dots only', '..'],
    ['another version', signActionToken(claims, SECRET).replace(/^v1/, 'v2')],
    ['an extra part', `${signActionToken(claims, SECRET)}.x`],
    ['a payload that is not JSON', `v1.${Buffer.from('{nope').toString('base64url')}.abc`],
    ['a payload without the claims', `v1.${Buffer.from('{"u":"x"}').toString('base64url')}.abc`],
    ['an unknown action', withPayload(signActionToken(claims, SECRET), (payload) => (payload.a = 'delete'))],
    ['unicode', 'v1.Kế-hoạch.chữ-ký'],
    ['over 2048 characters', `v1.${'A'.repeat(2100)}.${'B'.repeat(43)}`],
  ])('calls %s malformed without throwing', (_name, token) => {
    expect(verifyActionToken(token, SECRET, beforeExpiry)).toEqual({ ok: false, reason: 'malformed', claims: null, tokenId: null });
  });

  it('survives whatever a caller hands it', () => {
    const values = [undefined, null, 42, {}, '\u0000'.repeat(5000), '💥'.repeat(3000)] as unknown as string[];
    for (const value of values) {
      expect(verifyActionToken(value, SECRET, beforeExpiry)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses to sign with an empty secret', () => {
    expect(() => signActionToken(claims, '')).toThrow();
  });
});
