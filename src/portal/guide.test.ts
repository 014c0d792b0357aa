/** 政府信息公开指南, 制度 and 年报 pages, and the admin form that edits a unit's guide and rules texts. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff, type StaffOverrides } from '../../test/helpers/factories.ts';
import type { PublicOrganization } from '../organizations/present.ts';
import { nextReportText } from './columnRoutes.ts';
import { GUIDE_TEXT_MAX } from './schemas.ts';

let t: TestApp;
let aId = 0;
let bId = 0;
let unitAdminA: Agent;
let unitAdminB: Agent;
let editorA: Agent;
let admin: Agent;
const TOKEN = { tokenFrom: '/admin' };

before(async () => {
  t = await testApp();
  aId = await createOrg(t.db, { code: 'GDA', name: '指南测试局' });
  bId = await createOrg(t.db, { code: 'GDB', name: '指南另一局' });
  const sign = async (roles: StaffOverrides['roles']) => {
    const s = await createStaff(t.db, { roles });
    return new Agent(t.app).signIn(s.username, s.password);
  };
  unitAdminA = await sign([{ orgId: aId, role: 'unit_admin' }]);
  unitAdminB = await sign([{ orgId: bId, role: 'unit_admin' }]);
  editorA = await sign([{ orgId: aId, role: 'editor' }]);
  admin = await sign([{ orgId: aId, role: 'admin' }]);
});

after(async () => {
  await t.close();
});

async function settings() {
  return t.db.selectFrom('settings').select(['key', 'value']).where('key', 'like', '%_text:%').orderBy('key').execute();
}

async function guideAudits() {
  return t.db.selectFrom('audit_log').selectAll().where('action', '=', 'organization.guide_updated').orderBy('id').execute();
}

async function publicPage(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, url);
  return res.body;
}

describe('public guide, rules and annual reports', () => {
  test('the guide is generated from the office details and the 条例', async () => {
    const body = await publicPage('/zwgk/GDA/guide');
    assert.match(body, /<h1 id="page-title">指南测试局政府信息公开指南<\/h1>/);
    for (const text of ['测试办公室', '测试路1号', '100000', '工作日9:00-17:00', '010-12345678', 'mailto:test@example.com']) {
      assert.ok(body.includes(text), `office detail ${text}`);
    }
    for (const text of ['20个工作日内予以答复', '延长的期限最长不超过20个工作日', '国办函〔2020〕109号', '信件、数据电文', '第五十一条']) {
      assert.ok(body.includes(text), `standard text ${text}`);
    }
    assert.ok(!body.includes('五、其他说明'), 'no empty extra section');
    assert.ok(body.includes('aria-current="page">政府信息公开指南</a>'));
  });

  test('the rules page says when nothing is published yet', async () => {
    assert.ok((await publicPage('/zwgk/GDA/rules')).includes('data-testid="rules-empty"'));
  });

  test('the annual reports page is an empty list with the next due date', async () => {
    const body = await publicPage('/zwgk/GDA/annual-reports');
    assert.ok(body.includes('暂无已发布的政府信息公开工作年度报告。'));
    assert.match(body, /年度政府信息公开工作年度报告将于\d{4}年1月31日前发布。/);
  });

  test('report deadlines follow 条例第四十九条', () => {
    const dept = { kind: 'department' } as PublicOrganization;
    const gov = { kind: 'government' } as PublicOrganization;
    assert.equal(nextReportText(dept, '2027-01-15'), '2026年度政府信息公开工作年度报告将于2027年1月31日前发布。');
    assert.equal(nextReportText(dept, '2027-01-31'), '2026年度政府信息公开工作年度报告将于2027年1月31日前发布。');
    assert.equal(nextReportText(dept, '2027-02-01'), '2027年度政府信息公开工作年度报告将于2028年1月31日前发布。');
    assert.equal(nextReportText(gov, '2027-03-01'), '2026年度政府信息公开工作年度报告将于2027年3月31日前发布。');
  });
});

describe('editing the guide and rules texts', () => {
  const url = () => `/admin/organizations/${aId}/guide`;

  test('the unit administrator saves both texts; the public pages show them at once, escaped', async () => {
    // Seen (and cached) before the change: saving must invalidate it.
    assert.ok(!(await publicPage('/zwgk/GDA/guide')).includes('公开查阅点'));
    const form = await unitAdminA.get(url());
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('name="guideText"') && form.body.includes('name="rulesText"'));
    const res = await unitAdminA.post(url(), {
      guideText: '本局在一楼大厅设公开查阅点。\r\n\r\n在线申请请访问 <b>申请平台</b>。',
      rulesText: '第一条 为规范政府信息公开工作，制定本制度。\n第二条 本制度自发布之日起施行。',
    }, { tokenFrom: url() });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, url());
    assert.deepEqual(await settings(), [
      { key: `guide_text:${aId}`, value: '本局在一楼大厅设公开查阅点。\n\n在线申请请访问 <b>申请平台</b>。' },
      { key: `rules_text:${aId}`, value: '第一条 为规范政府信息公开工作，制定本制度。\n第二条 本制度自发布之日起施行。' },
    ]);
    const audits = await guideAudits();
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.org_id, aId);
    assert.equal(audits[0]!.entity_id, String(aId));
    assert.match(audits[0]!.after_json ?? '', /公开查阅点/);
    assert.ok((await unitAdminA.get(url())).body.includes('已保存'), 'flash on the form');

    const guide = await publicPage('/zwgk/GDA/guide');
    assert.ok(guide.includes('五、其他说明'));
    assert.ok(guide.includes('<p>本局在一楼大厅设公开查阅点。</p><p>在线申请请访问 &lt;b>申请平台&lt;/b>。</p>'), 'plain text, escaped, in paragraphs');
    const rules = await publicPage('/zwgk/GDA/rules');
    assert.ok(rules.includes('<p>第一条 为规范政府信息公开工作，制定本制度。</p><p>第二条 本制度自发布之日起施行。</p>'));
  });

  test('saving unchanged texts writes nothing', async () => {
    const before = (await guideAudits()).length;
    const res = await unitAdminA.post(url(), {
      guideText: '本局在一楼大厅设公开查阅点。\n\n在线申请请访问 <b>申请平台</b>。',
      rulesText: '第一条 为规范政府信息公开工作，制定本制度。\n第二条 本制度自发布之日起施行。',
    }, { tokenFrom: url() });
    assert.equal(res.statusCode, 303);
    assert.equal((await guideAudits()).length, before);
  });

  test('over 20,000 characters is refused with 422 beside the field, and nothing is saved', async () => {
    const before = await settings();
    const audits = (await guideAudits()).length;
    const res = await unitAdminA.post(url(), { guideText: '字'.repeat(GUIDE_TEXT_MAX + 1), rulesText: '新的制度' }, { tokenFrom: url() });
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes(`指南补充内容不能超过${GUIDE_TEXT_MAX}个字符。`));
    assert.ok(res.body.includes('id="f-guideText-error"'));
    assert.deepEqual(await settings(), before);
    assert.equal((await guideAudits()).length, audits);
  });

  test('exactly 20,000 characters is accepted', async () => {
    const res = await admin.post(`/admin/organizations/${bId}/guide`, { guideText: '字'.repeat(GUIDE_TEXT_MAX), rulesText: '' }, TOKEN);
    assert.equal(res.statusCode, 303);
    const row = await t.db.selectFrom('settings').select('value').where('key', '=', `guide_text:${bId}`).executeTakeFirstOrThrow();
    assert.equal(row.value.length, GUIDE_TEXT_MAX);
  });

  test('another unit’s administrator and an editor are refused (403), and nothing is saved', async () => {
    const before = await settings();
    const audits = (await guideAudits()).length;
    for (const agent of [unitAdminB, editorA]) {
      assert.equal((await agent.get(url())).statusCode, 403);
      const res = await agent.post(url(), { guideText: '篡改', rulesText: '篡改' }, TOKEN);
      assert.equal(res.statusCode, 403);
    }
    assert.deepEqual(await settings(), before);
    assert.equal((await guideAudits()).length, audits);
  });

  test('anonymous visitors are sent to sign in and cannot post', async () => {
    const anon = new Agent(t.app);
    const res = await anon.get(url());
    assert.equal(res.statusCode, 303);
    assert.match(res.headers.location as string, /^\/login\?next=/);
    const before = await settings();
    const post = await anon.post(url(), { guideText: 'x', rulesText: 'y' });
    assert.ok(post.statusCode === 403 || post.statusCode === 401, `got ${post.statusCode}`);
    assert.deepEqual(await settings(), before);
  });

  test('an unknown unit is not found', async () => {
    assert.equal((await admin.get('/admin/organizations/999999/guide')).statusCode, 404);
  });
});
