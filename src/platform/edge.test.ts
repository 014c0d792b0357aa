/**
 * Hostile input at the edge: return addresses, control characters, undecodable URLs, odd ids, invalid headers,
 * oversized and long forms. Each runs on SQLite and, with DATABASE_URL, on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { testDatabase } from '../../test/helpers/db.ts';
import { createDocument, createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { cleanInput, stripControlCharacters } from './edge.ts';
import { safeReturnPath } from './preferences.ts';

const HOSTILE_RETURN_PATHS: Array<[string, string]> = [
  ['tab after the slash', '/\t/evil.example/p'],
  ['tab encoded', '/%09/evil.example/p'],
  ['CR LF header injection', '/\r\nSet-Cookie: x=1'],
  ['CR LF encoded', '/%0d%0aSet-Cookie:%20x=1'],
  ['protocol-relative', '//evil.example/p'],
  ['protocol-relative, encoded slash', '/%2Fevil.example/p'],
  ['backslash', '/\\evil.example/p'],
  ['backslash encoded', '/%5Cevil.example/p'],
  ['full-width space', '/\u3000'],
  ['full-width space encoded', '/%E3%80%80'],
  ['no-break space', '/\u00a0x'],
  ['absolute URL', 'https://evil.example/'],
  ['scheme-relative with spaces', ' //evil.example'],
  ['javascript scheme', 'javascript:alert(1)'],
  ['NUL byte', '/a\u0000b'],
  ['broken percent-encoding', '/%E3%80'],
  ['lone surrogate', '/\ud800'],
  ['very long', `/${'a'.repeat(5000)}`],
  ['empty', ''],
];

/**
 * The values that reach a route unchanged: a lone surrogate cannot travel in a URL or a form (it arrives as U+FFFD)
 * and a NUL is stripped at the edge first; the pure tests cover both.
 */
function overHttp(table: Array<[string, string]>): Array<[string, string]> {
  return table.filter(([name]) => name !== 'lone surrogate' && name !== 'NUL byte');
}

describe('return addresses (back, next)', () => {
  test('hostile values fall back to the default', () => {
    for (const [name, value] of HOSTILE_RETURN_PATHS) assert.equal(safeReturnPath(value, '/fallback'), '/fallback', name);
    assert.equal(safeReturnPath(undefined), '/');
    assert.equal(safeReturnPath(['/a', '/b']), '/', 'a repeated parameter is not a path');
  });

  test('same-site paths are kept, percent-encoded where a header needs it', () => {
    assert.equal(safeReturnPath('/zwgk/fdzdgknr?page=2&sort=published_desc'), '/zwgk/fdzdgknr?page=2&sort=published_desc');
    assert.equal(safeReturnPath('/zcwj?q=低保'), '/zcwj?q=%E4%BD%8E%E4%BF%9D');
    assert.equal(safeReturnPath('/zcwj?q=%E4%BD%8E'), '/zcwj?q=%E4%BD%8E', 'existing escapes are not encoded twice');
    assert.equal(safeReturnPath('/a%zz'), '/', 'an invalid escape is refused');
    assert.equal(safeReturnPath('/doc/1#正文'), '/doc/1#%E6%AD%A3%E6%96%87');
  });
});

describe('control characters', () => {
  test('C0 controls other than tab, CR and LF are stripped from every string, keys included', () => {
    assert.equal(stripControlCharacters('a\u0000b\u0007c\td\r\ne\u001f'), 'abc\td\r\ne');
    const input = { 'ti\u0000tle': 'x\u0000y', list: ['\u0000a', 'b'], nested: { deep: 'c\u000bd' }, n: 3 };
    assert.deepEqual(cleanInput(input), { title: 'xy', list: ['a', 'b'], nested: { deep: 'cd' }, n: 3 });
    const file = { type: 'file', fieldname: 'file', value: undefined, data: Buffer.from([0, 1, 2]) };
    assert.deepEqual(cleanInput(file).data, Buffer.from([0, 1, 2]), 'file bytes are left alone');
    const field = { type: 'field', fieldname: '_csrf', value: 'to\u0000ken' };
    assert.equal(cleanInput(field).value, 'token');
  });
});

describe('requests at the edge', () => {
  let t: TestApp;
  let unitA: number;
  let unitB: number;
  let publicDoc: number;
  let otherUnitsDraft: number;
  const agents: Record<string, Agent> = {};

  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government' });
    unitA = await createOrg(t.db, { parentId: root, code: 'EDGA', name: '甲局' });
    unitB = await createOrg(t.db, { parentId: root, code: 'EDGB', name: '乙局' });
    publicDoc = await createDocument(t.db, { orgId: unitA, title: '公开的边界测试文件' });
    otherUnitsDraft = await createDocument(t.db, { orgId: unitB, title: '乙局的草稿', status: 'draft', published_at: null });
    await createStaff(t.db, { username: 'edge_editor', roles: [{ orgId: unitA, role: 'editor' }] });
    await createStaff(t.db, { username: 'edge_approver', roles: [{ orgId: unitA, role: 'approver' }] });
    await createStaff(t.db, { username: 'edge_admin', roles: [{ orgId: root, role: 'admin' }] });
    for (const name of ['editor', 'approver', 'admin']) agents[name] = await new Agent(t.app).signIn(`edge_${name}`, TEST_PASSWORD);
  });
  after(() => t.close());

  test('the preference switch never redirects off the site, signed in or not', async () => {
    const sendable = overHttp(HOSTILE_RETURN_PATHS);
    for (const agent of [new Agent(t.app), agents.admin!]) {
      for (const [name, value] of sendable) {
        const res = await agent.get(`/preferences?script=hant&back=${encodeURIComponent(value)}`);
        assert.equal(res.statusCode, 303, name);
        assert.equal(res.headers.location, '/', name);
      }
      const ok = await agent.get(`/preferences?elderly=on&back=${encodeURIComponent('/zcwj?q=低保')}`);
      assert.equal(ok.headers.location, '/zcwj?q=%E4%BD%8E%E4%BF%9D');
      const nul = await agent.get('/preferences?back=/a%00b');
      assert.equal(nul.headers.location, '/ab', 'the NUL is stripped at the edge before the path is checked');
    }
    assert.equal((await t.app.inject('/healthz')).statusCode, 200);
  });

  test('NUL bytes in queries, filters and login names are answered, not a server error', async () => {
    const anonymous = [
      '/zcwj?q=%00',
      '/zcwj?q=a%00b&docNumber=%00',
      '/zwgk/fdzdgknr?issuer=%00&topic=%00&year=%00',
      '/zcjd?q=%00',
      '/api/v1/documents?q=%00',
      '/api/v1/documents?org=%00',
      '/zwgk/%00',
      '/doc/%00',
    ];
    for (const url of anonymous) {
      const res = await t.app.inject(url);
      assert.ok(res.statusCode < 500, `${url} → ${res.statusCode}`);
    }
    for (const url of ['/admin/documents?q=%00&status=', '/admin/audit?action=%00&actor=%00', '/admin/staff?q=%00']) {
      const res = await agents.admin!.get(url);
      assert.ok(res.statusCode < 500, `${url} → ${res.statusCode}`);
    }
    const login = await new Agent(t.app).post('/login', { username: 'edge\u0000_editor', password: `${TEST_PASSWORD}\u0000` });
    assert.ok(login.statusCode < 500, `login → ${login.statusCode}`);
  });

  test('control characters typed into a document never reach the database', async () => {
    const res = await agents.editor!.post(
      '/admin/documents',
      {
        kind: 'document',
        org_id: String(unitA),
        title: '含\u0000控制\u0007字符的标题',
        summary: '摘要\u0000',
        issuers: '甲局',
        written_on: '2026-11-02',
        formed_on: '2026-11-02',
        disclosure: 'proactive',
        catalog_code: 'art20_01',
        body: '<p>正文\u0000第一段</p>\r\n<p>第二段</p>',
      },
      { tokenFrom: '/admin' },
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const id = Number(String(res.headers.location).split('/').pop());
    const row = await t.db.selectFrom('documents').select(['title', 'summary', 'body_html']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.title, '含控制字符的标题');
    assert.equal(row.summary, '摘要');
    assert.equal(row.body_html.includes('\u0000'), false);
  });

  test('a URL that does not decode gets a Chinese page (or JSON), in the visitor’s script', async () => {
    const page = await t.app.inject('/zwgk/%FF');
    assert.equal(page.statusCode, 400);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /网址格式有误/);
    const hant = await t.app.inject({ url: '/zwgk/%FF', headers: { cookie: 'gk_script=hant' } });
    assert.match(hant.body, /網址格式有誤/);
    const api = await t.app.inject('/api/v1/documents/%FF');
    assert.equal(api.statusCode, 400);
    assert.equal(api.json().error, 'bad_request');
  });

  test('ids are plain decimal integers within range; anything else is not found', async () => {
    assert.equal((await t.app.inject(`/doc/${publicDoc}`)).statusCode, 200);
    for (const id of [`0x${publicDoc.toString(16)}`, `${publicDoc}.0`, `+${publicDoc}`, `0${publicDoc}`, `${publicDoc}e0`, '99999999999', '2147483648', '-1', '0']) {
      assert.equal((await t.app.inject(`/doc/${id}`)).statusCode, 404, `/doc/${id}`);
      assert.equal((await t.app.inject(`/api/v1/documents/${id}`)).statusCode, 404, `/api/v1/documents/${id}`);
      assert.equal((await t.app.inject(`/doc/${publicDoc}/attachments/${id}`)).statusCode, 404, `attachment ${id}`);
      assert.equal((await agents.admin!.get(`/admin/documents/${id}`)).statusCode, 404, `/admin/documents/${id}`);
      assert.equal((await agents.admin!.get(`/admin/organizations/${id}`)).statusCode, 404, `/admin/organizations/${id}`);
    }
    assert.equal((await agents.admin!.get(`/admin/documents/${publicDoc}/versions/1.0`)).statusCode, 404);
  });

  test('a replacing document must be public: another unit’s draft and a missing id get the same answer', async () => {
    const target = await createDocument(t.db, { orgId: unitA, title: '将被废止的文件' });
    const attempt = (replacedBy: string) =>
      agents.approver!.post(`/admin/documents/${target}/validity`, { validity: 'repealed', validity_note: '已被替代', replaced_by_id: replacedBy }, { tokenFrom: '/admin' });
    const draft = await attempt(String(otherUnitsDraft));
    const missing = await attempt('999999');
    assert.equal(draft.statusCode, 422);
    assert.equal(missing.statusCode, 422);
    const message = (body: string) => /找不到该替代文件[^<]*/.exec(body)?.[0];
    assert.ok(message(draft.body));
    assert.equal(message(draft.body), message(missing.body), 'no difference reveals that the draft exists');
    const row = await t.db.selectFrom('documents').select(['validity', 'replaced_by_id']).where('id', '=', target).executeTakeFirstOrThrow();
    assert.deepEqual(row, { validity: 'valid', replaced_by_id: null });
    assert.equal((await attempt(String(publicDoc))).statusCode, 303);
  });

  test('a 100,000-character body is saved whole; one over the limit is refused beside the field', async () => {
    const body = `<p>${'政'.repeat(100_000)}</p>`;
    const fields = {
      kind: 'document',
      org_id: String(unitA),
      title: '长正文文件',
      issuers: '甲局',
      written_on: '2026-11-02',
      formed_on: '2026-11-02',
      disclosure: 'proactive',
      catalog_code: 'art20_01',
    };
    const res = await agents.editor!.post('/admin/documents', { ...fields, body }, { tokenFrom: '/admin' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 200));
    const id = Number(String(res.headers.location).split('/').pop());
    const row = await t.db.selectFrom('documents').select('body_html').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.body_html, body);
    const form = await agents.editor!.get('/admin/documents/new');
    assert.match(form.body, /最多500,000个字符/);
    assert.match(form.body, /maxlength="500000"/);
    const tooLong = await agents.editor!.post('/admin/documents', { ...fields, title: '过长正文', body: '政'.repeat(500_001) }, { tokenFrom: '/admin' });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /正文过长/);
  });

});

/** Sign-in is rate-limited per client (20 a minute), so each of these tests has an app of its own. */
describe('signing in', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp();
    const unit = await createOrg(t.db);
    await createStaff(t.db, { username: 'edge_editor', roles: [{ orgId: unit, role: 'editor' }] });
  });
  afterEach(() => t.close());

  test('signing in never follows a hostile `next`', async () => {
    for (const [name, value] of overHttp(HOSTILE_RETURN_PATHS)) {
      const res = await new Agent(t.app).post('/login', { username: 'edge_editor', password: TEST_PASSWORD, next: value });
      assert.equal(res.statusCode, 303, name);
      assert.equal(res.headers.location, '/admin', name);
    }
    const res = await new Agent(t.app).post('/login', { username: 'edge_editor', password: TEST_PASSWORD, next: '/admin/documents?q=通知' });
    assert.equal(res.headers.location, '/admin/documents?q=%E9%80%9A%E7%9F%A5');
  });

  test('looking at the sign-in form stores no session; signing in still needs the form’s token', async () => {
    const count = async () => Number((await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (let i = 0; i < 5; i++) assert.equal((await t.app.inject('/login')).statusCode, 200);
    assert.equal(await count(), before, 'anonymous visits to /login write no session rows');
    const forged = await new Agent(t.app).post('/login', { username: 'edge_editor', password: TEST_PASSWORD }, { csrf: 'forged' });
    assert.equal(forged.statusCode, 403);
    const missing = await new Agent(t.app).post('/login', { username: 'edge_editor', password: TEST_PASSWORD }, { csrf: false });
    assert.equal(missing.statusCode, 403);
    const ok = await new Agent(t.app).post('/login', { username: 'edge_editor', password: TEST_PASSWORD });
    assert.equal(ok.statusCode, 303);
    assert.equal(await count(), before + 1, 'a session begins at sign-in');
  });
});

describe('a header Node would refuse', () => {
  test('answers a Chinese 500 and the platform keeps serving, with or without a session', async () => {
    const database = await testDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const app = await buildApp(config, { database, migrate: false, logger: false });
    app.get('/test/bad-header', async (_request, reply) => reply.header('x-test', 'a\u3000b').send('never'));
    await app.ready();
    try {
      const root = await createOrg(database.db, { kind: 'government' });
      await createStaff(database.db, { username: 'hdr_admin', roles: [{ orgId: root, role: 'admin' }] });
      const signedIn = await new Agent(app).signIn('hdr_admin', TEST_PASSWORD);
      for (const agent of [new Agent(app), signedIn]) {
        const res = await agent.get('/test/bad-header');
        assert.equal(res.statusCode, 500);
        assert.equal(res.headers['x-test'], undefined);
        assert.match(res.body, /系统繁忙/);
      }
      assert.equal((await app.inject('/healthz')).statusCode, 200);
      assert.equal((await signedIn.get('/admin')).statusCode, 200, 'the session survived');
    } finally {
      await app.close();
      await database.cleanup();
    }
  });
});
