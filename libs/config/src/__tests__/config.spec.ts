import { loadConfig } from '../config';

const base = { DATABASE_URL: 'postgres://db/plancycle', SMTP_URL: 'smtp://mail:25', JWT_SECRET: 'j', ACTION_LINK_SECRET: 'l' };

describe('loadConfig', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['1', 1],
    ['false', undefined],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('reads TRUST_PROXY=%p as Express’s trust proxy %p', (value, expected) => {
    expect(loadConfig({ ...base, TRUST_PROXY: value }).api.trustProxy).toEqual(expected);
  });

  it('refuses TRUST_PROXY=true, which would let any client choose its own address', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true/);
  });

  it('reads DATABASE_POOL_SIZE and refuses what is not a size', () => {
    expect(loadConfig(base).databasePoolSize).toBeUndefined();
    expect(loadConfig({ ...base, DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    expect(() => loadConfig({ ...base, DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('says which variable is missing', () => {
    expect(() => loadConfig({ ...base, JWT_SECRET: undefined })).toThrow(/JWT_SECRET is not set/);
  });
});
