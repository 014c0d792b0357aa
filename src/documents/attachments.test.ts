import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';

const fixture = (name: string) => readFileSync(join('test', 'fixtures', name));

describe('attachments of a draft', () => {
  let t: TestApp;
  let editor: Agent;
  let other: Agent;
  let docId: number;
  const filesDir = mkdtempSync(join(tmpdir(), 'gongkai-files-'));
  const attachments = () => t.db.selectFrom('attachments').selectAll().where('document_id', '=', docId).orderBy('id').execute();

  before(async () => {
    t = await testApp({ FILES_DIR: filesDir });
    const root = await createOrg(t.db, { kind: 'government' });
    const unit = await createOrg(t.db, { parentId: root });
    const unitB = await createOrg(t.db, { parentId: root });
    await createStaff(t.db, { username: 'att_editor', roles: [{ orgId: unit, role: 'editor' }] });
    await createStaff(t.db, { username: 'att_other', roles: [{ orgId: unitB, role: 'editor' }] });
    editor = await new Agent(t.app).signIn('att_editor', TEST_PASSWORD);
    other = await new Agent(t.app).signIn('att_other', TEST_PASSWORD);
    const res = await editor.post(
      '/admin/documents',
      { kind: 'document', org_id: String(unit), title: '带附件的通知', disclosure: 'proactive', catalog_code: 'art20_05', body: '见附件。' },
      { tokenFrom: '/admin' },
    );
    docId = Number(String(res.headers.location).split('/').pop());
  });
  after(async () => {
    await t.close();
    rmSync(filesDir, { recursive: true, force: true });
  });

  test('a DOCX is stored by content hash, its text extracted and shown as HTML', async () => {
    const res = await editor.upload(`/admin/documents/${docId}/attachments`, { field: 'file', filename: '实施细则.docx', content: fixture('sample.docx') });
    assert.equal(res.statusCode, 303);
    const [att] = await attachments();
    assert.equal(att!.filename, '实施细则.docx');
    assert.equal(att!.kind, 'docx');
    assert.match(att!.blob_key, /^[0-9a-f]{64}$/);
    assert.ok(att!.text_content.length > 0);
    assert.match(att!.html_content ?? '', /<p>/);
    const download = await editor.get(`/admin/documents/${docId}/attachments/${att!.id}`);
    assert.equal(download.statusCode, 200);
    assert.deepEqual(download.rawPayload, fixture('sample.docx'));
    assert.match(String(download.headers['content-disposition']), /filename\*=UTF-8''%E5%AE%9E/);
    // The same unit's privacy check now covers the attachment's text.
    const page = await editor.get(`/admin/documents/${docId}`);
    assert.match(page.body, /<td>附件：实施细则\.docx<\/td>/, "the sample DOCX holds an ID number and a mobile number");
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'document.attachment_added').execute();
    assert.equal(audit.length, 1);
  });

  test('content that contradicts its name, unsupported types and empty uploads are refused; nothing stored', async () => {
    const before = (await attachments()).length;
    const fake = await editor.upload(`/admin/documents/${docId}/attachments`, { field: 'file', filename: '报告.pdf', content: fixture('text-named.pdf') });
    assert.equal(fake.statusCode, 415);
    assert.match(fake.body, /内容不是/);
    const exe = await editor.upload(`/admin/documents/${docId}/attachments`, { field: 'file', filename: 'tool.exe', content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00') });
    assert.equal(exe.statusCode, 415);
    assert.match(exe.body, /不支持的附件类型/);
    const empty = await editor.upload(`/admin/documents/${docId}/attachments`, { field: 'file', filename: 'a.pdf', content: Buffer.alloc(0) });
    assert.equal(empty.statusCode, 422);
    assert.equal((await attachments()).length, before);
  });

  test('an oversized upload gets a Chinese 413', async () => {
    const big = Buffer.concat([fixture('sample.png'), Buffer.alloc(21 * 1024 * 1024)]);
    const res = await editor.upload(`/admin/documents/${docId}/attachments`, { field: 'file', filename: 'big.png', content: big });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /超过大小限制/);
  });

  test('another unit cannot upload, download or delete; an upload without CSRF token is refused', async () => {
    const [att] = await attachments();
    assert.equal((await other.upload(`/admin/documents/${docId}/attachments`, { field: 'file', filename: 'x.png', content: fixture('sample.png') })).statusCode, 404);
    assert.equal((await other.get(`/admin/documents/${docId}/attachments/${att!.id}`)).statusCode, 404);
    assert.equal((await other.post(`/admin/documents/${docId}/attachments/${att!.id}/delete`, {}, { tokenFrom: '/admin' })).statusCode, 404);
    const noToken = await editor.upload(`/admin/documents/${docId}/attachments`, { field: 'file', filename: 'x.png', content: fixture('sample.png') }, { csrf: false });
    assert.equal(noToken.statusCode, 403);
  });

  test('the editor deletes an attachment (audited)', async () => {
    const [att] = await attachments();
    const res = await editor.post(`/admin/documents/${docId}/attachments/${att!.id}/delete`, {}, { tokenFrom: '/admin' });
    assert.equal(res.statusCode, 303);
    assert.equal((await attachments()).length, 0);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'document.attachment_removed').execute();
    assert.equal(audit.length, 1);
  });
});
