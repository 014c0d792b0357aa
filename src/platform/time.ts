/** Instants and calendar dates. Legal dates are calendar dates in Asia/Shanghai. */

export const TIME_ZONE = 'Asia/Shanghai';

/** A calendar date as `YYYY-MM-DD`. */
export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The current instant as ISO-8601 UTC text (the storage format for instants). */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

const ymd = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const hm = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Today's calendar date in Shanghai. */
export function todayInShanghai(now: Date = new Date()): LocalDate {
  return ymd.format(now);
}

/** `2026-11-22 11:07` in Shanghai time, for display. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${ymd.format(d)} ${hm.format(d)}`;
}

/** True when the text is a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isLocalDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtc(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return toUtc(date).getUTCDay();
}

/** Calendar days from `a` to `b` (b − a). */
export function calendarDaysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `2026年10月9日（星期五）` */
export function formatChineseDate(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日（${WEEKDAYS[dayOfWeek(date)]}）`;
}

/** The same day `months` months later (earlier when negative), clamped to the month's end: 2024-02-29 + 12 → 2025-02-28. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
