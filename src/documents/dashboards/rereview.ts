/**
 * 条例第十八条: 不予公开 information is re-reviewed periodically, and disclosed when the situation has changed. A review
 * either keeps the item withheld until the next review, or releases it into the editorial workflow as a
 * proactive draft. The change and its audit entry are written in one transaction.
 */
import type { Kysely } from 'kysely';
import { can } from '../../access/policy.ts';
import { appendAudit, type Actor } from '../../audit/repository.ts';
import type { WorkingCalendar } from '../../calendar/workingCalendar.ts';
import type { Database, DocumentRow } from '../../db/schema.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { Viewer } from '../../platform/page.ts';
import { nowIso, type LocalDate } from '../../platform/time.ts';
import { DEFAULT_PUBLICATION_WORKING_DAYS, WITHHELD_REVIEW_MONTHS } from '../model.ts';
import { findDocument } from '../repository.ts';
import { addMonths } from './common.ts';

export type ReviewConclusion = 'keep' | 'release';

export interface WithheldReviewInput {
  conclusion: ReviewConclusion;
  note: string;
}

/**
 * Load an item for re-review: 404 outside the viewer's units (a unit never learns of another unit's withheld
 * items), 403 without 签发 permission in its unit, 409 unless it is a signed-off 不予公开 item.
 */
export async function loadReviewableItem(db: Kysely<Database>, viewer: Viewer, id: number): Promise<DocumentRow> {
  const doc = await findDocument(db, id);
  if (!doc || !can(viewer, 'document.view', doc.org_id)) throw errors.notFound('文件');
  if (!can(viewer, 'document.approve', doc.org_id)) throw errors.forbidden('只有本单位负责人可以登记不予公开信息的复审结论。');
  assertReviewable(doc);
  return doc;
}

function assertReviewable(doc: Pick<DocumentRow, 'disclosure' | 'status'>): void {
  if (doc.disclosure !== 'withheld' || doc.status !== 'approved') {
    throw errors.conflict('该信息不是已签发的不予公开信息，无需复审。请刷新页面查看最新状态。');
  }
}

const REVIEWED_FIELDS = ['disclosure', 'status', 'withheld_reason', 'withheld_basis', 'next_review_on', 'formed_on', 'due_on'] as const;

/**
 * Record a re-review conclusion. `keep`: still withheld, next review in 12 months. `release`: the item becomes a
 * proactive draft again (reason and basis cleared) and its 20-working-day clock (条例第二十六条) starts from today,
 * the day the information became disclosable.
 */
export async function recordWithheldReview(
  db: Kysely<Database>,
  calendar: WorkingCalendar,
  viewer: Viewer,
  actor: Actor,
  id: number,
  input: WithheldReviewInput,
  today: LocalDate,
): Promise<Partial<DocumentRow>> {
  const doc = await loadReviewableItem(db, viewer, id);
  let set: Partial<DocumentRow>;
  if (input.conclusion === 'keep') {
    set = { next_review_on: addMonths(today, WITHHELD_REVIEW_MONTHS) };
  } else {
    let dueOn: LocalDate | null = null;
    try {
      // Released items carry no catalog row yet (withheld items have none), so the statutory 20 days apply until
      // the editor picks one and saves, which recomputes the deadline.
      dueOn = calendar.addWorkingDays(today, DEFAULT_PUBLICATION_WORKING_DAYS);
    } catch (err) {
      if (!(err instanceof AppError && err.id === 'calendar_year_missing')) throw err;
    }
    set = {
      disclosure: 'proactive',
      status: 'draft',
      withheld_reason: null,
      withheld_basis: null,
      next_review_on: null,
      formed_on: today,
      due_on: dueOn,
    };
  }
  const before = Object.fromEntries(REVIEWED_FIELDS.map((k) => [k, doc[k]]));
  await db.transaction().execute(async (trx) => {
    // Compare-and-set: a concurrent review or workflow step makes this one fail cleanly instead of overwriting it.
    const result = await trx
      .updateTable('documents')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', doc.id)
      .where('disclosure', '=', 'withheld')
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw errors.conflict('该信息刚被他人处理，请刷新页面查看最新状态。');
    await appendAudit(trx, actor, {
      action: 'document.rereviewed',
      entityType: 'document',
      entityId: doc.id,
      orgId: doc.org_id,
      before,
      after: { conclusion: input.conclusion, note: input.note, ...set },
    });
  });
  return set;
}
