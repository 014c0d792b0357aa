/**
 * The working-day calendar (DOMAIN.md §10): pure and synchronous, so deadline arithmetic can run in hot paths
 * without touching the database. Build it once (repository.loadWorkingCalendar) and reuse it.
 *
 * Working day = Monday–Friday (《国务院关于职工工作时间的规定》第七条: 国家机关 rest on Saturday and Sunday),
 * minus the statutory holidays (《全国年节及纪念日放假办法》) as arranged by the State Council's yearly notice,
 * plus the weekend days that notice makes working days (调休).
 *
 * A date in a year the calendar has no arrangement for is an error, never a guess: a deadline computed from
 * Monday–Friday alone could be days early or late, and these are legal deadlines (条例 第三十三条).
 */
import { errors } from '../platform/errors.ts';
import { isLocalDate, type LocalDate } from '../platform/time.ts';
import type { CalendarDayKind } from './types.ts';

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 (day 0) was a Thursday. */
const EPOCH_WEEKDAY = 4;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** Days since 1970-01-01 of an already validated `YYYY-MM-DD`. */
function dayNumber(date: LocalDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function fromDayNumber(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(day: number): number {
  return (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;
}

/** Index of the first element greater than `x` (sorted ascending). */
function upperBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Throw the public "bad date" error unless `date` is a real `YYYY-MM-DD` date. */
function assertDate(date: unknown): asserts date is LocalDate {
  if (typeof date !== 'string' || !isLocalDate(date) || Number(date.slice(0, 4)) < MIN_YEAR) {
    const shown = typeof date === 'string' ? `“${date.slice(0, 40)}”` : `“${String(date).slice(0, 40)}”`;
    throw errors.badRequest(`日期格式应为 YYYY-MM-DD（例如 2025-10-09），且须为真实存在的日期；${shown}不符合要求。`);
  }
}

function assertCount(n: unknown): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw errors.badRequest(`工作日天数应为不小于 0 的整数；“${String(n).slice(0, 40)}”不符合要求。`);
  }
}

/** A maximal run of consecutive covered years; computations never leave their run. */
interface Segment {
  firstYear: number;
  lastYear: number;
  /** every working day of the run as a day number, ascending */
  working: Int32Array;
}

/** Minimal input for {@link WorkingCalendar.fromArrangements}. */
export interface ArrangementLike {
  year: number;
  days: ReadonlyArray<{ date: LocalDate; kind: CalendarDayKind }>;
}

/** Working days over the years it has State Council arrangements for. */
export class WorkingCalendar {
  readonly #years: readonly number[];
  readonly #segmentByYear = new Map<number, Segment>();

  /**
   * @param years the years with an arrangement (a year with no exceptions at all must still be listed)
   * @param days  date → kind for every exception day; each must fall in one of `years`
   */
  constructor(years: Iterable<number>, days: ReadonlyMap<LocalDate, CalendarDayKind>) {
    const covered = [...new Set(years)].sort((a, b) => a - b);
    for (const year of covered) {
      if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
        throw new RangeError(`Working calendar: invalid year ${year}`);
      }
    }
    this.#years = covered;
    const coveredSet = new Set(covered);

    // Inconsistent stored data is a bug to surface, not something to compute around.
    const exceptions = new Map<number, CalendarDayKind>();
    for (const [date, kind] of days) {
      if (!isLocalDate(date)) throw new RangeError(`Working calendar: invalid date ${date}`);
      if (!coveredSet.has(Number(date.slice(0, 4)))) {
        throw new RangeError(`Working calendar: ${date} is outside the covered years`);
      }
      if (kind !== 'holiday' && kind !== 'workday') {
        throw new RangeError(`Working calendar: invalid kind ${String(kind)} for ${date}`);
      }
      exceptions.set(dayNumber(date), kind);
    }

    // Precompute each run's sorted working days: addWorkingDays becomes one binary search and an index.
    let i = 0;
    while (i < covered.length) {
      let j = i;
      while (j + 1 < covered.length && covered[j + 1] === (covered[j] as number) + 1) j++;
      const firstYear = covered[i] as number;
      const lastYear = covered[j] as number;
      const start = Date.UTC(firstYear, 0, 1) / MS_PER_DAY;
      const end = Date.UTC(lastYear, 11, 31) / MS_PER_DAY;
      const working: number[] = [];
      for (let day = start; day <= end; day++) {
        const kind = exceptions.get(day);
        const weekday = weekdayOf(day);
        const isWorking = kind === 'holiday' ? false : kind === 'workday' ? true : weekday >= 1 && weekday <= 5;
        if (isWorking) working.push(day);
      }
      const segment: Segment = { firstYear, lastYear, working: Int32Array.from(working) };
      for (let year = firstYear; year <= lastYear; year++) this.#segmentByYear.set(year, segment);
      i = j + 1;
    }
  }

  /** Build from validated arrangements (shipped data, or rows grouped by year). */
  static fromArrangements(arrangements: Iterable<ArrangementLike>): WorkingCalendar {
    const years: number[] = [];
    const days = new Map<LocalDate, CalendarDayKind>();
    for (const a of arrangements) {
      years.push(a.year);
      for (const d of a.days) days.set(d.date, d.kind);
    }
    return new WorkingCalendar(years, days);
  }

  /** The years this calendar can compute in, ascending. */
  get coveredYears(): readonly number[] {
    return this.#years;
  }

  /** True when the calendar has that year's arrangement. */
  covers(year: number): boolean {
    return this.#segmentByYear.has(year);
  }

  /** True when `date` is a working day; throws calendar_year_missing for an uncovered year. */
  isWorkingDay(date: LocalDate): boolean {
    assertDate(date);
    const segment = this.#segmentFor(date);
    const day = dayNumber(date);
    const i = upperBound(segment.working, day);
    return i > 0 && segment.working[i - 1] === day;
  }

  /**
   * The day on which a period of `n` working days starting the day after `date` ends.
   *
   * 民法典 第二百零一条: a period counted in days does not include its first day; counting starts the next day.
   * So the day of receipt is not counted and day 1 is the next working day: addWorkingDays(receivedOn, 20) is the
   * last day of the 20-working-day reply period of 政府信息公开条例 第三十三条. Counting only working days, the
   * result is always a working day, so 民法典 第二百零三条 (a period ending on a holiday moves on) needs no step.
   * n = 0 returns `date` itself, even when that is not a working day.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    assertDate(date);
    assertCount(n);
    const segment = this.#segmentFor(date);
    if (n === 0) return date;
    const target = segment.working[upperBound(segment.working, dayNumber(date)) + n - 1];
    // Walking past the last covered year would need the next year's arrangement.
    if (target === undefined) throw errors.calendarMissing(segment.lastYear + 1);
    return fromDayNumber(target);
  }

  /**
   * Working days d with from < d <= to — the same counting as addWorkingDays, so
   * workingDaysBetween(x, addWorkingDays(x, n)) === n. Zero when from === to; when to < from the result is
   * −workingDaysBetween(to, from) (negative or zero), e.g. how many working days a deadline is overdue.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    assertDate(from);
    assertDate(to);
    const a = this.#segmentFor(from);
    const b = this.#segmentFor(to);
    if (a !== b) {
      // An uncovered year lies between the two dates.
      const earlier = a.firstYear < b.firstYear ? a : b;
      throw errors.calendarMissing(earlier.lastYear + 1);
    }
    return upperBound(a.working, dayNumber(to)) - upperBound(a.working, dayNumber(from));
  }

  #segmentFor(date: LocalDate): Segment {
    const year = Number(date.slice(0, 4));
    const segment = this.#segmentByYear.get(year);
    if (!segment) throw errors.calendarMissing(year);
    return segment;
  }
}
