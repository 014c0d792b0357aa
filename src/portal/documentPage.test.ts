/** The document page: metadata table, body, notices, interpretations, and attachments (download and HTML view). */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileBlobStore } from '../attachments/storage.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg } from '../../test/helpers/factories.ts';
import { nowIso } from '../platform/time.ts';
import { invalidatePublicCache } from './cache.ts';

let t: TestApp;
let filesDir = '';
const ids: Record<string, number> = {};
const att: Record<string, number> = {};
const PDF = Buffer.from('%PDF-1.4\n% 测试文件\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PDF_NAME = '关于印发《实施方案》的通知(附件1).pdf';

async function attach(store: FileBlobStore, documentId: number, filename: string, kind: string, mediaType: string, bytes: Buffer, html: string | null = null) {
  const { key, size } = await store.put(bytes);
  const row = await t.db
    .insertInto('attachments')
    .values({ document_id: documentId, filename, kind, media_type: mediaType, size, blob_key: key, text_content: '', html_content: html, sort_order: 0, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

before(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'gongkai-portal-'));
  t = await testApp({ FILES_DIR: filesDir });
  // The app's own store (services.blobs) is a FileBlobStore over FILES_DIR: write through another over the same root.
  const store = new FileBlobStore(filesDir);
  const orgId = await createOrg(t.db, { code: 'DOC', name: '文件测试局' });
  ids.policy = await createDocument(t.db, {
    orgId,
    title: '关于加强政务公开管理的通知',
    doc_number: '文测发〔2026〕5号',
    issuers_json: JSON.stringify(['文件测试局', '区财政局']),
    written_on: '2026-03-02',
    published_at: '2026-03-04T17:30:00.000Z',
    topic_code: 'T02',
    genre_code: 'G07',
    keywords: '政务公开；管理',
    summary: '对政务公开管理提出要求。',
    is_policy: 1,
    body_html: '<p>第一条 <strong>重要</strong>内容。</p><h2>第二章</h2><p>正文第二段。</p>',
  });
  ids.current = await createDocument(t.db, { orgId, title: '现行管理办法' });
  ids.draftReplacement = await createDocument(t.db, { orgId, title: '未发布的新办法', status: 'draft', published_at: null });
  ids.repealed = await createDocument(t.db, { orgId, title: '旧管理办法', validity: 'repealed', validity_note: '自2026年4月1日起废止。', replaced_by_id: ids.current });
  ids.revised = await createDocument(t.db, { orgId, title: '待修订办法', validity: 'revised', replaced_by_id: ids.draftReplacement });
  ids.withdrawn = await createDocument(t.db, { orgId, title: '已撤回的通知', status: 'withdrawn', public_notice: '因政策调整，本通知撤回。', body_html: '<p>撤回前的正文</p>' });
  ids.interp = await createDocument(t.db, {
    orgId, kind: 'interpretation', title: '《关于加强政务公开管理的通知》问答', interp_form: 'qa', interp_unit: '文件测试局办公室', interp_person: '张三', catalog_code: null,
  });
  ids.interpDraft = await createDocument(t.db, { orgId, kind: 'interpretation', title: '未发布的图解', status: 'draft', published_at: null, catalog_code: null });
  ids.draft = await createDocument(t.db, { orgId, title: '草稿文件', status: 'draft', published_at: null });
  for (const i of [ids.interp, ids.interpDraft]) {
    await t.db.insertInto('interpretation_links').values({ interpretation_id: i!, policy_id: ids.policy! }).execute();
  }
  att.pdf = await attach(store, ids.policy!, PDF_NAME, 'pdf', 'application/pdf', PDF);
  att.docx = await attach(store, ids.policy!, '附件2.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from('PK docx bytes'), '<h2>附件标题</h2><p>附件<strong>正文</strong></p>');
  att.png = await attach(store, ids.policy!, '图解.png', 'png', 'image/png', PNG);
  att.withdrawn = await attach(store, ids.withdrawn!, '撤回附件.pdf', 'pdf', 'application/pdf', PDF);
  att.draft = await attach(store, ids.draft!, '草稿附件.pdf', 'pdf', 'application/pdf', PDF);
  att.missingBlob = (await t.db
    .insertInto('attachments')
    .values({ document_id: ids.policy!, filename: '丢失.pdf', kind: 'pdf', media_type: 'application/pdf', size: 1, blob_key: 'f'.repeat(64), text_content: '', html_content: null, sort_order: 9, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow()).id;
  invalidatePublicCache();
});

after(async () => {
  await t.close();
  await rm(filesDir, { recursive: true, force: true });
});

async function page(url: string, status = 200) {
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, status, `${url} → ${res.statusCode}`);
  return res;
}

describe('document page', () => {
  test('shows the standard metadata table with row headers', async () => {
    const { index_number } = await t.db.selectFrom('documents').select('index_number').where('id', '=', ids.policy!).executeTakeFirstOrThrow();
    const body = (await page(`/doc/${ids.policy}`)).body;
    const cell = (label: string, value: string) => `<th scope="row">${label}</th><td>${value}</td>`;
    for (const expected of [
      cell('索引号', index_number),
      cell('主题分类', '综合政务'),
      cell('发文机关', '文件测试局、区财政局'),
      cell('成文日期', '2026-03-02'),
      `<th scope="row">标题</th><td colspan="3">关于加强政务公开管理的通知</td>`,
      cell('发文字号', '文测发〔2026〕5号'),
      cell('发布日期', '2026-03-05'),
      cell('有效性', '有效'),
      cell('体裁', '通知'),
    ]) {
      assert.ok(body.includes(expected), `metadata: ${expected}`);
    }
    assert.ok(body.includes('对政务公开管理提出要求。'), '内容概述');
    assert.match(body, /<title>关于加强政务公开管理的通知 - /);
    assert.match(body, /<h1 id="doc-title" class="doc-title">关于加强政务公开管理的通知<\/h1>/);
  });

  test('renders the sanitised body as HTML, with print-friendly structure', async () => {
    const body = (await page(`/doc/${ids.policy}`)).body;
    assert.ok(body.includes('<div class="doc-body" data-testid="doc-body"><p>第一条 <strong>重要</strong>内容。</p><h2>第二章</h2>'));
    assert.ok(body.includes('<link rel="stylesheet" href="/static/css/print.css" media="print"/>'));
    assert.ok(body.includes('class="doc-meta"'));
    assert.doesNotMatch(body, /<script\b/);
  });

  test('lists attachments with download and read-online links', async () => {
    const body = (await page(`/doc/${ids.policy}`)).body;
    assert.ok(body.includes(`href="/doc/${ids.policy}/attachments/${att.pdf}"`));
    assert.ok(body.includes(`href="/doc/${ids.policy}/attachments/${att.docx}/html"`));
    assert.ok(!body.includes(`/attachments/${att.pdf}/html`), 'only DOCX has a web version');
    assert.ok(body.includes('（PDF，'));
  });

  test('a policy lists its published interpretations; the interpretation shows its details and links back', async () => {
    const policy = (await page(`/doc/${ids.policy}`)).body;
    assert.ok(policy.includes(`<a href="/doc/${ids.interp}">《关于加强政务公开管理的通知》问答</a>`));
    assert.ok(!policy.includes('未发布的图解'));
    const interp = (await page(`/doc/${ids.interp}`)).body;
    assert.ok(interp.includes('<th scope="row">解读形式</th><td>问答</td><th scope="row">解读单位</th><td>文件测试局办公室</td>'));
    assert.ok(interp.includes('<th scope="row">解读人</th><td colspan="3">张三</td>'));
    assert.ok(interp.includes(`<a href="/doc/${ids.policy}">关于加强政务公开管理的通知</a>`), 'links back to the policy');
    assert.ok(interp.includes('href="/zcjd"'), 'breadcrumb to 政策解读');
  });

  test('a repealed document says so, with the note and a link to the current document', async () => {
    const body = (await page(`/doc/${ids.repealed}`)).body;
    assert.ok(body.includes('<strong>本文件已废止。</strong>'));
    assert.ok(body.includes('自2026年4月1日起废止。'));
    assert.ok(body.includes(`<a href="/doc/${ids.current}" data-testid="replacement-link">现行管理办法</a>`));
    assert.ok(body.includes('<th scope="row">有效性</th><td>废止</td>'));
  });

  test('a replacement that is not public is not linked or named', async () => {
    const body = (await page(`/doc/${ids.revised}`)).body;
    assert.ok(body.includes('本文件已修订。'));
    assert.ok(!body.includes('未发布的新办法'));
    assert.ok(!body.includes(`/doc/${ids.draftReplacement}`));
  });

  test('a valid document has no validity notice', async () => {
    assert.ok(!(await page(`/doc/${ids.current}`)).body.includes('data-testid="validity-notice"'));
  });

  test('a withdrawn item keeps its page and metadata with the notice, but not its body or attachments', async () => {
    const body = (await page(`/doc/${ids.withdrawn}`)).body;
    assert.ok(body.includes('本信息已撤回。'));
    assert.ok(body.includes('撤回说明：因政策调整，本通知撤回。'));
    assert.ok(body.includes('<th scope="row">标题</th><td colspan="3">已撤回的通知</td>'));
    assert.ok(!body.includes('撤回前的正文'));
    assert.ok(!body.includes('撤回附件.pdf'));
  });

  test('an id that is not a number is not found', async () => {
    await page('/doc/abc', 404);
    await page('/doc/0', 404);
    await page('/doc/1.5', 404);
    await page('/doc/99999999999', 404);
    await page(`/doc/${ids.policy}/attachments/99999999999`, 404);
  });
});

describe('attachments', () => {
  test('download with the Chinese file name, the right type and nosniff', async () => {
    const res = await page(`/doc/${ids.policy}/attachments/${att.pdf}`);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const disposition = res.headers['content-disposition'] as string;
    assert.match(disposition, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    assert.equal(decodeURIComponent(encoded), PDF_NAME);
    assert.doesNotMatch(encoded, /[()'*]/, 'RFC 5987 attr-chars only');
    assert.deepEqual(res.rawPayload, PDF);
    assert.equal(res.headers['cache-control'], 'public, max-age=60');
    const again = await t.app.inject({ method: 'GET', url: `/doc/${ids.policy}/attachments/${att.pdf}`, headers: { 'if-none-match': res.headers.etag as string } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.rawPayload.length, 0);
  });

  test('images are served as their type', async () => {
    const res = await page(`/doc/${ids.policy}/attachments/${att.png}`);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.deepEqual(res.rawPayload, PNG);
  });

  test('a DOCX can be read as a web page', async () => {
    const body = (await page(`/doc/${ids.policy}/attachments/${att.docx}/html`)).body;
    assert.ok(body.includes('<h2>附件标题</h2><p>附件<strong>正文</strong></p>'));
    assert.ok(body.includes(`<a href="/doc/${ids.policy}">关于加强政务公开管理的通知</a>`));
    assert.ok(body.includes(`href="/doc/${ids.policy}/attachments/${att.docx}"`), 'offers the original');
    await page(`/doc/${ids.policy}/attachments/${att.pdf}/html`, 404);
  });

  test('attachments of items that are not public, or of another item, are not found', async () => {
    await page(`/doc/${ids.draft}/attachments/${att.draft}`, 404);
    await page(`/doc/${ids.policy}/attachments/${att.draft}`, 404);
    await page(`/doc/${ids.policy}/attachments/999999`, 404);
  });

  test('attachments of a withdrawn item are gone', async () => {
    await page(`/doc/${ids.withdrawn}/attachments/${att.withdrawn}`, 410);
  });

  test('a row whose stored file is missing answers 404, not 500', async () => {
    await page(`/doc/${ids.policy}/attachments/${att.missingBlob}`, 404);
  });
});
