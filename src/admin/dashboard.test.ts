import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
  const root = await createOrg(t.db, { kind: 'government' });
  const unit = await createOrg(t.db, { parentId: root });
  const other = await createOrg(t.db, { parentId: root });
  await createStaff(t.db, { username: 'dash_editor', roles: [{ orgId: unit, role: 'editor' }] });
  await createStaff(t.db, { username: 'dash_handler', roles: [{ orgId: unit, role: 'handler' }] });
  // Two overdue drafts in the editor's unit, one in another unit the editor must not count.
  await createDocument(t.db, { orgId: unit, status: 'draft', published_at: null, formed_on: '2026-01-05', due_on: '2026-02-02' });
  await createDocument(t.db, { orgId: unit, status: 'submitted', published_at: null, formed_on: '2026-03-02', due_on: '2026-03-30' });
  await createDocument(t.db, { orgId: other, status: 'draft', published_at: null, formed_on: '2026-01-05', due_on: '2026-02-02' });
});
after(() => t.close());

test('the dashboard counts the overdue items of the viewer’s own units', async () => {
  const agent = await new Agent(t.app).signIn('dash_editor', TEST_PASSWORD);
  const res = await agent.get('/admin');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /已逾期未公开：<strong>2<\/strong>/);
  assert.match(res.body, /政府信息/);
});

test('roles that do not handle documents see no deadline panel and no 政府信息 module', async () => {
  const agent = await new Agent(t.app).signIn('dash_handler', TEST_PASSWORD);
  const res = await agent.get('/admin');
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, /deadline-summary/);
  assert.doesNotMatch(res.body, /href="\/admin\/documents"/);
});
