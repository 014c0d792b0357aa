/**
 * The deadline board as plain data: the queries of repository.ts plus the working-day arithmetic. Takes `today`
 * (the route passes todayInShanghai()) so the rules can be tested on fixed dates.
 */
import type { Kysely } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import type { WorkingCalendar } from '../../calendar/workingCalendar.ts';
import type { Database, DocumentStatus } from '../../db/schema.ts';
import { addCalendarDays, type LocalDate } from '../../platform/time.ts';
import { addMonths, orNull, shanghaiDateOf, visibleUnits, type Fraction } from './common.ts';
import { penaltyTakedowns, pendingProactiveItems, publicationsWithDeadline, shanghaiDayStartIso, unitsInScope } from './repository.ts';

/** How far ahead "due soon" looks, in working days. */
export const DUE_SOON_WORKING_DAYS = 5;

export interface PendingItem {
  id: number;
  title: string;
  indexNumber: string;
  status: DocumentStatus;
  formedOn: LocalDate | null;
  dueOn: LocalDate | null;
  /** working days overdue (overdue list) or remaining (due-soon list); null when the calendar cannot say */
  workingDays: number | null;
}

export interface LatePublication {
  id: number;
  title: string;
  indexNumber: string;
  dueOn: LocalDate;
  publishedOn: LocalDate;
  workingDaysLate: number | null;
}

export interface UnitDeadlines {
  orgId: number;
  name: string;
  overdue: PendingItem[];
  dueSoon: PendingItem[];
  noDeadline: PendingItem[];
  late: LatePublication[];
  /** publications of the last 12 months with a deadline: on time / all */
  onTime: Fraction;
}

export interface PenaltyTakedown {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  indexNumber: string;
  dueOn: LocalDate;
  /** not taken down yet */
  stillUp: boolean;
  /** the day it was taken down (from the audit log); null while still up or when no record says */
  takenDownOn: LocalDate | null;
  /** still up past its deadline, or taken down after it */
  late: boolean;
  /** still up: working days remaining (≥ 0) or overdue (< 0); taken down late: working days late */
  workingDays: number | null;
}

export interface DeadlineBoard {
  today: LocalDate;
  /** last day of the due-soon window */
  dueSoonUntil: LocalDate;
  /** the calendar lacks next year, so the window stops at the year's end */
  windowTruncated: boolean;
  /** first day of the 12-month window for late publications and the on-time rate */
  since: LocalDate;
  units: UnitDeadlines[];
  takedowns: PenaltyTakedown[];
}

/**
 * 条例第二十六条: proactive information is published within 20 working days (or its catalog row's shorter limit) of
 * being formed or changed. Per unit: unpublished items overdue (due_on < today) or due within 5 working days, items
 * whose deadline could not be computed, and the last 12 months' late publications and on-time rate; plus revoked
 * penalty decisions, which must come down within 3 working days (行政处罚法第四十八条).
 */
export async function deadlineBoard(db: Kysely<Database>, calendar: WorkingCalendar, scope: Scope, today: LocalDate): Promise<DeadlineBoard> {
  const windowEnd = orNull(() => calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS));
  const dueSoonUntil = windowEnd ?? `${today.slice(0, 4)}-12-31`;
  // "Last 12 months": publication dates after the same day a year ago, up to and including today.
  const since = addCalendarDays(addMonths(today, -12), 1);
  const [units, pending, publications, takedowns] = await Promise.all([
    unitsInScope(db, scope),
    pendingProactiveItems(db, scope, dueSoonUntil),
    publicationsWithDeadline(db, scope, shanghaiDayStartIso(since), shanghaiDayStartIso(addCalendarDays(today, 1))),
    penaltyTakedowns(db, scope, since),
  ]);

  const byUnit = new Map<number, UnitDeadlines>();
  const names = new Map(units.map((u) => [u.id, u.name]));
  const unit = (orgId: number): UnitDeadlines => {
    let u = byUnit.get(orgId);
    if (!u) {
      u = { orgId, name: names.get(orgId) ?? `#${orgId}`, overdue: [], dueSoon: [], noDeadline: [], late: [], onTime: { numerator: 0, denominator: 0 } };
      byUnit.set(orgId, u);
    }
    return u;
  };

  for (const r of pending) {
    const item: PendingItem = { id: r.id, title: r.title, indexNumber: r.index_number, status: r.status, formedOn: r.formed_on, dueOn: r.due_on, workingDays: null };
    if (r.due_on === null) {
      unit(r.org_id).noDeadline.push(item);
    } else if (r.due_on < today) {
      const dueOn = r.due_on;
      unit(r.org_id).overdue.push({ ...item, workingDays: orNull(() => calendar.workingDaysBetween(dueOn, today)) });
    } else {
      const dueOn = r.due_on;
      unit(r.org_id).dueSoon.push({ ...item, workingDays: orNull(() => calendar.workingDaysBetween(today, dueOn)) });
    }
  }

  for (const r of publications) {
    const u = unit(r.org_id);
    const publishedOn = shanghaiDateOf(r.published_at);
    u.onTime.denominator++;
    if (publishedOn <= r.due_on) {
      u.onTime.numerator++;
    } else {
      u.late.push({
        id: r.id,
        title: r.title,
        indexNumber: r.index_number,
        dueOn: r.due_on,
        publishedOn,
        workingDaysLate: orNull(() => calendar.workingDaysBetween(r.due_on, publishedOn)),
      });
    }
  }

  return {
    today,
    dueSoonUntil,
    windowTruncated: windowEnd === null,
    since,
    units: visibleUnits(units, byUnit, (u) => unit(u.id)),
    takedowns: takedowns.map((r) => {
      const takenDownOn = r.taken_down_at ? shanghaiDateOf(r.taken_down_at) : null;
      const stillUp = r.status !== 'taken_down';
      const late = stillUp ? r.takedown_due_on < today : takenDownOn !== null && takenDownOn > r.takedown_due_on;
      const workingDays = stillUp
        ? orNull(() => calendar.workingDaysBetween(today, r.takedown_due_on))
        : late && takenDownOn
          ? orNull(() => calendar.workingDaysBetween(r.takedown_due_on, takenDownOn))
          : null;
      return {
        id: r.id,
        orgId: r.org_id,
        orgName: names.get(r.org_id) ?? `#${r.org_id}`,
        title: r.title,
        indexNumber: r.index_number,
        dueOn: r.takedown_due_on,
        stillUp,
        takenDownOn,
        late,
        workingDays,
      };
    }),
  };
}
