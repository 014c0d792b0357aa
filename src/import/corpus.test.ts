import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { createOrg } from '../../test/helpers/factories.ts';
import type { ImportIo } from '../cli/importCommands.ts';
import { main } from '../cli/main.ts';
import { publishedDocuments } from '../documents/repository.ts';
import { importFile } from './importer.ts';

const CORPUS = resolve('..', 'shared', 'corpus', 'laws.jsonl.gz');
const skip = existsSync(CORPUS) ? false : `the shared corpus is absent (${CORPUS})`;

/** Lines of the corpus counted independently of the importer: valid = a title and a non-empty body. */
function corpusLines(): Array<Record<string, unknown> & { id: string; title: string; text: string }> {
  return gunzipSync(readFileSync(CORPUS)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as never);
}

const count = async (t: TestDatabase, table: 'documents' | 'document_versions' | 'audit_log') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('importing the whole shared corpus', { skip }, () => {
  let t: TestDatabase;
  let org: { id: number; code: string };
  let dir: string;
  let lines: ReturnType<typeof corpusLines>;
  before(async () => {
    t = await testDatabase();
    org = { id: await createOrg(t.db, { code: 'SFQ', kind: 'government' }), code: 'SFQ' };
    dir = mkdtempSync(join(tmpdir(), 'gongkai-corpus-'));
    lines = corpusLines();
  });
  after(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every valid line becomes one published document with a unique 索引号; empty bodies are reported', async () => {
    const started = Date.now();
    const summary = await importFile(t.db, CORPUS, { org });
    const seconds = (Date.now() - started) / 1000;
    const valid = lines.filter((l) => l.title.trim() && l.text.trim());
    const empty = lines.map((l, i) => ({ l, line: i + 1 })).filter(({ l }) => !l.text.trim());
    assert.equal(summary.read, lines.length);
    assert.equal(summary.created, valid.length);
    assert.equal(summary.skipped, 0);
    assert.deepEqual(summary.failed.map((f) => f.line), empty.map((e) => e.line));
    assert.ok(summary.failed.every((f) => /正文为空/.test(f.message)));
    assert.equal(await count(t, 'documents'), valid.length);
    const distinct = await t.db.selectFrom('documents').select((eb) => eb.fn.count('index_number').distinct().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(distinct.n), valid.length, '索引号 are unique');
    const visible = await publishedDocuments(t.db).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(visible.n), valid.length, 'all of them are on the public site');
    console.log(`# full corpus: ${summary.created} documents in ${seconds.toFixed(1)} s (${Math.round(summary.created / seconds)}/s)`);
  });

  test('the mapping of a known record', async () => {
    const doc = await t.db.selectFrom('documents').selectAll().where('external_id', '=', 'corpus:law-00001').executeTakeFirstOrThrow();
    assert.equal(doc.title, '上海口岸服务条例');
    assert.equal(doc.org_id, org.id);
    assert.match(doc.index_number, /^SFQ\/2020-\d{5}$/);
    assert.deepEqual(JSON.parse(doc.issuers_json), ['上海市人民代表大会常务委员会']);
    assert.equal(doc.written_on, '2020-05-14');
    assert.equal(doc.formed_on, '2020-05-14');
    assert.equal(doc.published_at, '2020-05-13T16:00:00.000Z');
    assert.deepEqual([doc.kind, doc.status, doc.disclosure, doc.validity, doc.catalog_code, doc.is_policy], ['document', 'published', 'proactive', 'valid', 'art20_01', 1]);
    assert.equal(doc.keywords, '地方性法规 上海');
    assert.equal(doc.source, 'import:corpus');
    assert.match(doc.body_html, /^<h2>第一章 {2}总则<\/h2>\n<p>第一条 为了规范口岸开放/);
    assert.doesNotMatch(doc.body_text, /##/);
    assert.equal(Array.from(doc.summary ?? '').length, 200);
    const order = await t.db.selectFrom('documents').select(['doc_number', 'issuers_json', 'genre_code']).where('title', '=', '血吸虫病防治条例').executeTakeFirstOrThrow();
    assert.equal(order.doc_number, '中华人民共和国国务院令第463号');
    assert.deepEqual(JSON.parse(order.issuers_json), ['国务院']);
    const measures = await t.db.selectFrom('documents').select('genre_code').where('title', 'like', '%办法').where('source', '=', 'import:corpus').execute();
    const banfa = await t.db.selectFrom('vocabularies').select('code').where('kind', '=', 'genre').where('label', '=', '办法').executeTakeFirstOrThrow();
    assert.ok(measures.length > 10 && measures.every((m) => m.genre_code === banfa.code), '…办法 titles get the 办法 genre');
    const undated = await t.db.selectFrom('documents').select(['written_on', 'published_at']).where('written_on', 'is', null).execute();
    assert.ok(undated.length > 0 && undated.every((d) => d.published_at !== null), 'undated records are published as of the import');
  });

  test('one audit entry for the run, with the summary', async () => {
    const entries = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'document.imported').execute();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.entity_type, 'import');
    assert.equal(entries[0]!.org_id, org.id);
    const after = JSON.parse(entries[0]!.after_json!) as Record<string, unknown>;
    assert.equal(after.created, await count(t, 'documents'));
    assert.equal(after.failed, 4);
    assert.equal(await count(t, 'audit_log'), 1, 'no entry per document');
    assert.equal(Number((await t.db.selectFrom('index_sequences').select('last_value').where('org_id', '=', org.id).where('year', '=', 2020).executeTakeFirstOrThrow()).last_value),
      Number((await t.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).where('written_on', 'like', '2020-%').executeTakeFirstOrThrow()).n),
      'the 索引号 counter of a year stands at the number of documents of that year');
  });

  test('running it again (through the CLI) creates nothing, skips everything and reports progress', async () => {
    const before = await count(t, 'documents');
    const out: string[] = [];
    const err: string[] = [];
    const io: ImportIo = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      open: async () => ({ ...t, destroy: async () => undefined }),
      config: () => ({ filesDir: join(dir, 'files'), indexNumberFormat: '{code}/{year}-{seq:5}' }),
    };
    assert.equal(await main(['import', CORPUS, '--org', org.code], io), 0);
    assert.equal(out[1], `读取 ${lines.length} 条，新增 0 条，更新 0 条，跳过 ${before} 条（已导入），失败 4 条`);
    assert.ok(err.length >= 5 && err.every((l) => /^已处理 \d+ 条…$/.test(l)), err.join('\n'));
    assert.equal(await count(t, 'documents'), before);
  });

  test('--update changes a modified record in place and keeps the old content as a version', async () => {
    const first = lines[0]!;
    const original = await t.db.selectFrom('documents').selectAll().where('external_id', '=', 'corpus:law-00001').executeTakeFirstOrThrow();
    const file = join(dir, 'changed.jsonl');
    const changed = { ...first, title: `${first.title}（修订）`, text: `${first.text}\n\n第九十九条 本条例自公布之日起施行。` };
    const added = { id: 'law-99999', title: '新增的测试条例', category: '地方性法规', region: '上海', date: '2024-01-02', header: [], text: '第一条 新增。' };
    writeFileSync(file, [JSON.stringify(changed), JSON.stringify(lines[1]), JSON.stringify(added)].join('\n'));
    const before = await count(t, 'documents');

    const plain = await importFile(t.db, file, { org });
    assert.deepEqual([plain.created, plain.updated, plain.skipped], [1, 0, 2], 'without --update a changed record is skipped');
    assert.equal((await t.db.selectFrom('documents').select('title').where('id', '=', original.id).executeTakeFirstOrThrow()).title, first.title);

    const summary = await importFile(t.db, file, { org, update: true });
    assert.deepEqual([summary.created, summary.updated, summary.skipped, summary.failed.length], [0, 1, 2, 0]);
    const doc = await t.db.selectFrom('documents').selectAll().where('id', '=', original.id).executeTakeFirstOrThrow();
    assert.equal(doc.title, '上海口岸服务条例（修订）');
    assert.match(doc.body_text, /第九十九条/);
    assert.equal(doc.version, original.version + 1);
    assert.equal(doc.index_number, original.index_number, 'the 索引号 stays');
    assert.equal(doc.published_at, original.published_at);
    const versions = await t.db.selectFrom('document_versions').selectAll().where('document_id', '=', original.id).execute();
    assert.equal(versions.length, 1);
    assert.equal(versions[0]!.version, original.version);
    assert.equal((JSON.parse(versions[0]!.snapshot_json) as { title: string }).title, first.title);
    assert.match(versions[0]!.change_note ?? '', /批量导入更新/);
    assert.equal(await count(t, 'documents'), before + 1);

    const again = await importFile(t.db, file, { org, update: true });
    assert.deepEqual([again.created, again.updated, again.skipped], [0, 0, 3], 'unchanged records are not versioned again');
    assert.equal(await count(t, 'document_versions'), 1);
  });
});
