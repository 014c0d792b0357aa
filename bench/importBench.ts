/**
 * Import throughput: the whole shared corpus into a fresh SQLite file and (with DATABASE_URL) a fresh PostgreSQL
 * schema, plus a CSV export whose every row carries a PDF and a Word attachment (type detection, storage and text
 * extraction included).
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { FileBlobStore } from '../src/attachments/storage.ts';
import { syncShippedCalendar } from '../src/calendar/repository.ts';
import { openPostgres, openSqlite, type DatabaseHandle, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importFile } from '../src/import/importer.ts';
import type { ImportSummary } from '../src/import/types.ts';
import { nowIso } from '../src/platform/time.ts';

export const CORPUS = resolve('..', 'shared', 'corpus', 'laws.jsonl.gz');
const FIXTURES = resolve('test', 'fixtures');

export interface ImportFigure {
  label: string;
  documents: number;
  seconds: number;
  perSecond: number;
  rssMb: number;
}

/** Insert one organization to import into. */
export async function benchOrg(db: Db, code: string): Promise<{ id: number; code: string }> {
  const now = nowIso();
  const row = await db
    .insertInto('organizations')
    .values({
      parent_id: null, kind: 'government', name: `基准测试单位${code}`, short_name: null, code, sort_order: 0, active: 1,
      office_name: null, office_address: null, office_postcode: null, office_hours: null, office_phone: null,
      office_fax: null, office_email: null, created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code };
}

function figure(label: string, s: ImportSummary): ImportFigure {
  const seconds = s.elapsedMs / 1000;
  if (s.created === 0) throw new Error(`${label}: nothing imported (${s.failed[0]?.message ?? 'no records'})`);
  return { label, documents: s.created, seconds, perSecond: s.created / seconds, rssMb: process.memoryUsage().rss / 1e6 };
}

async function prepared(handle: DatabaseHandle): Promise<DatabaseHandle> {
  await migrateToLatest(handle.db);
  await syncShippedCalendar(handle.db);
  return handle;
}

/** A CSV export of `rows` documents, each with the sample PDF and DOCX as attachments. */
function attachmentExport(dir: string, rows: number): string {
  mkdirSync(join(dir, '附件'), { recursive: true });
  copyFileSync(join(FIXTURES, 'sample.pdf'), join(dir, '附件', '说明.pdf'));
  copyFileSync(join(FIXTURES, 'sample.docx'), join(dir, '附件', '通知.docx'));
  const lines = ['原系统编号,标题,成文日期,公开属性,目录类别,正文,附件'];
  for (let i = 1; i <= rows; i++) {
    lines.push(`B-${i},基准测试文件第${i}号,2024-01-${String((i % 28) + 1).padStart(2, '0')},主动公开,art20_01,正文第${i}号。,附件/说明.pdf；附件/通知.docx`);
  }
  const file = join(dir, 'export.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Run the import benchmarks; `dir` is a scratch directory. */
export async function runImportBench(dir: string, databaseUrl: string | undefined): Promise<ImportFigure[]> {
  const figures: ImportFigure[] = [];

  const sqlite = await prepared(openSqlite(join(dir, 'import.db')));
  try {
    const org = await benchOrg(sqlite.db, 'BENCH');
    figures.push(figure('语料库 JSONL → SQLite（文件，WAL，synchronous=FULL）', await importFile(sqlite.db, CORPUS, { org })));
    const csv = attachmentExport(join(dir, 'csv-export'), 200);
    const store = new FileBlobStore(join(dir, 'files'));
    figures.push(figure('CSV＋附件（每行 1 个 PDF、1 个 DOCX，含类型检测与文本提取）→ SQLite', await importFile(sqlite.db, csv, { org, blobStore: store })));
  } finally {
    await sqlite.destroy();
  }

  if (databaseUrl) {
    const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const handle = await prepared(openPostgres(databaseUrl, { searchPath: schema, max: 4 }));
      try {
        const org = await benchOrg(handle.db, 'BENCH');
        figures.push(figure('语料库 JSONL → PostgreSQL', await importFile(handle.db, CORPUS, { org })));
      } finally {
        await handle.destroy();
      }
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  }
  return figures;
}
