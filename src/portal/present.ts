/** Public rows → what the portal pages, feeds and the API show. Only public columns reach this file. */
import { INTERPRETATION_FORMS, VALIDITY_LABELS } from '../documents/model.ts';
import { issuersOf } from '../documents/repository.ts';
import type { Validity } from '../db/schema.ts';
import { todayInShanghai } from '../platform/time.ts';
import type { LinkedItem, PublicAttachment, PublicDetailRow, PublicRow } from './repository.ts';
import type { Vocab } from './referenceData.ts';

/** The Shanghai calendar date of a stored instant (发布日期 is shown as a date). */
export function shanghaiDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : todayInShanghai(d);
}

/** The public address of an item. */
export function documentHref(id: number): string {
  return `/doc/${id}`;
}

/** The Chinese name of a 解读形式 code (unknown codes are shown as stored). */
export function interpretationFormLabel(form: string | null): string {
  if (!form) return '';
  return (INTERPRETATION_FORMS as Record<string, string>)[form] ?? form;
}

export interface DocListItem {
  id: number;
  href: string;
  title: string;
  indexNumber: string;
  docNumber: string;
  issuers: string;
  orgName: string;
  writtenOn: string;
  publishedOn: string;
  validity: Validity;
  validityLabel: string;
  isInterpretation: boolean;
  /** 解读形式 and 解读单位 (interpretations) */
  formLabel: string;
  interpUnit: string;
}

/** One row of a public list. */
export function presentListItem(row: PublicRow): DocListItem {
  return {
    id: row.id,
    href: documentHref(row.id),
    title: row.title,
    indexNumber: row.index_number,
    docNumber: row.doc_number ?? '',
    issuers: issuersOf(row).join('、'),
    orgName: row.org_name,
    writtenOn: row.written_on ?? '',
    publishedOn: shanghaiDate(row.published_at),
    validity: row.validity,
    validityLabel: VALIDITY_LABELS[row.validity],
    isInterpretation: row.kind === 'interpretation',
    formLabel: interpretationFormLabel(row.interp_form),
    interpUnit: row.interp_unit ?? '',
  };
}

export interface LinkItem {
  href: string;
  title: string;
  publishedOn: string;
  formLabel: string;
}

function presentLink(item: LinkedItem): LinkItem {
  return {
    href: documentHref(item.id),
    title: item.title,
    publishedOn: shanghaiDate(item.published_at),
    formLabel: interpretationFormLabel(item.interp_form),
  };
}

export interface AttachmentItem {
  filename: string;
  kindLabel: string;
  sizeLabel: string;
  downloadHref: string;
  /** set when a DOCX can be read as a web page */
  htmlHref: string | null;
}

/** `1.2 MB`, `34 KB`, `512 B`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${bytes} B`;
}

/** The public download address of an attachment. */
export function attachmentHref(documentId: number, attachmentId: number): string {
  return `/doc/${documentId}/attachments/${attachmentId}`;
}

function presentAttachment(documentId: number, a: PublicAttachment): AttachmentItem {
  return {
    filename: a.filename,
    kindLabel: a.kind.toUpperCase(),
    sizeLabel: formatSize(a.size),
    downloadHref: attachmentHref(documentId, a.id),
    htmlHref: a.kind === 'docx' && a.has_html === 1 ? `${attachmentHref(documentId, a.id)}/html` : null,
  };
}

/** The notice shown when a document is no longer in force (规范性文件 are marked, never silently removed). */
export interface ValidityNotice {
  text: string;
  note: string;
  replacement: { href: string; title: string } | null;
}

const VALIDITY_NOTICES: Record<Exclude<Validity, 'valid'>, string> = {
  expired: '本文件已失效',
  repealed: '本文件已废止',
  revised: '本文件已修订',
};

export interface DocumentPageView {
  id: number;
  kind: 'document' | 'interpretation';
  title: string;
  org: { name: string; code: string; href: string };
  /** the standard metadata table (条例第十二条 elements plus practice) */
  meta: {
    indexNumber: string;
    topic: string;
    issuers: string;
    writtenOn: string;
    title: string;
    docNumber: string;
    publishedOn: string;
    validity: string;
    genre: string;
    category: string;
    keywords: string;
  };
  summary: string;
  interpretation: { form: string; unit: string; person: string } | null;
  /** sanitised on save (src/documents/sanitize.ts); null when withdrawn */
  bodyHtml: string | null;
  withdrawnNotice: string | null;
  validityNotice: ValidityNotice | null;
  attachments: AttachmentItem[];
  interpretations: LinkItem[];
  policies: LinkItem[];
  /** earlier versions of a revised item, oldest first */
  versions: VersionItem[];
  /** set when this page shows an earlier version rather than the current one */
  historical: { version: number; currentHref: string; currentVersion: number; currentTitle: string } | null;
}

export interface VersionItem {
  version: number;
  href: string;
  /** the Shanghai date it was replaced by the next version */
  replacedOn: string;
  changeNote: string;
}

export interface DocumentPageData {
  row: PublicDetailRow;
  withdrawn: boolean;
  vocab: Vocab;
  attachments: PublicAttachment[];
  interpretations: LinkedItem[];
  policies: LinkedItem[];
  replacement: { id: number; title: string } | undefined;
  versions: Array<{ version: number; change_note: string | null; created_at: string }>;
  /** the version shown, when it is an earlier one */
  historical?: { version: number; currentVersion: number; currentTitle: string };
}

/**
 * The document page. A withdrawn item keeps its page, its metadata and the public explanation, but not its body or
 * attachments: withdrawal means the organ no longer offers the content, and the page remains so links and the
 * record (条例第十二条 catalog elements) survive. A mistaken publication is taken down instead (410).
 */
export function presentDocumentPage(d: DocumentPageData): DocumentPageView {
  const { row, vocab } = d;
  const category = row.catalog_code ? vocab.categoryByCode.get(row.catalog_code) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    org: { name: row.org_name, code: row.org_code, href: `/zwgk/${encodeURIComponent(row.org_code)}` },
    meta: {
      indexNumber: row.index_number,
      topic: (row.topic_code ? vocab.topicLabels.get(row.topic_code) : undefined) ?? '',
      issuers: issuersOf(row).join('、'),
      writtenOn: row.written_on ?? '',
      title: row.title,
      docNumber: row.doc_number ?? '',
      publishedOn: shanghaiDate(row.published_at),
      validity: VALIDITY_LABELS[row.validity],
      genre: (row.genre_code && vocab.genres.get(row.genre_code)) || '',
      category: category ? `${category.label}（${category.article}）` : '',
      keywords: row.keywords ?? '',
    },
    summary: row.summary ?? '',
    interpretation:
      row.kind === 'interpretation'
        ? { form: interpretationFormLabel(row.interp_form), unit: row.interp_unit ?? '', person: row.interp_person ?? '' }
        : null,
    bodyHtml: d.withdrawn ? null : row.body_html,
    withdrawnNotice: d.withdrawn ? (row.public_notice ?? '') : null,
    validityNotice:
      row.validity === 'valid'
        ? null
        : {
            text: VALIDITY_NOTICES[row.validity],
            note: row.validity_note ?? '',
            replacement: d.replacement ? { href: documentHref(d.replacement.id), title: d.replacement.title } : null,
          },
    attachments: d.withdrawn ? [] : d.attachments.map((a) => presentAttachment(row.id, a)),
    interpretations: d.interpretations.map(presentLink),
    policies: d.policies.map(presentLink),
    versions: d.withdrawn
      ? []
      : d.versions.map((v) => ({
          version: v.version,
          href: `${documentHref(row.id)}/versions/${v.version}`,
          replacedOn: shanghaiDate(v.created_at),
          changeNote: v.change_note ?? '',
        })),
    historical: d.historical ? { ...d.historical, currentHref: documentHref(row.id) } : null,
  };
}

export interface Pager {
  page: number;
  pages: number;
  total: number;
}

/** Page count for a total. */
export function pagerOf(page: number, pageSize: number, total: number): Pager {
  return { page, pages: Math.max(1, Math.ceil(total / pageSize)), total };
}

/** A query string from non-empty values (for filter, sort and page links). */
export function queryString(values: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Plain text as paragraphs (editable guide and rules texts are plain text, never HTML). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
