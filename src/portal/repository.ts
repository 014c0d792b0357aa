/**
 * Public queries. Every list, count, feed, sitemap and API query starts from `publishedDocuments` (主动公开 and
 * published, publication time reached), and selects only the public columns below: workflow ids, 不予公开 reasons and
 * internal notes never leave this file. The one lookup by id that also sees withdrawn and taken-down rows
 * (`publicPageState`) classifies them with the documents module's `hasPublicPage` / `wasTakenDown`.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, DocumentKind, DocumentRow, Validity } from '../db/schema.ts';
import { hasPublicPage, publishedDocuments, wasTakenDown } from '../documents/repository.ts';
import { nowIso } from '../platform/time.ts';

type Executor = Kysely<Database>;

/** Columns the public may see (plus the unit's code and name, joined). */
const PUBLIC_COLUMNS = [
  'documents.id',
  'documents.org_id',
  'documents.kind',
  'documents.index_number',
  'documents.title',
  'documents.summary',
  'documents.written_on',
  'documents.issuers_json',
  'documents.doc_number',
  'documents.published_at',
  'documents.topic_code',
  'documents.genre_code',
  'documents.validity',
  'documents.validity_note',
  'documents.replaced_by_id',
  'documents.keywords',
  'documents.catalog_code',
  'documents.is_policy',
  'documents.interp_form',
  'documents.interp_unit',
  'documents.interp_person',
  'documents.status',
  'documents.public_notice',
  'documents.version',
  'documents.updated_at',
  'organizations.code as org_code',
  'organizations.name as org_name',
] as const;

/** The public columns of a document row, as PUBLIC_COLUMNS selects them. */
export type PublicRow = Pick<
  DocumentRow,
  | 'id' | 'org_id' | 'kind' | 'index_number' | 'title' | 'summary' | 'written_on' | 'issuers_json' | 'doc_number'
  | 'published_at' | 'topic_code' | 'genre_code' | 'validity' | 'validity_note' | 'replaced_by_id' | 'keywords'
  | 'catalog_code' | 'is_policy' | 'interp_form' | 'interp_unit' | 'interp_person' | 'status' | 'public_notice'
  | 'version' | 'updated_at'
> & { org_code: string; org_name: string };

export interface PublicDetailRow extends PublicRow {
  body_html: string;
}

export interface PublicFilter {
  orgId?: number | undefined;
  category?: string | undefined;
  topic?: string | undefined;
  /** one name from 发文机关 */
  issuer?: string | undefined;
  /** year of 发布日期 (Shanghai) */
  year?: number | undefined;
  validity?: Validity | undefined;
  kind?: DocumentKind | undefined;
  /** 政策文件库: items marked as policies, or filed under 条例第二十条第（一）项 */
  policiesOnly?: boolean | undefined;
  /** words in the title */
  title?: string | undefined;
  docNumber?: string | undefined;
  /** words in the title or the 发文字号 (API) */
  q?: string | undefined;
}

export type PublicSort = 'published_desc' | 'published_asc' | 'written_desc' | 'written_asc';

/** `%text%` for LIKE with the pattern characters escaped (the query says `escape '\'`). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The first instant of a Shanghai calendar year, as stored (UTC ISO text): 00:00 +08:00 is 16:00Z the day before. */
export function shanghaiYearStart(year: number): string {
  return new Date(Date.UTC(year, 0, 1, -8)).toISOString();
}

function filtered(db: Executor, f: PublicFilter, now: string) {
  let q = publishedDocuments(db, now).innerJoin('organizations', 'organizations.id', 'documents.org_id');
  if (f.orgId !== undefined) q = q.where('documents.org_id', '=', f.orgId);
  if (f.category) q = q.where('documents.catalog_code', '=', f.category);
  if (f.topic) q = q.where('documents.topic_code', '=', f.topic);
  if (f.validity) q = q.where('documents.validity', '=', f.validity);
  if (f.kind) q = q.where('documents.kind', '=', f.kind);
  if (f.policiesOnly) {
    q = q.where((eb) => eb.or([eb('documents.is_policy', '=', 1), eb('documents.catalog_code', '=', 'art20_01')]));
  }
  if (f.year !== undefined) {
    q = q
      .where('documents.published_at', '>=', shanghaiYearStart(f.year))
      .where('documents.published_at', '<', shanghaiYearStart(f.year + 1));
  }
  if (f.issuer) {
    // 发文机关 is a JSON array of names: match the whole quoted name, so 区财政局 does not match 区财政局机关党委.
    const pattern = containsPattern(JSON.stringify(f.issuer));
    q = q.where(sql<boolean>`documents.issuers_json like ${pattern} escape '\\'`);
  }
  if (f.title) q = q.where(sql<boolean>`documents.title like ${containsPattern(f.title)} escape '\\'`);
  if (f.docNumber) q = q.where(sql<boolean>`documents.doc_number like ${containsPattern(f.docNumber)} escape '\\'`);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where(sql<boolean>`(documents.title like ${p} escape '\\' or documents.doc_number like ${p} escape '\\')`);
  }
  return q;
}

export interface PageRequest {
  page: number;
  pageSize: number;
  sort?: PublicSort;
}

/** One page of public items matching the filter, newest first unless sorted otherwise, with the total count. */
export async function listPublic(
  db: Executor,
  f: PublicFilter,
  p: PageRequest,
  now = nowIso(),
): Promise<{ rows: PublicRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    latestPublic(db, f, p, now),
    filtered(db, f, now).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The query behind every public list (exported so tests can show its SQL on each dialect). */
export function publicListQuery(db: Executor, f: PublicFilter, p: PageRequest, now = nowIso()) {
  const sort = p.sort ?? 'published_desc';
  const dir = sort.endsWith('_asc') ? 'asc' : 'desc';
  let q = filtered(db, f, now).select(PUBLIC_COLUMNS);
  if (sort.startsWith('written')) {
    // Items without a 成文日期 go last in both directions (SQLite and PostgreSQL order NULLs differently).
    q = q
      .orderBy(sql`case when documents.written_on is null then 1 else 0 end`)
      .orderBy('documents.written_on', dir);
  }
  return q
    .orderBy('documents.published_at', dir)
    .orderBy('documents.id', dir)
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
}

/** A page of public items without the count (feeds). */
export function latestPublic(db: Executor, f: PublicFilter, p: PageRequest, now = nowIso()): Promise<PublicRow[]> {
  return publicListQuery(db, f, p, now).execute();
}

/** Public items per art. 20–21 category, within one unit or the whole district. */
export async function countByCategory(db: Executor, orgId: number | undefined, now = nowIso()): Promise<Map<string, number>> {
  const rows = await filtered(db, { orgId }, now)
    .select(['documents.catalog_code', (eb) => eb.fn.countAll().as('n')])
    .groupBy('documents.catalog_code')
    .execute();
  return new Map(rows.filter((r) => r.catalog_code !== null).map((r) => [r.catalog_code as string, Number(r.n)]));
}

/** Every 发文机关 named on public items (for the issuer filter), in Chinese collation order. */
export async function publicIssuers(db: Executor, orgId: number | undefined, now = nowIso()): Promise<string[]> {
  const rows = await filtered(db, { orgId }, now).select('documents.issuers_json').distinct().execute();
  const names = new Set<string>();
  for (const r of rows) {
    try {
      const v: unknown = JSON.parse(r.issuers_json);
      if (Array.isArray(v)) for (const n of v) if (typeof n === 'string' && n.trim()) names.add(n);
    } catch {
      // a malformed value names no issuer
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The years (Shanghai) in which public items were published, newest first. */
export async function publicYears(db: Executor, orgId: number | undefined, now = nowIso()): Promise<number[]> {
  const row = await filtered(db, { orgId }, now)
    .select((eb) => [eb.fn.min('documents.published_at').as('first'), eb.fn.max('documents.published_at').as('last')])
    .executeTakeFirst();
  if (!row?.first || !row.last) return [];
  const yearOf = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).getUTCFullYear();
  const years: number[] = [];
  for (let y = yearOf(row.last); y >= yearOf(row.first); y--) years.push(y);
  return years;
}

export type PageState =
  | { state: 'public'; row: PublicDetailRow }
  | { state: 'withdrawn'; row: PublicDetailRow }
  | { state: 'gone'; notice: string | null }
  | { state: 'missing' };

/**
 * What the public may know about one item: shown (published and due), shown as withdrawn (the page stays with its
 * explanation), gone (taken down: 410 with the public reason) or missing (drafts, 依申请公开, 不予公开, scheduled — 404,
 * indistinguishable from an id that never existed).
 */
export async function publicPageState(db: Executor, id: number, now = nowIso()): Promise<PageState> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('organizations', 'organizations.id', 'documents.org_id')
    .select([...PUBLIC_COLUMNS, 'documents.body_html', 'documents.disclosure'])
    .where('documents.id', '=', id)
    .executeTakeFirst();
  if (!row) return { state: 'missing' };
  const { disclosure, ...rest } = row;
  const probe = { disclosure, status: row.status, published_at: row.published_at };
  if (wasTakenDown(probe)) return { state: 'gone', notice: row.public_notice };
  if (!hasPublicPage(probe) || row.published_at === null || row.published_at > now) return { state: 'missing' };
  return { state: row.status === 'withdrawn' ? 'withdrawn' : 'public', row: rest };
}

export interface LinkedItem {
  id: number;
  title: string;
  published_at: string | null;
  interp_form: string | null;
}

/** The published interpretations of a policy (only 主动公开 and published ones), newest first. */
export function interpretationsOf(db: Executor, policyId: number, now = nowIso()): Promise<LinkedItem[]> {
  return publishedDocuments(db, now)
    .innerJoin('interpretation_links', 'interpretation_links.interpretation_id', 'documents.id')
    .select(['documents.id', 'documents.title', 'documents.published_at', 'documents.interp_form'])
    .where('interpretation_links.policy_id', '=', policyId)
    .where('documents.kind', '=', 'interpretation')
    .orderBy('documents.published_at', 'desc')
    .orderBy('documents.id', 'desc')
    .execute();
}

/** The published policies an interpretation explains. */
export function policiesOf(db: Executor, interpretationId: number, now = nowIso()): Promise<LinkedItem[]> {
  return publishedDocuments(db, now)
    .innerJoin('interpretation_links', 'interpretation_links.policy_id', 'documents.id')
    .select(['documents.id', 'documents.title', 'documents.published_at', 'documents.interp_form'])
    .where('interpretation_links.interpretation_id', '=', interpretationId)
    .orderBy('documents.published_at', 'desc')
    .orderBy('documents.id', 'desc')
    .execute();
}

/** The replacing document, when it is itself public. */
export function publicTitle(db: Executor, id: number, now = nowIso()): Promise<{ id: number; title: string } | undefined> {
  return publishedDocuments(db, now).select(['documents.id', 'documents.title']).where('documents.id', '=', id).executeTakeFirst();
}

export interface PublicAttachment {
  id: number;
  filename: string;
  kind: string;
  media_type: string;
  size: number;
  blob_key: string;
  has_html: number;
}

/** Attachments of an item already known to be public, in display order. */
export function attachmentsOf(db: Executor, documentId: number): Promise<PublicAttachment[]> {
  return db
    .selectFrom('attachments')
    .select([
      'id', 'filename', 'kind', 'media_type', 'size', 'blob_key',
      sql<number>`case when html_content is null then 0 else 1 end`.as('has_html'),
    ])
    .where('document_id', '=', documentId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** One attachment of an item already known to be public, with its HTML rendering. */
export function attachmentOf(
  db: Executor,
  documentId: number,
  attachmentId: number,
): Promise<(Omit<PublicAttachment, 'has_html'> & { html_content: string | null }) | undefined> {
  return db
    .selectFrom('attachments')
    .select(['id', 'filename', 'kind', 'media_type', 'size', 'blob_key', 'html_content'])
    .where('document_id', '=', documentId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

/** Number of public items (sizes the sitemap). */
export async function countPublic(db: Executor, now = nowIso()): Promise<number> {
  const row = await publishedDocuments(db, now).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A slice of public item ids with their last change, in id order (the sitemap). */
export function sitemapSlice(db: Executor, offset: number, limit: number, now = nowIso()) {
  return publishedDocuments(db, now)
    .select(['documents.id', 'documents.updated_at'])
    .orderBy('documents.id')
    .limit(limit)
    .offset(offset)
    .execute();
}
