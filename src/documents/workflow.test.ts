import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';
import { documentDeps } from './routes.ts';
import { publishDue } from './service.ts';

const VALID_ID = '11010519491231002X';

function draftFields(orgId: number, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: 'document',
    org_id: String(orgId),
    title: '示范区关于促进中小企业发展的若干措施',
    summary: '支持中小企业发展的十条措施。',
    issuers: '示范区发展和改革委员会',
    doc_number: '示发改发[2026]7号',
    written_on: '2026-11-02',
    formed_on: '2026-11-02',
    topic_code: 'T03',
    genre_code: 'G06',
    disclosure: 'proactive',
    catalog_code: 'art20_01',
    disclosure_methods: ['政府网站', '政府公报'],
    is_policy: '1',
    body: '<p class="MsoNormal">第一条 为促进中小企业发展，制定本措施。</p><p>第二条 本措施自发布之日起施行。</p>',
    ...overrides,
  };
}

describe('editorial workflow', () => {
  let t: TestApp;
  let unitA: number;
  let unitB: number;
  const agents: Record<string, Agent> = {};
  const countDocs = async () => Number((await t.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const actions = async (id: number) =>
    (await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'document').where('entity_id', '=', String(id)).orderBy('id').execute()).map((r) => r.action);
  const docRow = (id: number) => t.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const idFrom = (location: string | string[] | number | undefined) => Number(String(location).split('/').pop());

  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government' });
    unitA = await createOrg(t.db, { parentId: root, code: 'FGWT', name: '甲委' });
    unitB = await createOrg(t.db, { parentId: root, code: 'JWT', name: '乙委' });
    const people: Array<[string, Array<{ orgId: number; role: 'editor' | 'reviewer' | 'approver' | 'office' }>]> = [
      ['editor', [{ orgId: unitA, role: 'editor' }]],
      ['reviewer', [{ orgId: unitA, role: 'reviewer' }]],
      ['approver', [{ orgId: unitA, role: 'approver' }]],
      ['both', [{ orgId: unitA, role: 'editor' }, { orgId: unitA, role: 'reviewer' }, { orgId: unitA, role: 'approver' }]],
      ['editorb', [{ orgId: unitB, role: 'editor' }]],
      ['office', [{ orgId: root, role: 'office' }]],
    ];
    for (const [name, roles] of people) {
      await createStaff(t.db, { username: `wf_${name}`, roles });
      agents[name] = await new Agent(t.app).signIn(`wf_${name}`, TEST_PASSWORD);
    }
  });
  after(() => t.close());

  const post = (who: string, url: string, fields: Record<string, string | string[]> = {}) =>
    agents[who]!.post(url, fields, { tokenFrom: '/admin' });

  test('the list filters by status and title within the viewer’s units, and refuses an unknown status', async () => {
    const id = idFrom((await post('editor', '/admin/documents', draftFields(unitA, { title: '列表筛选用的草稿' }))).headers.location);
    await post('editor', `/admin/documents/${id}/submit`);
    const submitted = await agents.editor!.get('/admin/documents?status=submitted&q=列表筛选');
    assert.equal(submitted.statusCode, 200);
    assert.match(submitted.body, /列表筛选用的草稿/);
    assert.doesNotMatch((await agents.editor!.get('/admin/documents?status=draft&q=列表筛选')).body, /列表筛选用的草稿/);
    assert.doesNotMatch((await agents.office!.get(`/admin/documents?org=${unitB}&q=列表筛选`)).body, /列表筛选用的草稿/);
    assert.match((await agents.office!.get(`/admin/documents?org=${unitA}&q=列表筛选`)).body, /列表筛选用的草稿/);
    const bad = await agents.editor!.get('/admin/documents?status=bogus');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /筛选条件有误/);
  });

  test('bad drafts are refused with Chinese messages and nothing is written', async () => {
    const before = await countDocs();
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ title: '' }, /请填写标题/],
      [{ doc_number: '第五号文件' }, /发文字号无法识别/],
      [{ body: '<p>正文</p><script>alert(1)</script>' }, /不允许/],
      [{ body: '<p onmouseover="steal()">正文</p>' }, /事件属性/],
      [{ disclosure: 'withheld', catalog_code: '' }, /不予公开须选择理由/],
      [{ catalog_code: '' }, /主动公开目录类别/],
      [{ title: '标'.repeat(301) }, /不能超过300个字符/],
      [{ written_on: '2026-02-30' }, /成文日期格式/],
    ];
    for (const [override, message] of cases) {
      const res = await post('editor', '/admin/documents', draftFields(unitA, override));
      assert.equal(res.statusCode, 422, JSON.stringify(override));
      assert.match(res.body, message);
    }
    assert.equal(await countDocs(), before);
  });

  test('a unit’s editor cannot draft in another unit or see its drafts', async () => {
    const res = await post('editorb', '/admin/documents', draftFields(unitA));
    assert.equal(res.statusCode, 403);
    const created = await post('editor', '/admin/documents', draftFields(unitA, { title: '甲委内部草稿' }));
    const id = idFrom(created.headers.location);
    assert.equal((await agents.editorb!.get(`/admin/documents/${id}`)).statusCode, 404);
    const list = await agents.editorb!.get('/admin/documents');
    assert.doesNotMatch(list.body, /甲委内部草稿/);
    assert.equal((await post('editorb', `/admin/documents/${id}/submit`)).statusCode, 404);
    // 公开办 supervises: reads every unit's drafts but cannot act on them.
    assert.equal((await agents.office!.get(`/admin/documents/${id}`)).statusCode, 200);
    assert.equal((await post('office', `/admin/documents/${id}/submit`)).statusCode, 403);
  });

  test('draft → submit → returned for lacking an interpretation → interpretation added → reviewed → published', async () => {
    const created = await post('editor', '/admin/documents', draftFields(unitA));
    assert.equal(created.statusCode, 303);
    const id = idFrom(created.headers.location);
    let doc = await docRow(id);
    assert.equal(doc.status, 'draft');
    assert.match(doc.index_number, /^FGWT\/\d{4}-\d{5}$/);
    assert.equal(doc.doc_number, '示发改发〔2026〕7号', '文号 normalised');
    assert.equal(doc.body_html, '<p>第一条 为促进中小企业发展，制定本措施。</p><p>第二条 本措施自发布之日起施行。</p>');
    // 2026-11-02 (Mon) + 20 working days, no holidays in November: 11-03 … 11-30 → 2026-11-30.
    assert.equal(doc.due_on, '2026-11-30');

    assert.equal((await post('editor', `/admin/documents/${id}/submit`)).statusCode, 303);
    assert.equal((await post('editor', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' })).statusCode, 403);
    const unconfirmed = await post('reviewer', `/admin/documents/${id}/review`, { confirm_disclosure: '1' });
    assert.equal(unconfirmed.statusCode, 422);
    assert.match(unconfirmed.body, /请确认已完成保密审查/);

    const returned = await post('reviewer', `/admin/documents/${id}/return`, { reason: '政策性文件未附解读材料，请补充政策解读。' });
    assert.equal(returned.statusCode, 303);
    doc = await docRow(id);
    assert.equal(doc.status, 'draft');
    assert.match((await agents.editor!.get(`/admin/documents/${id}`)).body, /已退回：政策性文件未附解读材料/);

    const interp = await post('editor', '/admin/documents', {
      kind: 'interpretation',
      org_id: String(unitA),
      title: '图解：促进中小企业发展的若干措施',
      disclosure: 'proactive',
      catalog_code: 'art20_01',
      interp_form: 'graphic',
      interp_unit: '示范区发展和改革委员会',
      interp_person: '钱主任',
      policy_ids: String(id),
      body: '一图读懂十条措施。',
    });
    assert.equal(interp.statusCode, 303);
    const interpId = idFrom(interp.headers.location);
    const links = await t.db.selectFrom('interpretation_links').selectAll().where('interpretation_id', '=', interpId).execute();
    assert.deepEqual(links.map((l) => l.policy_id), [id]);

    await post('editor', `/admin/documents/${id}/submit`);
    assert.equal((await post('reviewer', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' })).statusCode, 303);
    const approved = await post('approver', `/admin/documents/${id}/approve`, { mode: 'now' });
    assert.equal(approved.statusCode, 303);
    doc = await docRow(id);
    assert.equal(doc.status, 'published');
    assert.ok(doc.published_at);
    assert.equal(doc.approved_by !== null, true);
    assert.deepEqual(await actions(id), [
      'document.created',
      'document.submitted',
      'document.returned',
      'document.submitted',
      'document.reviewed',
      'document.published',
    ]);
  });

  test('a policy without interpretation needs the approver’s recorded reason', async () => {
    const id = idFrom((await post('editor', '/admin/documents', draftFields(unitA, { title: '无解读的政策' }))).headers.location);
    await post('editor', `/admin/documents/${id}/submit`);
    await post('reviewer', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' });
    const refused = await post('approver', `/admin/documents/${id}/approve`, { mode: 'now' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /政策性文件须同时报送政策解读/);
    assert.equal((await docRow(id)).status, 'reviewed');
    const ok = await post('approver', `/admin/documents/${id}/approve`, { mode: 'hold', waiver: '本文件为既有政策的延期执行通知，无新增政策内容。' });
    assert.equal(ok.statusCode, 303);
    const doc = await docRow(id);
    assert.equal(doc.status, 'approved');
    assert.match(doc.interpretation_waiver ?? '', /延期执行/);
    assert.equal((await post('approver', `/admin/documents/${id}/publish`)).statusCode, 303);
    assert.equal((await docRow(id)).status, 'published');
  });

  test('nobody approves their own submission', async () => {
    const id = idFrom((await post('both', '/admin/documents', draftFields(unitA, { is_policy: [], title: '本人提交' }))).headers.location);
    await post('both', `/admin/documents/${id}/submit`);
    const selfReview = await post('both', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' });
    assert.equal(selfReview.statusCode, 403);
    assert.match(selfReview.body, /不能审核本人提交的稿件/);
    await post('reviewer', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' });
    const selfApprove = await post('both', `/admin/documents/${id}/approve`, { mode: 'now' });
    assert.equal(selfApprove.statusCode, 403);
    assert.match(selfApprove.body, /不能签发本人提交的稿件/);
    assert.equal((await docRow(id)).status, 'reviewed');
  });

  test('scheduled publication is released when its time comes', async () => {
    const id = idFrom((await post('editor', '/admin/documents', draftFields(unitA, { is_policy: [], title: '定时发布的通知' }))).headers.location);
    await post('editor', `/admin/documents/${id}/submit`);
    await post('reviewer', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' });
    const past = await post('approver', `/admin/documents/${id}/approve`, { mode: 'schedule', scheduled_at: '2020-01-01T09:00' });
    assert.equal(past.statusCode, 422);
    assert.match(past.body, /定时发布时间须晚于当前时间/);
    const future = new Date(Date.now() + 3 * 86_400_000);
    const local = new Date(future.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
    assert.equal((await post('approver', `/admin/documents/${id}/approve`, { mode: 'schedule', scheduled_at: local })).statusCode, 303);
    assert.equal((await docRow(id)).status, 'scheduled');
    const deps = documentDeps(t.app.services);
    assert.deepEqual(await publishDue(deps, new Date()), []);
    assert.deepEqual(await publishDue(deps, new Date(future.getTime() + 60_000)), [id]);
    assert.equal((await docRow(id)).status, 'published');
    assert.ok((await actions(id)).includes('document.scheduled'));
  });

  test('personal information blocks approval until masked or kept with a reason', async () => {
    const body = `<p>联系人：张三，身份证号${VALID_ID}，电话13800138000。</p><p>文号京政发〔2022〕18号不是个人信息。</p>`;
    const id = idFrom((await post('editor', '/admin/documents', draftFields(unitA, { is_policy: [], title: '含个人信息的公示', body }))).headers.location);
    const page = await agents.editor!.get(`/admin/documents/${id}`);
    const findingsPanel = page.body.slice(page.body.indexOf('data-testid="privacy-findings"'), page.body.indexOf('</section>', page.body.indexOf('data-testid="privacy-findings"')));
    assert.match(findingsPanel, /110105\*{8}002X/);
    assert.match(findingsPanel, /138\*{4}8000/);
    assert.doesNotMatch(findingsPanel, new RegExp(VALID_ID), 'the findings list shows masked values only');
    await post('editor', `/admin/documents/${id}/submit`);
    await post('reviewer', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' });
    const blocked = await post('approver', `/admin/documents/${id}/approve`, { mode: 'now' });
    assert.equal(blocked.statusCode, 409);
    assert.match(blocked.body, /2处个人信息未处理/);
    // Return to the editor, who masks the ID number; the phone is kept with a reason (e.g. a public hotline).
    await post('approver', `/admin/documents/${id}/return`, { reason: '请遮盖身份证号。' });
    const row = await docRow(id);
    const { scanText, findingFingerprint } = await import('../privacy/scanner.ts');
    const findings = scanText(row.body_text);
    const idFinding = findings.find((f) => f.kind === 'id_card')!;
    const phone = findings.find((f) => f.kind === 'mobile')!;
    assert.equal((await post('editor', `/admin/documents/${id}/privacy/mask`, { fingerprint: findingFingerprint(idFinding) })).statusCode, 303);
    const masked = await docRow(id);
    assert.doesNotMatch(masked.body_html, new RegExp(VALID_ID));
    assert.match(masked.body_html, /京政发〔2022〕18号/);
    const noReason = await post('editor', `/admin/documents/${id}/privacy/keep`, { fingerprint: findingFingerprint(phone), reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.equal((await post('editor', `/admin/documents/${id}/privacy/keep`, { fingerprint: findingFingerprint(phone), reason: '单位公开的咨询电话' })).statusCode, 303);
    await post('editor', `/admin/documents/${id}/submit`);
    await post('reviewer', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' });
    assert.equal((await post('approver', `/admin/documents/${id}/approve`, { mode: 'now' })).statusCode, 303);
    const log = await actions(id);
    assert.ok(log.includes('document.privacy_masked'));
    assert.ok(log.includes('document.privacy_kept'));
  });

  test('after publication: revise, change validity, withdraw, take down a revoked penalty decision', async () => {
    const id = idFrom((await post('editor', '/admin/documents', draftFields(unitA, { is_policy: [], is_penalty_decision: '1', title: '行政处罚决定书（示例）' }))).headers.location);
    await post('editor', `/admin/documents/${id}/submit`);
    await post('reviewer', `/admin/documents/${id}/review`, { confirm_disclosure: '1', confirm_secrecy: '1' });
    await post('approver', `/admin/documents/${id}/approve`, { mode: 'now' });

    assert.equal((await post('editor', `/admin/documents/${id}/revise`, draftFields(unitA, { change_note: '更正' }))).statusCode, 403);
    const noNote = await post('approver', `/admin/documents/${id}/revise`, draftFields(unitA, { title: '行政处罚决定书（更正）' }));
    assert.equal(noNote.statusCode, 422);
    const revised = await post('approver', `/admin/documents/${id}/revise`, draftFields(unitA, { title: '行政处罚决定书（更正）', change_note: '更正当事人名称' }));
    assert.equal(revised.statusCode, 303);
    assert.equal((await docRow(id)).version, 2);
    const versions = await t.db.selectFrom('document_versions').selectAll().where('document_id', '=', id).execute();
    assert.equal(versions.length, 1);
    assert.equal(JSON.parse(versions[0]!.snapshot_json).title, '行政处罚决定书（示例）');
    assert.equal((await agents.approver!.get(`/admin/documents/${id}/versions/1`)).statusCode, 200);

    const badValidity = await post('approver', `/admin/documents/${id}/validity`, { validity: 'revised', validity_note: '已修订' });
    assert.equal(badValidity.statusCode, 422);
    assert.match(badValidity.body, /须指明修订后的文件/);
    assert.equal((await post('approver', `/admin/documents/${id}/validity`, { validity: 'repealed', validity_note: '因上位法修改废止' })).statusCode, 303);
    assert.equal((await docRow(id)).validity, 'repealed');

    assert.equal((await post('approver', `/admin/documents/${id}/withdraw`, { reason: '' })).statusCode, 422);
    assert.equal((await post('approver', `/admin/documents/${id}/withdraw`, { reason: '内容有误，更正后重新发布。' })).statusCode, 303);
    assert.equal((await docRow(id)).status, 'withdrawn');

    // 行政处罚法第四十八条、第八十五条: revoked 2026-09-30 (Wed) → 3 working days: 10-01..10-07 off, 10-08 (1), 10-09 (2),
    // 10-10 Saturday worked (3) → 2026-10-10.
    const down = await post('approver', `/admin/documents/${id}/takedown`, { reason: '该处罚决定已被依法撤销。', penalty_revoked_on: '2026-09-30' });
    assert.equal(down.statusCode, 303);
    const gone = await docRow(id);
    assert.equal(gone.status, 'taken_down');
    assert.equal(gone.takedown_due_on, '2026-10-10');
    assert.equal(gone.public_notice, '该处罚决定已被依法撤销。');
    const log = await actions(id);
    for (const a of ['document.revised', 'document.validity_changed', 'document.withdrawn', 'document.taken_down']) assert.ok(log.includes(a), a);
  });
});
