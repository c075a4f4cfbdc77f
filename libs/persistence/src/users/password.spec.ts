import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('accepts the password it hashed and rejects any other', async () => {
    const hash = await hashPassword('plancycle');

    await expect(verifyPassword('plancycle', hash)).resolves.toBe(true);
    await expect(verifyPassword('PlanCycle', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('writes scrypt$salt$hash with a fresh salt each time', async () => {
    const first = await hashPassword('mật khẩu');
    const second = await hashPassword('mật khẩu');

    expect(first).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toEqual(second);
    await expect(verifyPassword('mật khẩu', second)).resolves.toBe(true);
  });

  it('treats the same Vietnamese text typed in composed or decomposed form as one password', async () => {
    const hash = await hashPassword('Đối ngoại'.normalize('NFC'));

    await expect(verifyPassword('Đối ngoại'.normalize('NFD'), hash)).resolves.toBe(true);
  });

  it('rejects malformed or foreign hashes without throwing', async () => {
    for (const hash of ['', 'plancycle', 'scrypt$$', 'bcrypt$abc$def', 'scrypt$c2FsdA==$c2hvcnQ=', 'scrypt$a$b$c']) {
      await expect(verifyPassword('plancycle', hash)).resolves.toBe(false);
    }
  });
});
