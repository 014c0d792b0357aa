/**
 * Changes after drafting: masking personal information, keeping a finding with a reason, and what happens to
 * published items — revision (a new version with a change note), validity (废止 / 失效 / 已修订), withdrawal (the
 * page stays with a public explanation) and takedown (the URL answers 410).
 */
import { can } from '../access/policy.ts';
import { appendAudit, type Actor } from '../audit/repository.ts';
import type { DocumentRow } from '../db/schema.ts';
import { errors } from '../platform/errors.ts';
import type { Viewer } from '../platform/page.ts';
import { nowIso, todayInShanghai, type LocalDate } from '../platform/time.ts';
import { findingFingerprint, maskHtml, scanText } from '../privacy/scanner.ts';
import { PENALTY_TAKEDOWN_WORKING_DAYS } from './model.ts';
import { documentFindings } from './privacyCheck.ts';
import { publishedDocuments } from './repository.ts';
import { sanitizeBody } from './sanitize.ts';
import type { DocumentForm } from './schemas.ts';
import { computeDueOn, formFields, loadVisibleDocument, type DocumentServiceDeps } from './service.ts';
import { assertAllowed } from './workflow.ts';

/** Mask every occurrence of one finding in a draft's body (the masking action in the editor). */
export async function maskFinding(deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number, fingerprint: string): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('edit', viewer, doc);
  const matches = scanText(doc.body_text).filter((f) => findingFingerprint(f) === fingerprint);
  if (matches.length === 0) throw errors.notFound('该项个人信息');
  // maskHtml masks text, attribute values (mailto: links) and values split by markup, never touching tags.
  const body = sanitizeBody(maskHtml(doc.body_html, (f) => findingFingerprint(f) === fingerprint));
  if (!body.ok) throw errors.badRequest(body.message);
  if (scanText(body.text).some((f) => findingFingerprint(f) === fingerprint)) {
    throw errors.conflict('该号码未能自动遮盖，请在正文中手工修改。');
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('documents').set({ body_html: body.html, body_text: body.text, updated_at: nowIso() }).where('id', '=', id).execute();
    await appendAudit(trx, actor, {
      action: 'document.privacy_masked',
      entityType: 'document',
      entityId: id,
      orgId: doc.org_id,
      after: { kind: matches[0]!.kind, masked: matches[0]!.masked, count: matches.length },
    });
  });
}

/** Keep a finding with a recorded reason (惩戒性公示, 法定公开). Editors, reviewers and approvers of the unit may. */
export async function keepFinding(
  deps: DocumentServiceDeps,
  viewer: Viewer,
  actor: Actor,
  id: number,
  fingerprint: string,
  reason: string,
): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  const mayDecide = ['document.draft', 'document.review', 'document.approve'] as const;
  if (!mayDecide.some((p) => can(viewer, p, doc.org_id))) throw errors.forbidden();
  if (!['draft', 'submitted', 'reviewed'].includes(doc.status)) throw errors.conflict('只能在签发前处理个人信息。');
  const finding = (await documentFindings(deps.db, doc)).find((f) => f.fingerprint === fingerprint);
  if (!finding) throw errors.notFound('该项个人信息');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('privacy_decisions')
      .values({ document_id: id, fingerprint, kind: finding.kind, masked_value: finding.masked, reason, decided_by: viewer.id, decided_at: nowIso() })
      .onConflict((oc) => oc.columns(['document_id', 'fingerprint']).doUpdateSet({ reason, decided_by: viewer.id, decided_at: nowIso() }))
      .execute();
    await appendAudit(trx, actor, {
      action: 'document.privacy_kept',
      entityType: 'document',
      entityId: id,
      orgId: doc.org_id,
      after: { kind: finding.kind, masked: finding.masked, where: finding.where, reason },
    });
  });
}

/** Revise a published item: the old content becomes version N, the new content version N+1, with a change note. */
export async function revise(
  deps: DocumentServiceDeps,
  viewer: Viewer,
  actor: Actor,
  id: number,
  form: DocumentForm,
  changeNote: string,
): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('revise', viewer, doc);
  if (form.disclosure !== doc.disclosure) throw errors.validation({ disclosure: '修订不能改变公开属性；如需撤下，请使用“撤下”。' });
  // The same checks as drafting: sanitised body, valid (or the document's own retired) vocabulary codes.
  const fields = await formFields(deps, form, doc.kind, doc);
  // Personal information in a revision must be handled too: refuse while new findings have no decision.
  const kept = new Set((await deps.db.selectFrom('privacy_decisions').select('fingerprint').where('document_id', '=', id).execute()).map((d) => d.fingerprint));
  const open = scanText(fields.body_text).filter((f) => !kept.has(findingFingerprint(f)));
  if (open.length) throw errors.validation({ body: `修订后的正文含有${open.length}处个人信息（如 ${open[0]!.masked}），请先遮盖。` });
  const formedOn = todayInShanghai();
  const set: Partial<DocumentRow> = {
    title: fields.title,
    summary: fields.summary,
    written_on: fields.written_on,
    issuers_json: fields.issuers_json,
    doc_number: fields.doc_number,
    topic_code: fields.topic_code,
    genre_code: fields.genre_code,
    keywords: fields.keywords,
    catalog_code: fields.catalog_code,
    interp_form: fields.interp_form,
    interp_unit: fields.interp_unit,
    interp_person: fields.interp_person,
    body_html: fields.body_html,
    body_text: fields.body_text,
    version: doc.version + 1,
    // 条例第二十六条 counts from the day information is formed *or changed*.
    formed_on: formedOn,
    due_on: await computeDueOn(deps, formedOn, fields.catalog_code, doc.disclosure),
    updated_at: nowIso(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('document_versions')
      .values({ document_id: id, version: doc.version, snapshot_json: JSON.stringify(doc), change_note: changeNote, created_by: viewer.id, created_at: nowIso() })
      .execute();
    const r = await trx.updateTable('documents').set(set).where('id', '=', id).where('version', '=', doc.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.conflict('该文件刚被他人修订，请刷新后重试。');
    await appendAudit(trx, actor, {
      action: 'document.revised',
      entityType: 'document',
      entityId: id,
      orgId: doc.org_id,
      before: { version: doc.version, title: doc.title },
      after: { version: doc.version + 1, title: form.title, change_note: changeNote },
    });
  });
  deps.onPublicChange();
}

/** Mark a document 废止 / 失效 / 已修订 (or 有效 again), linking the replacing document; the original page shows it. */
export async function changeValidity(
  deps: DocumentServiceDeps,
  viewer: Viewer,
  actor: Actor,
  id: number,
  input: { validity: DocumentRow['validity']; note: string; replacedById: number | null },
): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('changeValidity', viewer, doc);
  if (input.replacedById !== null) {
    if (input.replacedById === id) throw errors.validation({ replaced_by_id: '替代文件不能是本文件。' });
    // Only a public document can replace one on the public page. Drafts, other units' work and on-request items all
    // get the same answer, so the field cannot be used to learn which ids exist.
    const replacement = await publishedDocuments(deps.db)
      .select('documents.id')
      .where('documents.id', '=', input.replacedById)
      .where('documents.kind', '=', 'document')
      .executeTakeFirst();
    if (!replacement) throw errors.validation({ replaced_by_id: '找不到该替代文件：只能选择已公开发布的文件，请填写其在网站上的编号。' });
  }
  if (input.validity === 'revised' && input.replacedById === null) {
    throw errors.validation({ replaced_by_id: '标记为“已修订”时须指明修订后的文件。' });
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('documents')
      .set({ validity: input.validity, validity_note: input.note, replaced_by_id: input.replacedById, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'document.validity_changed',
      entityType: 'document',
      entityId: id,
      orgId: doc.org_id,
      before: { validity: doc.validity, validity_note: doc.validity_note, replaced_by_id: doc.replaced_by_id },
      after: { validity: input.validity, validity_note: input.note, replaced_by_id: input.replacedById },
    });
  });
  deps.onPublicChange();
}

/** Withdraw a published item: the page stays with the public explanation, it leaves lists and feeds. */
export async function withdraw(deps: DocumentServiceDeps, viewer: Viewer, actor: Actor, id: number, notice: string): Promise<void> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('withdraw', viewer, doc);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('documents').set({ status: 'withdrawn', public_notice: notice, updated_at: nowIso() }).where('id', '=', id).where('status', '=', 'published').execute();
    await appendAudit(trx, actor, { action: 'document.withdrawn', entityType: 'document', entityId: id, orgId: doc.org_id, before: { status: doc.status }, after: { status: 'withdrawn', public_notice: notice } });
  });
  deps.onPublicChange();
}

/**
 * Take down a mistaken publication: the URL answers 410 with the public reason. For a revoked penalty decision,
 * 行政处罚法第四十八条 (with 第八十五条: "三日" means working days) requires this within 3 working days of revocation;
 * the deadline is recorded so a late takedown is visible.
 */
export async function takedown(
  deps: DocumentServiceDeps,
  viewer: Viewer,
  actor: Actor,
  id: number,
  input: { reason: string; penaltyRevokedOn: LocalDate | null },
): Promise<{ late: boolean }> {
  const doc = await loadVisibleDocument(deps.db, viewer, id);
  assertAllowed('takedown', viewer, doc);
  let dueOn: LocalDate | null = null;
  if (input.penaltyRevokedOn) {
    if (doc.is_penalty_decision !== 1) throw errors.validation({ penalty_revoked_on: '本文件未标记为行政处罚决定。' });
    dueOn = deps.calendar.current().addWorkingDays(input.penaltyRevokedOn, PENALTY_TAKEDOWN_WORKING_DAYS);
  }
  const late = dueOn !== null && todayInShanghai() > dueOn;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('documents')
      .set({ status: 'taken_down', public_notice: input.reason, takedown_due_on: dueOn, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'document.taken_down',
      entityType: 'document',
      entityId: id,
      orgId: doc.org_id,
      before: { status: doc.status },
      after: { status: 'taken_down', public_notice: input.reason, penalty_revoked_on: input.penaltyRevokedOn, takedown_due_on: dueOn, late },
    });
  });
  deps.onPublicChange();
  return { late };
}
