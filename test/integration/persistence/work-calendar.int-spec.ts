import { WorkCalendarRepository } from '@plancycle/persistence';
import { isWorkingDay } from '@plancycle/domain';
import { baselineDaysOff } from '@plancycle/holidays';
import { createPersistenceTestDatabase, type PersistenceTestDatabase } from './persistence-test-database';

describe('WorkCalendarRepository', () => {
  let db: PersistenceTestDatabase;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('returns the baseline days off of the seeded years as the domain work calendar', async () => {
    const repository = new WorkCalendarRepository(db.dataSource);

    await repository.seedBaseline([2025, 2026]);
    const calendar = await repository.workCalendar();

    const expected = [...baselineDaysOff(2025), ...baselineDaysOff(2026)].map((day) => day.date);
    expect([...calendar.daysOff].sort()).toEqual(expected);
    expect(calendar.workingWeekendDays.size).toBe(0);
    expect(isWorkingDay('2026-09-02', calendar)).toBe(false);
    expect(isWorkingDay('2026-09-03', calendar)).toBe(true);
  });

  it("keeps an admin's edits when the baseline is seeded again", async () => {
    const repository = new WorkCalendarRepository(db.dataSource);
    // The government picked 2/9 and 3/9 for Quốc khánh 2026 instead of 1/9 and 2/9, and a Saturday is worked.
    await db.dataSource.query(`DELETE FROM work_calendar_days WHERE date = '2026-09-01'`);
    await db.dataSource.query(
      `INSERT INTO work_calendar_days (date, kind, name, source)
       VALUES ('2026-09-03', 'day_off', 'Quốc khánh', 'admin'), ('2026-01-10', 'working_day', 'Làm bù Tết Dương lịch', 'admin')`,
    );
    await db.dataSource.query(`UPDATE work_calendar_days SET name = 'Tết Dương lịch (sửa)', source = 'admin' WHERE date = '2026-01-01'`);

    const inserted = await repository.seedBaseline([2026]);
    const calendar = await repository.workCalendar();
    const days = await repository.listDays();

    expect(inserted).toBe(0);
    expect(calendar.daysOff.has('2026-09-01')).toBe(false);
    expect(calendar.daysOff.has('2026-09-03')).toBe(true);
    expect(calendar.workingWeekendDays).toEqual(new Set(['2026-01-10']));
    expect(isWorkingDay('2026-01-10', calendar)).toBe(true);
    expect(days.find((day) => day.date === '2026-01-01')).toEqual({
      date: '2026-01-01',
      kind: 'day_off',
      name: 'Tết Dương lịch (sửa)',
      source: 'admin',
    });
  });

  it('seeds a year that has only admin days so far', async () => {
    const repository = new WorkCalendarRepository(db.dataSource);
    await db.dataSource.query(
      `INSERT INTO work_calendar_days (date, kind, name, source) VALUES ('2027-02-06', 'working_day', 'Làm bù Tết', 'admin')`,
    );

    const inserted = await repository.seedBaseline([2027]);

    expect(inserted).toBe(baselineDaysOff(2027).filter((day) => day.date !== '2027-02-06').length);
  });
});

describe('WorkCalendarRepository.workCalendarFor', () => {
  let db: PersistenceTestDatabase;

  beforeAll(async () => {
    db = await createPersistenceTestDatabase();
  });
  afterAll(() => db?.drop());

  it('fills a year nobody seeded with the baseline, without writing it', async () => {
    const repository = new WorkCalendarRepository(db.dataSource);

    const calendar = await repository.workCalendarFor([2037]);

    expect(isWorkingDay('2037-02-16', calendar)).toBe(false); // Tết 2037
    expect(isWorkingDay('2037-09-02', calendar)).toBe(false);
    expect(await repository.listDays()).toEqual([]);
  });
});
