import { DocumentNumberRepository, seedDemo } from '@plancycle/persistence';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';

describe('DocumentNumberRepository', () => {
  let db: PersistenceTestDatabase;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
    await seedDemo(db.dataSource);
  });
  afterAll(() => db?.drop());

  /** Takes a number inside a transaction of its own, as an issuance does. */
  const issue = (issuerCode: string, year: number) =>
    db.dataSource.transaction((manager) => new DocumentNumberRepository(manager).take(issuerCode, year));

  it('gives 50 plans of one issuer approved at the same moment 50 distinct numbers with no gap', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => issue('GL', 2030)));

    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
  });

  it('starts again at 1 each calendar year and counts each issuer on its own', async () => {
    expect(await issue('GL', 2031)).toBe(1);
    expect(await issue('GL.SNGV', 2030)).toBe(1);
    expect(await issue('GL', 2030)).toBe(51);
  });

  it('gives back the number of an issuance that did not complete', async () => {
    await expect(
      db.dataSource.transaction(async (manager) => {
        await new DocumentNumberRepository(manager).take('GL.STTTT', 2030);
        throw new Error('the plan could not be issued');
      }),
    ).rejects.toThrow('the plan could not be issued');

    expect(await issue('GL.STTTT', 2030)).toBe(1);
  });
});
