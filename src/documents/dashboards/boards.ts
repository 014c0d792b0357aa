/**
 * The three supervision boards as plain data: the queries of repository.ts plus the working-day arithmetic. Each
 * takes `today` (the route passes todayInShanghai()) so the rules can be tested on fixed dates.
 */
import type { Kysely } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import type { WorkingCalendar } from '../../calendar/workingCalendar.ts';
import type { Database, DocumentStatus } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { addCalendarDays, calendarDaysBetween, todayInShanghai, type LocalDate } from '../../platform/time.ts';
import { INTERPRETATION_WORKING_DAYS } from '../model.ts';
import {
  interpretationFormCounts,
  penaltyTakedowns,
  pendingProactiveItems,
  policiesWithoutInterpretation,
  policyInterpretationCounts,
  publicationsWithDeadline,
  shanghaiDayStartIso,
  unitsInScope,
  withheldDueForReview,
  type UnitRow,
  type WithheldRow,
} from './repository.ts';

/** How far ahead "due soon" looks, in working days. */
export const DUE_SOON_WORKING_DAYS = 5;
/** How far ahead the re-review list looks, in calendar days (a review period, not a statutory working-day limit). */
export const REVIEW_LOOKAHEAD_DAYS = 30;

/** The same day `months` months later (earlier when negative), clamped to the month's end: 2024-02-29 + 12 → 2025-02-28. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The Shanghai calendar date of a stored instant. */
export function shanghaiDateOf(iso: string): LocalDate {
  return todayInShanghai(new Date(iso));
}

/** Run a calendar computation; null when the calendar lacks a year it needs (the page says so instead of guessing). */
function orNull<T>(compute: () => T): T | null {
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

/** Show active units, and inactive ones only while they still have something on the board. */
function visibleUnits<T extends { orgId: number }>(units: UnitRow[], rows: Map<number, T>, empty: (u: UnitRow) => T): T[] {
  return units.filter((u) => u.active === 1 || rows.has(u.id)).map((u) => rows.get(u.id) ?? empty(u));
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

export interface UnitInterpretationRates {
  orgId: number;
  name: string;
  /** 解读率: policies with a published interpretation / published policies */
  interpreted: Fraction;
  /** 图解率: policies with a published 图解 / published policies */
  graphic: Fraction;
  /** 多元化解读率: published interpretations in a form other than 文字 / all published interpretations */
  diversified: Fraction;
}

export interface UninterpretedPolicy {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  indexNumber: string;
  publishedOn: LocalDate;
  /** published date + 3 working days; null when the calendar lacks the year */
  dueOn: LocalDate | null;
  overdue: boolean;
  /** the approver's recorded reason for not interpreting (the 退文 rule's exception) */
  waiver: string | null;
  hasUnpublishedInterpretation: boolean;
}

export interface InterpretationBoard {
  year: number;
  units: UnitInterpretationRates[];
  /** the district (or the viewer's units) together */
  total: Omit<UnitInterpretationRates, 'orgId' | 'name'>;
  uninterpreted: UninterpretedPolicy[];
}

/**
 * 政策解读 supervision for one year (by publication date in Shanghai): per unit 解读率, 图解率 and 多元化解读率 with their
 * fractions, and the policies still without a published interpretation, due 3 working days after the policy.
 */
export async function interpretationBoard(
  db: Kysely<Database>,
  calendar: WorkingCalendar,
  scope: Scope,
  year: number,
  today: LocalDate,
): Promise<InterpretationBoard> {
  const [units, policyRows, formRows, lacking] = await Promise.all([
    unitsInScope(db, scope),
    policyInterpretationCounts(db, scope, year),
    interpretationFormCounts(db, scope, year),
    policiesWithoutInterpretation(db, scope, year),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const byUnit = new Map<number, UnitInterpretationRates>();
  const unit = (orgId: number): UnitInterpretationRates => {
    let u = byUnit.get(orgId);
    if (!u) {
      const zero = () => ({ numerator: 0, denominator: 0 });
      u = { orgId, name: names.get(orgId) ?? `#${orgId}`, interpreted: zero(), graphic: zero(), diversified: zero() };
      byUnit.set(orgId, u);
    }
    return u;
  };
  for (const r of policyRows) {
    const u = unit(r.org_id);
    u.interpreted = { numerator: r.interpreted, denominator: r.policies };
    u.graphic = { numerator: r.graphic, denominator: r.policies };
  }
  for (const r of formRows) unit(r.org_id).diversified = { numerator: r.nonText, denominator: r.total };

  const shown = visibleUnits(units, byUnit, (u) => unit(u.id));
  const sum = (pick: (u: UnitInterpretationRates) => Fraction): Fraction => ({
    numerator: shown.reduce((n, u) => n + pick(u).numerator, 0),
    denominator: shown.reduce((n, u) => n + pick(u).denominator, 0),
  });
  return {
    year,
    units: shown,
    total: { interpreted: sum((u) => u.interpreted), graphic: sum((u) => u.graphic), diversified: sum((u) => u.diversified) },
    uninterpreted: lacking.map((r) => {
      const publishedOn = shanghaiDateOf(r.published_at);
      // Interpretations are published within 3 working days of the policy (DOMAIN.md §2, 政策解读).
      const dueOn = orNull(() => calendar.addWorkingDays(publishedOn, INTERPRETATION_WORKING_DAYS));
      return {
        id: r.id,
        orgId: r.org_id,
        orgName: names.get(r.org_id) ?? `#${r.org_id}`,
        title: r.title,
        indexNumber: r.index_number,
        publishedOn,
        dueOn,
        overdue: r.interpretation_waiver === null && dueOn !== null && today > dueOn,
        waiver: r.interpretation_waiver,
        hasUnpublishedInterpretation: r.has_unpublished === 1,
      };
    }),
  };
}

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
