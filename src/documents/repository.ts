/** Documents and interpretations: plain functions over a Kysely executor. */
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/policy.ts';
import type { Database, DocumentKind, DocumentRow, DocumentStatus, NewDocument } from '../db/schema.ts';

type Executor = Kysely<Database>;

/** Insert a document row; returns its id. */
export async function insertDocument(db: Executor, values: NewDocument): Promise<number> {
  const row = await db.insertInto('documents').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findDocument(db: Executor, id: number): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The one definition of "on the public site": proactive (主动公开) items that are published. Every public surface —
 * pages, feeds, the API, the sitemap — builds on this query, so 依申请公开 and 不予公开 items can never leak.
 */
export function publishedDocuments(db: Executor, now: string = new Date().toISOString()) {
  return db
    .selectFrom('documents')
    .where('documents.disclosure', '=', 'proactive')
    .where('documents.status', '=', 'published')
    .where('documents.published_at', '<=', now);
}

/** Whether a row's own page may be shown publicly: published, or withdrawn with its public explanation. */
export function hasPublicPage(row: Pick<DocumentRow, 'disclosure' | 'status'>): boolean {
  return row.disclosure === 'proactive' && (row.status === 'published' || row.status === 'withdrawn');
}

/** Whether a once-public page was taken down (the URL answers 410 Gone). */
export function wasTakenDown(row: Pick<DocumentRow, 'disclosure' | 'status' | 'published_at'>): boolean {
  return row.disclosure === 'proactive' && row.status === 'taken_down' && row.published_at !== null;
}

/** Issuers are stored as a JSON array of names. */
export function issuersOf(row: Pick<DocumentRow, 'issuers_json'>): string[] {
  try {
    const v: unknown = JSON.parse(row.issuers_json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export interface StaffDocumentFilter {
  status?: DocumentStatus | undefined;
  kind?: DocumentKind | undefined;
  orgId?: number | undefined;
  /** words in the title */
  title?: string | undefined;
}

/** One page of the admin list, newest change first, limited to the viewer's organizations, with the total. */
export async function listStaffDocuments(
  db: Executor,
  scope: Scope,
  f: StaffDocumentFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: Array<DocumentRow & { org_name: string }>; total: number }> {
  if (scope !== 'all' && scope.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('documents').innerJoin('organizations', 'organizations.id', 'documents.org_id');
  if (scope !== 'all') q = q.where('documents.org_id', 'in', scope);
  if (f.status) q = q.where('documents.status', '=', f.status);
  if (f.kind) q = q.where('documents.kind', '=', f.kind);
  if (f.orgId) q = q.where('documents.org_id', '=', f.orgId);
  if (f.title) q = q.where('documents.title', 'like', `%${f.title}%`);
  const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .selectAll('documents')
    .select('organizations.name as org_name')
    .orderBy('documents.updated_at', 'desc')
    .orderBy('documents.id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total };
}
