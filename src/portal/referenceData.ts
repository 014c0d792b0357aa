/** Reference data the public pages label things with (vocabularies, art. 20–21 categories) and the settings they read. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../platform/time.ts';

type Executor = Kysely<Database>;

export interface Vocab {
  /** active entries, for filters and the category columns */
  topics: Array<{ code: string; label: string }>;
  categories: Array<{ code: string; article: string; label: string }>;
  /** every entry, active or not: a document filed under a since-deactivated entry keeps its label */
  topicLabels: Map<string, string>;
  genres: Map<string, string>;
  categoryByCode: Map<string, { code: string; article: string; label: string }>;
}

/** The configurable vocabularies: 主题分类, 体裁 and the art. 20–21 categories. */
export async function loadVocab(db: Executor): Promise<Vocab> {
  const [vocab, categories] = await Promise.all([
    db.selectFrom('vocabularies').select(['kind', 'code', 'label', 'active']).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('catalog_categories').select(['code', 'article', 'label', 'active']).orderBy('sort_order').orderBy('code').execute(),
  ]);
  return {
    topics: vocab.filter((v) => v.kind === 'topic' && v.active === 1).map(({ code, label }) => ({ code, label })),
    categories: categories.filter((c) => c.active === 1).map(({ code, article, label }) => ({ code, article, label })),
    topicLabels: new Map(vocab.filter((v) => v.kind === 'topic').map((v) => [v.code, v.label])),
    genres: new Map(vocab.filter((v) => v.kind === 'genre').map((v) => [v.code, v.label])),
    categoryByCode: new Map(categories.map(({ code, article, label }) => [code, { code, article, label }])),
  };
}

/** A platform setting with its last change. */
export function getSetting(db: Executor, key: string): Promise<{ value: string; updated_at: string } | undefined> {
  return db.selectFrom('settings').select(['value', 'updated_at']).where('key', '=', key).executeTakeFirst();
}

/** Create or replace a platform setting. */
export async function putSetting(db: Executor, key: string, value: string, now = nowIso()): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
