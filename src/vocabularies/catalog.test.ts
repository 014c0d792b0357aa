import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';

const PAGE = '/admin/vocabularies';
const edit = (code: string) => `${PAGE}/catalog/${code}/edit`;

describe('catalog categories: 公开时限 (条例第二十六条)', () => {
  let t: TestApp;
  let unit: number;
  let admin: Agent;
  let editor: Agent;

  const category = (code: string) => t.db.selectFrom('catalog_categories').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const dueOn = async (id: number) => (await t.db.selectFrom('documents').select('due_on').where('id', '=', id).executeTakeFirstOrThrow()).due_on;
  const audits = (action: string, entityId?: string) =>
    t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .$if(entityId !== undefined, (q) => q.where('entity_id', '=', entityId!))
      .orderBy('id')
      .execute();
  const save = (code: string, fields: Record<string, string>) => admin.post(`${PAGE}/catalog/${code}`, fields, { tokenFrom: edit(code) });
  /** Draft a proactive document through the real form, as an editor does; returns its id. */
  const draft = async (catalogCode: string, formedOn: string, title: string): Promise<number> => {
    const res = await editor.post(
      '/admin/documents',
      {
        kind: 'document',
        org_id: String(unit),
        title,
        summary: '测试',
        issuers: '测试单位',
        written_on: formedOn,
        formed_on: formedOn,
        topic_code: 'T04',
        genre_code: 'G07',
        disclosure: 'proactive',
        catalog_code: catalogCode,
        disclosure_methods: ['政府网站'],
        body: '<p>正文</p>',
      },
      { tokenFrom: '/admin/documents/new' },
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    return Number(String(res.headers.location).split('/').pop());
  };

  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government' });
    unit = await createOrg(t.db, { parentId: root, code: 'CATU' });
    await createStaff(t.db, { username: 'catadmin', roles: [{ orgId: root, role: 'admin' }] });
    await createStaff(t.db, { username: 'cateditor', roles: [{ orgId: unit, role: 'editor' }, { orgId: unit, role: 'approver' }] });
    admin = await new Agent(t.app).signIn('catadmin', TEST_PASSWORD);
    editor = await new Agent(t.app).signIn('cateditor', TEST_PASSWORD);
  });
  after(() => t.close());

  test('the edit page shows the law text read-only; non-administrators may not open or post it', async () => {
    const page = await admin.get(edit('art20_04'));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /第二十条第（四）项/);
    assert.match(page.body, /国民经济和社会发展统计信息/);
    assert.doesNotMatch(page.body, /name="label"/);
    assert.match(page.body, /name="deadline_working_days"[^>]*value="20"/);
    assert.match(page.body, /同时重新计算尚未发布的信息的公开期限/);
    assert.equal((await admin.get(edit('art99_99'))).statusCode, 404);

    assert.equal((await editor.get(edit('art20_04'))).statusCode, 403);
    const refused = await editor.post(`${PAGE}/catalog/art20_04`, { deadline_working_days: '3', active: '1' }, { tokenFrom: '/admin' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await category('art20_04')).deadline_working_days, 20);
  });

  test('a limit over 20 working days, or not a whole number from 1, is refused and nothing changes', async () => {
    const cases: Array<[string, RegExp]> = [
      ['21', /法定期限为20个工作日，目录只能规定更短的期限/],
      ['200', /条例》第二十六条/],
      ['0', /公开时限应为1至20之间的整数/],
      ['-3', /公开时限应为1至20之间的整数/],
      ['5.5', /公开时限应为1至20之间的整数/],
      ['', /请填写公开时限。/],
    ];
    for (const [value, message] of cases) {
      const res = await save('art20_04', { deadline_working_days: value, active: '1', recompute: '1' });
      assert.equal(res.statusCode, 422, value);
      assert.match(res.body, message, value);
      assert.match(res.body, /id="f-deadline_working_days-error"/);
      // The refused form keeps what was typed and the ticked boxes.
      assert.match(res.body, /id="f-recompute"[^>]*checked/);
    }
    assert.equal((await category('art20_04')).deadline_working_days, 20);
    assert.equal((await audits('catalog.updated')).length, 0);
  });

  test('a 5-day limit: a new draft in the category is due 5 working days after it was formed', async () => {
    const res = await save('art20_04', { deadline_working_days: '5', active: '1' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, PAGE);
    assert.equal((await category('art20_04')).deadline_working_days, 5);
    const list = await admin.get(PAGE);
    assert.match(list.body, /<td data-testid="catalog-deadline-art20_04">5<\/td>/);
    assert.match(list.body, /修改只影响此后起草或修改的信息/);

    // 2026-09-28 (Mon) + 5 working days: 09-29 (1), 09-30 (2), 10-01..10-07 National Day, 10-08 (3), 10-09 (4),
    // 10-10 Saturday worked (调休) (5).
    const id = await draft('art20_04', '2026-09-28', '示范区2026年三季度统计数据');
    assert.equal(await dueOn(id), '2026-10-10');
    // Another category keeps the statutory 20: 09-29, 09-30, 10-08, 10-09, 10-10, 10-12 … 10-30 (20).
    const other = await draft('art20_03', '2026-09-28', '示范区专项规划');
    assert.equal(await dueOn(other), '2026-10-30');

    const [entry] = await audits('catalog.updated', 'art20_04');
    assert.ok(entry);
    assert.equal(entry.entity_type, 'catalog_category');
    assert.equal(entry.org_id, null);
    assert.deepEqual(JSON.parse(entry.before_json!), { deadline_working_days: 20, active: 1 });
    assert.deepEqual(JSON.parse(entry.after_json!), { deadline_working_days: 5, active: 1, recomputed_document_ids: [] });
  });

  test('without the checkbox existing due dates stand; with it unpublished items are recomputed and published ones are not', async () => {
    const pending = await createDocument(t.db, {
      orgId: unit, status: 'submitted', published_at: null, catalog_code: 'art20_09', formed_on: '2026-09-28', due_on: '2026-10-30',
    });
    const scheduled = await createDocument(t.db, {
      orgId: unit, status: 'scheduled', published_at: null, catalog_code: 'art20_09', formed_on: '2026-09-28', due_on: '2026-10-30',
    });
    const published = await createDocument(t.db, { orgId: unit, catalog_code: 'art20_09', formed_on: '2026-09-28', due_on: '2026-10-30' });
    const onRequest = await createDocument(t.db, {
      orgId: unit, status: 'draft', published_at: null, disclosure: 'on_request', catalog_code: 'art20_09', formed_on: '2026-09-28', due_on: null,
    });
    const elsewhere = await createDocument(t.db, {
      orgId: unit, status: 'draft', published_at: null, catalog_code: 'art20_10', formed_on: '2026-09-28', due_on: '2026-10-30',
    });

    assert.match((await admin.get(edit('art20_09'))).body, /本类别目前有2条尚未发布的主动公开信息/);
    assert.equal((await save('art20_09', { deadline_working_days: '10', active: '1' })).statusCode, 303);
    assert.equal(await dueOn(pending), '2026-10-30');

    const res = await save('art20_09', { deadline_working_days: '5', active: '1', recompute: '1' });
    assert.equal(res.statusCode, 303);
    assert.match((await admin.get(PAGE)).body, /已重新计算尚未发布的信息的公开期限，2条信息的期限有变化。/);
    assert.equal(await dueOn(pending), '2026-10-10');
    assert.equal(await dueOn(scheduled), '2026-10-10');
    assert.equal(await dueOn(published), '2026-10-30');
    assert.equal(await dueOn(onRequest), null);
    assert.equal(await dueOn(elsewhere), '2026-10-30');

    const entries = await audits('catalog.updated', 'art20_09');
    assert.equal(entries.length, 2);
    assert.deepEqual(JSON.parse(entries[1]!.before_json!), { deadline_working_days: 10, active: 1 });
    assert.deepEqual(JSON.parse(entries[1]!.after_json!), { deadline_working_days: 5, active: 1, recomputed_document_ids: [pending, scheduled] });
    const moved = await audits('document.due_recomputed', String(pending));
    assert.equal(moved.length, 1);
    assert.equal(moved[0]!.org_id, unit);
    assert.deepEqual(JSON.parse(moved[0]!.before_json!), { due_on: '2026-10-30' });
    assert.equal((await audits('document.due_recomputed', String(published))).length, 0);

    // Recomputing again with nothing to change moves nothing and writes no catalog entry.
    await save('art20_09', { deadline_working_days: '5', active: '1', recompute: '1' });
    assert.match((await admin.get(PAGE)).body, /类别设置没有变化。已重新计算尚未发布的信息的公开期限，0条信息的期限有变化。/);
    assert.equal((await audits('catalog.updated', 'art20_09')).length, 2);
  });

  test('a deactivated category leaves the drafting form; documents keep it', async () => {
    const docId = await createDocument(t.db, { orgId: unit, catalog_code: 'art21_06' });
    const res = await save('art21_06', { deadline_working_days: '20' });
    assert.equal(res.statusCode, 303);
    assert.equal((await category('art21_06')).active, 0);
    const form = await editor.get('/admin/documents/new');
    assert.doesNotMatch(form.body, /value="art21_06"/);
    assert.match(form.body, /value="art21_05"/);
    assert.match((await admin.get(`/admin/documents/${docId}`)).body, /治安管理/);
    const [entry] = await audits('catalog.updated', 'art21_06');
    assert.deepEqual(JSON.parse(entry!.after_json!), { deadline_working_days: 20, active: 0, recomputed_document_ids: [] });

    assert.equal((await save('art21_06', { deadline_working_days: '20', active: '1' })).statusCode, 303);
    assert.match((await editor.get('/admin/documents/new')).body, /value="art21_06"/);
  });
});
