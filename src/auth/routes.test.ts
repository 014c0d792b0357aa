/**
 * Signing in, lockout, signing out and changing one's own password, through HTTP against a real database.
 * Each describe builds its own app (sign-in is rate-limited per app).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../db/database.ts';
import { Agent, csrfTokenIn, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';

function auditsOf(db: Db, action: string, entityId?: number) {
  let q = db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId !== undefined) q = q.where('entity_id', '=', String(entityId));
  return q.orderBy('id').execute();
}

function staffRow(db: Db, id: number) {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('signing in and the lockout', () => {
  let t: TestApp;
  let org: number;
  before(async () => {
    t = await testApp();
    org = await createOrg(t.db);
  });
  after(() => t.close());

  test('the right password signs in, records the time and goes to the requested admin page', async () => {
    const p = await createStaff(t.db, { username: 'good', roles: [{ orgId: org, role: 'editor' }] });
    const agent = new Agent(t.app);
    const res = await agent.post('/login', { username: 'GOOD', password: TEST_PASSWORD, next: '/admin/password' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/password');
    assert.ok((await staffRow(t.db, p.id)).last_login_at);
    assert.equal((await auditsOf(t.db, 'auth.login', p.id)).length, 1);
    assert.equal((await agent.get('/admin')).statusCode, 200);
  });

  test('a return address outside the site is ignored', async () => {
    await createStaff(t.db, { username: 'nexter', roles: [{ orgId: org, role: 'editor' }] });
    const res = await new Agent(t.app).post('/login', { username: 'nexter', password: TEST_PASSWORD, next: 'https://evil.example/' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
  });

  test('a wrong password → 401 用户名或密码错误, counted and audited', async () => {
    const p = await createStaff(t.db, { username: 'wrongpw', roles: [{ orgId: org, role: 'editor' }] });
    const agent = new Agent(t.app);
    const res = await agent.post('/login', { username: 'wrongpw', password: 'not-the-password1' });
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /用户名或密码错误/);
    assert.match(res.body, /value="wrongpw"/, 'the username is kept');
    assert.equal((await staffRow(t.db, p.id)).failed_logins, 1);
    assert.equal((await auditsOf(t.db, 'auth.login_failed', p.id)).length, 1);
    assert.equal((await agent.get('/admin')).statusCode, 303, 'not signed in');
  });

  test('an unknown username gets the very same message', async () => {
    const countBefore = (await auditsOf(t.db, 'auth.login_failed')).length;
    const res = await new Agent(t.app).post('/login', { username: 'nobody', password: 'whatever123' });
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /用户名或密码错误/);
    assert.doesNotMatch(res.body, /不存在/);
    const entries = await auditsOf(t.db, 'auth.login_failed');
    assert.equal(entries.length, countBefore + 1);
    assert.deepEqual(JSON.parse(entries.at(-1)!.after_json!), { reason: 'unknown_user' });
  });

  test('empty fields → 422 with Chinese messages', async () => {
    const res = await new Agent(t.app).post('/login', { username: '', password: '' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /请输入用户名/);
  });

  test('a sign-in without the CSRF token is refused (403) and signs nobody in', async () => {
    const p = await createStaff(t.db, { username: 'nocsrf', roles: [{ orgId: org, role: 'editor' }] });
    const agent = new Agent(t.app);
    await agent.get('/login');
    const res = await agent.post('/login', { username: 'nocsrf', password: TEST_PASSWORD }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal((await auditsOf(t.db, 'auth.login', p.id)).length, 0);
    assert.equal((await agent.get('/admin')).statusCode, 303);
  });

  test('five wrong passwords lock the account (423, 锁定); even the right password is then refused', async () => {
    const p = await createStaff(t.db, { username: 'victim', roles: [{ orgId: org, role: 'editor' }] });
    const agent = new Agent(t.app);
    for (let i = 1; i <= 4; i++) {
      const res = await agent.post('/login', { username: 'victim', password: `guess-${i}-wrong` });
      assert.equal(res.statusCode, 401, `attempt ${i}`);
      if (i === 4) assert.match(res.body, /再错误1次，账号将被临时锁定/);
    }
    const fifth = await agent.post('/login', { username: 'victim', password: 'guess-5-wrong' });
    assert.equal(fifth.statusCode, 423);
    assert.match(fifth.body, /锁定/);
    const row = await staffRow(t.db, p.id);
    assert.ok(row.locked_until && row.locked_until > new Date().toISOString());
    const [locked, ...more] = await auditsOf(t.db, 'auth.locked', p.id);
    assert.equal(more.length, 0);
    assert.deepEqual(JSON.parse(locked!.after_json!), { locked_until: row.locked_until });

    const right = await agent.post('/login', { username: 'victim', password: TEST_PASSWORD });
    assert.equal(right.statusCode, 423);
    assert.match(right.body, /锁定/);
    assert.equal((await auditsOf(t.db, 'auth.login', p.id)).length, 0);
    assert.equal((await agent.get('/admin')).statusCode, 303);
  });
});

describe('signing out and changing one’s password', () => {
  let t: TestApp;
  let org: number;
  before(async () => {
    t = await testApp();
    org = await createOrg(t.db);
  });
  after(() => t.close());

  test('logout ends the session', async () => {
    await createStaff(t.db, { username: 'leaving', roles: [{ orgId: org, role: 'editor' }] });
    const agent = await new Agent(t.app).signIn('leaving', TEST_PASSWORD);
    const sessionsBefore = Number((await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal((await agent.get('/admin')).statusCode, 200);

    const noToken = await agent.post('/logout', {}, { csrf: false });
    assert.equal(noToken.statusCode, 403, 'logout needs the CSRF token too');
    assert.equal((await agent.get('/admin')).statusCode, 200, 'still signed in');

    const res = await agent.post('/logout', {}, { tokenFrom: '/admin' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login?out=1');
    const afterwards = await agent.get('/admin');
    assert.equal(afterwards.statusCode, 303);
    assert.match(String(afterwards.headers.location), /^\/login/);
    const sessionsAfter = Number((await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.ok(sessionsAfter < sessionsBefore, 'the session row is deleted');
    assert.match((await agent.get('/login?out=1')).body, /您已安全退出/);
  });

  test('password change: wrong current, mismatched confirmation and weak passwords → 422, nothing changed', async () => {
    const p = await createStaff(t.db, { username: 'changer', roles: [{ orgId: org, role: 'editor' }] });
    const agent = await new Agent(t.app).signIn('changer', TEST_PASSWORD);
    const hashBefore = (await staffRow(t.db, p.id)).password_hash;
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ current: 'wrongCurrent99', password: 'newPassw0rd22', confirm: 'newPassw0rd22' }, /当前密码不正确/],
      [{ current: TEST_PASSWORD, password: 'newPassw0rd22', confirm: 'newPassw0rd23' }, /两次输入的新密码不一致/],
      [{ current: TEST_PASSWORD, password: 'short1', confirm: 'short1' }, /密码至少需要10个字符/],
      [{ current: TEST_PASSWORD, password: 'onlyletterslong', confirm: 'onlyletterslong' }, /须同时包含字母和数字/],
      [{ current: TEST_PASSWORD, password: TEST_PASSWORD, confirm: TEST_PASSWORD }, /新密码不能与当前密码相同/],
    ];
    for (const [fields, message] of cases) {
      const res = await agent.post('/admin/password', fields, { tokenFrom: '/admin/password' });
      assert.equal(res.statusCode, 422, String(message));
      assert.match(res.body, message);
    }
    assert.equal((await staffRow(t.db, p.id)).password_hash, hashBefore);
    assert.equal((await auditsOf(t.db, 'staff.password_changed', p.id)).length, 0);
  });

  test('password change succeeds: the session continues, the new password works and the old does not', async () => {
    const p = await createStaff(t.db, { username: 'renewer', roles: [{ orgId: org, role: 'editor' }], mustChangePassword: true });
    const agent = new Agent(t.app);
    const login = await agent.post('/login', { username: 'renewer', password: TEST_PASSWORD });
    assert.equal(login.headers.location, '/admin/password');
    const forced = await agent.get('/admin');
    assert.equal(forced.statusCode, 303);
    assert.equal(forced.headers.location, '/admin/password');
    const form = await agent.get('/admin/password');
    assert.match(form.body, /请先设置新密码/);

    const res = await agent.post(
      '/admin/password',
      { current: TEST_PASSWORD, password: 'brandNew2026pw', confirm: 'brandNew2026pw' },
      { csrf: csrfTokenIn(form.body) ?? false },
    );
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
    const row = await staffRow(t.db, p.id);
    assert.equal(row.must_change_password, 0);
    assert.equal((await auditsOf(t.db, 'staff.password_changed', p.id)).length, 1);
    const dash = await agent.get('/admin');
    assert.equal(dash.statusCode, 200, 'this session carries on');
    assert.match(dash.body, /密码已修改/);

    assert.equal((await new Agent(t.app).post('/login', { username: 'renewer', password: TEST_PASSWORD })).statusCode, 401);
    const fresh = await new Agent(t.app).post('/login', { username: 'renewer', password: 'brandNew2026pw' });
    assert.equal(fresh.statusCode, 303);
    assert.equal(fresh.headers.location, '/admin');
  });

  test('the password page needs a signed-in person', async () => {
    const res = await new Agent(t.app).get('/admin/password');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/login\?next=%2Fadmin%2Fpassword/);
  });
});
