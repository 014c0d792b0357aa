/**
 * Working-day arithmetic against the shipped State Council arrangements. Every expected date below was counted
 * by hand from the lists in data/shipped.ts (and the notices); the reasoning is written next to each case.
 * Day 1 is the working day after the start date (民法典 第二百零一条).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../platform/errors.ts';
import { addCalendarDays, dayOfWeek } from '../platform/time.ts';
import { SHIPPED_YEARS } from './data/shipped.ts';
import { parseCalendarLines, validateYearArrangement, validateYearArrangementText } from './validate.ts';
import { WorkingCalendar } from './workingCalendar.ts';

const cal = WorkingCalendar.fromArrangements(SHIPPED_YEARS);

function assertMissing(fn: () => unknown, year: number): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.id, 'calendar_year_missing');
    assert.match(e.message, new RegExp(`${year}年`));
    return true;
  });
}

function assertBadRequest(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.id, 'bad_request');
    assert.match(e.message, pattern);
    return true;
  });
}

describe('WorkingCalendar: which days are working days', () => {
  test('a 调休 weekend is a working day', () => {
    // 2024 春节: Sundays 02-04 and 02-18 worked. 2021 中秋: Saturday 09-18 worked. 2022 清明: Saturday 04-02 worked.
    for (const d of ['2024-02-04', '2024-02-18', '2021-09-18', '2022-04-02', '2026-01-04']) {
      assert.ok(dayOfWeek(d) === 0 || dayOfWeek(d) === 6, `${d} is a weekend day`);
      assert.equal(cal.isWorkingDay(d), true, d);
    }
  });

  test('an ordinary weekend is not a working day', () => {
    // 2024-02-03 Saturday (the day before the worked Sunday), 2024-03-09 Saturday, 2025-10-12 Sunday
    // (the day after the worked Saturday 10-11): none is in any list, so they stay rest days.
    for (const d of ['2024-02-03', '2024-03-09', '2024-03-10', '2025-10-12']) {
      assert.equal(cal.isWorkingDay(d), false, d);
    }
  });

  test('a weekday holiday is not a working day, an ordinary weekday is', () => {
    // 2024-02-12 Monday is 春节; 2024-02-09 Friday (除夕) is not in the 2024 off list, so it is worked.
    assert.equal(cal.isWorkingDay('2024-02-12'), false);
    assert.equal(cal.isWorkingDay('2024-02-09'), true);
    assert.equal(cal.isWorkingDay('2024-03-11'), true);
  });

  test('2020: the extended Spring Festival (国办发明电〔2020〕1号)', () => {
    // 01-19 Sunday stays worked; 01-31 Friday became a day off; 02-01 Saturday is no longer worked;
    // 02-03 Monday was the first day back.
    assert.equal(cal.isWorkingDay('2020-01-19'), true);
    assert.equal(cal.isWorkingDay('2020-01-31'), false);
    assert.equal(cal.isWorkingDay('2020-02-01'), false);
    assert.equal(cal.isWorkingDay('2020-02-02'), false);
    assert.equal(cal.isWorkingDay('2020-02-03'), true);
  });

  test('2019-01-01 and the first days of 2019', () => {
    // 2019-01-01 Tuesday is 元旦 (off); 01-02 Wednesday is the first working day of the coverage;
    // 01-05/06 is an ordinary weekend.
    assert.equal(cal.isWorkingDay('2019-01-01'), false);
    assert.equal(cal.isWorkingDay('2019-01-02'), true);
    assert.equal(cal.isWorkingDay('2019-01-05'), false);
    assert.equal(cal.isWorkingDay('2019-01-06'), false);
  });
});

describe('WorkingCalendar: addWorkingDays', () => {
  test('n = 0 returns the date itself, even a holiday', () => {
    assert.equal(cal.addWorkingDays('2024-02-12', 0), '2024-02-12');
    assert.equal(cal.addWorkingDays('2019-01-01', 0), '2019-01-01');
  });

  test('the day itself is not counted', () => {
    // 2024-03-11 Monday + 1 = Tuesday 03-12; Friday 2024-03-08 + 1 = Monday 03-11 (weekend skipped).
    assert.equal(cal.addWorkingDays('2024-03-11', 1), '2024-03-12');
    assert.equal(cal.addWorkingDays('2024-03-08', 1), '2024-03-11');
  });

  test('Spring Festival 2024: received 2024-02-08, 20 working days → 2024-03-13', () => {
    // Received Thursday 02-08 (not counted). 1: 02-09 Fri (除夕, worked in 2024). 02-10..02-17 off (weekends +
    // 02-12..16). 2: 02-18 Sun (调休, worked). 3–7: 02-19..02-23 Mon–Fri. 8–12: 02-26..03-01 (incl. 02-29, leap
    // year). 13–17: 03-04..03-08. 18: 03-11 Mon, 19: 03-12 Tue, 20: 03-13 Wed.
    assert.equal(cal.addWorkingDays('2024-02-08', 20), '2024-03-13');
    assert.equal(cal.addWorkingDays('2024-02-08', 2), '2024-02-18');
    assert.equal(cal.workingDaysBetween('2024-02-08', '2024-03-13'), 20);
  });

  test('National Day 2025: received 2025-09-26, 20 working days → 2025-10-30', () => {
    // Received Friday 09-26. 09-27 Sat off. 1: 09-28 Sun (调休, worked). 2: 09-29 Mon. 3: 09-30 Tue.
    // 10-01..10-08 off (10-04/05 weekend, the rest in the off list). 4: 10-09 Thu. 5: 10-10 Fri.
    // 6: 10-11 Sat (调休, worked). 10-12 Sun off. 7–11: 10-13..10-17. 12–16: 10-20..10-24.
    // 17: 10-27 Mon, 18: 10-28, 19: 10-29, 20: 10-30 Thu.
    assert.equal(cal.addWorkingDays('2025-09-26', 20), '2025-10-30');
    assert.equal(cal.addWorkingDays('2025-09-26', 1), '2025-09-28');
    assert.equal(cal.addWorkingDays('2025-09-26', 4), '2025-10-09');
    assert.equal(cal.addWorkingDays('2025-09-26', 6), '2025-10-11');
  });

  test("2020's extended Spring Festival: received 2020-01-22, 20 working days → 2020-02-27", () => {
    // Received Wednesday 01-22. 1: 01-23 Thu. Then off through Sunday 02-02 (01-24, 01-27..31 off, weekends,
    // and 02-01 Saturday NOT worked after the extension). 2: 02-03 Mon. 3–6: 02-04..02-07. 7–11: 02-10..02-14.
    // 12–16: 02-17..02-21. 17: 02-24, 18: 02-25, 19: 02-26, 20: 02-27 Thu.
    assert.equal(cal.addWorkingDays('2020-01-22', 2), '2020-02-03');
    assert.equal(cal.addWorkingDays('2020-01-22', 20), '2020-02-27');
  });

  test('Spring Festival 2019: received 2019-01-30, 5 working days → 2019-02-11', () => {
    // Received Wednesday 01-30. 1: 01-31 Thu. 2: 02-01 Fri. 3: 02-02 Sat (调休). 4: 02-03 Sun (调休).
    // 02-04..02-08 off, 02-09/10 weekend. 5: 02-11 Mon.
    assert.equal(cal.addWorkingDays('2019-01-30', 5), '2019-02-11');
  });

  test('first days of 2019: from 2019-01-01', () => {
    // 1: 01-02 Wed, 2: 01-03 Thu, 3: 01-04 Fri, 4: 01-07 Mon.
    assert.equal(cal.addWorkingDays('2019-01-01', 1), '2019-01-02');
    assert.equal(cal.addWorkingDays('2019-01-01', 4), '2019-01-07');
    assert.equal(cal.workingDaysBetween('2019-01-01', '2019-01-07'), 4);
  });

  test('year end: 2025-12-25 + 10 crosses into 2026 → 2026-01-09', () => {
    // Received Thursday 2025-12-25. 1: 12-26 Fri. 2: 12-29 Mon. 3: 12-30 Tue. 4: 12-31 Wed.
    // 2026-01-01 Thu, 01-02 Fri off (元旦), 01-03 Sat off. 5: 01-04 Sun (调休). 6–10: 01-05..01-09 Mon–Fri.
    assert.equal(cal.addWorkingDays('2025-12-25', 10), '2026-01-09');
    assert.equal(cal.addWorkingDays('2025-12-25', 5), '2026-01-04');
  });

  test('a deadline may end on the last working day of the coverage', () => {
    // 2026-12-20 is a Sunday; December 2026 has no exceptions: 12-21..12-25 (5) and 12-28..12-31 (4) → 9th = 12-31.
    assert.equal(cal.addWorkingDays('2026-12-20', 9), '2026-12-31');
  });
});

describe('WorkingCalendar: workingDaysBetween', () => {
  test('counts working days in (from, to]; zero for the same day; negative when to < from', () => {
    assert.equal(cal.workingDaysBetween('2025-09-26', '2025-10-30'), 20);
    assert.equal(cal.workingDaysBetween('2025-10-30', '2025-09-26'), -20);
    assert.equal(cal.workingDaysBetween('2025-10-01', '2025-10-01'), 0);
    // 2025-10-01 → 10-08 are all rest days: none in (10-01, 10-08].
    assert.equal(cal.workingDaysBetween('2025-10-01', '2025-10-08'), 0);
    // Across the year end: (2025-12-25, 2026-01-09] holds 10 working days (see the addWorkingDays case).
    assert.equal(cal.workingDaysBetween('2025-12-25', '2026-01-09'), 10);
  });

  test('is the inverse of addWorkingDays over the whole coverage', () => {
    for (let d = '2019-01-01'; d < '2026-11-01'; d = addCalendarDays(d, 5)) {
      for (const n of [0, 1, 2, 7, 20, 40]) {
        const end = cal.addWorkingDays(d, n);
        assert.equal(cal.workingDaysBetween(d, end), n, `${d} + ${n} = ${end}`);
        if (n > 0) assert.equal(cal.isWorkingDay(end), true, `${end} is a working day`);
      }
    }
  });
});

describe('WorkingCalendar: missing years and bad input', () => {
  test('dates in 2018 and 2027 are refused, never guessed', () => {
    assertMissing(() => cal.isWorkingDay('2018-12-31'), 2018);
    assertMissing(() => cal.isWorkingDay('2027-01-04'), 2027);
    assertMissing(() => cal.addWorkingDays('2018-12-28', 1), 2018);
    assertMissing(() => cal.addWorkingDays('2027-03-01', 0), 2027);
    assertMissing(() => cal.workingDaysBetween('2018-12-31', '2019-01-02'), 2018);
    assertMissing(() => cal.workingDaysBetween('2026-12-20', '2027-01-05'), 2027);
  });

  test('a computation that walks into 2027 is refused: 2026-12-20 + 20', () => {
    // Only 9 working days remain in 2026 after 12-20 (see above); the 10th would be in 2027.
    assertMissing(() => cal.addWorkingDays('2026-12-20', 20), 2027);
    assertMissing(() => cal.addWorkingDays('2026-12-20', 10), 2027);
  });

  test('a gap in the coverage is refused too', () => {
    const gappy = WorkingCalendar.fromArrangements(SHIPPED_YEARS.filter((y) => y.year !== 2025));
    assert.equal(gappy.covers(2025), false);
    assert.equal(gappy.covers(2026), true);
    assertMissing(() => gappy.addWorkingDays('2024-12-25', 10), 2025);
    assertMissing(() => gappy.workingDaysBetween('2024-12-25', '2026-01-09'), 2025);
    assertMissing(() => gappy.workingDaysBetween('2026-01-09', '2024-12-25'), 2025);
  });

  test('covers and coveredYears', () => {
    assert.deepEqual(cal.coveredYears, [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    assert.equal(cal.covers(2019), true);
    assert.equal(cal.covers(2018), false);
    assert.equal(cal.covers(2027), false);
  });

  test('invalid dates are a bad request in Chinese', () => {
    for (const bad of ['2024-2-1', '2025-02-30', '20240201', '', '2024-02-01T00:00:00Z']) {
      assertBadRequest(() => cal.isWorkingDay(bad), /日期格式应为 YYYY-MM-DD/);
      assertBadRequest(() => cal.addWorkingDays(bad, 1), /日期格式应为 YYYY-MM-DD/);
      assertBadRequest(() => cal.workingDaysBetween('2024-02-01', bad), /日期格式应为 YYYY-MM-DD/);
    }
  });

  test('n must be a non-negative integer', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assertBadRequest(() => cal.addWorkingDays('2024-03-11', n), /非负|不小于 0 的整数/);
    }
  });

  test('the constructor rejects inconsistent data', () => {
    assert.throws(() => new WorkingCalendar([2024], new Map([['2025-01-01', 'holiday']])), RangeError);
    assert.throws(() => new WorkingCalendar([2024.5], new Map()), RangeError);
  });
});

describe('shipped data', () => {
  test('every shipped year passes validateYearArrangement unchanged', () => {
    assert.deepEqual(
      SHIPPED_YEARS.map((y) => y.year),
      [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
    );
    for (const y of SHIPPED_YEARS) {
      const result = validateYearArrangement({
        year: y.year,
        source: y.source,
        holidays: y.days.filter((d) => d.kind === 'holiday'),
        workdays: y.days.filter((d) => d.kind === 'workday'),
      });
      assert.ok(result.ok, `${y.year}: ${JSON.stringify(result.ok ? null : result.errors)}`);
      assert.deepEqual(
        result.data.days,
        y.days.map(({ date, kind, name }) => ({ date, kind, name })),
      );
      assert.match(y.source, new RegExp(`国务院办公厅关于${y.year}年部分节假日安排的通知（国办发明电〔\\d{4}〕\\d+号）`));
    }
  });

  test('counts match the notices (weekdays off / weekend days worked)', () => {
    const counts = Object.fromEntries(
      SHIPPED_YEARS.map((y) => [
        y.year,
        [y.days.filter((d) => d.kind === 'holiday').length, y.days.filter((d) => d.kind === 'workday').length],
      ]),
    );
    assert.deepEqual(counts, {
      2019: [17, 6],
      2020: [19, 6],
      2021: [18, 7],
      2022: [18, 7],
      2023: [18, 7],
      2024: [19, 8],
      2025: [18, 5],
      2026: [19, 6],
    });
  });
});

describe('validateYearArrangement rejections', () => {
  const base = {
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕1号）',
    // 2027-01-01 is a Friday.
    holidays: [{ date: '2027-01-01', name: '元旦' }],
    workdays: [] as { date: string; name: string }[],
  };

  test('a valid year is normalised and sorted', () => {
    const r = validateYearArrangement({
      ...base,
      holidays: [' 2027-02-08 ', { date: '2027-01-01', name: ' 元旦 ' }],
      workdays: [{ date: '2027-01-02', name: '春节' }], // Saturday
    });
    assert.ok(r.ok);
    assert.deepEqual(r.data, {
      year: 2027,
      source: base.source,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-02', kind: 'workday', name: '春节' },
        { date: '2027-02-08', kind: 'holiday', name: '' },
      ],
    });
  });

  test('a date both a holiday and a working day', () => {
    const r = validateYearArrangement({ ...base, workdays: [{ date: '2027-01-01', name: '' }] });
    assert.ok(!r.ok);
    assert.match(r.errors.workdays ?? '', /2027-01-01 不能既是放假日又是调休上班日/);
    assert.match(r.errors.holidays ?? '', /不能既是放假日又是调休上班日/);
  });

  test('a weekday marked as a working day', () => {
    // 2027-01-04 is a Monday.
    const r = validateYearArrangement({ ...base, workdays: ['2027-01-04'] });
    assert.ok(!r.ok);
    assert.match(r.errors.workdays ?? '', /2027-01-04 是星期一，本来就是工作日/);
  });

  test('a Saturday marked as a holiday needs no entry', () => {
    // 2027-01-02 is a Saturday.
    const r = validateYearArrangement({ ...base, holidays: ['2027-01-01', '2027-01-02'] });
    assert.ok(!r.ok);
    assert.match(r.errors.holidays ?? '', /2027-01-02 是星期六，周末本来就休息，无需录入/);
  });

  test('a date outside the year', () => {
    const r = validateYearArrangement({ ...base, holidays: ['2027-01-01', '2026-12-31'] });
    assert.ok(!r.ok);
    assert.match(r.errors.holidays ?? '', /2026-12-31 不在2027年内/);
  });

  test('duplicates, invalid dates, missing source and year, no holidays', () => {
    const dup = validateYearArrangement({ ...base, holidays: ['2027-01-01', '2027-01-01', '2027-02-30'] });
    assert.ok(!dup.ok);
    assert.match(dup.errors.holidays ?? '', /2027-01-01 重复录入/);
    assert.match(dup.errors.holidays ?? '', /“2027-02-30”不是有效日期/);

    const empty = validateYearArrangement({ year: '27', source: '  ', holidays: [], workdays: [] });
    assert.ok(!empty.ok);
    assert.ok(empty.errors.year);
    assert.match(empty.errors.source ?? '', /请填写/);
    assert.match(empty.errors.holidays ?? '', /请录入该年放假的工作日/);
  });
});

describe('parseCalendarLines', () => {
  test('one entry per line; name optional; full-width spaces and blank lines tolerated', () => {
    const r = parseCalendarLines('2027-01-01 元旦\r\n\n\u30002027-02-08\u3000\u3000春节 \n   \n２０２７－０２－０９\t春节\n2027-02-10');
    assert.ok(r.ok);
    assert.deepEqual(r.data, [
      { date: '2027-01-01', name: '元旦', line: 1 },
      { date: '2027-02-08', name: '春节', line: 3 },
      { date: '2027-02-09', name: '春节', line: 5 },
      { date: '2027-02-10', name: '', line: 6 },
    ]);
  });

  test('a malformed line is reported with its line number', () => {
    const r = parseCalendarLines('2027-01-01 元旦\n\n2027-1-4 春节\n2027-02-30 春节');
    assert.ok(!r.ok);
    assert.match(r.errors.lines ?? '', /第3行“2027-1-4 春节”格式不正确/);
    assert.match(r.errors.lines ?? '', /第4行：2027-02-30 不是真实存在的日期/);
  });

  test('the textarea form validates the parsed lines and keeps line numbers in messages', () => {
    const r = validateYearArrangementText({
      year: '2027',
      source: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕1号）',
      holidays: '2027-01-01 元旦\n2027-01-02 元旦',
      workdays: '',
    });
    assert.ok(!r.ok);
    assert.match(r.errors.holidays ?? '', /第2行：2027-01-02 是星期六/);

    const bad = validateYearArrangementText({ year: 2027, source: 'x', holidays: '元旦', workdays: '' });
    assert.ok(!bad.ok);
    assert.match(bad.errors.holidays ?? '', /第1行/);

    const ok = validateYearArrangementText({
      year: 2027,
      source: 'x',
      holidays: '2027-01-01 元旦',
      workdays: '2027-01-02',
    });
    assert.ok(ok.ok);
    assert.equal(ok.data.days.length, 2);
  });
});
