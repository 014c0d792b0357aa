import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { nextCode } from './service.ts';

const PAGE = '/admin/vocabularies';

describe('vocabularies: 主题分类 and 体裁', () => {
  let t: TestApp;
  let unit: number;
  let admin: Agent;
  let editor: Agent;
  let office: Agent;

  const vocabRow = (kind: 'topic' | 'genre', code: string) =>
    t.db.selectFrom('vocabularies').selectAll().where('kind', '=', kind).where('code', '=', code).executeTakeFirst();
  const countRows = async () => Number((await t.db.selectFrom('vocabularies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = (action: string) =>
    t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_type', '=', 'vocabulary').orderBy('id').execute();
  /** The <option>s of one select on the drafting form, as value → label. */
  const draftOptions = async (name: string): Promise<Map<string, string>> => {
    const res = await editor.get('/admin/documents/new');
    assert.equal(res.statusCode, 200);
    const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(res.body);
    assert.ok(select, `select ${name} on the drafting form`);
    return new Map([...select[1]!.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1]!, m[2]!]));
  };
  const add = (fields: Record<string, string>) => admin.post(PAGE, fields, { tokenFrom: `${PAGE}/new?kind=${fields.kind ?? 'topic'}` });

  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government' });
    unit = await createOrg(t.db, { parentId: root, code: 'VOCU' });
    await createStaff(t.db, { username: 'vocadmin', roles: [{ orgId: root, role: 'admin' }] });
    await createStaff(t.db, { username: 'voceditor', roles: [{ orgId: unit, role: 'editor' }] });
    await createStaff(t.db, { username: 'vocoffice', roles: [{ orgId: root, role: 'office' }] });
    admin = await new Agent(t.app).signIn('vocadmin', TEST_PASSWORD);
    editor = await new Agent(t.app).signIn('voceditor', TEST_PASSWORD);
    office = await new Agent(t.app).signIn('vocoffice', TEST_PASSWORD);
  });
  after(() => t.close());

  test('generated codes continue the highest number of the kind', () => {
    assert.equal(nextCode('topic', ['T01', 'T22', 'X9']), 'T23');
    assert.equal(nextCode('genre', []), 'G01');
    assert.equal(nextCode('genre', ['G09', 'g120']), 'G121');
  });

  test('the page lists the three vocabularies with how many documents use each entry; only administrators see it', async () => {
    await createDocument(t.db, { orgId: unit, topic_code: 'T05', genre_code: 'G03', catalog_code: 'art20_07' });
    await createDocument(t.db, { orgId: unit, topic_code: 'T05', genre_code: 'G03', catalog_code: 'art20_07' });
    const res = await admin.get(PAGE);
    assert.equal(res.statusCode, 200);
    for (const caption of ['主题分类（共22项', '体裁（共24项', '主动公开目录类别（共22类）']) assert.ok(res.body.includes(caption), caption);
    const row = /data-testid="vocab-row-topic-T05"[\s\S]*?<\/tr>/.exec(res.body)?.[0] ?? '';
    assert.match(row, /国土资源、能源/);
    assert.match(row, /<td data-testid="vocab-usage-topic-T05">2<\/td>/);
    assert.match(res.body, /<td data-testid="vocab-usage-genre-G03">2<\/td>/);
    assert.match(res.body, /<td data-testid="vocab-usage-topic-T01">0<\/td>/);
    const cat = /data-testid="catalog-row-art20_07"[\s\S]*?<\/tr>/.exec(res.body)?.[0] ?? '';
    assert.match(cat, /第二十条第（七）项/);
    assert.match(cat, /财政预算、决算信息/);
    assert.match(cat, /<td data-testid="catalog-deadline-art20_07">20<\/td>/);
    assert.match(cat, /<td data-testid="catalog-usage-art20_07">2<\/td>/);
    assert.match(res.body, /aria-current="page"[^>]*>分类目录|href="\/admin\/vocabularies" aria-current="page"/);

    for (const agent of [editor, office]) {
      assert.equal((await agent.get(PAGE)).statusCode, 403);
      assert.equal((await agent.get(`${PAGE}/new?kind=topic`)).statusCode, 403);
      assert.doesNotMatch((await agent.get('/admin')).body, /href="\/admin\/vocabularies"/);
    }
    assert.match((await admin.get('/admin')).body, /href="\/admin\/vocabularies"/);
    const anonymous = await new Agent(t.app).get(PAGE);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login\?next=/);
  });

  test('non-administrators cannot change anything', async () => {
    const before = await countRows();
    const t05 = (await vocabRow('topic', 'T05'))!;
    for (const agent of [editor, office]) {
      assert.equal((await agent.post(PAGE, { kind: 'topic', label: '越权新增' }, { tokenFrom: '/admin' })).statusCode, 403);
      assert.equal((await agent.post(`${PAGE}/${t05.id}`, { label: '越权改名' }, { tokenFrom: '/admin' })).statusCode, 403);
      assert.equal((await agent.post(`${PAGE}/${t05.id}/deactivate`, {}, { tokenFrom: '/admin' })).statusCode, 403);
    }
    assert.equal(await countRows(), before);
    assert.deepEqual(await vocabRow('topic', 'T05'), t05);
    assert.equal((await audits('vocabulary.created')).length, 0);
  });

  test('an administrator adds a topic; it gets the next code and appears in the drafting form', async () => {
    const res = await add({ kind: 'topic', label: '数字政府建设', code: '', sort_order: '' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, PAGE);
    const row = await vocabRow('topic', 'T23');
    assert.ok(row);
    assert.equal(row.label, '数字政府建设');
    assert.equal(row.active, 1);
    assert.equal(row.sort_order, 22);
    assert.match((await admin.get(PAGE)).body, /已新增主题分类“数字政府建设”（代码 T23）/);
    assert.equal((await draftOptions('topic_code')).get('T23'), '数字政府建设');

    const [entry] = await audits('vocabulary.created');
    assert.ok(entry);
    assert.equal(entry.entity_id, String(row.id));
    assert.equal(entry.org_id, null);
    assert.deepEqual(JSON.parse(entry.after_json!), { kind: 'topic', code: 'T23', label: '数字政府建设', sort_order: 22, active: 1 });

    // A given code (lower case accepted) and a genre.
    const genre = await add({ kind: 'genre', label: '白皮书', code: 'bps1', sort_order: '3' });
    assert.equal(genre.statusCode, 303);
    assert.equal((await vocabRow('genre', 'BPS1'))?.sort_order, 3);
    assert.equal((await draftOptions('genre_code')).get('BPS1'), '白皮书');
  });

  test('bad input is refused with Chinese messages beside the fields and nothing is written', async () => {
    const before = await countRows();
    const auditsBefore = (await audits('vocabulary.created')).length;
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ kind: 'topic', label: '' }, /请填写名称。/],
      [{ kind: 'topic', label: '   ' }, /请填写名称。/],
      [{ kind: 'topic', label: '长'.repeat(51) }, /名称不能超过50个字符。/],
      [{ kind: 'topic', label: '综合政务' }, /已有名称相同的主题分类（代码 T02）。/],
      [{ kind: 'genre', label: '白皮书' }, /已有名称相同的体裁（代码 BPS1）。/],
      [{ kind: 'topic', label: '新主题甲', code: 'T01' }, /代码 T01 已被使用/],
      [{ kind: 'topic', label: '新主题乙', code: 't23' }, /代码 T23 已被使用/],
      [{ kind: 'topic', label: '新主题丙', code: '主题1' }, /代码只能包含英文字母和数字/],
      [{ kind: 'topic', label: '新主题丁', code: 'ABCDEFGHIJK' }, /不超过10个字符/],
      [{ kind: 'topic', label: '新主题戊', sort_order: '-1' }, /排序号应为0至9999之间的整数。/],
    ];
    for (const [fields, message] of cases) {
      const res = await add(fields);
      assert.equal(res.statusCode, 422, JSON.stringify(fields));
      assert.match(res.body, message, JSON.stringify(fields));
      assert.match(res.body, /data-testid="error-summary"/);
      assert.match(res.body, /class="error" id="f-(label|code|sort_order)-error"/);
    }
    // The same label in the other kind is fine in principle; an unknown kind is refused outright.
    assert.equal((await add({ kind: 'place', label: '地名' })).statusCode, 400);
    assert.equal((await admin.get(`${PAGE}/new?kind=place`)).statusCode, 404);
    assert.equal(await countRows(), before);
    assert.equal((await audits('vocabulary.created')).length, auditsBefore);
  });

  test('rename and reorder: documents show the new name; a duplicate name is refused', async () => {
    const row = (await vocabRow('topic', 'T23'))!;
    const docId = await createDocument(t.db, { orgId: unit, topic_code: 'T23' });
    const edit = await admin.get(`${PAGE}/${row.id}/edit`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /已有1条信息使用此主题分类/);

    const dup = await admin.post(`${PAGE}/${row.id}`, { label: '综合政务', sort_order: '1' }, { tokenFrom: `${PAGE}/${row.id}/edit` });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /已有名称相同的主题分类（代码 T02）。/);
    assert.equal((await vocabRow('topic', 'T23'))?.label, '数字政府建设');

    const res = await admin.post(`${PAGE}/${row.id}`, { label: '数字政府', sort_order: '0' }, { tokenFrom: `${PAGE}/${row.id}/edit` });
    assert.equal(res.statusCode, 303);
    const after = (await vocabRow('topic', 'T23'))!;
    assert.equal(after.label, '数字政府');
    assert.equal(after.sort_order, 0);
    assert.equal(after.code, 'T23');
    assert.match((await admin.get(`/admin/documents/${docId}`)).body, /数字政府/);
    // Sort order 0 moves it ahead of every topic but T01 (which shares 0) in the drafting form.
    const order = [...(await draftOptions('topic_code')).keys()].filter(Boolean);
    assert.ok(order.indexOf('T23') < order.indexOf('T02') && order.indexOf('T23') <= 1, order.join(','));

    const [entry] = await audits('vocabulary.updated');
    assert.ok(entry);
    assert.deepEqual(JSON.parse(entry.before_json!), { kind: 'topic', code: 'T23', label: '数字政府建设', sort_order: 22 });
    assert.deepEqual(JSON.parse(entry.after_json!), { kind: 'topic', code: 'T23', label: '数字政府', sort_order: 0 });

    // Saving unchanged values writes nothing.
    const same = await admin.post(`${PAGE}/${row.id}`, { label: '数字政府', sort_order: '0' }, { tokenFrom: `${PAGE}/${row.id}/edit` });
    assert.equal(same.statusCode, 303);
    assert.equal((await audits('vocabulary.updated')).length, 1);
    assert.equal((await admin.get(`${PAGE}/999999/edit`)).statusCode, 404);
  });

  test('a deactivated topic leaves the drafting form, but documents keep showing its name', async () => {
    const row = (await vocabRow('topic', 'T07'))!;
    const docId = await createDocument(t.db, { orgId: unit, topic_code: 'T07', title: '工业交通专项资金管理办法' });
    assert.equal((await t.app.inject({ method: 'GET', url: `/doc/${docId}` })).statusCode, 200);

    const res = await admin.post(`${PAGE}/${row.id}/deactivate`, {}, { tokenFrom: PAGE });
    assert.equal(res.statusCode, 303);
    assert.equal((await vocabRow('topic', 'T07'))?.active, 0);
    assert.equal((await draftOptions('topic_code')).has('T07'), false);
    assert.match((await admin.get(PAGE)).body, /已停用，起草表单中不再出现/);
    assert.match((await admin.get(`/admin/documents/${docId}`)).body, /工业、交通/);
    assert.equal((await t.db.selectFrom('documents').select('topic_code').where('id', '=', docId).executeTakeFirstOrThrow()).topic_code, 'T07');

    const [entry] = await audits('vocabulary.deactivated');
    assert.ok(entry);
    assert.equal(entry.entity_id, String(row.id));
    assert.deepEqual(JSON.parse(entry.after_json!), { kind: 'topic', code: 'T07', label: '工业、交通', active: 0 });

    // Deactivating twice changes nothing and writes no second entry.
    await admin.post(`${PAGE}/${row.id}/deactivate`, {}, { tokenFrom: PAGE });
    assert.equal((await audits('vocabulary.deactivated')).length, 1);

    const back = await admin.post(`${PAGE}/${row.id}/reactivate`, {}, { tokenFrom: PAGE });
    assert.equal(back.statusCode, 303);
    assert.equal((await draftOptions('topic_code')).get('T07'), '工业、交通');
    assert.equal((await audits('vocabulary.reactivated')).length, 1);
  });

  test(
    'the public page of a document keeps the name of a deactivated topic',
    async () => {
      const row = (await vocabRow('topic', 'T08'))!;
      const docId = await createDocument(t.db, { orgId: unit, topic_code: 'T08' });
      await admin.post(`${PAGE}/${row.id}/deactivate`, {}, { tokenFrom: PAGE });
      const page = await t.app.inject({ method: 'GET', url: `/doc/${docId}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /商贸、海关、旅游/);
    },
  );
});
