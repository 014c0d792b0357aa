/** Small pieces the boards share: month arithmetic, Shanghai dates of instants, calendar gaps, fractions. */
import { AppError } from '../../platform/errors.ts';
import { todayInShanghai, type LocalDate } from '../../platform/time.ts';
import type { UnitRow } from './repository.ts';

export { addMonths } from '../../platform/time.ts';

/** The Shanghai calendar date of a stored instant. */
export function shanghaiDateOf(iso: string): LocalDate {
  return todayInShanghai(new Date(iso));
}

/** Run a calendar computation; null when the calendar lacks a year it needs (the page says so instead of guessing). */
export function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (err) {
    if (err instanceof AppError && err.id === 'calendar_year_missing') return null;
    throw err;
  }
}

/** A share with its raw fraction; no ratio when there is nothing to divide by. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

/** Show active units, and inactive ones only while they still have something on the board. */
export function visibleUnits<T extends { orgId: number }>(units: UnitRow[], rows: Map<number, T>, empty: (u: UnitRow) => T): T[] {
  return units.filter((u) => u.active === 1 || rows.has(u.id)).map((u) => rows.get(u.id) ?? empty(u));
}
