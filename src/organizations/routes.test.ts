import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff } from '../../test/helpers/factories.ts';

let t: TestApp;
let govId: number;
let aId: number;
let bId: number;
let admin: Agent;
let office: Agent;
let unitAdmin: Agent;
let editor: Agent;
let anonymous: Agent;

const TOKEN = { tokenFrom: '/admin' };

/** A complete, valid create form; override fields per test. */
function orgForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: '区测试局',
    shortName: '测试局',
    code: 'CSJ',
    kind: 'department',
    parentId: String(govId),
    sortOrder: '10',
    officeName: '区测试局办公室',
    officeAddress: '测试大街1号',
    officePostcode: '100001',
    officeHours: '工作日9:00-17:00',
    officePhone: '(010) 6123-4567转8001',
    officeFax: '010-61234568',
    officeEmail: 'gk@csj.example.gov.cn',
    ...overrides,
  };
}

async function orgCount(): Promise<number> {
  const r = await t.db.selectFrom('organizations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function auditCount(): Promise<number> {
  const r = await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function auditFor(id: number) {
  return t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', 'organization')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
}

async function orgRow(id: number) {
  return t.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Assert that a request changed nothing: same organizations, same audit log. */
async function assertNothingWritten(run: () => Promise<void>): Promise<void> {
  const [orgsBefore, auditBefore] = [await orgCount(), await auditCount()];
  const snapshot = await t.db.selectFrom('organizations').selectAll().orderBy('id').execute();
  await run();
  assert.equal(await orgCount(), orgsBefore, 'no organization inserted');
  assert.equal(await auditCount(), auditBefore, 'no audit entry written');
  assert.deepEqual(await t.db.selectFrom('organizations').selectAll().orderBy('id').execute(), snapshot, 'no row changed');
}

before(async () => {
  t = await testApp();
  govId = await createOrg(t.db, { kind: 'government', name: '测试区人民政府', code: 'GOV' });
  aId = await createOrg(t.db, { name: '区甲局', code: 'AJU', parentId: govId });
  bId = await createOrg(t.db, { name: '区乙局', code: 'BJU', parentId: govId });
  const adminUser = await createStaff(t.db, { displayName: '管理员甲', roles: [{ orgId: govId, role: 'admin' }] });
  const officeUser = await createStaff(t.db, { displayName: '公开办乙', roles: [{ orgId: govId, role: 'office' }] });
  const unitUser = await createStaff(t.db, { displayName: '单位管理员丙', roles: [{ orgId: aId, role: 'unit_admin' }] });
  const editorUser = await createStaff(t.db, { displayName: '编辑丁', roles: [{ orgId: aId, role: 'editor' }] });
  admin = await new Agent(t.app).signIn(adminUser.username, adminUser.password);
  office = await new Agent(t.app).signIn(officeUser.username, officeUser.password);
  unitAdmin = await new Agent(t.app).signIn(unitUser.username, unitUser.password);
  editor = await new Agent(t.app).signIn(editorUser.username, editorUser.password);
  anonymous = new Agent(t.app);
});

after(async () => {
  await t.close();
});

describe('access', () => {
  test('anonymous visitors are sent to the login page', async () => {
    const res = await anonymous.get('/admin/organizations');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/login\?next=%2Fadmin%2Forganizations/);
  });

  test('an editor may not see organizations', async () => {
    assert.equal((await editor.get('/admin/organizations')).statusCode, 403);
    assert.equal((await editor.get(`/admin/organizations/${aId}`)).statusCode, 403);
  });

  test('office sees every organization but cannot create, edit or deactivate', async () => {
    const list = await office.get('/admin/organizations');
    assert.equal(list.statusCode, 200);
    for (const name of ['测试区人民政府', '区甲局', '区乙局']) assert.ok(list.body.includes(name), name);
    assert.ok(!list.body.includes('data-testid="org-new"'));
    assert.equal((await office.get(`/admin/organizations/${bId}`)).statusCode, 200);
    assert.equal((await office.get('/admin/organizations/new')).statusCode, 403);
    assert.equal((await office.get(`/admin/organizations/${aId}/edit`)).statusCode, 403);
    await assertNothingWritten(async () => {
      assert.equal((await office.post('/admin/organizations', orgForm({ code: 'OFFX' }), TOKEN)).statusCode, 403);
      assert.equal((await office.post(`/admin/organizations/${aId}`, orgForm({ code: 'AJU', name: '改名' }), TOKEN)).statusCode, 403);
      assert.equal((await office.post(`/admin/organizations/${aId}`, { officePhone: '123' }, TOKEN)).statusCode, 403);
      assert.equal((await office.post(`/admin/organizations/${bId}/deactivate`, {}, TOKEN)).statusCode, 403);
    });
  });

  test('a unit administrator sees only their own organization', async () => {
    const list = await unitAdmin.get('/admin/organizations');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes('区甲局'));
    assert.ok(!list.body.includes('区乙局'));
    assert.ok(!list.body.includes('data-testid="org-row-GOV"'));
    const own = await unitAdmin.get(`/admin/organizations/${aId}`);
    assert.equal(own.statusCode, 200);
    assert.ok(own.body.includes('测试区人民政府'), 'parent named');
    assert.ok(!own.body.includes(`href="/admin/organizations/${govId}"`), 'but not linked: it is outside their scope');
    assert.equal((await unitAdmin.get(`/admin/organizations/${bId}`)).statusCode, 403);
  });

  test('unknown or malformed ids give 404', async () => {
    assert.equal((await admin.get('/admin/organizations/999999')).statusCode, 404);
    assert.equal((await admin.get('/admin/organizations/abc')).statusCode, 404);
    assert.equal((await admin.get('/admin/organizations/999999/edit')).statusCode, 404);
    await assertNothingWritten(async () => {
      assert.equal((await admin.post('/admin/organizations/999999', orgForm({ code: 'NOPE' }), TOKEN)).statusCode, 404);
      assert.equal((await admin.post('/admin/organizations/999999/deactivate', {}, TOKEN)).statusCode, 404);
    });
  });

  test('a POST without the CSRF token is refused and writes nothing', async () => {
    await assertNothingWritten(async () => {
      const res = await admin.post('/admin/organizations', orgForm({ code: 'NOCSRF' }), { csrf: false });
      assert.equal(res.statusCode, 403);
      assert.equal((await admin.post(`/admin/organizations/${bId}/deactivate`, {}, { csrf: false })).statusCode, 403);
      assert.equal((await admin.post(`/admin/organizations/${aId}`, orgForm({ code: 'AJU', name: 'X' }), { csrf: false })).statusCode, 403);
    });
  });
});

describe('list', () => {
  test('shows the tree with codes, kind labels and status, and filters', async () => {
    const res = await admin.get('/admin/organizations');
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.ok(body.indexOf('测试区人民政府') < body.indexOf('区甲局'), 'government comes first');
    assert.ok(body.includes('区人民政府') && body.includes('部门（委办局）'));
    assert.ok(body.includes('<code>AJU</code>'));
    assert.ok(body.includes('data-testid="org-new"'));

    const filtered = await admin.get('/admin/organizations?kind=government');
    assert.ok(filtered.body.includes('data-testid="org-row-GOV"'));
    assert.ok(!filtered.body.includes('data-testid="org-row-AJU"'));

    const byName = await admin.get(`/admin/organizations?q=${encodeURIComponent('乙')}`);
    assert.ok(byName.body.includes('data-testid="org-row-BJU"'));
    assert.ok(!byName.body.includes('data-testid="org-row-AJU"'));
  });

  test('inactive organizations are hidden unless asked for', async () => {
    const id = await createOrg(t.db, { name: '已撤销的局', code: 'GONE', parentId: govId, active: false });
    const hidden = await admin.get('/admin/organizations');
    assert.ok(!hidden.body.includes('data-testid="org-row-GONE"'));
    const shown = await admin.get('/admin/organizations?inactive=1');
    assert.ok(shown.body.includes('data-testid="org-row-GONE"'));
    assert.ok(shown.body.includes('已停用'));
    assert.equal((await admin.get(`/admin/organizations/${id}`)).statusCode, 200);
  });
});

describe('create', () => {
  test('an administrator creates a department with its office details', async () => {
    const auditBefore = await auditCount();
    const res = await admin.post('/admin/organizations', orgForm({ code: 'csj-1' }), TOKEN);
    assert.equal(res.statusCode, 303, res.body);
    const row = await t.db.selectFrom('organizations').selectAll().where('code', '=', 'CSJ-1').executeTakeFirstOrThrow();
    assert.equal(row.name, '区测试局');
    assert.equal(row.parent_id, govId);
    assert.equal(row.active, 1);
    assert.equal(row.office_phone, '(010) 6123-4567转8001');
    assert.equal(res.headers.location, `/admin/organizations/${row.id}`);
    assert.equal(await auditCount(), auditBefore + 1);
    const [entry] = await auditFor(row.id);
    assert.ok(entry);
    assert.equal(entry.action, 'organization.created');
    assert.equal(entry.org_id, row.id);
    assert.equal(JSON.parse(entry.after_json ?? '{}').code, 'CSJ-1');

    const page = await admin.get(`/admin/organizations/${row.id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('已创建'));
    assert.ok(page.body.includes('gk@csj.example.gov.cn'));
  });

  const bad: Array<[string, Record<string, string>, string]> = [
    ['missing name', { name: '' }, '请填写单位名称'],
    ['name of 1000 characters', { name: '局'.repeat(1000) }, '单位名称不能超过100个字符'],
    ['code with a space', { code: 'A B' }, '单位编码只能包含大写字母、数字和连字符'],
    ['code too short', { code: 'X' }, '单位编码应为2至20个字符'],
    ['duplicate code', { code: 'AJU' }, '该编码已被使用'],
    ['duplicate code in lower case', { code: 'aju' }, '该编码已被使用'],
    ['bad e-mail', { officeEmail: 'not-an-email' }, '请填写有效的电子邮箱地址'],
    ['bad postcode', { officePostcode: '1000' }, '邮政编码应为6位数字'],
    ['bad phone', { officePhone: '010-1234abc' }, '联系电话只能包含'],
    ['department without parent', { parentId: '' }, '须选择上级单位'],
    ['unknown parent', { parentId: '999999' }, '所选上级单位不存在'],
    ['government with a parent', { kind: 'government' }, '区人民政府不设上级单位'],
    ['second active government', { kind: 'government', parentId: '' }, '平台只能有一个启用的区人民政府'],
    ['unknown kind', { kind: 'village' }, '请选择单位类型'],
  ];
  for (const [label, overrides, message] of bad) {
    test(`refuses ${label} with 422 and writes nothing`, async () => {
      await assertNothingWritten(async () => {
        const res = await admin.post('/admin/organizations', orgForm({ code: 'NEWONE', ...overrides }), TOKEN);
        assert.equal(res.statusCode, 422);
        assert.ok(res.body.includes(message), `expected “${message}”`);
        assert.ok(res.body.includes('data-testid="error-summary"'));
      });
    });
  }

  test('refuses an inactive parent', async () => {
    const inactive = await createOrg(t.db, { name: '停用的上级', code: 'OFFPARENT', parentId: govId, active: false });
    await assertNothingWritten(async () => {
      const res = await admin.post('/admin/organizations', orgForm({ code: 'UNDEROFF', parentId: String(inactive) }), TOKEN);
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes('已停用，请选择启用的单位'));
    });
  });

  test('the form keeps what was typed when re-rendered', async () => {
    const res = await admin.post('/admin/organizations', orgForm({ code: 'KEEP', officeEmail: 'bad@', officeAddress: '保留的地址' }), TOKEN);
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes('value="保留的地址"'));
  });
});

describe('edit', () => {
  test('an administrator edits; the audit entry holds before and after of the changed fields only', async () => {
    const id = await createOrg(t.db, { name: '编辑前的局', code: 'EDIT1', parentId: govId });
    const original = await orgRow(id);
    const form = await admin.get(`/admin/organizations/${id}/edit`);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('name="name"'));
    const res = await admin.post(
      `/admin/organizations/${id}`,
      orgForm({ name: '编辑后的局', code: 'EDIT1', shortName: '', sortOrder: '9999', officeName: '测试办公室', officeAddress: '测试路1号', officePostcode: '100000', officeHours: '工作日9:00-17:00', officePhone: '010-87654321', officeFax: '', officeEmail: 'test@example.com' }),
      TOKEN,
    );
    assert.equal(res.statusCode, 303, res.body);
    const row = await orgRow(id);
    assert.equal(row.name, '编辑后的局');
    assert.equal(row.office_phone, '010-87654321');
    const entries = await auditFor(id);
    const entry = entries.at(-1);
    assert.ok(entry);
    assert.equal(entry.action, 'organization.updated');
    assert.equal(entry.org_id, id);
    assert.deepEqual(JSON.parse(entry.before_json ?? '{}'), {
      name: '编辑前的局',
      office_phone: '010-12345678',
      sort_order: original.sort_order,
    });
    assert.deepEqual(JSON.parse(entry.after_json ?? '{}'), { name: '编辑后的局', office_phone: '010-87654321', sort_order: 9999 });
  });

  test('saving without changes writes no audit entry', async () => {
    const id = await createOrg(t.db, { name: '不变的局', code: 'SAME1', parentId: govId });
    const row = await orgRow(id);
    await assertNothingWritten(async () => {
      const res = await admin.post(
        `/admin/organizations/${id}`,
        orgForm({ name: row.name, code: row.code, shortName: '', sortOrder: String(row.sort_order), officeName: '测试办公室', officeAddress: '测试路1号', officePostcode: '100000', officeHours: '工作日9:00-17:00', officePhone: '010-12345678', officeFax: '', officeEmail: 'test@example.com' }),
        TOKEN,
      );
      assert.equal(res.statusCode, 303);
    });
  });

  test('a parent cannot be the organization itself or below it', async () => {
    const top = await createOrg(t.db, { name: '循环上级', code: 'LOOPTOP', parentId: govId });
    const child = await createOrg(t.db, { name: '循环下级', code: 'LOOPCHILD', parentId: top });
    const grandchild = await createOrg(t.db, { name: '循环孙级', code: 'LOOPGRAND', parentId: child });
    await assertNothingWritten(async () => {
      const self = await admin.post(`/admin/organizations/${top}`, orgForm({ name: '循环上级', code: 'LOOPTOP', parentId: String(top) }), TOKEN);
      assert.equal(self.statusCode, 422);
      assert.ok(self.body.includes('上级单位不能是本单位'));
      const below = await admin.post(`/admin/organizations/${top}`, orgForm({ name: '循环上级', code: 'LOOPTOP', parentId: String(grandchild) }), TOKEN);
      assert.equal(below.statusCode, 422);
      assert.ok(below.body.includes('上级单位不能是本单位的下级单位'));
    });
    assert.equal((await orgRow(top)).parent_id, govId);
    const form = await admin.get(`/admin/organizations/${top}/edit`);
    assert.ok(!form.body.includes(`<option value="${grandchild}"`), 'descendants are not offered as parents');
  });

  test('changing to a code another organization uses is refused', async () => {
    await assertNothingWritten(async () => {
      const res = await admin.post(`/admin/organizations/${bId}`, orgForm({ name: '区乙局', code: 'AJU' }), TOKEN);
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes('该编码已被使用'));
    });
  });

  test('a unit administrator edits only the office details of their own organization', async () => {
    const form = await unitAdmin.get(`/admin/organizations/${aId}/edit`);
    assert.equal(form.statusCode, 200);
    assert.ok(!form.body.includes('name="name"'), 'name is read-only');
    assert.ok(!form.body.includes('name="code"'), 'code is read-only');
    assert.ok(form.body.includes('name="officePhone"'));
    assert.ok(form.body.includes('data-testid="org-readonly"'));

    const before = await orgRow(aId);
    const res = await unitAdmin.post(
      `/admin/organizations/${aId}`,
      { name: '篡改的名称', code: 'HACK', kind: 'government', parentId: '', officePhone: '010-55556666', officeEmail: 'a@aju.example.gov.cn' },
      TOKEN,
    );
    assert.equal(res.statusCode, 303, res.body);
    const row = await orgRow(aId);
    assert.equal(row.name, before.name);
    assert.equal(row.code, before.code);
    assert.equal(row.kind, before.kind);
    assert.equal(row.parent_id, before.parent_id);
    assert.equal(row.office_phone, '010-55556666');
    assert.equal(row.office_email, 'a@aju.example.gov.cn');
    const entry = (await auditFor(aId)).at(-1);
    assert.ok(entry);
    assert.equal(entry.action, 'organization.updated');
    const changed = Object.keys(JSON.parse(entry.after_json ?? '{}'));
    assert.ok(!changed.includes('name') && !changed.includes('code'), `audited ${changed.join(',')}`);
    assert.ok(changed.includes('office_phone'));
  });

  test('a unit administrator gets 422 on bad office input and nothing changes', async () => {
    await assertNothingWritten(async () => {
      const res = await unitAdmin.post(`/admin/organizations/${aId}`, { officeEmail: 'nope', officePostcode: '12' }, TOKEN);
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes('请填写有效的电子邮箱地址'));
      assert.ok(res.body.includes('邮政编码应为6位数字'));
    });
  });

  test('a unit administrator cannot edit another organization, create, or deactivate', async () => {
    assert.equal((await unitAdmin.get(`/admin/organizations/${bId}/edit`)).statusCode, 403);
    assert.equal((await unitAdmin.get('/admin/organizations/new')).statusCode, 403);
    await assertNothingWritten(async () => {
      assert.equal((await unitAdmin.post(`/admin/organizations/${bId}`, { officePhone: '010-11112222' }, TOKEN)).statusCode, 403);
      assert.equal((await unitAdmin.post('/admin/organizations', orgForm({ code: 'UNITNEW' }), TOKEN)).statusCode, 403);
      assert.equal((await unitAdmin.post(`/admin/organizations/${aId}/deactivate`, {}, TOKEN)).statusCode, 403);
    });
  });
});

describe('detail', () => {
  test('shows office details and the staff holding roles there', async () => {
    const res = await admin.get(`/admin/organizations/${aId}`);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('data-testid="org-office"'));
    assert.ok(res.body.includes('单位管理员丙'));
    assert.ok(res.body.includes('单位管理员'));
    assert.ok(res.body.includes('编辑丁'));
    assert.ok(!res.body.includes('>管理员甲</th>'), 'staff of other organizations are not listed');
    assert.ok(res.body.includes(`href="/admin/organizations/${govId}"`), 'the administrator may follow the parent link');
  });
});

describe('deactivate and reactivate', () => {
  test('refused while active child organizations remain', async () => {
    const parent = await createOrg(t.db, { name: '有下级的局', code: 'HASKIDS', parentId: govId });
    await createOrg(t.db, { name: '下属中心', code: 'KID1', parentId: parent });
    await assertNothingWritten(async () => {
      const res = await admin.post(`/admin/organizations/${parent}/deactivate`, {}, TOKEN);
      assert.equal(res.statusCode, 409);
      assert.ok(res.body.includes('还有1个启用的下级单位'));
      assert.ok(res.body.includes('下属中心'));
    });
    assert.equal((await orgRow(parent)).active, 1);
  });

  test('soft-deactivates, keeps the row, audits, and reactivates', async () => {
    const id = await createOrg(t.db, { name: '将停用的局', code: 'TOOFF', parentId: govId });
    const res = await admin.post(`/admin/organizations/${id}/deactivate`, {}, TOKEN);
    assert.equal(res.statusCode, 303);
    const row = await orgRow(id);
    assert.equal(row.active, 0, 'row still present, inactive');
    let entry = (await auditFor(id)).at(-1);
    assert.ok(entry);
    assert.equal(entry.action, 'organization.deactivated');
    assert.equal(entry.org_id, id);
    assert.deepEqual(JSON.parse(entry.before_json ?? '{}'), { active: 1 });
    assert.deepEqual(JSON.parse(entry.after_json ?? '{}'), { active: 0 });

    await assertNothingWritten(async () => {
      assert.equal((await admin.post(`/admin/organizations/${id}/deactivate`, {}, TOKEN)).statusCode, 409);
    });

    const back = await admin.post(`/admin/organizations/${id}/reactivate`, {}, TOKEN);
    assert.equal(back.statusCode, 303);
    assert.equal((await orgRow(id)).active, 1);
    entry = (await auditFor(id)).at(-1);
    assert.ok(entry);
    assert.equal(entry.action, 'organization.reactivated');
  });

  test('reactivation under an inactive parent is refused', async () => {
    const parent = await createOrg(t.db, { name: '停用的上级局', code: 'DEADPARENT', parentId: govId, active: false });
    const child = await createOrg(t.db, { name: '停用的下级', code: 'DEADCHILD', parentId: parent, active: false });
    await assertNothingWritten(async () => {
      const res = await admin.post(`/admin/organizations/${child}/reactivate`, {}, TOKEN);
      assert.equal(res.statusCode, 409);
      assert.ok(res.body.includes('请先启用上级单位'));
    });
  });
});
