/**
 * 人员与权限 through HTTP against a real database: listing, creating accounts with a one-time password, and who may
 * change whom (unit administrators, office, ordinary roles). Changes to existing accounts: accountRoutes.test.ts.
 * Each describe builds its own app (sign-in is rate-limited per app).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { auditsOf, rolesRows, signed, snapshot, staffRow, tempPasswordIn } from './testSupport.ts';

describe('creating accounts', () => {
  let t: TestApp;
  let admin: Agent;
  let gov: number;
  let unitA: number;
  let closed: number;
  before(async () => {
    t = await testApp();
    gov = await createOrg(t.db, { kind: 'government', name: '示范区人民政府' });
    unitA = await createOrg(t.db, { name: '区教育局', parentId: gov });
    closed = await createOrg(t.db, { name: '已撤销单位', active: false });
    await createStaff(t.db, { username: 'root', displayName: '管理员', roles: [{ orgId: gov, role: 'admin' }] });
    admin = await new Agent(t.app).signIn('root', TEST_PASSWORD);
  });
  after(() => t.close());

  test('admin creates an account; the temporary password is shown once and must be changed at first sign-in', async () => {
    const form = await admin.get('/admin/staff/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /区教育局/);
    assert.doesNotMatch(form.body, /已撤销单位/, 'inactive organizations are not offered');

    const res = await admin.post(
      '/admin/staff',
      { username: 'Zhang.San', displayName: '张三', orgId: String(unitA), role: 'editor' },
      { tokenFrom: '/admin/staff/new' },
    );
    assert.equal(res.statusCode, 201);
    assert.match(res.body, /账号已创建/);
    assert.match(res.body, /只显示这一次/);
    const password = tempPasswordIn(res.body);

    const row = await t.db.selectFrom('staff').selectAll().where('username', '=', 'zhang.san').executeTakeFirstOrThrow();
    assert.equal(row.display_name, '张三');
    assert.equal(row.must_change_password, 1);
    assert.equal(row.active, 1);
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.ok(!row.password_hash.includes(password));
    assert.deepEqual(
      (await rolesRows(t.db, row.id)).map((r) => [r.org_id, r.role]),
      [[unitA, 'editor']],
    );

    const [entry, ...more] = await auditsOf(t.db, 'staff.created', row.id);
    assert.equal(more.length, 0);
    assert.equal(entry!.org_id, unitA);
    assert.deepEqual(JSON.parse(entry!.after_json!), { username: 'zhang.san', displayName: '张三', orgId: unitA, role: 'editor' });
    assert.match(entry!.actor_name, /管理员/);
    // The plain password is nowhere in the database: not in the audit log, not in any session.
    const allAudit = await t.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    assert.ok(allAudit.every((a) => !`${a.before_json}${a.after_json}`.includes(password)));
    const sessions = await t.db.selectFrom('sessions').select('data').execute();
    assert.ok(sessions.every((s) => !s.data.includes(password)));

    // The person signs in with it and is sent to set their own password.
    const person = new Agent(t.app);
    const login = await person.post('/login', { username: 'zhang.san', password });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/admin/password');
    const dash = await person.get('/admin');
    assert.equal(dash.statusCode, 303);
    assert.equal(dash.headers.location, '/admin/password');

    // The list shows the account, its role, status and last sign-in.
    const list = await admin.get('/admin/staff?q=zhang');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /张三/);
    assert.match(list.body, /区教育局：编辑/);
    assert.match(list.body, /启用/);
    const listed = new RegExp(`data-testid="staff-row-${row.id}"[\\s\\S]*?</tr>`).exec(list.body)?.[0] ?? '';
    assert.match(listed, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'last sign-in is shown');
    const byName = await admin.get(`/admin/staff?q=${encodeURIComponent('张')}`);
    assert.match(byName.body, /zhang\.san/);
    const none = await admin.get('/admin/staff?q=nobody-here');
    assert.match(none.body, /没有找到与“nobody-here”相符的人员/);
    assert.doesNotMatch(none.body, /zhang\.san/);
  });

  const BAD: Array<{ name: string; fields: Record<string, string>; message: RegExp }> = [
    { name: 'too short a username', fields: { username: 'ab' }, message: /用户名须为3至32位小写字母/ },
    { name: 'a username with spaces and symbols', fields: { username: 'bad name!' }, message: /用户名须为3至32位小写字母/ },
    { name: 'a Chinese username', fields: { username: '张三丰' }, message: /用户名须为3至32位小写字母/ },
    { name: 'an oversized username', fields: { username: 'a'.repeat(33) }, message: /用户名不能超过32个字符/ },
    { name: 'a missing display name', fields: { displayName: '   ' }, message: /请填写姓名/ },
    { name: 'an oversized display name', fields: { displayName: '长'.repeat(51) }, message: /姓名不能超过50个字符/ },
    { name: 'no organization', fields: { orgId: '' }, message: /请选择单位/ },
    { name: 'an unknown role', fields: { role: 'superuser' }, message: /请选择角色/ },
    { name: 'an inactive organization', fields: { orgId: 'CLOSED' }, message: /该单位已停用/ },
  ];

  for (const bad of BAD) {
    test(`${bad.name} → 422 with a Chinese message, nothing written`, async () => {
      const start = await snapshot(t.db);
      const fields = { username: 'li.si', displayName: '李四', orgId: String(unitA), role: 'editor', ...bad.fields };
      if (fields.orgId === 'CLOSED') fields.orgId = String(closed);
      const res = await admin.post('/admin/staff', fields, { tokenFrom: '/admin/staff/new' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, bad.message);
      assert.match(res.body, /data-testid="error-summary"/);
      assert.deepEqual(await snapshot(t.db), start);
    });
  }

  test('a username already in use (in any letter case) → 422 该用户名已被使用, nothing written', async () => {
    await createStaff(t.db, { username: 'wang.wu', roles: [{ orgId: unitA, role: 'editor' }] });
    const start = await snapshot(t.db);
    for (const username of ['wang.wu', 'WANG.WU']) {
      const res = await admin.post(
        '/admin/staff',
        { username, displayName: '另一个王五', orgId: String(unitA), role: 'reviewer' },
        { tokenFrom: '/admin/staff/new' },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /该用户名已被使用/);
      assert.match(res.body, /value="另一个王五"/, 'the form keeps what was typed');
    }
    assert.deepEqual(await snapshot(t.db), start);
  });

  test('a create without the CSRF token is refused (403), nothing written', async () => {
    const start = await snapshot(t.db);
    const res = await admin.post(
      '/admin/staff',
      { username: 'no.token', displayName: '无令牌', orgId: String(unitA), role: 'editor' },
      { csrf: false },
    );
    assert.equal(res.statusCode, 403);
    assert.deepEqual(await snapshot(t.db), start);
  });

  test('signed-out visitors are sent to the login page', async () => {
    const res = await new Agent(t.app).get('/admin/staff');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/login\?next=/);
  });
});

describe('who may manage whom', () => {
  let t: TestApp;
  let unitA: number;
  let unitB: number;
  let unitAdmin: Agent;
  let office: Agent;
  let editorA: { id: number };
  let onlyB: { id: number };
  let mixed: { id: number };
  before(async () => {
    t = await testApp();
    const gov = await createOrg(t.db, { kind: 'government' });
    unitA = await createOrg(t.db, { name: '区财政局', parentId: gov });
    unitB = await createOrg(t.db, { name: '区卫健委', parentId: gov });
    await createStaff(t.db, { username: 'root', roles: [{ orgId: gov, role: 'admin' }] });
    await createStaff(t.db, { username: 'ua', displayName: '甲单位管理员', roles: [{ orgId: unitA, role: 'unit_admin' }] });
    await createStaff(t.db, { username: 'office', roles: [{ orgId: gov, role: 'office' }] });
    editorA = await createStaff(t.db, { username: 'editor.a', displayName: '甲编辑', roles: [{ orgId: unitA, role: 'editor' }] });
    onlyB = await createStaff(t.db, { username: 'editor.b', displayName: '乙编辑', roles: [{ orgId: unitB, role: 'editor' }] });
    mixed = await createStaff(t.db, {
      username: 'mixed',
      displayName: '两边都有',
      roles: [
        { orgId: unitA, role: 'reviewer' },
        { orgId: unitB, role: 'reviewer' },
      ],
    });
    unitAdmin = await new Agent(t.app).signIn('ua', TEST_PASSWORD);
    office = await new Agent(t.app).signIn('office', TEST_PASSWORD);
  });
  after(() => t.close());

  test('a unit administrator lists only people with a role in their unit', async () => {
    const res = await unitAdmin.get('/admin/staff');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /甲编辑/);
    assert.match(res.body, /两边都有/);
    assert.doesNotMatch(res.body, /乙编辑/);
    assert.equal((await unitAdmin.get(`/admin/staff/${onlyB.id}`)).statusCode, 403);
  });

  test('a unit administrator creates staff in their unit, but not in another unit or with a district-wide role', async () => {
    const ok = await unitAdmin.post(
      '/admin/staff',
      { username: 'new.a', displayName: '甲新人', orgId: String(unitA), role: 'handler' },
      { tokenFrom: '/admin/staff/new' },
    );
    assert.equal(ok.statusCode, 201);
    const created = await t.db.selectFrom('staff').select('id').where('username', '=', 'new.a').executeTakeFirstOrThrow();
    assert.deepEqual((await rolesRows(t.db, created.id)).map((r) => [r.org_id, r.role]), [[unitA, 'handler']]);
    assert.equal((await auditsOf(t.db, 'staff.created', created.id)).length, 1);

    const start = await snapshot(t.db);
    for (const [org, role, why] of [
      [unitB, 'editor', /本人担任单位管理员的单位/],
      [unitA, 'admin', /只有系统管理员可以授予/],
      [unitA, 'office', /只有系统管理员可以授予/],
    ] as const) {
      const res = await unitAdmin.post(
        '/admin/staff',
        { username: `x.${role}.${org}`, displayName: '不该建成', orgId: String(org), role },
        { tokenFrom: '/admin/staff/new' },
      );
      assert.equal(res.statusCode, 403, `${role} in ${org}`);
      assert.match(res.body, why);
    }
    assert.deepEqual(await snapshot(t.db), start);
  });

  test('a unit administrator grants roles in their unit only, and never admin or office', async () => {
    const start = await snapshot(t.db);
    for (const [org, role] of [
      [unitB, 'editor'],
      [unitA, 'admin'],
      [unitA, 'office'],
    ] as const) {
      const res = await unitAdmin.post(`/admin/staff/${editorA.id}/roles`, { orgId: String(org), role }, signed);
      assert.equal(res.statusCode, 403, `${role} in ${org}`);
    }
    assert.deepEqual(await snapshot(t.db), start);

    const ok = await unitAdmin.post(`/admin/staff/${editorA.id}/roles`, { orgId: String(unitA), role: 'reviewer' }, signed);
    assert.equal(ok.statusCode, 303);
    assert.deepEqual((await rolesRows(t.db, editorA.id)).map((r) => r.role), ['editor', 'reviewer']);
    const [entry] = await auditsOf(t.db, 'staff.role_granted', editorA.id);
    assert.equal(entry!.org_id, unitA);
    assert.deepEqual(JSON.parse(entry!.after_json!), { orgId: unitA, role: 'reviewer' });
  });

  test('a unit administrator edits an account of their unit, but gets 403 for one that also has a role elsewhere', async () => {
    const ok = await unitAdmin.post(`/admin/staff/${editorA.id}`, { displayName: '甲编辑（改）' }, signed);
    assert.equal(ok.statusCode, 303);
    assert.equal((await staffRow(t.db, editorA.id)).display_name, '甲编辑（改）');
    const [entry] = await auditsOf(t.db, 'staff.updated', editorA.id);
    assert.equal(entry!.org_id, unitA);
    assert.deepEqual(JSON.parse(entry!.before_json!), { displayName: '甲编辑' });
    assert.deepEqual(JSON.parse(entry!.after_json!), { displayName: '甲编辑（改）' });

    const start = await snapshot(t.db);
    const mixedGrants = await rolesRows(t.db, mixed.id);
    const inB = mixedGrants.find((g) => g.org_id === unitB)!;
    for (const [url, fields] of [
      [`/admin/staff/${mixed.id}`, { displayName: '改不了' }],
      [`/admin/staff/${mixed.id}`, { displayName: '' }],
      [`/admin/staff/${mixed.id}/deactivate`, {}],
      [`/admin/staff/${mixed.id}/reset-password`, {}],
      [`/admin/staff/${mixed.id}/unlock`, {}],
      [`/admin/staff/${mixed.id}/roles/${inB.id}/revoke`, {}],
    ] as const) {
      const res = await unitAdmin.post(url, fields, signed);
      assert.equal(res.statusCode, 403, url);
    }
    assert.deepEqual(await snapshot(t.db), start);
    assert.equal((await staffRow(t.db, mixed.id)).display_name, '两边都有');

    // The detail page shows the account but offers none of those actions.
    const page = await unitAdmin.get(`/admin/staff/${mixed.id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /data-testid="staff-deactivate"/);
    assert.doesNotMatch(page.body, /data-testid="staff-edit-form"/);
  });

  for (const role of ['editor', 'reviewer', 'approver', 'handler'] as const) {
    test(`${role} gets 403 on the staff pages`, async () => {
      await createStaff(t.db, { username: `plain.${role}`, roles: [{ orgId: unitA, role }] });
      const agent = await new Agent(t.app).signIn(`plain.${role}`, TEST_PASSWORD);
      assert.equal((await agent.get('/admin/staff')).statusCode, 403);
      assert.equal((await agent.get('/admin/staff/new')).statusCode, 403);
      assert.equal((await agent.get(`/admin/staff/${editorA.id}`)).statusCode, 403);
      const start = await snapshot(t.db);
      const res = await agent.post('/admin/staff', { username: `by.${role}`, displayName: '不该建成', orgId: String(unitA), role: 'editor' }, signed);
      assert.equal(res.statusCode, 403);
      assert.equal((await agent.post(`/admin/staff/${editorA.id}/deactivate`, {}, signed)).statusCode, 403);
      assert.deepEqual(await snapshot(t.db), start);
      const dash = await agent.get('/admin');
      assert.doesNotMatch(dash.body, /href="\/admin\/staff"/, 'the module is not offered');
    });
  }

  test('office sees every unit’s staff but gets 403 on every write', async () => {
    const list = await office.get('/admin/staff');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /甲编辑/);
    assert.match(list.body, /乙编辑/);
    assert.doesNotMatch(list.body, /data-testid="staff-new"/);
    const detail = await office.get(`/admin/staff/${onlyB.id}`);
    assert.equal(detail.statusCode, 200);
    assert.doesNotMatch(detail.body, /data-testid="grant-form"/);
    assert.equal((await office.get('/admin/staff/new')).statusCode, 403);

    const grant = (await rolesRows(t.db, onlyB.id))[0]!;
    const start = await snapshot(t.db);
    for (const [url, fields] of [
      ['/admin/staff', { username: 'by.office', displayName: '不该建成', orgId: String(unitB), role: 'editor' }],
      [`/admin/staff/${onlyB.id}`, { displayName: '改名' }],
      [`/admin/staff/${onlyB.id}/roles`, { orgId: String(unitB), role: 'reviewer' }],
      [`/admin/staff/${onlyB.id}/roles/${grant.id}/revoke`, {}],
      [`/admin/staff/${onlyB.id}/deactivate`, {}],
      [`/admin/staff/${onlyB.id}/reactivate`, {}],
      [`/admin/staff/${onlyB.id}/reset-password`, {}],
      [`/admin/staff/${onlyB.id}/unlock`, {}],
    ] as const) {
      assert.equal((await office.post(url, fields, signed)).statusCode, 403, url);
    }
    assert.deepEqual(await snapshot(t.db), start);
  });
});
