import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCHEME = 'scrypt';
const SALT_BYTES = 16;
const KEY_BYTES = 64;
// Node's defaults (N=2^14, r=8, p=1): ~50 ms per login, 16 MiB of memory.
const PARAMETERS: ScryptOptions = { N: 16384, r: 8, p: 1 };

function derive(plain: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, KEY_BYTES, PARAMETERS, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$<salt base64>$<hash base64>`, a fresh random salt each time. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(plain, salt);
  return `${SCHEME}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong password and for a hash this module did not write; never throws on bad input. */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  const [scheme, saltText, keyText, ...rest] = hash.split('$');
  if (scheme !== SCHEME || !saltText || !keyText || rest.length > 0) return false;
  const expected = Buffer.from(keyText, 'base64');
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(plain, Buffer.from(saltText, 'base64'));
  return timingSafeEqual(actual, expected);
}
