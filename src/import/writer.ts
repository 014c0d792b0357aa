/**
 * Writes validated import items in batches: one transaction per batch, multi-row inserts, 索引号 reserved per year
 * in one step. When a batch fails in the database, it is rolled back and retried row by row, so only the row that
 * really fails is reported and the others still land. Existing external ids are skipped, or with `update` changed
 * in place with the old content kept as a version.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DocumentRow, NewDocument } from '../db/schema.ts';
import { formatIndexNumber } from '../documents/indexNumber.ts';
import { DISCLOSURE_LABELS } from '../documents/model.ts';
import { nowIso } from '../platform/time.ts';
import type { ImportFailure, ImportFields, ImportItem, PreparedAttachment } from './types.ts';

export interface WriterOptions {
  org: { id: number; code: string };
  update: boolean;
  indexFormat: string;
  /** the note on the version an update keeps, e.g. 批量导入更新（import:corpus） */
  changeNote: string;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  skipped: number;
  failed: ImportFailure[];
}

/** The content an update compares and may change. Status, disclosure and publication time are never changed by an import. */
const COMPARED = [
  'title', 'summary', 'written_on', 'formed_on', 'issuers_json', 'doc_number', 'topic_code', 'genre_code', 'validity',
  'keywords', 'catalog_code', 'is_policy', 'withheld_reason', 'withheld_basis', 'body_html', 'body_text',
] as const satisfies ReadonlyArray<keyof ImportFields & keyof DocumentRow>;

/** Document columns set per row (kept under SQLite's and PostgreSQL's bound-parameter limits per statement). */
const ROWS_PER_INSERT = 500;

/**
 * Reserve `count` consecutive 索引号 for an organization and year: the same counter row nextIndexNumber uses,
 * advanced once, so a batch of 200 costs one statement instead of 200.
 */
export async function reserveIndexNumbers(
  trx: Kysely<Database>,
  org: { id: number; code: string },
  year: number,
  count: number,
  format: string,
): Promise<string[]> {
  const row = await trx
    .insertInto('index_sequences')
    .values({ org_id: org.id, year, last_value: count })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year']).doUpdateSet((eb) => ({ last_value: eb(eb.ref('index_sequences.last_value'), '+', count) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  const first = Number(row.last_value) - count + 1;
  return Array.from({ length: count }, (_, i) => formatIndexNumber(format, org.code, year, first + i));
}

async function insertAttachments(trx: Transaction<Database>, documentId: number, attachments: PreparedAttachment[], at: string) {
  if (!attachments.length) return;
  await trx
    .insertInto('attachments')
    .values(attachments.map((a, i) => ({ ...a, document_id: documentId, sort_order: i, created_at: at })))
    .execute();
}

async function createAll(trx: Transaction<Database>, items: ImportItem[], opts: WriterOptions, at: string): Promise<void> {
  const byYear = new Map<number, ImportItem[]>();
  for (const item of items) byYear.set(item.year, [...(byYear.get(item.year) ?? []), item]);
  const rows: NewDocument[] = [];
  for (const [year, group] of byYear) {
    const numbers = await reserveIndexNumbers(trx, opts.org, year, group.length, opts.indexFormat);
    group.forEach((item, i) =>
      rows.push({
        ...item.fields,
        org_id: opts.org.id,
        kind: 'document',
        index_number: numbers[i]!,
        external_id: item.externalId,
        is_penalty_decision: 0,
        version: 1,
        created_at: at,
        updated_at: at,
      }),
    );
  }
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const inserted = await trx.insertInto('documents').values(rows.slice(i, i + ROWS_PER_INSERT)).returning(['id', 'external_id']).execute();
    for (const r of inserted) ids.set(r.external_id!, r.id);
  }
  for (const item of items) await insertAttachments(trx, ids.get(item.externalId)!, item.attachments, at);
}

async function attachmentsDiffer(trx: Transaction<Database>, documentId: number, next: PreparedAttachment[]): Promise<boolean> {
  const current = await trx.selectFrom('attachments').select(['filename', 'blob_key']).where('document_id', '=', documentId).orderBy('sort_order').execute();
  return current.length !== next.length || current.some((c, i) => c.filename !== next[i]!.filename || c.blob_key !== next[i]!.blob_key);
}

/** Update one existing document when its content changed; returns what happened. */
async function updateOne(
  trx: Transaction<Database>,
  doc: DocumentRow,
  item: ImportItem,
  opts: WriterOptions,
  at: string,
): Promise<'updated' | 'skipped' | ImportFailure> {
  if (doc.disclosure !== item.fields.disclosure) {
    return {
      line: item.line,
      message: `公开属性与已导入的不同（已导入为${DISCLOSURE_LABELS[doc.disclosure]}，本次为${DISCLOSURE_LABELS[item.fields.disclosure]}）；导入不改变公开属性，请在后台办理。`,
    };
  }
  const changed: Partial<ImportFields> = {};
  for (const key of COMPARED) {
    if (doc[key] !== item.fields[key]) Object.assign(changed, { [key]: item.fields[key] });
  }
  // An empty 附件 cell leaves attachments added later in the platform alone; a listed set replaces the old one.
  const replaceAttachments = item.attachments.length > 0 && (await attachmentsDiffer(trx, doc.id, item.attachments));
  if (Object.keys(changed).length === 0 && !replaceAttachments) return 'skipped';
  await trx
    .insertInto('document_versions')
    .values({ document_id: doc.id, version: doc.version, snapshot_json: JSON.stringify(doc), change_note: opts.changeNote, created_by: null, created_at: at })
    .execute();
  const r = await trx
    .updateTable('documents')
    .set({ ...changed, version: doc.version + 1, updated_at: at })
    .where('id', '=', doc.id)
    .where('version', '=', doc.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new Error('该文件在导入时被他人修改');
  if (replaceAttachments) {
    await trx.deleteFrom('attachments').where('document_id', '=', doc.id).execute();
    await insertAttachments(trx, doc.id, item.attachments, at);
  }
  return 'updated';
}

async function writeItems(trx: Transaction<Database>, items: ImportItem[], opts: WriterOptions): Promise<BatchOutcome> {
  const at = nowIso();
  const outcome: BatchOutcome = { created: 0, updated: 0, skipped: 0, failed: [] };
  const keys = items.map((i) => i.externalId);
  // Without --update only the keys are needed; with it, the whole row (it becomes the kept version).
  const existing = new Map<string, DocumentRow | null>();
  if (opts.update) {
    for (const row of await trx.selectFrom('documents').selectAll().where('external_id', 'in', keys).execute()) existing.set(row.external_id!, row);
  } else {
    for (const row of await trx.selectFrom('documents').select('external_id').where('external_id', 'in', keys).execute()) existing.set(row.external_id!, null);
  }
  const fresh = items.filter((i) => !existing.has(i.externalId));
  await createAll(trx, fresh, opts, at);
  outcome.created = fresh.length;
  for (const item of items) {
    const doc = existing.get(item.externalId);
    if (doc === undefined) continue;
    if (doc === null) {
      outcome.skipped++;
      continue;
    }
    const result = await updateOne(trx, doc, item, opts, at);
    if (result === 'updated') outcome.updated++;
    else if (result === 'skipped') outcome.skipped++;
    else outcome.failed.push(result);
  }
  return outcome;
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unique|duplicate key/i.test(message)) return `写入数据库失败：与已有记录冲突（${message}）`;
  return `写入数据库失败：${message}`;
}

/** Write one batch in one transaction; on a database error, retry row by row and report only the failing rows. */
export async function writeBatch(db: Kysely<Database>, items: ImportItem[], opts: WriterOptions): Promise<BatchOutcome> {
  if (items.length === 0) return { created: 0, updated: 0, skipped: 0, failed: [] };
  try {
    return await db.transaction().execute((trx) => writeItems(trx, items, opts));
  } catch (err) {
    if (items.length === 1) return { created: 0, updated: 0, skipped: 0, failed: [{ line: items[0]!.line, message: describe(err) }] };
  }
  const total: BatchOutcome = { created: 0, updated: 0, skipped: 0, failed: [] };
  for (const item of items) {
    const one = await writeBatch(db, [item], opts);
    total.created += one.created;
    total.updated += one.updated;
    total.skipped += one.skipped;
    total.failed.push(...one.failed);
  }
  return total;
}
