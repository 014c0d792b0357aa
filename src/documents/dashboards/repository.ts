/**
 * The supervision queries behind the three dashboards (deadlines, interpretation rates, withheld re-review). Plain
 * functions over a Kysely executor; every one takes the viewer's `document.view` scope, and none reads the clock:
 * callers pass the dates, so tests can fix "today". Portable: dates are `YYYY-MM-DD` text and instants ISO UTC
 * text, so ranges are plain string comparisons on both SQLite and PostgreSQL.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Scope } from '../../access/policy.ts';
import type { Database, DocumentsTable, DocumentStatus } from '../../db/schema.ts';
import type { LocalDate } from '../../platform/time.ts';

type Executor = Kysely<Database>;
/** Expressions over `documents as p` (the policy being counted). */
type PolicyEb = ExpressionBuilder<Database & { p: DocumentsTable }, 'p'>;

/** Proactive items that are still on their way to publication (条例第二十六条 clock is running). */
export const UNPUBLISHED_STATUSES: DocumentStatus[] = ['draft', 'submitted', 'reviewed', 'approved', 'scheduled'];
/** States of an item that was published at some point (a later withdrawal does not undo a timely publication). */
export const ONCE_PUBLISHED_STATUSES: DocumentStatus[] = ['published', 'withdrawn', 'taken_down'];

/** An empty id list would be invalid SQL (`in ()`): callers return early instead. */
export function isEmptyScope(scope: Scope): boolean {
  return scope !== 'all' && scope.length === 0;
}

/** The first instant of a Shanghai calendar day, as stored (ISO UTC). */
export function shanghaiDayStartIso(date: LocalDate): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

export interface UnitRow {
  id: number;
  name: string;
  active: number;
}

/** The units in scope, in the platform's order. */
export async function unitsInScope(db: Executor, scope: Scope): Promise<UnitRow[]> {
  if (isEmptyScope(scope)) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'active'])
    .$if(scope !== 'all', (q) => q.where('id', 'in', scope as number[]))
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export interface PendingItemRow {
  id: number;
  org_id: number;
  title: string;
  index_number: string;
  status: DocumentStatus;
  formed_on: string | null;
  due_on: string | null;
}

/**
 * Proactive items not yet published whose deadline falls on or before `dueBy` (overdue and due soon), plus those
 * whose deadline could not be computed (due_on null: the calendar lacked the year when it was drafted).
 */
export async function pendingProactiveItems(db: Executor, scope: Scope, dueBy: LocalDate): Promise<PendingItemRow[]> {
  if (isEmptyScope(scope)) return [];
  return db
    .selectFrom('documents')
    .select(['id', 'org_id', 'title', 'index_number', 'status', 'formed_on', 'due_on'])
    .where('disclosure', '=', 'proactive')
    .where('status', 'in', UNPUBLISHED_STATUSES)
    .where((eb) => eb.or([eb('due_on', 'is', null), eb('due_on', '<=', dueBy)]))
    .$if(scope !== 'all', (q) => q.where('org_id', 'in', scope as number[]))
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

export interface PublicationRow {
  id: number;
  org_id: number;
  title: string;
  index_number: string;
  due_on: string;
  published_at: string;
}

/**
 * Proactive items published in [fromIso, toIso) that carry a deadline: the base of the on-time rate and the
 * "published late" list. Lateness compares the Shanghai date of publication with due_on, done by the caller
 * (a portable SQL time-zone conversion does not exist across the two databases).
 */
export async function publicationsWithDeadline(db: Executor, scope: Scope, fromIso: string, toIso: string): Promise<PublicationRow[]> {
  if (isEmptyScope(scope)) return [];
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'org_id', 'title', 'index_number', 'due_on', 'published_at'])
    .where('disclosure', '=', 'proactive')
    .where('status', 'in', ONCE_PUBLISHED_STATUSES)
    .where('due_on', 'is not', null)
    .where('published_at', '>=', fromIso)
    .where('published_at', '<', toIso)
    .$if(scope !== 'all', (q) => q.where('org_id', 'in', scope as number[]))
    .orderBy('published_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, due_on: r.due_on as string, published_at: r.published_at as string }));
}

export interface TakedownRow {
  id: number;
  org_id: number;
  title: string;
  index_number: string;
  status: DocumentStatus;
  takedown_due_on: string;
  /** when the item was taken down (the audit entry), null while it is still up */
  taken_down_at: string | null;
}

/**
 * Revoked penalty decisions (行政处罚法第四十八条): items with a takedown deadline that are still up, and those taken
 * down whose deadline is on or after `since`. The takedown instant comes from the audit log, the record of when.
 */
export async function penaltyTakedowns(db: Executor, scope: Scope, since: LocalDate): Promise<TakedownRow[]> {
  if (isEmptyScope(scope)) return [];
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'org_id', 'title', 'index_number', 'status', 'takedown_due_on'])
    .where('takedown_due_on', 'is not', null)
    .where((eb) => eb.or([eb('status', '!=', 'taken_down'), eb('takedown_due_on', '>=', since)]))
    .$if(scope !== 'all', (q) => q.where('org_id', 'in', scope as number[]))
    .orderBy('takedown_due_on')
    .orderBy('id')
    .execute();
  const takenDown = rows.filter((r) => r.status === 'taken_down').map((r) => String(r.id));
  const entries = takenDown.length
    ? await db
        .selectFrom('audit_log')
        .select(['entity_id', 'at'])
        .where('entity_type', '=', 'document')
        .where('action', '=', 'document.taken_down')
        .where('entity_id', 'in', takenDown)
        .orderBy('id')
        .execute()
    : [];
  // The latest takedown entry wins (an item could in principle be restored and taken down again).
  const at = new Map(entries.map((e) => [e.entity_id, e.at]));
  return rows.map((r) => ({
    ...r,
    takedown_due_on: r.takedown_due_on as string,
    taken_down_at: r.status === 'taken_down' ? (at.get(String(r.id)) ?? null) : null,
  }));
}

/** The ISO instants bounding a Shanghai calendar year: [start, end). */
export function yearBounds(year: number): { fromIso: string; toIso: string } {
  return { fromIso: shanghaiDayStartIso(`${year}-01-01`), toIso: shanghaiDayStartIso(`${year + 1}-01-01`) };
}

/** EXISTS an interpretation linked to policy `p` in one of the states (and of the form, when given). */
function hasLinkedInterpretation(eb: PolicyEb, statuses: DocumentStatus[], form?: string) {
  return eb.exists(
    eb
      .selectFrom('interpretation_links as il')
      .innerJoin('documents as i', 'i.id', 'il.interpretation_id')
      .select(sql.lit(1).as('one'))
      .whereRef('il.policy_id', '=', 'p.id')
      .where('i.kind', '=', 'interpretation')
      .where('i.status', 'in', statuses)
      .$if(form !== undefined, (q) => q.where('i.interp_form', '=', form as string)),
  );
}

export interface PolicyRateRow {
  org_id: number;
  policies: number;
  interpreted: number;
  graphic: number;
}

/**
 * Per unit: published 政策性文件 of the year, how many have at least one published interpretation, and how many
 * have a published 图解. One grouped query with correlated EXISTS so each policy counts once however many
 * interpretations it has.
 */
export async function policyInterpretationCounts(db: Executor, scope: Scope, year: number): Promise<PolicyRateRow[]> {
  if (isEmptyScope(scope)) return [];
  const { fromIso, toIso } = yearBounds(year);
  const rows = await db
    .selectFrom('documents as p')
    .select((eb) => [
      'p.org_id',
      eb.fn.countAll<number>().as('policies'),
      eb.fn.sum<number>(eb.case().when(hasLinkedInterpretation(eb, ['published'])).then(sql.lit(1)).else(sql.lit(0)).end()).as('interpreted'),
      eb.fn
        .sum<number>(eb.case().when(hasLinkedInterpretation(eb, ['published'], 'graphic')).then(sql.lit(1)).else(sql.lit(0)).end())
        .as('graphic'),
    ])
    .where('p.kind', '=', 'document')
    .where('p.is_policy', '=', 1)
    .where('p.status', '=', 'published')
    .where('p.published_at', '>=', fromIso)
    .where('p.published_at', '<', toIso)
    .$if(scope !== 'all', (q) => q.where('p.org_id', 'in', scope as number[]))
    .groupBy('p.org_id')
    .execute();
  // PostgreSQL returns count/sum as strings.
  return rows.map((r) => ({ org_id: r.org_id, policies: Number(r.policies), interpreted: Number(r.interpreted), graphic: Number(r.graphic) }));
}

export interface InterpretationFormRow {
  org_id: number;
  total: number;
  nonText: number;
}

/**
 * Per unit: interpretations published in the year, and how many take a form other than 文字 (多元化解读). An
 * interpretation with no recorded form is not counted as diversified: the platform cannot show it is.
 */
export async function interpretationFormCounts(db: Executor, scope: Scope, year: number): Promise<InterpretationFormRow[]> {
  if (isEmptyScope(scope)) return [];
  const { fromIso, toIso } = yearBounds(year);
  const rows = await db
    .selectFrom('documents')
    .select((eb) => [
      'org_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('interp_form', 'is not', null), eb('interp_form', '!=', 'text')]))
            .then(sql.lit(1))
            .else(sql.lit(0))
            .end(),
        )
        .as('non_text'),
    ])
    .where('kind', '=', 'interpretation')
    .where('status', '=', 'published')
    .where('published_at', '>=', fromIso)
    .where('published_at', '<', toIso)
    .$if(scope !== 'all', (q) => q.where('org_id', 'in', scope as number[]))
    .groupBy('org_id')
    .execute();
  return rows.map((r) => ({ org_id: r.org_id, total: Number(r.total), nonText: Number(r.non_text) }));
}

export interface UninterpretedPolicyRow {
  id: number;
  org_id: number;
  title: string;
  index_number: string;
  published_at: string;
  interpretation_waiver: string | null;
  /** a linked interpretation exists but is not published yet */
  has_unpublished: number;
}

/** Published policies of the year that have no published interpretation yet. */
export async function policiesWithoutInterpretation(db: Executor, scope: Scope, year: number): Promise<UninterpretedPolicyRow[]> {
  if (isEmptyScope(scope)) return [];
  const { fromIso, toIso } = yearBounds(year);
  const rows = await db
    .selectFrom('documents as p')
    .select((eb) => [
      'p.id',
      'p.org_id',
      'p.title',
      'p.index_number',
      'p.published_at',
      'p.interpretation_waiver',
      eb.case().when(hasLinkedInterpretation(eb, UNPUBLISHED_STATUSES)).then(sql.lit(1)).else(sql.lit(0)).end().as('has_unpublished'),
    ])
    .where('p.kind', '=', 'document')
    .where('p.is_policy', '=', 1)
    .where('p.status', '=', 'published')
    .where('p.published_at', '>=', fromIso)
    .where('p.published_at', '<', toIso)
    .where((eb) => eb.not(hasLinkedInterpretation(eb, ['published'])))
    .$if(scope !== 'all', (q) => q.where('p.org_id', 'in', scope as number[]))
    .orderBy('p.published_at')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at as string, has_unpublished: Number(r.has_unpublished) }));
}

export interface WithheldRow {
  id: number;
  org_id: number;
  title: string;
  index_number: string;
  withheld_reason: string | null;
  withheld_basis: string | null;
  next_review_on: string | null;
}

/**
 * 条例第十八条: signed-off 不予公开 items whose periodic re-review falls on or before `reviewBy`, and those with no
 * review date at all (never scheduled: they are due now).
 */
export async function withheldDueForReview(db: Executor, scope: Scope, reviewBy: LocalDate): Promise<WithheldRow[]> {
  if (isEmptyScope(scope)) return [];
  return db
    .selectFrom('documents')
    .select(['id', 'org_id', 'title', 'index_number', 'withheld_reason', 'withheld_basis', 'next_review_on'])
    .where('disclosure', '=', 'withheld')
    .where('status', '=', 'approved')
    .where((eb) => eb.or([eb('next_review_on', 'is', null), eb('next_review_on', '<=', reviewBy)]))
    .$if(scope !== 'all', (q) => q.where('org_id', 'in', scope as number[]))
    .orderBy('next_review_on')
    .orderBy('id')
    .execute();
}
