/** The vocabularies (主题分类, 体裁) and the art. 20–21 catalog categories: plain functions over a Kysely executor. */
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { CatalogCategoriesTable, Database, VocabulariesTable } from '../db/schema.ts';
import { UNPUBLISHED_STATUSES } from '../documents/dashboards/repository.ts';
import type { VocabularyKind } from './schemas.ts';

type Executor = Kysely<Database>;

export type VocabularyRow = Selectable<VocabulariesTable>;
export type CatalogCategoryRow = Selectable<CatalogCategoriesTable>;

/** Every entry, active or not, in display order. */
export function listVocabularies(db: Executor): Promise<VocabularyRow[]> {
  return db.selectFrom('vocabularies').selectAll().orderBy('kind').orderBy('sort_order').orderBy('id').execute();
}

/** Every entry of one kind (for code and label uniqueness checks). */
export function vocabulariesOfKind(db: Executor, kind: VocabularyKind): Promise<VocabularyRow[]> {
  return db.selectFrom('vocabularies').selectAll().where('kind', '=', kind).orderBy('sort_order').orderBy('id').execute();
}

export function findVocabulary(db: Executor, id: number): Promise<VocabularyRow | undefined> {
  return db.selectFrom('vocabularies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Insert an entry; returns its id. */
export async function insertVocabulary(
  db: Executor,
  values: { kind: VocabularyKind; code: string; label: string; sort_order: number },
): Promise<number> {
  const row = await db.insertInto('vocabularies').values({ ...values, active: 1 }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateVocabularyRow(db: Executor, id: number, changes: Updateable<VocabulariesTable>): Promise<void> {
  await db.updateTable('vocabularies').set(changes).where('id', '=', id).execute();
}

/** Every catalog category, active or not, in the order of the 条例. */
export function listCatalogCategories(db: Executor): Promise<CatalogCategoryRow[]> {
  return db.selectFrom('catalog_categories').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export function findCatalogCategory(db: Executor, code: string): Promise<CatalogCategoryRow | undefined> {
  return db.selectFrom('catalog_categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function updateCatalogCategoryRow(db: Executor, code: string, changes: Updateable<CatalogCategoriesTable>): Promise<void> {
  await db.updateTable('catalog_categories').set(changes).where('code', '=', code).execute();
}

/** How many documents (any state) use each code of a column: the reason entries are deactivated, never deleted. */
export async function usageCounts(
  db: Executor,
  column: 'topic_code' | 'genre_code' | 'catalog_code',
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('documents')
    .select((eb) => [eb.ref(column).as('code'), eb.fn.countAll().as('n')])
    .where(column, 'is not', null)
    .groupBy(column)
    .execute();
  // PostgreSQL returns count(*) as a string.
  return new Map(rows.map((r) => [String(r.code), Number(r.n)]));
}

export interface PendingItem {
  id: number;
  org_id: number;
  formed_on: string;
  due_on: string | null;
}

/** Proactive items of a category not yet published, whose 条例第二十六条 clock is still running. */
export function unpublishedProactiveInCategory(db: Executor, code: string): Promise<PendingItem[]> {
  return db
    .selectFrom('documents')
    .select(['id', 'org_id', 'formed_on', 'due_on'])
    .where('catalog_code', '=', code)
    .where('disclosure', '=', 'proactive')
    .where('status', 'in', UNPUBLISHED_STATUSES)
    .where('formed_on', 'is not', null)
    .orderBy('id')
    .$narrowType<{ formed_on: string }>()
    .execute();
}

export async function setDueOn(db: Executor, id: number, dueOn: string | null): Promise<void> {
  await db.updateTable('documents').set({ due_on: dueOn }).where('id', '=', id).execute();
}
