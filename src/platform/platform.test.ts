import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../config.ts';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { traditionalHtml } from './chinese.ts';
import { formatChineseDate, isLocalDate, todayInShanghai } from './time.ts';

describe('config', () => {
  test('development defaults to the embedded SQLite file', () => {
    const c = loadConfig({});
    assert.deepEqual(c.database, { kind: 'sqlite', path: 'data/gongkai.db' });
    assert.equal(c.cookieSecure, false);
  });
  test('DATABASE_URL selects PostgreSQL', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database.kind, 'postgres');
  });
  test('production refuses to start without a session secret and sets secure cookies', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), ConfigError);
    const c = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    assert.equal(c.cookieSecure, true);
  });
  test('bad values are listed by name', () => {
    assert.throws(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' }), /PORT[\s\S]*DATABASE_URL/);
  });
});

describe('dates', () => {
  test('real calendar dates only', () => {
    assert.equal(isLocalDate('2024-02-29'), true);
    assert.equal(isLocalDate('2025-02-29'), false);
    assert.equal(isLocalDate('2025-2-1'), false);
  });
  test('today is the Shanghai date, not the UTC one', () => {
    assert.equal(todayInShanghai(new Date('2026-11-21T16:30:00Z')), '2026-11-22');
    assert.equal(formatChineseDate('2026-10-09'), '2026年10月9日（星期五）');
  });
});

describe('Traditional conversion', () => {
  test('converts page text but leaves form values and textareas as stored', () => {
    const html = '<p>政府信息公开</p><input value="发展改革委"><textarea aria-label="说明">简体内容</textarea>';
    const out = traditionalHtml(html);
    assert.match(out, /<p>政府信息公開<\/p>/, 'characters converted, the legal term kept (not Taiwan’s 資訊)');
    assert.match(out, /value="发展改革委"/);
    assert.match(out, />简体内容<\/textarea>/);
    assert.match(out, /aria-label="說明"/);
  });
});

describe('request handling', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government' });
    await createStaff(t.db, { username: 'platadmin', roles: [{ orgId: root, role: 'admin' }] });
  });
  after(() => t.close());

  test('every page carries security headers: a same-origin CSP, no framing, no sniffing', async () => {
    const res = await t.app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['strict-transport-security'], undefined, 'no HSTS on a plain-http development start');
  });

  test('healthz checks the database', async () => {
    const res = await t.app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });

  test('unknown pages get a Chinese 404 page; API clients get JSON', async () => {
    const page = await t.app.inject('/no/such/page');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /页面不存在/);
    const api = await t.app.inject({ url: '/api/nothing', headers: { accept: 'application/json' } });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error, 'not_found');
  });

  test('a form posted without or with a stale CSRF token is refused and changes nothing', async () => {
    const agent = await new Agent(t.app).signIn('platadmin', TEST_PASSWORD);
    const missing = await agent.post('/admin/password', { current: TEST_PASSWORD, password: 'NewPassw0rd99', confirm: 'NewPassw0rd99' }, { csrf: false });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /页面已过期/);
    const stale = await agent.post('/admin/password', { current: TEST_PASSWORD, password: 'NewPassw0rd99', confirm: 'NewPassw0rd99' }, { csrf: 'forged-token' });
    assert.equal(stale.statusCode, 403);
    assert.equal((await agent.get('/admin')).statusCode, 200, 'still signed in with the old password');
    const changed = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'staff.password_changed').execute();
    assert.equal(changed.length, 0);
  });

  test('a malformed query parameter is a Chinese 400, not a server error', async () => {
    const agent = await new Agent(t.app).signIn('platadmin', TEST_PASSWORD);
    for (const url of [`/admin/calendar?date=${'9'.repeat(40)}`, `/admin/calendar?date=2026-01-05&n=${'1'.repeat(40)}`]) {
      const res = await agent.get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /请求参数有误/);
    }
  });

  test('an oversized form gets a Chinese 413 page, no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/login',
      payload: `username=${'a'.repeat(300_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /内容过大/);
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
  });

  test('admin pages send anonymous visitors to the login page', async () => {
    const res = await t.app.inject('/admin/organizations');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login?next=%2Fadmin%2Forganizations');
  });
});
