/**
 * The configurable vocabularies (主题分类, 体裁, 主动公开目录类别) as an import sees them: loaded once per run, so
 * mapping a label to its code costs nothing per record, and an administrator's added labels are honoured.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface ImportVocabulary {
  /** label or code → code */
  topic(labelOrCode: string): string | null;
  genre(labelOrCode: string): string | null;
  /** the 体裁 a title's last words name (…办法 → 办法), longest label first; null when none fits */
  genreOfTitle(title: string): string | null;
  /** code, label or article text (when unambiguous) → catalog code */
  catalog(text: string): string | null;
  hasCatalog(code: string): boolean;
}

function lookup(rows: Array<{ code: string; label: string }>) {
  const byKey = new Map<string, string>();
  for (const r of rows) {
    byKey.set(r.code, r.code);
    byKey.set(r.label, r.code);
  }
  return (text: string) => byKey.get(text.trim()) ?? null;
}

/** Load the active vocabularies. */
export async function loadImportVocabulary(db: Kysely<Database>): Promise<ImportVocabulary> {
  const vocab = await db.selectFrom('vocabularies').select(['kind', 'code', 'label']).where('active', '=', 1).execute();
  const catalog = await db.selectFrom('catalog_categories').select(['code', 'article', 'label']).where('active', '=', 1).execute();
  const topics = vocab.filter((v) => v.kind === 'topic');
  const genres = vocab.filter((v) => v.kind === 'genre');
  // 实施意见 before 意见; labels such as 命令（令） or 其他 never end a title and simply do not match
  const bySuffix = [...genres].sort((a, b) => b.label.length - a.label.length);
  const catalogByKey = new Map<string, string>();
  const articleCount = new Map<string, number>();
  for (const c of catalog) articleCount.set(c.article, (articleCount.get(c.article) ?? 0) + 1);
  for (const c of catalog) {
    catalogByKey.set(c.code, c.code);
    catalogByKey.set(c.label, c.code);
    catalogByKey.set(`${c.article}${c.label}`, c.code);
    catalogByKey.set(`${c.article} ${c.label}`, c.code);
    // 第二十一条 covers seven categories: its article alone is ambiguous and must come with the label
    if (articleCount.get(c.article) === 1) catalogByKey.set(c.article, c.code);
  }
  return {
    topic: lookup(topics),
    genre: lookup(genres),
    genreOfTitle(title) {
      const bare = title.trim().replace(/[（(][^（）()]*[）)]$/u, '');
      return bySuffix.find((g) => g.label !== '其他' && bare.endsWith(g.label))?.code ?? null;
    },
    catalog: (text) => catalogByKey.get(text.trim().replace(/\s+/g, ' ')) ?? null,
    hasCatalog: (code) => catalog.some((c) => c.code === code),
  };
}
