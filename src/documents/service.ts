/**
 * Drafting and the editorial workflow of government information (条例第十七条, 第二十六条). Every command checks the
 * viewer's permission and the state machine first, validates everything, then changes the row and writes its audit
 * entry in one transaction.
 */
import type { Kysely } from 'kysely';
import { can } from '../access/policy.ts';
import { appendAudit, type Actor } from '../audit/repository.ts';
import type { CalendarService } from '../calendar/service.ts';
import type { Database, DocumentRow } from '../db/schema.ts';
import { AppError, errors } from '../platform/errors.ts';
import type { Viewer } from '../platform/page.ts';
import { addMonths, nowIso, todayInShanghai, type LocalDate } from '../platform/time.ts';
import { nextIndexNumber } from './indexNumber.ts';
import { DEFAULT_PUBLICATION_WORKING_DAYS, WITHHELD_REVIEW_MONTHS } from './model.ts';
import { unresolvedFindings } from './privacyCheck.ts';
import { findDocument, insertDocument } from './repository.ts';
import { sanitizeBody } from './sanitize.ts';
import type { DocumentForm } from './schemas.ts';
import { assertAllowed } from './workflow.ts';

export interface DocumentServiceDeps {
  db: Kysely<Database>;
  calendar: CalendarService;
  indexNumberFormat: string;
  /** called after anything that changes what the public sees (cache invalidation) */
  onPublicChange: () => void;
}

/** The fields a form writes, ready for the row. `existing` is the row being edited (its retired codes stay valid). */
export async function formFields(deps: DocumentServiceDeps, form: DocumentForm, kind: DocumentRow['kind'], existing?: DocumentRow) {
  const body = sanitizeBody(form.body);
  if (!body.ok) throw errors.validation({ body: body.message });
  const fieldErrors: Record<string, string> = {};
  const { db } = deps;
  // A deactivated entry may stay on a document that already has it, but is not chosen anew.
  const check = (row: { active: number } | undefined, keep: boolean, label: string): string | null =>
    !row ? `${label}无效。` : row.active !== 1 && !keep ? `该${label}已停用，请另选。` : null;
  if (form.topic_code) {
    const row = await db.selectFrom('vocabularies').select('active').where('kind', '=', 'topic').where('code', '=', form.topic_code).executeTakeFirst();
    const problem = check(row, existing?.topic_code === form.topic_code, '主题分类');
    if (problem) fieldErrors.topic_code = problem;
  }
  if (form.genre_code) {
    const row = await db.selectFrom('vocabularies').select('active').where('kind', '=', 'genre').where('code', '=', form.genre_code).executeTakeFirst();
    const problem = check(row, existing?.genre_code === form.genre_code, '体裁');
    if (problem) fieldErrors.genre_code = problem;
  }
  if (form.catalog_code) {
    const row = await db.selectFrom('catalog_categories').select('active').where('code', '=', form.catalog_code).executeTakeFirst();
    const problem = check(row, existing?.catalog_code === form.catalog_code, '主动公开目录类别');
    if (problem) fieldErrors.catalog_code = problem;
  }
  if (kind === 'interpretation') {
    if (!form.interp_form) fieldErrors.interp_form = '请选择解读形式。';
    if (!form.interp_unit) fieldErrors.interp_unit = '请填写解读单位。';
    if (form.policy_ids.length === 0) fieldErrors.policy_ids = '请选择所解读的政策文件。';
  }
  if (Object.keys(fieldErrors).length) throw errors.validation(fieldErrors);
  return {
    title: form.title,
    summary: form.summary,
    written_on: form.written_on,
    formed_on: form.formed_on ?? todayInShanghai(),
    issuers_json: JSON.stringify(form.issuers),
    doc_number: form.doc_number,
    topic_code: form.topic_code,
    genre_code: form.genre_code,
    keywords: form.keywords,
    disclosure: form.disclosure,
    withheld_reason: form.disclosure === 'withheld' ? form.withheld_reason : null,
    withheld_basis: form.disclosure === 'withheld' ? form.withheld_basis : null,
    disclosure_method: form.disclosure_methods.join('、') || null,
    catalog_code: form.disclosure === 'proactive' ? form.catalog_code : null,
    is_policy: kind === 'document' && form.is_policy ? 1 : 0,
    is_penalty_decision: kind === 'document' && form.is_penalty_decision ? 1 : 0,
    interp_form: kind === 'interpretation' ? form.interp_form : null,
    interp_unit: kind === 'interpretation' ? form.interp_unit : null,
    interp_person: kind === 'interpretation' ? form.interp_person : null,
    body_html: body.html,
    body_text: body.text,
  };
}

/** 条例第二十六条: due 20 working days (or the catalog row's shorter limit) after the information was formed. */
export async function computeDueOn(
  deps: Pick<DocumentServiceDeps, 'db' | 'calendar'>,
  formedOn: LocalDate,
  catalogCode: string | null,
  disclosure: DocumentRow['disclosure'],
): Promise<LocalDate | null> {
  if (disclosure !== 'proactive') return null;
  const row = catalogCode
    ? await deps.db.selectFrom('catalog_categories').select('deadline_working_days').where('code', '=', catalogCode).executeTakeFirst()
    : undefined;
  const days = Math.min(row?.deadline_working_days ?? DEFAULT_PUBLICATION_WORKING_DAYS, DEFAULT_PUBLICATION_WORKING_DAYS);
  try {
    return deps.calendar.current().addWorkingDays(formedOn, days);
  } catch (err) {
    // A missing calendar year must not block drafting; the deadline board shows the item as "cannot compute".
    if (err instanceof AppError && err.id === 'calendar_year_missing') return null;
    throw err;
  }
}

function auditSnapshot(row: Partial<DocumentRow>) {
  const { body_html: _h, body_text: _t, ...rest } = row;
  return rest;
}

async function linkPolicies(trx: Kysely<Database>, interpretationId: number, orgId: number, policyIds: number[]): Promise<void> {
  await trx.deleteFrom('interpretation_links').where('interpretation_id', '=', interpretationId).execute();
  if (policyIds.length === 0) return;
  const policies = await trx
    .selectFrom('documents')
    .select('id')
    .where('id', 'in', policyIds)
    .where('org_id', '=', orgId)
    .where('kind', '=', 'document')
    .execute();
  if (policies.length !== new Set(policyIds).size) {
    throw errors.validation({ policy_ids: '只能选择本单位的政策文件。' });
  }
  await trx
    .insertInto('interpretation_links')
    .values(policies.map((p) => ({ interpretation_id: interpretationId, policy_id: p.id })))
    .execute();
}

/** Load a document the viewer may see, or 404 (a unit never learns of another unit's drafts). */
export async function loadVisibleDocument(db: Kysely<Database>, viewer: Viewer, id: number): Promise<DocumentRow> {
  const doc = await findDocument(db, id);
  if (!doc || !can(viewer, 'document.view', doc.org_id)) throw errors.notFound('文件');
  return doc;
}

/** Create a draft document or interpretation with a fresh 索引号. */
export async function createDraft(
  deps: DocumentServiceDeps,
  viewer: Viewer,
  actor: Actor,
  kind: DocumentRow['kind'],
  form: DocumentForm,
): Promise<number> {
  if (!can(viewer, 'document.draft', form.org_id)) throw errors.forbidden('您不是该单位的编辑，不能在该单位起草。');
  const fields = await formFields(deps, form, kind);
  const dueOn = await computeDueOn(deps, fields.formed_on, fields.catalog_code, fields.disclosure);
  const now = nowIso();
  return deps.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organizations').select(['id', 'code', 'active']).where('id', '=', form.org_id).executeTakeFirst();
    if (!org || org.active !== 1) throw errors.validation({ org_id: '该单位不存在或已停用。' });
    const index = await nextIndexNumber(trx, org, Number(todayInShanghai().slice(0, 4)), deps.indexNumberFormat);
    const id = await insertDocument(trx, {
      ...fields,
      org_id: org.id,
      kind,
      index_number: index,
      status: 'draft',
      validity: 'valid',
      due_on: dueOn,
      version: 1,
      created_by: viewer.id,
      created_at: now,
      updated_at: now,
    });
    if (kind === 'interpretation') await linkPolicies(trx, id, org.id, form.policy_ids);
    await appendAudit(trx, actor, {
      action: 'document.created',
      entityType: 'document',
      entityId: id,
      orgId: org.id,
      after: auditSnapshot({ ...fields, index_number: index, kind, due_on: dueOn }),
    });
    return id;
  });
}

/** Save changes to a draft. */
export async function updateDraft(deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number, form: DocumentForm): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('edit', viewer, doc);
  if (form.org_id !== doc.org_id) throw errors.validation({ org_id: '起草后不能更改发布单位。' });
  const fields = await formFields(deps, form, doc.kind, doc);
  const dueOn = await computeDueOn(deps, fields.formed_on, fields.catalog_code, fields.disclosure);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('documents').set({ ...fields, due_on: dueOn, updated_at: nowIso() }).where('id', '=', id).execute();
    if (doc.kind === 'interpretation') await linkPolicies(trx, id, doc.org_id, form.policy_ids);
    await appendAudit(trx, actor, {
      action: 'document.updated',
      entityType: 'document',
      entityId: id,
      orgId: doc.org_id,
      before: auditSnapshot(doc),
      after: auditSnapshot({ ...fields, due_on: dueOn }),
    });
  });
}

async function transition(
  deps: DocumentServiceDeps,
  doc: DocumentRow,
  actor: Actor,
  action: string,
  set: Partial<DocumentRow>,
  extra?: Record<string, unknown>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    // Compare-and-set on the status: a concurrent transition by someone else makes this one fail cleanly.
    const result = await trx
      .updateTable('documents')
      .set({ ...set, updated_at: nowIso() })
      .where('id', '=', doc.id)
      .where('status', '=', doc.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw errors.conflict('该文件刚被他人处理，请刷新页面查看最新状态。');
    await appendAudit(trx, actor, {
      action,
      entityType: 'document',
      entityId: doc.id,
      orgId: doc.org_id,
      before: { status: doc.status },
      after: { ...set, ...extra },
    });
  });
}

/** 编辑 submits a draft for review. */
export async function submit(deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('submit', viewer, doc);
  if (!doc.body_text.trim() && !(await hasAttachments(deps.db, id))) {
    throw errors.conflict('正文为空且没有附件，不能提交。');
  }
  await transition(deps, doc, actor, 'document.submitted', { status: 'submitted', submitted_by: viewer.id, return_reason: null });
}

/** Return a document to its drafter with a reason (审核 from review, 负责人 from approval). */
export async function returnDocument(deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number, reason: string): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('return', viewer, doc);
  await transition(deps, doc, actor, 'document.returned', { status: 'draft', return_reason: reason, reviewed_by: null });
}

/** 审核 confirms the disclosure attribute and the 保密审查 (条例第十七条). */
export async function review(deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('review', viewer, doc);
  await transition(deps, doc, actor, 'document.reviewed', { status: 'reviewed', reviewed_by: viewer.id }, { confirmed: ['disclosure', 'secrecy'] });
}

async function hasAttachments(db: Kysely<Database>, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom('attachments').select('id').where('document_id', '=', id).executeTakeFirst());
}

/** Interpretations linked to a policy (any state). */
export async function interpretationsOf(db: Kysely<Database>, policyId: number) {
  return db
    .selectFrom('interpretation_links')
    .innerJoin('documents', 'documents.id', 'interpretation_links.interpretation_id')
    .select(['documents.id', 'documents.title', 'documents.status', 'documents.interp_form', 'documents.published_at'])
    .where('interpretation_links.policy_id', '=', policyId)
    .orderBy('documents.id')
    .execute();
}

export interface ApproveOptions {
  mode: 'now' | 'schedule' | 'hold';
  /** Shanghai local date-time `YYYY-MM-DDTHH:mm` for a scheduled release */
  scheduledAt?: string;
  waiver?: string | null;
}

/**
 * 负责人 signs off. Blocked while personal-information findings are unresolved (个人信息保护法第二十五条) and, for a
 * 政策性文件, until an interpretation is linked or the approver records why not (the 退文 rule).
 */
export async function approve(deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number, options: ApproveOptions, now = new Date()): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('approve', viewer, doc);
  const findings = await unresolvedFindings(deps.db, doc);
  if (findings.length > 0) {
    throw errors.conflict(`稿件中还有${findings.length}处个人信息未处理（遮盖或记录保留理由），不能签发。`);
  }
  if (doc.is_policy === 1 && (await interpretationsOf(deps.db, id)).length === 0 && !options.waiver) {
    throw errors.validation(
      { waiver: '政策性文件须同时报送政策解读；如确无需解读，请填写理由。' },
      '政策性文件未附政策解读，不能签发。',
    );
  }
  const set: Partial<DocumentRow> = { approved_by: viewer.id, interpretation_waiver: options.waiver ?? null };
  let action = 'document.approved';
  if (doc.disclosure === 'withheld') {
    // 条例第十八条: withheld information is re-assessed periodically.
    set.next_review_on = addMonths(todayInShanghai(now), WITHHELD_REVIEW_MONTHS);
  }
  if (doc.disclosure !== 'proactive' || options.mode === 'hold') {
    set.status = 'approved';
  } else if (options.mode === 'schedule') {
    const at = new Date(`${options.scheduledAt}:00+08:00`);
    if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) {
      throw errors.validation({ scheduled_at: '定时发布时间须晚于当前时间。' });
    }
    set.status = 'scheduled';
    set.scheduled_at = at.toISOString();
    set.published_at = at.toISOString();
    action = 'document.scheduled';
  } else {
    set.status = 'published';
    set.published_at = nowIso(now);
    action = 'document.published';
  }
  await transition(deps, doc, actor, action, set);
  if (set.status === 'published') deps.onPublicChange();
}

/** Publish an approved proactive item now. */
export async function publish(deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number, now = new Date()): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('publish', viewer, doc);
  await transition(deps, doc, actor, 'document.published', { status: 'published', published_at: nowIso(now) });
  deps.onPublicChange();
}

/** Release every scheduled item whose time has come. Run by the server's timer and `gongkai publish-due`. */
export async function publishDue(deps: DocumentServiceDeps, now = new Date()): Promise<number[]> {
  const due = await deps.db
    .selectFrom('documents')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', nowIso(now))
    .execute();
  const actor: Actor = { id: null, name: '系统（定时发布）', ip: null };
  const released: number[] = [];
  for (const doc of due) {
    try {
      await transition(deps, doc, actor, 'document.published', { status: 'published', published_at: doc.scheduled_at });
      released.push(doc.id);
    } catch (err) {
      if (!(err instanceof AppError && err.id === 'conflict')) throw err;
    }
  }
  if (released.length) deps.onPublicChange();
  return released;
}
