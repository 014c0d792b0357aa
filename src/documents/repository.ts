/** Documents and interpretations: plain functions over a Kysely executor. */
import type { Kysely } from 'kysely';
import type { Database, DocumentRow, NewDocument } from '../db/schema.ts';

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
