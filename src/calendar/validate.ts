/**
 * Validation of one year's holiday arrangement as an administrator enters it (DOMAIN.md §10), and the parser for
 * the admin textarea format (`YYYY-MM-DD 名称`, one per line). Messages are Chinese, for the form.
 *
 * The rules mirror what the State Council notice can contain: weekdays off (放假) and weekend days worked (调休上班).
 * Anything else is a typing mistake, and a wrong calendar silently moves legal deadlines, so it is rejected.
 */
import type { FieldErrors } from '../platform/errors.ts';
import { dayOfWeek, isLocalDate, type LocalDate } from '../platform/time.ts';
import type { CalendarDay, CalendarDayKind, YearArrangement } from './types.ts';

/** One entered day: a bare date, or a date with an optional festival name. */
export type CalendarEntryInput =
  | LocalDate
  | { date: LocalDate; name?: string | null | undefined; /** textarea line, prefixed to messages */ line?: number };

/** What the admin form (or a caller) submits for one year. */
export interface YearArrangementInput {
  year: number | string;
  /** the notice's title and number (文号) */
  source: string;
  /** weekdays that are off */
  holidays: readonly CalendarEntryInput[];
  /** Saturdays/Sundays that are worked (调休上班) */
  workdays: readonly CalendarEntryInput[];
}

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** A parsed textarea line. */
export interface CalendarEntry {
  date: LocalDate;
  name: string;
  /** 1-based line number in the textarea, for messages */
  line: number;
}

export const MIN_CALENDAR_YEAR = 1949;
export const MAX_CALENDAR_YEAR = 2100;
export const MAX_SOURCE_LENGTH = 200;
export const MAX_NAME_LENGTH = 20;

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function isWeekend(date: LocalDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

function normaliseEntry(entry: CalendarEntryInput): { date: string; name: string; at: string } {
  if (typeof entry === 'string') return { date: entry.trim(), name: '', at: '' };
  return {
    date: String(entry.date ?? '').trim(),
    name: (entry.name ?? '').trim(),
    at: entry.line ? `第${entry.line}行：` : '',
  };
}

/** Check one year's arrangement: Chinese field errors (year, source, holidays, workdays) or the normalised result. */
export function validateYearArrangement(input: YearArrangementInput): ValidationResult<YearArrangement> {
  const errors: FieldErrors = {};
  const problems: Record<'holidays' | 'workdays', string[]> = { holidays: [], workdays: [] };

  const yearText = String(input.year ?? '').trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  const yearOk = Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
  if (!yearOk) errors.year = `请填写年份（${MIN_CALENDAR_YEAR}至${MAX_CALENDAR_YEAR}之间的四位数字）。`;

  const source = String(input.source ?? '').trim();
  if (!source) {
    errors.source = '请填写放假安排的依据：国务院办公厅通知的名称和文号（例如 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号））。';
  } else if (source.length > MAX_SOURCE_LENGTH) {
    errors.source = `通知名称和文号不能超过${MAX_SOURCE_LENGTH}个字符。`;
  }

  const days: CalendarDay[] = [];
  const seen = new Map<string, CalendarDayKind>();
  const lists: Array<[CalendarDayKind, 'holidays' | 'workdays', readonly CalendarEntryInput[]]> = [
    ['holiday', 'holidays', input.holidays ?? []],
    ['workday', 'workdays', input.workdays ?? []],
  ];
  for (const [kind, field, entries] of lists) {
    for (const raw of entries) {
      const { date, name, at } = normaliseEntry(raw);
      const list = problems[field];
      const out = { push: (message: string) => list.push(at + message) };
      if (!isLocalDate(date)) {
        out.push(`“${date.slice(0, 40)}”不是有效日期，日期格式应为 YYYY-MM-DD（例如 2027-01-01）。`);
        continue;
      }
      if (yearOk && Number(date.slice(0, 4)) !== year) {
        out.push(`${date} 不在${year}年内，请只录入本年度的日期。`);
        continue;
      }
      const previous = seen.get(date);
      if (previous === kind) {
        out.push(`${date} 重复录入。`);
        continue;
      }
      if (previous !== undefined) {
        // Report beside both lists: the admin must decide which one is wrong.
        const message = `${date} 不能既是放假日又是调休上班日。`;
        problems.holidays.push(message);
        problems.workdays.push(message);
        continue;
      }
      seen.set(date, kind);
      const weekday = WEEKDAY_NAMES[dayOfWeek(date)] ?? '';
      if (kind === 'holiday' && isWeekend(date)) {
        out.push(`${date} 是${weekday}，周末本来就休息，无需录入为放假日（只录入放假的星期一至星期五）。`);
        continue;
      }
      if (kind === 'workday' && !isWeekend(date)) {
        out.push(`${date} 是${weekday}，本来就是工作日，无需录入为调休上班日（只录入需要上班的星期六、星期日）。`);
        continue;
      }
      if (name.length > MAX_NAME_LENGTH) {
        out.push(`${date} 的名称不能超过${MAX_NAME_LENGTH}个字符。`);
        continue;
      }
      days.push({ date, kind, name });
    }
  }

  // Every notice has weekday holidays (元旦, 春节 …); an empty list means the data were not entered, and saving
  // it would make the year "covered" with plain Monday–Friday — exactly the guess the calendar must not make.
  if ((input.holidays ?? []).length === 0) {
    problems.holidays.push('请录入该年放假的工作日（每年的安排至少包括元旦、春节等节假日）。');
  }

  for (const field of ['holidays', 'workdays'] as const) {
    const list = [...new Set(problems[field])];
    if (list.length > 0) errors[field] = list.join('\n');
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, data: { year, source, days } };
}

/** Full-width digits and hyphens typed with a Chinese input method become ASCII, so `２０２７－０１－０１` is accepted. */
function toHalfWidthDate(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－‐‑–—]/g, '-');
}

/**
 * Parse the admin textarea: one `YYYY-MM-DD 名称` per line (name optional); blank lines and full-width spaces
 * are tolerated. Errors name the line number.
 */
export function parseCalendarLines(text: string): ValidationResult<CalendarEntry[]> {
  const entries: CalendarEntry[] = [];
  const problems: string[] = [];
  const lines = String(text ?? '').split(/\r\n|\r|\n/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    // JS \s already covers U+3000 (ideographic space); listed explicitly because it is the common case.
    const trimmed = rawLine.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
    if (!trimmed) return;
    const match = /^(\S+)(?:[\s\u3000]+(.*))?$/.exec(trimmed);
    const dateText = toHalfWidthDate(match?.[1] ?? '');
    const name = (match?.[2] ?? '').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText)) {
      problems.push(
        `第${line}行“${trimmed.slice(0, 40)}”格式不正确：每行应为“YYYY-MM-DD 名称”，名称可省略，例如“2027-01-01 元旦”。`,
      );
      return;
    }
    if (!isLocalDate(dateText)) {
      problems.push(`第${line}行：${dateText} 不是真实存在的日期。`);
      return;
    }
    if (name.length > MAX_NAME_LENGTH) {
      problems.push(`第${line}行：名称不能超过${MAX_NAME_LENGTH}个字符。`);
      return;
    }
    entries.push({ date: dateText, name, line });
  });
  if (problems.length > 0) return { ok: false, errors: { lines: problems.join('\n') } };
  return { ok: true, data: entries };
}

/** The admin form as submitted: the two lists are textareas in the `YYYY-MM-DD 名称` format. */
export interface YearArrangementText {
  year: number | string;
  source: string;
  holidays: string;
  workdays: string;
}

/** Parse both textareas and validate the year; field errors are keyed year, source, holidays, workdays. */
export function validateYearArrangementText(input: YearArrangementText): ValidationResult<YearArrangement> {
  const holidays = parseCalendarLines(input.holidays);
  const workdays = parseCalendarLines(input.workdays);
  const result = validateYearArrangement({
    year: input.year,
    source: input.source,
    holidays: holidays.ok ? holidays.data : [],
    workdays: workdays.ok ? workdays.data : [],
  });
  if (holidays.ok && workdays.ok) return result;
  // Line-format errors come first; the checks on the lines that did parse would only repeat or confuse them.
  const errors: FieldErrors = result.ok ? {} : { ...result.errors };
  if (!holidays.ok) errors.holidays = holidays.errors.lines ?? '';
  if (!workdays.ok) errors.workdays = workdays.errors.lines ?? '';
  return { ok: false, errors };
}
