/** Assembles the admin detail page's view model (queries here, so the view stays pure). */
import type { Kysely } from 'kysely';
import { can } from '../access/policy.ts';
import type { Database, DocumentRow } from '../db/schema.ts';
import type { FieldErrors } from '../platform/errors.ts';
import type { Viewer } from '../platform/page.ts';
import { formatInstant } from '../platform/time.ts';
import { KIND_LABELS } from '../privacy/scanner.ts';
import { INTERPRETATION_FORMS, STATUS_LABELS, type InterpretationForm } from './model.ts';
import { presentDetail } from './present.ts';
import { documentFindings } from './privacyCheck.ts';
import { hasPublicPage } from './repository.ts';
import type { DocumentDetailView, LinkedItem } from './views/documentDetailPage.tsx';
import { allowedActions } from './workflow.ts';

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Everything the detail page shows for one document. */
export async function buildDetailView(
  db: Kysely<Database>,
  viewer: Viewer,
  doc: DocumentRow,
  errors?: FieldErrors,
  errorFor?: string,
): Promise<DocumentDetailView> {
  const [org, topic, genre, catalog] = await Promise.all([
    db.selectFrom('organizations').select('name').where('id', '=', doc.org_id).executeTakeFirst(),
    doc.topic_code ? db.selectFrom('vocabularies').select('label').where('kind', '=', 'topic').where('code', '=', doc.topic_code).executeTakeFirst() : undefined,
    doc.genre_code ? db.selectFrom('vocabularies').select('label').where('kind', '=', 'genre').where('code', '=', doc.genre_code).executeTakeFirst() : undefined,
    doc.catalog_code ? db.selectFrom('catalog_categories').select(['article', 'label']).where('code', '=', doc.catalog_code).executeTakeFirst() : undefined,
  ]);
  const linked = async (direction: 'interpretations' | 'policies'): Promise<LinkedItem[]> => {
    const rows = await db
      .selectFrom('interpretation_links')
      .innerJoin('documents', 'documents.id', direction === 'interpretations' ? 'interpretation_links.interpretation_id' : 'interpretation_links.policy_id')
      .select(['documents.id', 'documents.title', 'documents.status', 'documents.interp_form'])
      .where(direction === 'interpretations' ? 'interpretation_links.policy_id' : 'interpretation_links.interpretation_id', '=', doc.id)
      .orderBy('documents.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      statusLabel: STATUS_LABELS[r.status],
      extra: r.interp_form ? (INTERPRETATION_FORMS[r.interp_form as InterpretationForm] ?? '') : '',
    }));
  };
  const [attachments, versions, findings, interpretations, policies] = await Promise.all([
    db.selectFrom('attachments').select(['id', 'filename', 'kind', 'size']).where('document_id', '=', doc.id).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('document_versions').select(['version', 'change_note', 'created_at']).where('document_id', '=', doc.id).orderBy('version', 'desc').execute(),
    documentFindings(db, doc),
    linked('interpretations'),
    linked('policies'),
  ]);
  return {
    detail: presentDetail(doc, {
      org: org?.name ?? '',
      topic: topic?.label ?? '',
      genre: genre?.label ?? '',
      catalog: catalog ? `${catalog.article} ${catalog.label}` : '',
    }),
    actions: allowedActions(viewer, doc),
    findings,
    findingLabels: KIND_LABELS,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, kind: a.kind.toUpperCase(), size: humanSize(Number(a.size)) })),
    interpretations,
    policies,
    versions: versions.map((v) => ({ version: v.version, changeNote: v.change_note ?? '', createdAt: formatInstant(v.created_at) })),
    canKeepFindings:
      ['draft', 'submitted', 'reviewed'].includes(doc.status) &&
      (['document.draft', 'document.review', 'document.approve'] as const).some((p) => can(viewer, p, doc.org_id)),
    errors,
    errorFor,
    publicUrl: hasPublicPage(doc) ? `/doc/${doc.id}` : null,
  };
}
