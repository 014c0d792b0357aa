import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { createOrg } from '../../test/helpers/factories.ts';
import { FileBlobStore } from '../attachments/storage.ts';
import { publishedDocuments } from '../documents/repository.ts';
import { todayInShanghai } from '../platform/time.ts';
import { importFile } from './importer.ts';
import { ImportError } from './types.ts';

const FIXTURES = resolve('test', 'fixtures');

/** A unit's export: the CSVs with their attachment folder, as the old system would hand it over. */
function exportFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-csv-'));
  mkdirSync(join(dir, 'export', '附件'), { recursive: true });
  for (const f of ['documents.csv', 'bad-rows.csv']) copyFileSync(join(FIXTURES, 'import', f), join(dir, 'export', f));
  copyFileSync(join(FIXTURES, 'sample.docx'), join(dir, 'export', '附件', '若干措施.docx'));
  copyFileSync(join(FIXTURES, 'sample.pdf'), join(dir, 'export', '附件', '政策解读.pdf'));
  copyFileSync(join(FIXTURES, 'sample.docx'), join(dir, 'export', '附件', '通知.docx'));
  // a text file named .pdf: the kind of file a renamed export contains
  copyFileSync(join(FIXTURES, 'text-named.pdf'), join(dir, 'export', '附件', '伪装.pdf'));
  copyFileSync(join(FIXTURES, 'sample.pdf'), join(dir, 'outside.pdf'));
  return dir;
}

const count = async (t: TestDatabase, table: 'documents' | 'attachments' | 'document_versions') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('CSV import with attachments', () => {
  let t: TestDatabase;
  let dir: string;
  let store: FileBlobStore;
  let org: { id: number; code: string };
  const genre = async (label: string) => (await t.db.selectFrom('vocabularies').select('code').where('kind', '=', 'genre').where('label', '=', label).executeTakeFirstOrThrow()).code;

  before(async () => {
    t = await testDatabase();
    dir = exportFolder();
    store = new FileBlobStore(join(dir, 'files'));
    org = { id: await createOrg(t.db, { code: 'FGW' }), code: 'FGW' };
  });
  after(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every row is imported with its attributes, attachments typed, stored and extracted', async () => {
    const summary = await importFile(t.db, join(dir, 'export', 'documents.csv'), { org, blobStore: store, source: 'oa' });
    assert.deepEqual([summary.read, summary.created, summary.failed.length], [4, 4, 0], JSON.stringify(summary.failed));
    const docs = await t.db.selectFrom('documents').selectAll().orderBy('external_id').execute();
    assert.deepEqual(docs.map((d) => d.external_id), ['oa:OA-2024-001', 'oa:OA-2024-002', 'oa:OA-2024-003', 'oa:OA-2024-004']);
    const [notice, report, withheld, onRequest] = docs as [typeof docs[0], typeof docs[0], typeof docs[0], typeof docs[0]];

    assert.equal(notice.doc_number, '示范政发〔2024〕3号');
    assert.deepEqual(JSON.parse(notice.issuers_json), ['示范区人民政府', '示范区发展和改革委员会']);
    assert.equal(notice.written_on, '2024-03-01');
    assert.equal(notice.published_at, '2024-03-05T01:30:00.000Z', '发布日期 with a time is Shanghai time');
    assert.equal(notice.topic_code, 'T02');
    assert.equal(notice.genre_code, await genre('通知'));
    assert.deepEqual([notice.status, notice.disclosure, notice.catalog_code, notice.is_policy, notice.source], ['published', 'proactive', 'art20_01', 1, 'import:oa']);
    assert.match(notice.index_number, /^FGW\/2024-\d{5}$/);
    assert.match(notice.summary ?? '', /^各街道、各委办局：/);

    const attachments = await t.db.selectFrom('attachments').selectAll().where('document_id', '=', notice.id).orderBy('sort_order').execute();
    assert.deepEqual(attachments.map((a) => [a.filename, a.kind]), [['若干措施.docx', 'docx'], ['政策解读.pdf', 'pdf']]);
    assert.equal(attachments[0]!.media_type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(attachments[0]!.text_content, /\S/, 'Word text extracted');
    assert.match(attachments[0]!.html_content ?? '', /<p>/, 'Word HTML kept for the in-page view');
    assert.match(attachments[1]!.text_content, /\S/, 'PDF text extracted');
    assert.equal(attachments[1]!.size, readFileSync(join(FIXTURES, 'sample.pdf')).length);
    for (const a of attachments) assert.ok(await store.has(a.blob_key), 'the bytes are in the blob store');

    assert.equal(report.written_on, '2024-01-20', '2024/1/20 is understood');
    assert.equal(report.published_at, '2024-01-24T16:00:00.000Z', '2024年1月25日 is Shanghai midnight');
    assert.equal(report.summary, '本报告依据条例第五十条编制。');
    assert.equal(report.catalog_code, 'art20_15');
    assert.equal(report.is_policy, 0);
    assert.match(report.body_html, /<p>一、总体情况<\/p>/);
    assert.match(report.body_text, /“重点领域”信息567条/);

    // 不予公开 and 依申请公开 items are imported signed off but never public
    assert.deepEqual([withheld.disclosure, withheld.status, withheld.published_at, withheld.catalog_code], ['withheld', 'approved', null, null]);
    assert.equal(withheld.withheld_reason, 'internal_affairs');
    assert.match(withheld.withheld_basis ?? '', /第十六条第一款/);
    const nextYear = new Date();
    nextYear.setUTCMonth(nextYear.getUTCMonth() + 12);
    assert.equal(withheld.next_review_on, todayInShanghai(nextYear));
    assert.deepEqual([onRequest.disclosure, onRequest.status, onRequest.published_at], ['on_request', 'approved', null]);

    const visible = await publishedDocuments(t.db).select('documents.external_id').orderBy('documents.external_id').execute();
    assert.deepEqual(visible.map((v) => v.external_id), ['oa:OA-2024-001', 'oa:OA-2024-002']);
  });

  test('re-running skips every row; another source system is another namespace', async () => {
    const again = await importFile(t.db, join(dir, 'export', 'documents.csv'), { org, blobStore: store, source: 'oa' });
    assert.deepEqual([again.created, again.skipped], [0, 4]);
    assert.equal(await count(t, 'documents'), 4);
    assert.equal(await count(t, 'attachments'), 2);
  });

  test('--update changes a row whose content changed and leaves identical attachments alone', async () => {
    const file = join(dir, 'export', 'documents-v2.csv');
    writeFileSync(file, readFileSync(join(dir, 'export', 'documents.csv'), 'utf8').replace('请认真贯彻执行。', '请结合实际认真贯彻执行。'));
    const summary = await importFile(t.db, file, { org, blobStore: store, source: 'oa', update: true });
    assert.deepEqual([summary.created, summary.updated, summary.skipped], [0, 1, 3]);
    const doc = await t.db.selectFrom('documents').selectAll().where('external_id', '=', 'oa:OA-2024-001').executeTakeFirstOrThrow();
    assert.match(doc.body_text, /请结合实际认真贯彻执行/);
    assert.equal(doc.version, 2);
    assert.equal(await count(t, 'document_versions'), 1);
    assert.equal(await count(t, 'attachments'), 2);
  });

  test('an update may not change the 公开属性', async () => {
    const file = join(dir, 'export', 'documents-v3.csv');
    writeFileSync(file, readFileSync(join(dir, 'export', 'documents.csv'), 'utf8').replace(',依申请公开,,,,', ',主动公开,,,art20_01,'));
    const summary = await importFile(t.db, file, { org, blobStore: store, source: 'oa', update: true });
    assert.equal(summary.failed.length, 1);
    assert.match(summary.failed[0]!.message, /公开属性与已导入的不同/);
    const doc = await t.db.selectFrom('documents').select(['disclosure', 'status']).where('external_id', '=', 'oa:OA-2024-004').executeTakeFirstOrThrow();
    assert.deepEqual(doc, { disclosure: 'on_request', status: 'approved' });
  });
});

describe('CSV bad rows', () => {
  let t: TestDatabase;
  let dir: string;
  let store: FileBlobStore;
  let org: { id: number; code: string };
  before(async () => {
    t = await testDatabase();
    dir = exportFolder();
    store = new FileBlobStore(join(dir, 'files'));
    org = { id: await createOrg(t.db, { code: 'JW' }), code: 'JW' };
  });
  after(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('each bad row is reported with its line and skipped whole; the good rows are imported', async () => {
    const summary = await importFile(t.db, join(dir, 'export', 'bad-rows.csv'), { org, blobStore: store });
    const failures = Object.fromEntries(summary.failed.map((f) => [f.line, f.message]));
    assert.deepEqual(Object.keys(failures).map(Number), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    assert.match(failures[3]!, /缺少标题/);
    assert.match(failures[4]!, /^原系统编号 B-003：发文字号“第三号文件”无法识别/);
    assert.match(failures[5]!, /成文日期“2024-02-30”无效/);
    assert.match(failures[6]!, /有效性“作废”无效/);
    assert.match(failures[7]!, /附件“附件\/不存在.pdf”不存在/);
    assert.match(failures[8]!, /伪装.pdf”的内容不是 ?PDF/);
    assert.match(failures[9]!, /列数与标题行不一致/);
    assert.match(failures[10]!, /缺少公开属性/);
    assert.match(failures[11]!, /须为 CSV 文件所在文件夹内的相对路径/);
    assert.match(failures[12]!, /须填写目录类别/);
    assert.match(failures[13]!, /不允许的内容/);
    assert.equal(summary.read, 13);
    assert.equal(summary.created, 2);

    const docs = await t.db.selectFrom('documents').select(['id', 'external_id', 'body_html', 'doc_number', 'source']).orderBy('id').execute();
    assert.deepEqual(docs.map((d) => d.external_id), ['csv:B-001', 'csv:B-013']);
    assert.equal(docs[0]!.doc_number, '示范政办发〔2024〕1号');
    assert.equal(docs[0]!.source, 'import:csv');
    assert.match(docs[1]!.body_html, /<p>多行正文第一段<\/p>\s*<p>多行正文第二段<\/p>/, 'a quoted multi-line cell is one field');
    const attachments = await t.db.selectFrom('attachments').select(['document_id', 'filename']).execute();
    assert.deepEqual(attachments, [{ document_id: docs[1]!.id, filename: '通知.docx' }]);
  });

  test('a header the format does not know stops the run before anything is written', async () => {
    const before = await count(t, 'documents');
    const unknown = join(dir, 'unknown.csv');
    writeFileSync(unknown, '原系统编号,标题,文号,公开属性\nX-1,标题,京政发〔2020〕1号,主动公开\n');
    await assert.rejects(importFile(t.db, unknown, { org, blobStore: store }), (e: unknown) => e instanceof ImportError && /无法识别的列：文号/.test(e.message));
    const missing = join(dir, 'missing.csv');
    writeFileSync(missing, '原系统编号,标题\nX-1,标题\n');
    await assert.rejects(importFile(t.db, missing, { org, blobStore: store }), (e: unknown) => e instanceof ImportError && /缺少必需的列：公开属性/.test(e.message));
    assert.equal(await count(t, 'documents'), before);
  });
});
