/**
 * `importFile`: bring an existing document library into the platform. Records are read one by one, checked
 * before anything is written, collected into batches written in one transaction each, and deduplicated by
 * external id so running the same import again never creates a second copy. One audit entry records the run.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { BlobStore } from '../attachments/storage.ts';
import { appendAudit, type Actor } from '../audit/repository.ts';
import type { Database } from '../db/schema.ts';
import { DEFAULT_INDEX_FORMAT } from '../documents/indexNumber.ts';
import { prepareAttachments } from './attachments.ts';
import { readCsv, readJsonLines } from './readers.ts';
import { ImportError, type ImportFormat, type ImportItem, type ImportSummary, type ReadResult } from './types.ts';
import { loadImportVocabulary } from './vocabulary.ts';
import { writeBatch } from './writer.ts';

export interface ImportOptions {
  /** the unit the documents belong to */
  org: { id: number; code: string };
  /** by default from the extension: .jsonl, .jsonl.gz, .ndjson → jsonl; .csv → csv */
  format?: ImportFormat;
  /** change already-imported documents whose content differs (default: skip them) */
  update?: boolean;
  /** the 索引号 format (config.indexNumberFormat) */
  indexFormat?: string;
  /** where CSV attachments are stored */
  blobStore?: BlobStore;
  /** CSV only: the old system's name, the namespace of its ids (default 'csv') */
  source?: string;
  /** who ran the import, for the audit entry */
  actor?: Actor;
  /** documents per transaction (default 200) */
  batchSize?: number;
  /** called after every batch with the running counts */
  onProgress?: (progress: ImportSummary) => void;
  /** called once at the end when anything public may have changed (clears the public page cache in-process) */
  onPublicChange?: () => void;
  now?: Date;
}

const DEFAULT_BATCH = 200;
/** Failures kept in the audit entry (the CLI prints them all); the count is always complete. */
const AUDITED_FAILURES = 100;

/** The format a file name implies, or null. */
export function formatOf(path: string): ImportFormat | null {
  const name = path.toLowerCase();
  if (/\.(jsonl|ndjson)(\.gz)?$/.test(name)) return 'jsonl';
  if (name.endsWith('.csv')) return 'csv';
  return null;
}

function checkSource(source: string): string {
  // The name becomes the prefix of every external id: no separator, nothing that could collide with 'corpus'.
  if (!/^[\p{L}\p{N}_.-]{1,40}$/u.test(source) || source === 'corpus') {
    throw new ImportError(`来源系统名称“${source}”无效：须为1至40个字母、数字、下划线、点或连字符，且不能为 corpus。`);
  }
  return source;
}

/** Import a file; resolves to the summary. Throws ImportError when the run cannot start or the file cannot be read. */
export async function importFile(db: Kysely<Database>, path: string, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const format = options.format ?? formatOf(path);
  if (!format) throw new ImportError(`无法从文件名判断格式：${basename(path)}。支持 .jsonl、.jsonl.gz 和 .csv。`);
  try {
    if (!(await stat(path)).isFile()) throw new ImportError(`不是文件：${path}`);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(`找不到文件：${path}`);
  }
  const source = format === 'csv' ? checkSource(options.source ?? 'csv') : 'corpus';
  const now = options.now ?? new Date();
  const vocab = await loadImportVocabulary(db);
  const records: AsyncIterable<ReadResult> =
    format === 'jsonl'
      ? readJsonLines(path, { vocab, now })
      : readCsv(path, {
          vocab,
          now,
          source,
          prepareAttachments: (names) => prepareAttachments(names, dirname(path), options.blobStore),
        });
  const summary: ImportSummary = { file: basename(path), format, read: 0, created: 0, updated: 0, skipped: 0, failed: [], elapsedMs: 0 };
  const writer = {
    org: options.org,
    update: options.update ?? false,
    indexFormat: options.indexFormat ?? DEFAULT_INDEX_FORMAT,
    changeNote: `批量导入更新（${format === 'csv' ? `import:${source}` : 'import:corpus'}，${summary.file}）`,
  };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const firstLine = new Map<string, number>();
  let batch: ImportItem[] = [];
  const flush = async () => {
    const outcome = await writeBatch(db, batch, writer);
    batch = [];
    summary.created += outcome.created;
    summary.updated += outcome.updated;
    summary.skipped += outcome.skipped;
    summary.failed.push(...outcome.failed);
    summary.elapsedMs = Date.now() - started;
    options.onProgress?.(summary);
  };
  let aborted: string | null = null;
  try {
    for await (const result of records) {
      summary.read++;
      if (!result.ok) {
        summary.failed.push({ line: result.line, message: result.message });
        continue;
      }
      const seen = firstLine.get(result.item.externalId);
      if (seen !== undefined) {
        summary.failed.push({ line: result.item.line, message: `编号与第${seen}行重复（${result.item.externalId}），未导入` });
        continue;
      }
      firstLine.set(result.item.externalId, result.item.line);
      batch.push(result.item);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } catch (err) {
    aborted = err instanceof Error ? err.message : String(err);
    throw err;
  } finally {
    summary.failed.sort((a, b) => a.line - b.line);
    summary.elapsedMs = Date.now() - started;
    await auditRun(db, options, summary, source, aborted);
    if (summary.created + summary.updated > 0) options.onPublicChange?.();
  }
  return summary;
}

/**
 * One audit entry per run, not per document: the 3,423 documents of the corpus would otherwise bury every other
 * entry, and each imported row already names its origin (source, external_id, created_at). docs/IMPORT.md explains.
 */
async function auditRun(db: Kysely<Database>, options: ImportOptions, summary: ImportSummary, source: string, aborted: string | null) {
  if (summary.read === 0 && aborted) return;
  const actor = options.actor ?? { id: null, name: '批量导入', ip: null };
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, actor, {
      action: 'document.imported',
      entityType: 'import',
      entityId: summary.file,
      orgId: options.org.id,
      after: {
        file: summary.file,
        format: summary.format,
        source,
        org_code: options.org.code,
        update: options.update ?? false,
        read: summary.read,
        created: summary.created,
        updated: summary.updated,
        skipped: summary.skipped,
        failed: summary.failed.length,
        failures: summary.failed.slice(0, AUDITED_FAILURES),
        elapsed_ms: summary.elapsedMs,
        ...(aborted ? { aborted } : {}),
      },
    });
  });
}
