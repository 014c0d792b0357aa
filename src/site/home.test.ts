import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg } from '../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
  const root = await createOrg(t.db, { kind: 'government', code: 'HOME' });
  await createDocument(t.db, { orgId: root, title: '公开的政策文件甲', is_policy: 1 });
  await createDocument(t.db, { orgId: root, title: '公开的解读乙', kind: 'interpretation', catalog_code: 'art20_01' });
  await createDocument(t.db, { orgId: root, title: '依申请公开的政策丙', is_policy: 1, disclosure: 'on_request' });
  await createDocument(t.db, { orgId: root, title: '草稿政策丁', is_policy: 1, status: 'draft', published_at: null });
});
after(() => t.close());

test('the home page lists the latest public policies and interpretations, and nothing else', async () => {
  const res = await t.app.inject('/');
  assert.equal(res.statusCode, 200);
  const policies = res.body.slice(res.body.indexOf('data-testid="latest-policies"'), res.body.indexOf('更多政策文件'));
  assert.match(policies, /公开的政策文件甲/);
  assert.match(res.body, /公开的解读乙/);
  assert.doesNotMatch(res.body, /依申请公开的政策丙/);
  assert.doesNotMatch(res.body, /草稿政策丁/);
  assert.match(res.body, /href="\/zwgk\/HOME\/guide"/);
});
