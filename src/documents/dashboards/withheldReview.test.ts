/**
 * 条例第十八条 re-review of 不予公开 items: the board (fixed today 2025-10-09, so the 30-day window ends 2025-11-08),
 * the keep/release command with its audit entry, and the POST with its 422 / 403 / 404 / 409 answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Actor } from '../../audit/repository.ts';
import type { Viewer } from '../../platform/page.ts';
import { todayInShanghai } from '../../platform/time.ts';
import { Agent, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createDocument, createOrg, createStaff, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { addMonths } from './common.ts';
import { withheldReviewBoard } from './withheldBoard.ts';
import { presentWithheldReview } from './present.ts';
import { recordWithheldReview } from './rereview.ts';

const TODAY = '2025-10-09';

describe('withheld re-review', () => {
  let t: TestApp;
  let unitA: number;
  let unitB: number;
  let approverA: Viewer;
  const ids: Record<string, number> = {};
  const agents: Record<string, Agent> = {};
  const actor: Actor = { id: null, name: '测试负责人', ip: null };

  const withheld = async (key: string, orgId: number, nextReviewOn: string | null, extra = {}) => {
    ids[key] = await createDocument(t.db, {
      orgId,
      title: `不予公开${key}`,
      disclosure: 'withheld',
      withheld_reason: 'third_party',
      withheld_basis: '涉及第三方商业秘密',
      catalog_code: null,
      status: 'approved',
      published_at: null,
      due_on: null,
      next_review_on: nextReviewOn,
      ...extra,
    });
  };
  const row = (key: string) => t.db.selectFrom('documents').selectAll().where('id', '=', ids[key]!).executeTakeFirstOrThrow();
  const audits = (key: string) =>
    t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'document')
      .where('entity_id', '=', String(ids[key]))
      .where('action', '=', 'document.rereviewed')
      .orderBy('id')
      .execute();
  const post = (who: string, key: string | number, fields: Record<string, string>) =>
    agents[who]!.post(`/admin/documents/${typeof key === 'number' ? key : ids[key]}/withheld-review`, fields, { tokenFrom: '/admin' });

  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government', name: '示范区人民政府' });
    unitA = await createOrg(t.db, { parentId: root, name: '甲委' });
    unitB = await createOrg(t.db, { parentId: root, name: '乙委' });
    await withheld('W1', unitA, '2025-10-01'); // 8 days overdue
    await withheld('W2', unitA, '2025-11-08'); // last day of the window
    await withheld('W3', unitA, '2025-11-09'); // outside
    await withheld('W4', unitA, null); // never scheduled
    await withheld('W5', unitB, TODAY, { withheld_reason: 'process_info' });
    await withheld('W6', unitA, '2025-10-01', { status: 'draft' }); // not signed off
    await withheld('W7', unitA, '2025-10-01', { disclosure: 'on_request' });
    const people: Array<[string, Array<{ orgId: number; role: 'editor' | 'approver' | 'office' }>]> = [
      ['approvera', [{ orgId: unitA, role: 'approver' }]],
      ['approverb', [{ orgId: unitB, role: 'approver' }]],
      ['editora', [{ orgId: unitA, role: 'editor' }]],
      ['office', [{ orgId: root, role: 'office' }]],
    ];
    for (const [name, roles] of people) {
      const s = await createStaff(t.db, { username: `wr_${name}`, displayName: name, roles });
      agents[name] = await new Agent(t.app).signIn(`wr_${name}`, TEST_PASSWORD);
      if (name === 'approvera') {
        approverA = { id: s.id, username: s.username, displayName: name, mustChangePassword: false, roles: [{ orgId: unitA, orgName: '甲委', role: 'approver' }] };
      }
    }
  });
  after(() => t.close());

  test('the board lists items due within 30 days, overdue or never scheduled', async () => {
    const b = await withheldReviewBoard(t.db, 'all', TODAY);
    assert.equal(b.reviewBy, '2025-11-08');
    const byId = new Map(b.items.map((i) => [i.id, i]));
    assert.deepEqual([...byId.keys()].sort((x, y) => x - y), [ids.W1, ids.W2, ids.W4, ids.W5].sort((x, y) => x! - y!));
    assert.deepEqual([byId.get(ids.W1!)?.overdue, byId.get(ids.W1!)?.daysLeft], [true, -8]);
    assert.deepEqual([byId.get(ids.W2!)?.overdue, byId.get(ids.W2!)?.daysLeft], [false, 30]);
    assert.deepEqual([byId.get(ids.W4!)?.overdue, byId.get(ids.W4!)?.daysLeft], [true, null]);
    const view = presentWithheldReview(b, (orgId) => orgId === unitA);
    const item = (key: string) => view.items.find((i) => i.id === ids[key]);
    assert.equal(item('W1')?.reason, '涉及商业秘密、个人隐私等第三方合法权益（条例第十五条）');
    assert.equal(item('W5')?.reason, '属于过程性信息（条例第十六条第二款）');
    assert.deepEqual([item('W1')?.state, item('W2')?.state, item('W4')?.state, item('W5')?.state], ['已逾期8天', '30天后到期', '未设定复审日期', '今天到期']);
    assert.equal(item('W1')?.nextReviewOn, '2025年10月1日（星期三）');
    assert.deepEqual([item('W1')?.canReview, item('W5')?.canReview], [true, false]);

    const scoped = await withheldReviewBoard(t.db, [unitB], TODAY);
    assert.deepEqual(scoped.items.map((i) => i.id), [ids.W5]);
  });

  test('keep: the next review is 12 months on, with an audit entry', async () => {
    const set = await recordWithheldReview(t.db, t.app.services.calendar.current(), approverA, actor, ids.W1!, { conclusion: 'keep', note: '理由仍成立' }, TODAY);
    assert.deepEqual(set, { next_review_on: '2026-10-09' });
    const r = await row('W1');
    assert.deepEqual([r.disclosure, r.status, r.withheld_reason, r.next_review_on], ['withheld', 'approved', 'third_party', '2026-10-09']);
    const [entry, ...more] = await audits('W1');
    assert.equal(more.length, 0);
    assert.equal(entry?.org_id, unitA);
    assert.equal(JSON.parse(entry!.before_json!).next_review_on, '2025-10-01');
    assert.deepEqual(JSON.parse(entry!.after_json!), { conclusion: 'keep', note: '理由仍成立', next_review_on: '2026-10-09' });
  });

  test('release: back to a proactive draft, its 20-working-day clock starting today', async () => {
    await recordWithheldReview(t.db, t.app.services.calendar.current(), approverA, actor, ids.W2!, { conclusion: 'release', note: '合同已履行完毕' }, TODAY);
    const r = await row('W2');
    // 20 working days after Thu 10-09: 10-10 (1), Sat 10-11 调休 (2), 10-13..17 (3–7), 10-20..24 (8–12),
    // 10-27..31 (13–17), Mon 11-03 (18), 11-04 (19), Wed 11-05 (20).
    assert.deepEqual(
      [r.disclosure, r.status, r.withheld_reason, r.withheld_basis, r.next_review_on, r.formed_on, r.due_on],
      ['proactive', 'draft', null, null, null, TODAY, '2025-11-05'],
    );
    const [entry] = await audits('W2');
    assert.deepEqual(JSON.parse(entry!.before_json!), {
      disclosure: 'withheld',
      status: 'approved',
      withheld_reason: 'third_party',
      withheld_basis: '涉及第三方商业秘密',
      next_review_on: '2025-11-08',
      formed_on: r.created_at.slice(0, 10),
      due_on: null,
    });
    assert.equal(JSON.parse(entry!.after_json!).conclusion, 'release');
    // Reviewing it again is refused: it is no longer a withheld item.
    await assert.rejects(
      recordWithheldReview(t.db, t.app.services.calendar.current(), approverA, actor, ids.W2!, { conclusion: 'keep', note: 'x' }, TODAY),
      (err: Error & { status?: number }) => err.status === 409,
    );
  });

  test('the page shows forms only to the unit’s approver', async () => {
    const a = await agents.approvera!.get('/admin/documents/withheld-review');
    assert.equal(a.statusCode, 200);
    assert.match(a.body, new RegExp(`data-testid="review-form-${ids.W4}"`));
    assert.doesNotMatch(a.body, /不予公开W5/); // unit B's item
    assert.match(a.body, /<caption>需复审的不予公开信息<\/caption>/);
    const office = await agents.office!.get('/admin/documents/withheld-review');
    assert.match(office.body, /不予公开W5/);
    assert.doesNotMatch(office.body, /data-testid="review-form-/);
    const editor = await agents.editora!.get('/admin/documents/withheld-review');
    assert.match(editor.body, /不予公开W4/);
    assert.doesNotMatch(editor.body, /data-testid="review-form-/);
  });

  test('POST keep and release through the form', async () => {
    const res = await post('approvera', 'W4', { conclusion: 'keep', note: '仍涉及第三方权益' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/documents/withheld-review');
    assert.equal((await row('W4')).next_review_on, addMonths(todayInShanghai(), 12));
    const [entry] = await audits('W4');
    assert.equal(entry?.actor_name, 'approvera（wr_approvera）');
    assert.equal(JSON.parse(entry!.after_json!).note, '仍涉及第三方权益');
    const page = await agents.approvera!.get('/admin/documents/withheld-review');
    assert.match(page.body, /继续不予公开，12个月后再次复审/);

    const released = await post('approverb', 'W5', { conclusion: 'release', note: '情况已变化' });
    assert.equal(released.statusCode, 303);
    const w5 = await row('W5');
    assert.deepEqual([w5.disclosure, w5.status, w5.formed_on], ['proactive', 'draft', todayInShanghai()]);
  });

  test('bad input is refused with Chinese messages beside the fields, and nothing is written', async () => {
    await withheld('W8', unitA, '2025-10-02');
    const before = await row('W8');
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ conclusion: 'keep', note: '  ' }, /请填写复审意见/],
      [{ note: '理由' }, /请选择复审结论/],
      [{ conclusion: 'publish', note: '理由' }, /请选择复审结论/],
      [{ conclusion: 'keep', note: '长'.repeat(1001) }, /复审意见不能超过1000个字符/],
    ];
    for (const [fields, message] of cases) {
      const res = await post('approvera', 'W8', fields);
      assert.equal(res.statusCode, 422, JSON.stringify(fields).slice(0, 60));
      assert.match(res.body, message);
      assert.match(res.body, new RegExp(`id="f-note-${ids.W8}"`));
      assert.match(res.body, /data-testid="error-summary"/);
    }
    // The submitted note comes back in the form.
    const kept = await post('approvera', 'W8', { note: '保留的意见' });
    assert.match(kept.body, /保留的意见<\/textarea>/);
    assert.deepEqual(await row('W8'), before);
    assert.equal((await audits('W8')).length, 0);

    // An item not yet due may be reviewed early; its failed form is shown although the list does not hold it.
    await withheld('W10', unitA, addMonths(todayInShanghai(), 6));
    const early = await post('approvera', 'W10', { conclusion: 'keep' });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, new RegExp(`data-testid="review-form-${ids.W10}"`));
    assert.match(early.body, /请填写复审意见/);
    assert.equal((await post('approvera', 'W10', { conclusion: 'keep', note: '提前复审' })).statusCode, 303);
    assert.equal((await row('W10')).next_review_on, addMonths(todayInShanghai(), 12));
  });

  test('another unit’s item is absent; an in-scope viewer without 签发 is forbidden', async () => {
    await withheld('W9', unitA, '2025-10-02');
    const before = await row('W9');
    const fields = { conclusion: 'keep', note: '意见' };
    assert.equal((await post('approverb', 'W9', fields)).statusCode, 404);
    assert.equal((await post('approverb', 'W9', {})).statusCode, 404); // no validation message either
    assert.equal((await post('editora', 'W9', fields)).statusCode, 403);
    assert.equal((await post('office', 'W9', fields)).statusCode, 403);
    assert.equal((await post('approvera', 999_999, fields)).statusCode, 404);
    assert.equal((await agents.approvera!.post('/admin/documents/abc/withheld-review', fields, { tokenFrom: '/admin' })).statusCode, 404);
    assert.equal((await post('approvera', 'W6', fields)).statusCode, 409); // a withheld draft is not signed off
    const noCsrf = await agents.approvera!.post(`/admin/documents/${ids.W9}/withheld-review`, fields, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
    assert.deepEqual(await row('W9'), before);
    assert.equal((await audits('W9')).length, 0);
  });
});
