/** Shared shapes of the working-day calendar (DOMAIN.md §10). */
import type { CalendarDayKind } from '../db/schema.ts';
import type { LocalDate } from '../platform/time.ts';

export type { CalendarDayKind };

/** Where a year's arrangement came from: bundled with the platform, or entered by an administrator. */
export type CalendarOrigin = 'shipped' | 'admin';

/**
 * One exception to the Monday–Friday rule: `holiday` is a weekday off, `workday` is a Saturday or Sunday
 * worked (调休). Weekends that are off need no entry.
 */
export interface CalendarDay {
  date: LocalDate;
  kind: CalendarDayKind;
  /** 元旦, 春节 … ('' when the administrator gave no name) */
  name: string;
}

/** One year's State Council arrangement, validated and normalised (days sorted by date). */
export interface YearArrangement {
  year: number;
  /** the notice's title and number, e.g. 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号） */
  source: string;
  days: CalendarDay[];
}
