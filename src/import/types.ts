/** Shapes shared by the import readers (JSON Lines, CSV) and the batch writer. */
import type { AttachmentRow, Disclosure, DocumentStatus, Validity } from '../db/schema.ts';
import type { LocalDate } from '../platform/time.ts';

export type ImportFormat = 'jsonl' | 'csv';

/** The document columns an import sets; the writer adds org, 索引号, version and timestamps. */
export interface ImportFields {
  title: string;
  summary: string | null;
  written_on: LocalDate | null;
  formed_on: LocalDate | null;
  issuers_json: string;
  doc_number: string | null;
  published_at: string | null;
  topic_code: string | null;
  genre_code: string | null;
  validity: Validity;
  keywords: string | null;
  disclosure: Disclosure;
  withheld_reason: string | null;
  withheld_basis: string | null;
  next_review_on: LocalDate | null;
  catalog_code: string | null;
  is_policy: number;
  body_html: string;
  body_text: string;
  status: DocumentStatus;
  source: string;
}

/** An attachment read, typed and extracted before the batch transaction (blob already stored). */
export type PreparedAttachment = Pick<
  AttachmentRow,
  'filename' | 'kind' | 'media_type' | 'size' | 'blob_key' | 'text_content' | 'html_content'
>;

/** One validated record, ready to write. */
export interface ImportItem {
  /** line of the file where the record starts (1-based) */
  line: number;
  /** dedup key: `corpus:law-00001`, `<source>:<原系统编号>` */
  externalId: string;
  /** the year whose 索引号 sequence numbers the document */
  year: number;
  fields: ImportFields;
  attachments: PreparedAttachment[];
}

export interface ImportFailure {
  line: number;
  message: string;
}

export interface ImportSummary {
  file: string;
  format: ImportFormat;
  /** records read (bad ones included; blank lines not) */
  read: number;
  created: number;
  updated: number;
  /** already imported and unchanged, or already imported and --update not given */
  skipped: number;
  failed: ImportFailure[];
  elapsedMs: number;
}

/** Raised for problems that stop the whole run (missing file, unreadable header): the CLI exits 1. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** The result of reading one record: an item to write, or the reason it cannot be. */
export type ReadResult = { ok: true; item: ImportItem } | { ok: false; line: number; message: string };
