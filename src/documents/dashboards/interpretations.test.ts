/**
 * The interpretation board: 解读率, 图解率, 多元化解读率 per unit and the 3-working-day due date of missing
 * interpretations. Fractions and dates are worked out by hand; "today" is fixed at 2025-10-09 (Thursday after
 * National Day 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DocumentStatus } from '../../db/schema.ts';
import { todayInShanghai } from '../../platform/time.ts';
import { Agent, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createDocument, createOrg, createStaff, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { interpretationBoard, type InterpretationBoard } from './interpretationBoard.ts';
import { formatShare, presentInterpretations } from './present.ts';

const TODAY = '2025-10-09';

function rowPart(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</tr>', start));
}

describe('interpretation board', () => {
  let t: TestApp;
  let unitA: number;
  let unitB: number;
  let unitC: number;
  let unitD: number;
  const ids: Record<string, number> = {};
  const agents: Record<string, Agent> = {};

  const policy = async (key: string, orgId: number, publishedAt: string, extra = {}) => {
    ids[key] = await createDocument(t.db, { orgId, title: `政策${key}`, is_policy: 1, published_at: publishedAt, ...extra });
  };
  const interpretation = async (key: string, orgId: number, form: string | null, status: DocumentStatus, publishedAt: string | null, policies: string[]) => {
    const id = await createDocument(t.db, { orgId, kind: 'interpretation', title: `解读${key}`, interp_form: form, status, published_at: publishedAt });
    ids[key] = id;
    for (const p of policies) await t.db.insertInto('interpretation_links').values({ interpretation_id: id, policy_id: ids[p]! }).execute();
  };
  const board = (scope: 'all' | number[], year: number): Promise<InterpretationBoard> =>
    interpretationBoard(t.db, t.app.services.calendar.current(), scope, year, TODAY);

  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government', name: '示范区人民政府' });
    unitA = await createOrg(t.db, { parentId: root, name: '甲委' });
    unitB = await createOrg(t.db, { parentId: root, name: '乙委' });
    unitC = await createOrg(t.db, { parentId: root, name: '丙委' });
    unitD = await createOrg(t.db, { parentId: root, name: '丁委' });

    // Unit A, 2025 (Shanghai dates).
    await policy('P1', unitA, '2025-03-03T02:00:00.000Z');
    await interpretation('I1', unitA, 'text', 'published', '2025-03-04T02:00:00.000Z', ['P1']);
    await interpretation('I2', unitA, 'graphic', 'published', '2025-03-05T02:00:00.000Z', ['P1']);
    await policy('P2', unitA, '2025-04-01T02:00:00.000Z');
    await interpretation('I3', unitA, 'graphic', 'draft', null, ['P2']); // a draft 图解 does not count
    await interpretation('I4', unitA, 'qa', 'published', '2025-04-02T02:00:00.000Z', ['P2']);
    await policy('P3', unitA, '2025-09-29T02:00:00.000Z'); // none yet, not overdue
    await policy('P4', unitA, '2025-09-24T02:00:00.000Z'); // only an unpublished one, overdue
    await interpretation('I5', unitA, 'audio_video', 'submitted', null, ['P4']);
    // 16:30Z on 12-31 is 00:30 on 1 January in Shanghai: P5 belongs to 2025, P6 to 2026.
    await policy('P5', unitA, '2024-12-31T16:30:00.000Z', { interpretation_waiver: '内部工作安排，无需解读' });
    await policy('P6', unitA, '2025-12-31T16:30:00.000Z');
    await policy('P7', unitA, '2025-05-01T02:00:00.000Z', { is_policy: 0 }); // not a policy
    await policy('P8', unitA, '2025-05-01T02:00:00.000Z', { status: 'withdrawn' }); // no longer published
    await interpretation('I7', unitA, 'text', 'published', '2025-05-05T02:00:00.000Z', []);
    // Unit A, 2024.
    await policy('P0', unitA, '2024-10-30T02:00:00.000Z');
    await interpretation('I6', unitA, 'expert', 'published', '2024-11-01T02:00:00.000Z', ['P0']);
    // Unit B, 2025: every policy interpreted, one 图解 and one 动漫.
    await policy('Q1', unitB, '2025-02-10T02:00:00.000Z');
    await interpretation('J1', unitB, 'graphic', 'published', '2025-02-11T02:00:00.000Z', ['Q1']);
    await policy('Q2', unitB, '2025-02-10T03:00:00.000Z');
    await interpretation('J2', unitB, 'text', 'published', '2025-02-11T03:00:00.000Z', ['Q2']);
    await policy('Q3', unitB, '2025-02-10T04:00:00.000Z');
    await interpretation('J3', unitB, 'animation', 'published', '2025-02-11T04:00:00.000Z', ['Q3']);
    // Unit C: nothing. Unit D: a 2025 图解 of a 2024 policy, and no 2025 policy.
    await policy('L1', unitD, '2024-06-03T02:00:00.000Z');
    await interpretation('K1', unitD, 'graphic', 'published', '2025-01-06T02:00:00.000Z', ['L1']);

    const people: Array<[string, Array<{ orgId: number; role: 'editor' | 'office' }>]> = [
      ['editorb', [{ orgId: unitB, role: 'editor' }]],
      ['office', [{ orgId: root, role: 'office' }]],
    ];
    for (const [name, roles] of people) {
      await createStaff(t.db, { username: `ip_${name}`, roles });
      agents[name] = await new Agent(t.app).signIn(`ip_${name}`, TEST_PASSWORD);
    }
  });
  after(() => t.close());

  test('shares are shown with one decimal and the raw fraction, or a dash', () => {
    assert.equal(formatShare({ numerator: 3, denominator: 4 }), '75.0%（3/4）');
    assert.equal(formatShare({ numerator: 2, denominator: 3 }), '66.7%（2/3）');
    assert.equal(formatShare({ numerator: 1, denominator: 2000 }), '0.1%（1/2000）'); // half rounds up
    assert.equal(formatShare({ numerator: 0, denominator: 1 }), '0.0%（0/1）');
    assert.equal(formatShare({ numerator: 0, denominator: 0 }), '—');
  });

  test('rates per unit with known fractions', async () => {
    const b = await board('all', 2025);
    const unit = (id: number) => b.units.find((u) => u.orgId === id);
    // A: policies P1..P5 = 5 (P6 is 2026, P7 not a policy, P8 withdrawn); interpreted P1, P2; 图解 only P1 (I3 is a
    // draft); interpretations of 2025: I1 text, I2 graphic, I4 qa, I7 text → non-text 2 of 4.
    assert.deepEqual(unit(unitA), {
      orgId: unitA,
      name: '甲委',
      interpreted: { numerator: 2, denominator: 5 },
      graphic: { numerator: 1, denominator: 5 },
      diversified: { numerator: 2, denominator: 4 },
    });
    // B: 3 policies, all interpreted; 图解 1; forms graphic, text, animation → non-text 2 of 3.
    assert.deepEqual(unit(unitB)?.graphic, { numerator: 1, denominator: 3 });
    assert.deepEqual(unit(unitB)?.diversified, { numerator: 2, denominator: 3 });
    // C: nothing; D: no 2025 policy but one 2025 图解.
    assert.deepEqual(unit(unitC)?.interpreted, { numerator: 0, denominator: 0 });
    assert.deepEqual(unit(unitD)?.diversified, { numerator: 1, denominator: 1 });

    const view = presentInterpretations(b);
    const row = (id: number | null) => view.units.find((u) => u.orgId === id) ?? view.total;
    assert.deepEqual(row(unitA), { orgId: unitA, name: '甲委', interpreted: '40.0%（2/5）', graphic: '20.0%（1/5）', diversified: '50.0%（2/4）' });
    assert.deepEqual(row(unitB), { orgId: unitB, name: '乙委', interpreted: '100.0%（3/3）', graphic: '33.3%（1/3）', diversified: '66.7%（2/3）' });
    assert.deepEqual(row(unitC), { orgId: unitC, name: '丙委', interpreted: '—', graphic: '—', diversified: '—' });
    assert.deepEqual(row(unitD), { orgId: unitD, name: '丁委', interpreted: '—', graphic: '—', diversified: '100.0%（1/1）' });
    // Together: interpreted (2+3)/(5+3), 图解 (1+1)/8, non-text (2+2+0+1)/(4+3+0+1).
    assert.deepEqual(view.total, { orgId: null, name: '合计', interpreted: '62.5%（5/8）', graphic: '25.0%（2/8）', diversified: '62.5%（5/8）' });
  });

  test('another year counts that year only; 0% differs from no policies', async () => {
    const view = presentInterpretations(await board('all', 2024));
    const row = (id: number) => view.units.find((u) => u.orgId === id);
    // 2024: A has P0 interpreted by I6 (专家解读) but no 图解; D has L1 interpreted by K1, published in 2025.
    assert.deepEqual(row(unitA), { orgId: unitA, name: '甲委', interpreted: '100.0%（1/1）', graphic: '0.0%（0/1）', diversified: '100.0%（1/1）' });
    assert.deepEqual(row(unitD), { orgId: unitD, name: '丁委', interpreted: '100.0%（1/1）', graphic: '100.0%（1/1）', diversified: '—' });
  });

  test('policies without a published interpretation, due 3 working days after publication', async () => {
    const b = await board('all', 2025);
    const missing = new Map(b.uninterpreted.map((p) => [p.title.replace('政策', ''), p]));
    assert.deepEqual([...missing.keys()].sort(), ['P3', 'P4', 'P5']);
    // P3 published Mon 09-29: 09-30 (1), then nothing until Thu 10-09 (2), Fri 10-10 (3) → due 10-10, not overdue.
    assert.deepEqual([missing.get('P3')?.dueOn, missing.get('P3')?.overdue], ['2025-10-10', false]);
    // P4 published Wed 09-24: 09-25 (1), 09-26 (2), Sun 09-28 调休 (3) → due 09-28, overdue; its draft is noted.
    assert.deepEqual([missing.get('P4')?.dueOn, missing.get('P4')?.overdue, missing.get('P4')?.hasUnpublishedInterpretation], ['2025-09-28', true, true]);
    // P5 published 2025-01-01 (a holiday): 01-02 (1), 01-03 (2), Mon 01-06 (3); waived by the approver: not overdue.
    assert.deepEqual([missing.get('P5')?.publishedOn, missing.get('P5')?.dueOn, missing.get('P5')?.overdue], ['2025-01-01', '2025-01-06', false]);
    const states = new Map(presentInterpretations(b).uninterpreted.map((p) => [p.id, p.state]));
    assert.equal(states.get(ids.P4!), '已逾期（解读稿已起草，尚未发布）');
    assert.equal(states.get(ids.P3!), '未到期');
    assert.equal(states.get(ids.P5!), '签发时已说明无需解读：内部工作安排，无需解读');
  });

  test('the page: office sees every unit, an editor only theirs', async () => {
    const all = await agents.office!.get('/admin/documents/interpretations?year=2025');
    assert.equal(all.statusCode, 200);
    assert.match(rowPart(all.body, `rates-${unitA}`), /<th scope="row">甲委<\/th><td class="num">40\.0%（2\/5）<\/td><td class="num">20\.0%（1\/5）<\/td><td class="num">50\.0%（2\/4）<\/td>/);
    assert.match(rowPart(all.body, `rates-${unitC}`), /<td class="num">—<\/td><td class="num">—<\/td><td class="num">—<\/td>/);
    assert.match(rowPart(all.body, 'rates-total'), /62\.5%（5\/8）/);
    assert.match(all.body, new RegExp(`href="/admin/documents/${ids.P4}">政策P4</a>.*已逾期`));
    assert.match(all.body, /<option value="2025" selected/);

    const mine = await agents.editorb!.get('/admin/documents/interpretations?year=2025');
    assert.equal(mine.statusCode, 200);
    assert.match(rowPart(mine.body, `rates-${unitB}`), /100\.0%（3\/3）/);
    assert.doesNotMatch(mine.body, /甲委|政策P4|data-testid="rates-total"/);
    assert.match(mine.body, /data-testid="no-uninterpreted"/);
  });

  test('the default year is the current one, and a bad year is refused in Chinese', async () => {
    const current = Number(todayInShanghai().slice(0, 4));
    const res = await agents.office!.get('/admin/documents/interpretations');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, new RegExp(`<h2 id="rates-title">${current}年各单位解读情况</h2>`));
    for (const year of ['abc', '2018', String(current + 1)]) {
      const bad = await agents.office!.get(`/admin/documents/interpretations?year=${year}`);
      assert.equal(bad.statusCode, 422, year);
      assert.match(bad.body, /年份应为2019年至\d{4}年之间的四位数字/);
      assert.doesNotMatch(bad.body, /data-testid="interpretation-rates"/);
    }
  });
});
