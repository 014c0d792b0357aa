/**
 * Changing existing accounts through HTTP against a real database: granting and revoking roles, last-admin
 * protection, and sessions ending on deactivation and password reset; unlock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { auditsOf, rolesRows, signed, snapshot, staffRow, tempPasswordIn } from './testSupport.ts';

describe('grants, last admin, deactivation, reset and unlock', () => {
  let t: TestApp;
  let gov: number;
  let unitA: number;
  let unitB: number;
  let closed: number;
  let root: { id: number };
  let admin: Agent;
  before(async () => {
    t = await testApp();
    gov = await createOrg(t.db, { kind: 'government', name: '示范区人民政府' });
    unitA = await createOrg(t.db, { name: '区民政局', parentId: gov });
    unitB = await createOrg(t.db, { name: '区交通局', parentId: gov });
    closed = await createOrg(t.db, { name: '已撤销单位', active: false });
    root = await createStaff(t.db, { username: 'root', displayName: '唯一管理员', roles: [{ orgId: gov, role: 'admin' }] });
    admin = await new Agent(t.app).signIn('root', TEST_PASSWORD);
  });
  after(() => t.close());

  test('grant, duplicate grant, grant in an inactive organization, revoke', async () => {
    const p = await createStaff(t.db, { displayName: '授权对象', roles: [{ orgId: unitA, role: 'editor' }] });
    const ok = await admin.post(`/admin/staff/${p.id}/roles`, { orgId: String(unitB), role: 'approver' }, signed);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/admin/staff/${p.id}`);
    const page = await admin.get(`/admin/staff/${p.id}`);
    assert.match(page.body, /已授予角色/);
    assert.match(page.body, /区交通局/);
    assert.match(page.body, /负责人/);

    const start = await snapshot(t.db);
    const dup = await admin.post(`/admin/staff/${p.id}/roles`, { orgId: String(unitB), role: 'approver' }, signed);
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /无需重复授予/);
    const inactive = await admin.post(`/admin/staff/${p.id}/roles`, { orgId: String(closed), role: 'editor' }, signed);
    assert.equal(inactive.statusCode, 422);
    assert.match(inactive.body, /该单位已停用/);
    const missing = await admin.post(`/admin/staff/${p.id}/roles`, { orgId: '', role: 'editor' }, signed);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /请选择单位/);
    assert.deepEqual(await snapshot(t.db), start);

    const grants = await rolesRows(t.db, p.id);
    const approver = grants.find((g) => g.role === 'approver')!;
    const revoke = await admin.post(`/admin/staff/${p.id}/roles/${approver.id}/revoke`, {}, signed);
    assert.equal(revoke.statusCode, 303);
    assert.deepEqual((await rolesRows(t.db, p.id)).map((g) => g.role), ['editor']);
    const [entry] = await auditsOf(t.db, 'staff.role_revoked', p.id);
    assert.equal(entry!.org_id, unitB);
    assert.deepEqual(JSON.parse(entry!.before_json!), { orgId: unitB, role: 'approver' });
    // A grant that is not this person's is not found.
    const other = await createStaff(t.db, { roles: [{ orgId: unitA, role: 'editor' }] });
    const otherGrant = (await rolesRows(t.db, other.id))[0]!;
    assert.equal((await admin.post(`/admin/staff/${p.id}/roles/${otherGrant.id}/revoke`, {}, signed)).statusCode, 404);
    assert.equal((await rolesRows(t.db, other.id)).length, 1);
  });

  test('unknown and malformed ids are 404', async () => {
    assert.equal((await admin.get('/admin/staff/999999')).statusCode, 404);
    assert.equal((await admin.get('/admin/staff/abc')).statusCode, 404);
    assert.equal((await admin.post('/admin/staff/999999/deactivate', {}, signed)).statusCode, 404);
  });

  test('the platform keeps an active admin: no self-deactivation, no revoking one’s own last admin role', async () => {
    const adminGrant = (await rolesRows(t.db, root.id)).find((g) => g.role === 'admin')!;
    const start = await snapshot(t.db);
    const revoke = await admin.post(`/admin/staff/${root.id}/roles/${adminGrant.id}/revoke`, {}, signed);
    assert.equal(revoke.statusCode, 409);
    assert.match(revoke.body, /不能撤销您本人唯一的系统管理员角色/);
    const deactivate = await admin.post(`/admin/staff/${root.id}/deactivate`, {}, signed);
    assert.equal(deactivate.statusCode, 409);
    assert.match(deactivate.body, /不能停用您本人的账号/);
    assert.deepEqual(await snapshot(t.db), start);
    assert.equal((await staffRow(t.db, root.id)).active, 1);

    // With a second admin, one admin may remove the other's role; the one left cannot remove their own.
    const second = await createStaff(t.db, { username: 'second', roles: [{ orgId: gov, role: 'admin' }] });
    const secondAgent = await new Agent(t.app).signIn('second', TEST_PASSWORD);
    const rootRevoked = await secondAgent.post(`/admin/staff/${root.id}/roles/${adminGrant.id}/revoke`, {}, signed);
    assert.equal(rootRevoked.statusCode, 303);
    assert.equal((await rolesRows(t.db, root.id)).length, 0);
    const secondGrant = (await rolesRows(t.db, second.id))[0]!;
    const refused = await secondAgent.post(`/admin/staff/${second.id}/roles/${secondGrant.id}/revoke`, {}, signed);
    assert.equal(refused.statusCode, 409);
    assert.equal((await rolesRows(t.db, second.id)).length, 1);
    // Restore root for the other tests in this block.
    assert.equal((await secondAgent.post(`/admin/staff/${root.id}/roles`, { orgId: String(gov), role: 'admin' }, signed)).statusCode, 303);
  });

  test('a deactivated person cannot sign in and their live session ends; reactivation restores access', async () => {
    const p = await createStaff(t.db, { username: 'leaver', roles: [{ orgId: unitB, role: 'handler' }, { orgId: unitA, role: 'editor' }] });
    const person = await new Agent(t.app).signIn('leaver', TEST_PASSWORD);
    assert.equal((await person.get('/admin')).statusCode, 200);

    const res = await admin.post(`/admin/staff/${p.id}/deactivate`, {}, signed);
    assert.equal(res.statusCode, 303);
    assert.equal((await staffRow(t.db, p.id)).active, 0);
    const [entry] = await auditsOf(t.db, 'staff.deactivated', p.id);
    assert.ok(entry);
    const firstOrg = (await t.db.selectFrom('organizations').select('id').where('id', 'in', [unitA, unitB]).orderBy('sort_order').executeTakeFirstOrThrow()).id;
    assert.equal(entry.org_id, firstOrg, 'account-level entries go to the first organization of the grants');
    assert.match((await admin.get('/admin/staff?q=leaver')).body, /已停用/);

    const after = await person.get('/admin');
    assert.equal(after.statusCode, 303);
    assert.match(String(after.headers.location), /^\/login/);
    const again = await new Agent(t.app).post('/login', { username: 'leaver', password: TEST_PASSWORD });
    assert.equal(again.statusCode, 403);
    assert.match(again.body, /该账号已停用/);

    assert.equal((await admin.post(`/admin/staff/${p.id}/reactivate`, {}, signed)).statusCode, 303);
    assert.equal((await staffRow(t.db, p.id)).active, 1);
    assert.equal((await auditsOf(t.db, 'staff.reactivated', p.id)).length, 1);
    await new Agent(t.app).signIn('leaver', TEST_PASSWORD);
  });

  test('a password reset shows a new temporary password once, ends the old session and retires the old password', async () => {
    const p = await createStaff(t.db, { username: 'forgetful', roles: [{ orgId: unitA, role: 'reviewer' }] });
    await t.db.updateTable('staff').set({ failed_logins: 3 }).where('id', '=', p.id).execute();
    const person = await new Agent(t.app).signIn('forgetful', TEST_PASSWORD);
    const stampBefore = (await staffRow(t.db, p.id)).password_changed_at;

    const res = await admin.post(`/admin/staff/${p.id}/reset-password`, {}, signed);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /密码已重置/);
    const password = tempPasswordIn(res.body);
    const row = await staffRow(t.db, p.id);
    assert.equal(row.must_change_password, 1);
    assert.equal(row.failed_logins, 0);
    assert.equal(row.locked_until, null);
    assert.notEqual(row.password_changed_at, stampBefore);
    const [entry] = await auditsOf(t.db, 'staff.password_reset', p.id);
    assert.equal(entry!.org_id, unitA);
    assert.ok(!`${entry!.before_json}${entry!.after_json}`.includes(password));

    const old = await person.get('/admin');
    assert.equal(old.statusCode, 303);
    assert.match(String(old.headers.location), /^\/login/);
    const oldPassword = await new Agent(t.app).post('/login', { username: 'forgetful', password: TEST_PASSWORD });
    assert.equal(oldPassword.statusCode, 401);
    const fresh = await new Agent(t.app).post('/login', { username: 'forgetful', password });
    assert.equal(fresh.statusCode, 303);
    assert.equal(fresh.headers.location, '/admin/password');
  });

  test('unlock clears a lockout and the person can sign in again', async () => {
    const p = await createStaff(t.db, { username: 'locked.out', roles: [{ orgId: unitA, role: 'editor' }] });
    const until = new Date(Date.now() + 10 * 60_000).toISOString();
    await t.db.updateTable('staff').set({ locked_until: until, failed_logins: 2 }).where('id', '=', p.id).execute();
    const page = await admin.get(`/admin/staff/${p.id}`);
    assert.match(page.body, /已锁定（至 /);
    assert.match(page.body, /data-testid="staff-unlock"/);
    const refused = await new Agent(t.app).post('/login', { username: 'locked.out', password: TEST_PASSWORD });
    assert.equal(refused.statusCode, 423);

    const res = await admin.post(`/admin/staff/${p.id}/unlock`, {}, signed);
    assert.equal(res.statusCode, 303);
    const row = await staffRow(t.db, p.id);
    assert.equal(row.locked_until, null);
    assert.equal(row.failed_logins, 0);
    const [entry] = await auditsOf(t.db, 'staff.unlocked', p.id);
    assert.equal(entry!.org_id, unitA);
    assert.deepEqual(JSON.parse(entry!.before_json!), { failedLogins: 2, lockedUntil: until });
    await new Agent(t.app).signIn('locked.out', TEST_PASSWORD);
  });

  test('an account without roles is the admin’s alone', async () => {
    const bare = await createStaff(t.db, { username: 'no.roles', displayName: '无角色' });
    await createStaff(t.db, { username: 'ua2', roles: [{ orgId: unitA, role: 'unit_admin' }] });
    const unitAdmin = await new Agent(t.app).signIn('ua2', TEST_PASSWORD);
    assert.equal((await unitAdmin.get(`/admin/staff/${bare.id}`)).statusCode, 403);
    assert.equal((await unitAdmin.post(`/admin/staff/${bare.id}/roles`, { orgId: String(unitA), role: 'editor' }, signed)).statusCode, 403);
    assert.equal((await unitAdmin.post(`/admin/staff/${bare.id}/deactivate`, {}, signed)).statusCode, 403);
    assert.equal((await rolesRows(t.db, bare.id)).length, 0);
    assert.equal((await staffRow(t.db, bare.id)).active, 1);
    const page = await admin.get(`/admin/staff/${bare.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /尚未被授予任何角色/);
    assert.equal((await admin.post(`/admin/staff/${bare.id}`, { displayName: '已改名' }, signed)).statusCode, 303);
    const [entry] = await auditsOf(t.db, 'staff.updated', bare.id);
    assert.equal(entry!.org_id, null);
  });
});
