/**
 * Public rows → the JSON API's shapes (described in openapi.ts). Field by field from the public columns: workflow
 * ids, 不予公开 reasons and internal notes are never in the input, so they can never be in the output.
 */
import { VALIDITY_LABELS } from '../documents/model.ts';
import { issuersOf } from '../documents/repository.ts';
import type { DocumentKind, Validity } from '../db/schema.ts';
import { attachmentHref, documentHref, interpretationFormLabel, shanghaiDate } from './present.ts';
import type { LinkedItem, PublicAttachment, PublicDetailRow, PublicRow } from './repository.ts';
import type { Vocab } from './referenceData.ts';

export interface ApiDocument {
  id: number;
  url: string;
  kind: DocumentKind;
  indexNumber: string;
  title: string;
  summary: string | null;
  writtenOn: string | null;
  issuers: string[];
  docNumber: string | null;
  publishedAt: string;
  publishedOn: string;
  topic: { code: string; label: string } | null;
  genre: { code: string; label: string } | null;
  category: { code: string; label: string; article: string } | null;
  validity: Validity;
  validityLabel: string;
  validityNote: string | null;
  keywords: string | null;
  isPolicy: boolean;
  org: { code: string; name: string };
  interpretation: { form: string | null; formLabel: string; unit: string | null; person: string | null } | null;
  version: number;
  updatedAt: string;
}

export interface ApiLink {
  id: number;
  title: string;
  url: string;
}

export interface ApiAttachment {
  id: number;
  filename: string;
  kind: string;
  mediaType: string;
  size: number;
  url: string;
  htmlUrl: string | null;
}

export interface ApiDocumentDetail extends ApiDocument {
  status: 'published' | 'withdrawn';
  publicNotice: string | null;
  bodyHtml: string | null;
  replacedBy: ApiLink | null;
  attachments: ApiAttachment[];
  interpretations: ApiLink[];
  policies: ApiLink[];
}

/** One item as the API lists it. */
export function apiDocument(row: PublicRow, vocab: Vocab, baseUrl: string): ApiDocument {
  const topic = row.topic_code ? vocab.topicLabels.get(row.topic_code) : undefined;
  const genre = row.genre_code ? vocab.genres.get(row.genre_code) : undefined;
  const category = row.catalog_code ? vocab.categoryByCode.get(row.catalog_code) : undefined;
  return {
    id: row.id,
    url: `${baseUrl}${documentHref(row.id)}`,
    kind: row.kind,
    indexNumber: row.index_number,
    title: row.title,
    summary: row.summary,
    writtenOn: row.written_on,
    issuers: issuersOf(row),
    docNumber: row.doc_number,
    publishedAt: row.published_at ?? '',
    publishedOn: shanghaiDate(row.published_at),
    topic: row.topic_code && topic ? { code: row.topic_code, label: topic } : null,
    genre: row.genre_code && genre ? { code: row.genre_code, label: genre } : null,
    category: category ? { code: category.code, label: category.label, article: category.article } : null,
    validity: row.validity,
    validityLabel: VALIDITY_LABELS[row.validity],
    validityNote: row.validity_note,
    keywords: row.keywords,
    isPolicy: row.is_policy === 1,
    org: { code: row.org_code, name: row.org_name },
    interpretation:
      row.kind === 'interpretation'
        ? { form: row.interp_form, formLabel: interpretationFormLabel(row.interp_form), unit: row.interp_unit, person: row.interp_person }
        : null,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function link(item: { id: number; title: string }, baseUrl: string): ApiLink {
  return { id: item.id, title: item.title, url: `${baseUrl}${documentHref(item.id)}` };
}

export interface ApiDetailInput {
  row: PublicDetailRow;
  withdrawn: boolean;
  vocab: Vocab;
  attachments: PublicAttachment[];
  interpretations: LinkedItem[];
  policies: LinkedItem[];
  replacement: { id: number; title: string } | undefined;
}

/** One item in full. A withdrawn item keeps its metadata and notice; its body and attachments are not offered. */
export function apiDocumentDetail(d: ApiDetailInput, baseUrl: string): ApiDocumentDetail {
  return {
    ...apiDocument(d.row, d.vocab, baseUrl),
    status: d.withdrawn ? 'withdrawn' : 'published',
    publicNotice: d.withdrawn ? d.row.public_notice : null,
    bodyHtml: d.withdrawn ? null : d.row.body_html,
    replacedBy: d.replacement ? link(d.replacement, baseUrl) : null,
    attachments: d.withdrawn
      ? []
      : d.attachments.map((a) => ({
          id: a.id,
          filename: a.filename,
          kind: a.kind,
          mediaType: a.media_type,
          size: a.size,
          url: `${baseUrl}${attachmentHref(d.row.id, a.id)}`,
          htmlUrl: a.kind === 'docx' && a.has_html === 1 ? `${baseUrl}${attachmentHref(d.row.id, a.id)}/html` : null,
        })),
    interpretations: d.interpretations.map((i) => link(i, baseUrl)),
    policies: d.policies.map((p) => link(p, baseUrl)),
  };
}
