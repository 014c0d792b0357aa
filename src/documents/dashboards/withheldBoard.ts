/** The re-review board of 不予公开 items (条例第十八条) as plain data. */
import type { Kysely } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import type { Database } from '../../db/schema.ts';
import { addCalendarDays, calendarDaysBetween, type LocalDate } from '../../platform/time.ts';
import { unitsInScope, withheldDueForReview, type WithheldRow } from './repository.ts';

/** How far ahead the re-review list looks, in calendar days (a review period, not a statutory working-day limit). */
export const REVIEW_LOOKAHEAD_DAYS = 30;

export interface WithheldItem {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  indexNumber: string;
  reason: string | null;
  basis: string | null;
  nextReviewOn: LocalDate | null;
  /** the review date has passed, or none was ever set */
  overdue: boolean;
  /** calendar days until the review (negative: days overdue); null without a date */
  daysLeft: number | null;
}

export interface WithheldReviewBoard {
  today: LocalDate;
  reviewBy: LocalDate;
  items: WithheldItem[];
}

/** One withheld item as the re-review board shows it. */
export function toWithheldItem(r: WithheldRow, orgName: string, today: LocalDate): WithheldItem {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName,
    title: r.title,
    indexNumber: r.index_number,
    reason: r.withheld_reason,
    basis: r.withheld_basis,
    nextReviewOn: r.next_review_on,
    overdue: r.next_review_on === null || r.next_review_on < today,
    daysLeft: r.next_review_on === null ? null : calendarDaysBetween(today, r.next_review_on),
  };
}

/** 条例第十八条: 不予公开 items due for their periodic re-review within 30 days, or overdue. */
export async function withheldReviewBoard(db: Kysely<Database>, scope: Scope, today: LocalDate): Promise<WithheldReviewBoard> {
  const reviewBy = addCalendarDays(today, REVIEW_LOOKAHEAD_DAYS);
  const [units, rows] = await Promise.all([unitsInScope(db, scope), withheldDueForReview(db, scope, reviewBy)]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  return { today, reviewBy, items: rows.map((r) => toWithheldItem(r, names.get(r.org_id) ?? `#${r.org_id}`, today)) };
}
