import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg } from '../../test/helpers/factories.ts';
import { nowIso } from '../platform/time.ts';

let t: TestApp;
let revised: number;
let withdrawn: number;
let draft: number;

/** A revision as src/documents/publication.ts records it: the old row as version N, the document at N+1. */
async function revise(id: number, title: string, body: string, note: string): Promise<void> {
  const row = await t.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await t.db.insertInto('document_versions').values({ document_id: id, version: row.version, snapshot_json: JSON.stringify(row), change_note: note, created_by: null, created_at: '2026-05-06T02:00:00.000Z' }).execute();
  await t.db.updateTable('documents').set({ title, body_html: body, version: row.version + 1, updated_at: nowIso() }).where('id', '=', id).execute();
}

before(async () => {
  t = await testApp();
  const org = await createOrg(t.db, { kind: 'government', code: 'VER' });
  revised = await createDocument(t.db, { orgId: org, title: '关于停车收费标准的通知', body_html: '<p>每小时5元。</p>' });
  await revise(revised, '关于停车收费标准的通知（修订）', '<p>每小时4元。</p>', '下调收费标准');
  withdrawn = await createDocument(t.db, { orgId: org, title: '已撤回的通知' });
  await revise(withdrawn, '已撤回的通知（修订）', '<p>新</p>', '更正');
  await t.db.updateTable('documents').set({ status: 'withdrawn', public_notice: '内容有误' }).where('id', '=', withdrawn).execute();
  draft = await createDocument(t.db, { orgId: org, status: 'draft', published_at: null });
  await revise(draft, '草稿修订', '<p>x</p>', '草稿');
});
after(() => t.close());

test('a revised item lists its earlier versions, which stay readable and are marked as superseded', async () => {
  const page = await t.app.inject(`/doc/${revised}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /data-testid="versions"/);
  assert.match(page.body, /第1版<\/a>/);
  assert.match(page.body, /2026-05-06修订：下调收费标准/);
  assert.match(page.body, /每小时4元/);

  const old = await t.app.inject(`/doc/${revised}/versions/1`);
  assert.equal(old.statusCode, 200);
  assert.match(old.body, /这是本信息的历史版本（第1版）/);
  assert.match(old.body, /每小时5元/);
  assert.doesNotMatch(old.body, /每小时4元/);
  assert.match(old.body, new RegExp(`<a href="/doc/${revised}">关于停车收费标准的通知（修订）</a>`));
});

test('unknown versions, withdrawn items and unpublished items do not show versions', async () => {
  assert.equal((await t.app.inject(`/doc/${revised}/versions/2`)).statusCode, 404);
  assert.equal((await t.app.inject(`/doc/${revised}/versions/abc`)).statusCode, 404);
  assert.equal((await t.app.inject(`/doc/${withdrawn}/versions/1`)).statusCode, 410);
  assert.doesNotMatch((await t.app.inject(`/doc/${withdrawn}`)).body, /data-testid="versions"/);
  assert.equal((await t.app.inject(`/doc/${draft}/versions/1`)).statusCode, 404);
});
