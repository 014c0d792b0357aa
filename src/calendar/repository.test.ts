/**
 * Calendar storage against a real database: SQLite in memory, or PostgreSQL in a throw-away schema when
 * DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AppError } from '../platform/errors.ts';
import { SHIPPED_YEARS } from './data/shipped.ts';
import {
  getCalendarYear,
  listCalendarYears,
  loadWorkingCalendar,
  replaceCalendarYear,
  syncShippedCalendar,
} from './repository.ts';
import { validateYearArrangement } from './validate.ts';
import { WorkingCalendar } from './workingCalendar.ts';

/** A migrated database with NO calendar rows: these tests check the sync itself. */
async function openTestDatabase(): Promise<TestDatabase> {
  const t = await testDatabase({ migrate: false });
  await migrateToLatest(t.db);
  return t;
}

const isMissing = (e: unknown): boolean => e instanceof AppError && e.id === 'calendar_year_missing';

const ALL = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

describe('calendar repository', () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;

  before(async () => {
    handle = await openTestDatabase();
  });
  after(async () => {
    await handle.cleanup();
  });

  test('an empty database covers no year', async () => {
    const cal = await loadWorkingCalendar(handle.db);
    assert.deepEqual(cal.coveredYears, []);
    assert.throws(() => cal.isWorkingDay('2024-01-02'), isMissing);
  });

  test('syncShippedCalendar adds 2019–2026 once and is idempotent', async () => {
    assert.deepEqual(await syncShippedCalendar(handle.db), ALL);
    assert.deepEqual(await syncShippedCalendar(handle.db), []);

    const years = await listCalendarYears(handle.db);
    assert.deepEqual(
      years.map((y) => [y.year, y.origin, y.version, y.holiday_count, y.workday_count]),
      SHIPPED_YEARS.map((y) => [
        y.year,
        'shipped',
        1,
        y.days.filter((d) => d.kind === 'holiday').length,
        y.days.filter((d) => d.kind === 'workday').length,
      ]),
    );
    // Counts are numbers on both dialects (PostgreSQL returns count(*) as text).
    assert.equal(typeof years[0]?.holiday_count, 'number');

    const y2024 = await getCalendarYear(handle.db, 2024);
    assert.ok(y2024);
    assert.equal(y2024.source, '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）');
    assert.deepEqual(
      y2024.days,
      SHIPPED_YEARS.find((y) => y.year === 2024)?.days.map(({ date, kind, name }) => ({ date, kind, name })),
    );
    assert.equal(await getCalendarYear(handle.db, 2027), undefined);
  });

  test('loadWorkingCalendar answers like the pure calendar', async () => {
    const stored = await loadWorkingCalendar(handle.db);
    const pure = WorkingCalendar.fromArrangements(SHIPPED_YEARS);
    assert.deepEqual(stored.coveredYears, ALL);
    // The hand-counted cases of workingCalendar.test.ts.
    assert.equal(stored.addWorkingDays('2024-02-08', 20), '2024-03-13');
    assert.equal(stored.addWorkingDays('2025-09-26', 20), '2025-10-30');
    assert.equal(stored.addWorkingDays('2020-01-22', 2), '2020-02-03');
    assert.equal(stored.addWorkingDays('2025-12-25', 10), '2026-01-09');
    for (let day = Date.UTC(2019, 0, 1); day <= Date.UTC(2026, 11, 31); day += 86_400_000) {
      const d = new Date(day).toISOString().slice(0, 10);
      assert.equal(stored.isWorkingDay(d), pure.isWorkingDay(d), d);
    }
  });

  test('replaceCalendarYear for 2027 makes 2027 computable and bumps its version', async () => {
    const before2027 = await loadWorkingCalendar(handle.db);
    assert.throws(() => before2027.addWorkingDays('2026-12-20', 20), isMissing);

    // A made-up 2027 (the real notice is not out): 01-01 Friday off only.
    const first = validateYearArrangement({
      year: 2027,
      source: '测试用2027年安排',
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    });
    assert.ok(first.ok);
    const v1 = await handle.db.transaction().execute((trx) => replaceCalendarYear(trx, first.data, 'admin'));
    assert.equal(v1, 1);

    let cal = await loadWorkingCalendar(handle.db);
    assert.equal(cal.covers(2027), true);
    // 2026-12-20 Sunday: 9 working days to 12-31 (Thursday); 2027-01-01 Friday off, 01-02/03 weekend;
    // 10: 01-04 Mon … 14: 01-08 Fri, 15–19: 01-11..01-15, 20: 01-18 Mon.
    assert.equal(cal.addWorkingDays('2026-12-20', 20), '2027-01-18');

    // Correct it: Saturday 2027-01-02 becomes a working day. Version 2; the old days are gone.
    const second = validateYearArrangement({
      year: 2027,
      source: '测试用2027年安排（修订）',
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [{ date: '2027-01-02', name: '元旦' }],
    });
    assert.ok(second.ok);
    const v2 = await handle.db.transaction().execute((trx) => replaceCalendarYear(trx, second.data, 'admin'));
    assert.equal(v2, 2);
    const stored = await getCalendarYear(handle.db, 2027);
    assert.equal(stored?.version, 2);
    assert.equal(stored?.origin, 'admin');
    assert.equal(stored?.source, '测试用2027年安排（修订）');
    assert.deepEqual(stored?.days, second.data.days);

    cal = await loadWorkingCalendar(handle.db);
    // Now 01-02 Saturday is day 10, so every later day moves one earlier: 20 → 2027-01-15 Fri.
    assert.equal(cal.addWorkingDays('2026-12-20', 10), '2027-01-02');
    assert.equal(cal.addWorkingDays('2026-12-20', 20), '2027-01-15');
  });

  test('sync does not overwrite an admin-entered year', async () => {
    // An administrator corrects shipped 2026 (here: marks an extra weekday off), then the platform restarts.
    const shipped2026 = SHIPPED_YEARS.find((y) => y.year === 2026);
    assert.ok(shipped2026);
    const edited = validateYearArrangement({
      year: 2026,
      source: '管理员修订的2026年安排',
      holidays: [...shipped2026.days.filter((d) => d.kind === 'holiday'), { date: '2026-12-31', name: '测试' }],
      workdays: shipped2026.days.filter((d) => d.kind === 'workday'),
    });
    assert.ok(edited.ok);
    const version = await handle.db.transaction().execute((trx) => replaceCalendarYear(trx, edited.data, 'admin'));
    assert.equal(version, 2);

    assert.deepEqual(await syncShippedCalendar(handle.db), []);
    const y2026 = await getCalendarYear(handle.db, 2026);
    assert.equal(y2026?.origin, 'admin');
    assert.equal(y2026?.version, 2);
    assert.equal(y2026?.source, '管理员修订的2026年安排');
    assert.ok(y2026?.days.some((d) => d.date === '2026-12-31'));
    assert.equal((await loadWorkingCalendar(handle.db)).isWorkingDay('2026-12-31'), false);

    // A shipped year deleted from the table comes back on the next sync (and only that one).
    await handle.db.deleteFrom('calendar_days').where('year', '=', 2019).execute();
    await handle.db.deleteFrom('calendar_years').where('year', '=', 2019).execute();
    assert.deepEqual(await syncShippedCalendar(handle.db), [2019]);
    const list = await listCalendarYears(handle.db);
    assert.deepEqual(
      list.map((y) => [y.year, y.origin]),
      [...ALL.map((y) => [y, y === 2026 ? 'admin' : 'shipped']), [2027, 'admin']],
    );
  });
});
