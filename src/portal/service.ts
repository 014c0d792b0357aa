/**
 * Steps shared by several public routes: resolving a unit by its code, the public state of one item with everything
 * its page shows, the guide texts, and the errors the portal names.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listPublicOrganizations } from '../organizations/repository.ts';
import type { PublicOrganization } from '../organizations/present.ts';
import { AppError, errors } from '../platform/errors.ts';
import { nowIso } from '../platform/time.ts';
import type { DocumentPageData } from './present.ts';
import { attachmentsOf, interpretationsOf, policiesOf, publicPageState, publicTitle, type PublicDetailRow } from './repository.ts';
import { getSetting, loadVocab } from './referenceData.ts';

type Executor = Kysely<Database>;

/** 410 Gone for a taken-down item, with its public reason (行政处罚法第四十八条: withdrawn with an explanation). */
export function goneError(notice: string | null): AppError {
  const reason = notice?.trim();
  return new AppError('gone', 410, reason ? `该信息已由发布机关撤下。撤下说明：${reason}` : '该信息已由发布机关撤下。');
}

/** 410 for the attachments of a withdrawn item: the page stays, the files are no longer offered. */
export function withdrawnFilesError(): AppError {
  return new AppError('gone', 410, '该信息已撤回，正文附件不再提供。');
}

/** Resolve an active unit by its code (inactive units have no public column). */
export async function findPublicOrg(db: Executor, code: string): Promise<PublicOrganization | undefined> {
  return (await listPublicOrganizations(db)).find((o) => o.code === code);
}

/** An item that has a public page, or the 404 / 410 error to answer instead. */
export async function requirePublicItem(db: Executor, id: number, now = nowIso()): Promise<{ row: PublicDetailRow; withdrawn: boolean }> {
  const state = await publicPageState(db, id, now);
  if (state.state === 'missing') throw errors.notFound('信息');
  if (state.state === 'gone') throw goneError(state.notice);
  return { row: state.row, withdrawn: state.state === 'withdrawn' };
}

/** Everything the page (and the API item) of a public item shows besides the row itself. */
export async function loadDocumentData(db: Executor, row: PublicDetailRow, withdrawn: boolean, now = nowIso()): Promise<DocumentPageData> {
  const [vocab, attachments, interpretations, policies, replacement, versions] = await Promise.all([
    loadVocab(db),
    withdrawn ? Promise.resolve([]) : attachmentsOf(db, row.id),
    row.kind === 'document' ? interpretationsOf(db, row.id, now) : Promise.resolve([]),
    row.kind === 'interpretation' ? policiesOf(db, row.id, now) : Promise.resolve([]),
    row.replaced_by_id !== null ? publicTitle(db, row.replaced_by_id, now) : Promise.resolve(undefined),
    // Earlier versions stay readable after a revision (their text was public when it was in force).
    db.selectFrom('document_versions').select(['version', 'change_note', 'created_at']).where('document_id', '=', row.id).orderBy('version').execute(),
  ]);
  return { row, withdrawn, vocab, attachments, interpretations, policies, replacement, versions };
}

/** Settings key of a unit's guide text. */
export const guideKey = (orgId: number) => `guide_text:${orgId}`;
/** Settings key of a unit's 政府信息公开制度 text. */
export const rulesKey = (orgId: number) => `rules_text:${orgId}`;

/** A unit's guide and rules texts with their last change. */
export async function loadGuideTexts(db: Executor, orgId: number) {
  const [guide, rules] = await Promise.all([getSetting(db, guideKey(orgId)), getSetting(db, rulesKey(orgId))]);
  return {
    guideText: guide?.value ?? '',
    guideUpdatedAt: guide?.updated_at ?? null,
    rulesText: rules?.value ?? '',
    rulesUpdatedAt: rules?.updated_at ?? null,
  };
}
