/**
 * The deadline board (条例第二十六条, 行政处罚法第四十八条). Expected values are worked out by hand from the shipped
 * calendar; "today" is fixed at 2025-10-09 (Thursday), the first working day after National Day 2025, whose
 * weekdays 10-01..10-03 and 10-06..10-08 are off and whose Saturday 10-11 and Sunday 09-28 are worked (调休).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { entryHash } from '../../audit/repository.ts';
import type { Db } from '../../db/database.ts';
import { addCalendarDays, todayInShanghai } from '../../platform/time.ts';
import { Agent, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createDocument, createOrg, createStaff, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { addMonths } from './common.ts';
import { deadlineBoard, type DeadlineBoard, type UnitDeadlines } from './deadlineBoard.ts';
import { presentDeadlines } from './present.ts';

const TODAY = '2025-10-09';

/** An audit entry at a fixed instant, chained properly (appendAudit always stamps "now"). */
async function auditTakedownAt(db: Db, orgId: number, documentId: number, at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const head = await trx.selectFrom('audit_head').select('last_hash').where('id', '=', 1).executeTakeFirstOrThrow();
    const fields = {
      at,
      actor_id: null,
      actor_name: '测试',
      org_id: orgId,
      action: 'document.taken_down',
      entity_type: 'document',
      entity_id: String(documentId),
      before_json: null,
      after_json: null,
      ip: null,
      prev_hash: head.last_hash,
    };
    const hash = entryHash(fields);
    const row = await trx.insertInto('audit_log').values({ ...fields, hash }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('audit_head').set({ last_hash: hash, last_id: row.id }).where('id', '=', 1).execute();
  });
}

/** The HTML from a test id to the end of its table. */
function tablePart(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</table>', start));
}

function rowPart(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</tr>', start));
}

describe('publication deadline board', () => {
  let t: TestApp;
  let unitA: number;
  let unitB: number;
  let unitC: number;
  const ids: Record<string, number> = {};
  const agents: Record<string, Agent> = {};

  /** An unpublished proactive item with a deadline. */
  const pending = (key: string, orgId: number, dueOn: string | null, status: 'draft' | 'submitted' | 'reviewed' | 'approved' | 'scheduled', extra = {}) =>
    createDocument(t.db, { orgId, title: `待发布${key}`, status, due_on: dueOn, formed_on: '2025-09-01', published_at: null, ...extra }).then((id) => {
      ids[key] = id;
    });
  const published = (key: string, orgId: number, dueOn: string | null, publishedAt: string, extra = {}) =>
    createDocument(t.db, { orgId, title: `已发布${key}`, due_on: dueOn, published_at: publishedAt, ...extra }).then((id) => {
      ids[key] = id;
    });
  const board = (scope: 'all' | number[], today = TODAY) => deadlineBoard(t.db, t.app.services.calendar.current(), scope, today);
  const unitOf = (b: DeadlineBoard, orgId: number): UnitDeadlines => {
    const u = b.units.find((x) => x.orgId === orgId);
    assert.ok(u, `unit ${orgId} on the board`);
    return u;
  };
  const keys = (items: Array<{ id: number }>) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id)).sort();

  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government', name: '示范区人民政府' });
    unitA = await createOrg(t.db, { parentId: root, name: '甲委' });
    unitB = await createOrg(t.db, { parentId: root, name: '乙委' });
    unitC = await createOrg(t.db, { parentId: root, name: '丙委' });

    // Unit A, unpublished proactive items.
    await pending('a1', unitA, '2025-09-30', 'submitted'); // overdue
    await pending('a2', unitA, '2025-09-26', 'draft'); // overdue
    await pending('a3', unitA, TODAY, 'approved'); // due today
    await pending('a4', unitA, '2025-10-15', 'scheduled'); // last day of the window
    await pending('a5', unitA, '2025-10-16', 'reviewed'); // outside the window
    await pending('a6', unitA, null, 'draft'); // no deadline
    await pending('a8', unitA, '2025-09-01', 'draft', { disclosure: 'on_request', catalog_code: null }); // not proactive
    // Unit A, publications (window: Shanghai dates 2024-10-10 .. 2025-10-09).
    await published('p1', unitA, '2025-09-30', '2025-09-30T15:59:59.000Z'); // Shanghai 09-30 23:59:59: on time
    await published('p2', unitA, '2025-09-26', '2025-09-29T16:30:00.000Z'); // Shanghai 09-30 00:30: late
    await published('p3', unitA, TODAY, '2025-10-09T01:00:00.000Z'); // on time
    await published('p4', unitA, '2024-10-08', '2024-10-09T02:00:00.000Z'); // Shanghai 2024-10-09: before the window
    await published('p5', unitA, '2024-10-09', '2024-10-09T16:00:00.000Z'); // Shanghai 2024-10-10 00:00: in, late
    await published('p6', unitA, '2025-09-01', '2025-10-10T00:00:00.000Z'); // Shanghai 10-10: after today
    await published('p7', unitA, null, '2025-09-01T02:00:00.000Z'); // no deadline: not rated
    // Unit B.
    await pending('b1', unitB, '2025-09-30', 'draft');
    await published('b2', unitB, TODAY, '2025-10-01T02:00:00.000Z');
    // Revoked penalty decisions.
    await published('t1', unitA, null, '2025-06-01T02:00:00.000Z', { is_penalty_decision: 1, takedown_due_on: '2025-10-13' });
    await published('t2', unitA, null, '2025-06-01T02:00:00.000Z', { is_penalty_decision: 1, status: 'withdrawn', takedown_due_on: '2025-09-30' });
    await published('t3', unitB, null, '2025-06-01T02:00:00.000Z', { is_penalty_decision: 1, status: 'taken_down', takedown_due_on: '2025-09-01' });
    await auditTakedownAt(t.db, unitB, ids.t3!, '2025-09-03T02:00:00.000Z');
    await published('t4', unitA, null, '2024-06-01T02:00:00.000Z', { is_penalty_decision: 1, status: 'taken_down', takedown_due_on: '2024-09-02' });
    await published('t5', unitB, null, '2025-06-01T02:00:00.000Z', { is_penalty_decision: 1, status: 'taken_down', takedown_due_on: '2025-10-01' });

    const people: Array<[string, Array<{ orgId: number; role: 'editor' | 'office' | 'handler' }>]> = [
      ['editora', [{ orgId: unitA, role: 'editor' }]],
      ['office', [{ orgId: root, role: 'office' }]],
      ['handler', [{ orgId: unitA, role: 'handler' }]],
    ];
    for (const [name, roles] of people) {
      await createStaff(t.db, { username: `dl_${name}`, roles });
      agents[name] = await new Agent(t.app).signIn(`dl_${name}`, TEST_PASSWORD);
    }
  });
  after(() => t.close());

  test('month arithmetic clamps to the end of the month', () => {
    assert.equal(addMonths('2025-10-09', -12), '2024-10-09');
    assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2025-12-15', 1), '2026-01-15');
  });

  test('overdue, due soon and no-deadline items, with working days from the calendar', async () => {
    const b = await board('all');
    // Window: 5 working days after Thu 10-09 = 10-10 (1), Sat 10-11 调休 (2), 10-13 (3), 10-14 (4), 10-15 (5).
    assert.equal(b.dueSoonUntil, '2025-10-15');
    assert.equal(b.windowTruncated, false);
    const a = unitOf(b, unitA);
    assert.deepEqual(keys(a.overdue), ['a1', 'a2']);
    assert.deepEqual(keys(a.dueSoon), ['a3', 'a4']); // a5 (10-16) is outside, a8 is 依申请公开
    assert.deepEqual(keys(a.noDeadline), ['a6']);
    const days = (list: UnitDeadlines['overdue'], key: string) => list.find((i) => i.id === ids[key])?.workingDays;
    // a1 due Tue 09-30: after it only Thu 10-09 is a working day up to today (10-01..10-08 holiday/weekend) → 1.
    assert.equal(days(a.overdue, 'a1'), 1);
    // a2 due Fri 09-26: Sun 09-28 (调休), Mon 09-29, Tue 09-30, Thu 10-09 → 4.
    assert.equal(days(a.overdue, 'a2'), 4);
    assert.equal(days(a.dueSoon, 'a3'), 0);
    assert.equal(days(a.dueSoon, 'a4'), 5);
    assert.deepEqual(keys(unitOf(b, unitB).overdue), ['b1']);
  });

  test('late publications of the last 12 months use the Shanghai date, and the on-time rate', async () => {
    const b = await board('all');
    assert.equal(b.since, '2024-10-10');
    const a = unitOf(b, unitA);
    // Rated: p1 (on time, 23:59:59 Shanghai on its due date), p2 (late), p3 (on time), p5 (late). p4 is before
    // the window, p6 after today, p7 has no deadline.
    assert.deepEqual(a.onTime, { numerator: 2, denominator: 4 });
    assert.deepEqual(keys(a.late), ['p2', 'p5']);
    const late = (key: string) => a.late.find((i) => i.id === ids[key]);
    // p2: due Fri 09-26, published Shanghai Tue 09-30 → Sun 09-28 (调休), 09-29, 09-30 → 3 working days late.
    assert.deepEqual([late('p2')?.publishedOn, late('p2')?.workingDaysLate], ['2025-09-30', 3]);
    // p5: due Wed 2024-10-09, published at 16:00Z = Thu 2024-10-10 00:00 Shanghai → 1 working day late.
    assert.deepEqual([late('p5')?.publishedOn, late('p5')?.workingDaysLate], ['2024-10-10', 1]);
    assert.deepEqual(unitOf(b, unitB).onTime, { numerator: 1, denominator: 1 });
    assert.deepEqual(unitOf(b, unitC).onTime, { numerator: 0, denominator: 0 });

    const view = presentDeadlines(b);
    const summary = (orgId: number) => view.summary.find((s) => s.orgId === orgId);
    assert.deepEqual(summary(unitA), { orgId: unitA, name: '甲委', overdue: 2, dueSoon: 2, noDeadline: 1, late: 2, onTimeRate: '50.0%（2/4）' });
    assert.equal(summary(unitB)?.onTimeRate, '100.0%（1/1）');
    // A unit with nothing published shows a dash, not 0%.
    assert.equal(summary(unitC)?.onTimeRate, '—');
  });

  test('revoked penalty decisions: remaining, overdue, and late takedowns', async () => {
    const b = await board('all');
    const byKey = new Map(b.takedowns.map((x) => [Object.keys(ids).find((k) => ids[k] === x.id), x]));
    // t4 (taken down, deadline 2024-09-02) is older than 12 months.
    assert.deepEqual([...byKey.keys()].sort(), ['t1', 't2', 't3', 't5']);
    // t1 still up, due Mon 10-13: 10-10, Sat 10-11 (调休), 10-13 → 3 working days left.
    assert.deepEqual([byKey.get('t1')?.stillUp, byKey.get('t1')?.late, byKey.get('t1')?.workingDays], [true, false, 3]);
    // t2 still up, due Tue 09-30: one working day (10-09) has passed → −1.
    assert.deepEqual([byKey.get('t2')?.stillUp, byKey.get('t2')?.late, byKey.get('t2')?.workingDays], [true, true, -1]);
    // t3 taken down Wed 09-03 (audit entry), due Mon 09-01 → late by 09-02, 09-03 = 2 working days.
    assert.deepEqual([byKey.get('t3')?.takenDownOn, byKey.get('t3')?.late, byKey.get('t3')?.workingDays], ['2025-09-03', true, 2]);
    assert.deepEqual([byKey.get('t5')?.stillUp, byKey.get('t5')?.takenDownOn, byKey.get('t5')?.late], [false, null, false]);
    const states = new Map(presentDeadlines(b).takedowns.map((x) => [x.id, x.state]));
    assert.equal(states.get(ids.t1!), '尚未撤下，剩余3个工作日');
    assert.equal(states.get(ids.t2!), '已超过期限1个工作日，尚未撤下');
    assert.equal(states.get(ids.t3!), '逾期撤下（晚2个工作日）');
    assert.equal(states.get(ids.t5!), '已撤下（撤下日期无记录）');
  });

  test('the board is scoped to the units given', async () => {
    const b = await board([unitA]);
    assert.deepEqual(b.units.map((u) => u.orgId), [unitA]);
    assert.ok(b.takedowns.every((x) => x.orgId === unitA));
    const none = await board([]);
    assert.deepEqual([none.units, none.takedowns], [[], []]);
  });

  test('a window running into a year without calendar data stops at the year end', async () => {
    const id = await createDocument(t.db, { orgId: unitC, title: '年末到期', status: 'draft', due_on: '2026-12-31', published_at: null });
    // Mon 2026-12-28 + 5 working days needs 2027, which is not shipped: the window ends 2026-12-31.
    const b = await board([unitC], '2026-12-28');
    assert.equal(b.windowTruncated, true);
    assert.equal(b.dueSoonUntil, '2026-12-31');
    assert.deepEqual(unitOf(b, unitC).dueSoon.map((i) => [i.id, i.workingDays]), [[id, 3]]);
    assert.match(presentDeadlines(b).notice ?? '', /缺少2027年/);
    await t.db.deleteFrom('documents').where('id', '=', id).execute();
  });

  test('the page: an editor sees only their unit; the office sees every unit', async () => {
    const mine = await agents.editora!.get('/admin/documents/deadlines');
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /<h1>公开期限监督<\/h1>/);
    assert.match(tablePart(mine.body, `overdue-${unitA}`), new RegExp(`href="/admin/documents/${ids.a1}"`));
    assert.match(tablePart(mine.body, `no-deadline-${unitA}`), /期限无法计算（缺少工作日历数据）/);
    assert.doesNotMatch(mine.body, /乙委/);
    assert.doesNotMatch(mine.body, /待发布b1/);
    assert.match(mine.body, /<caption>/);
    assert.match(mine.body, /<th scope="row">甲委<\/th>/);

    const all = await agents.office!.get('/admin/documents/deadlines');
    assert.equal(all.statusCode, 200);
    assert.match(tablePart(all.body, `overdue-${unitB}`), /待发布b1/);
    assert.match(rowPart(all.body, `summary-${unitC}`), /—/);
    // Still-up decisions stay listed however old their deadline; t3 (taken down, 2025-09-01) left the 12-month window.
    assert.match(tablePart(all.body, 'takedowns'), /已发布t2<\/a>.*已超过期限\d+个工作日，尚未撤下/);
  });

  test('the page counts against the real today', async () => {
    // Relative to the real date: due today is always "due soon"; a 2025 deadline is overdue from 2026 on.
    const today = todayInShanghai();
    const dueToday = await createDocument(t.db, { orgId: unitC, title: '今天到期的事项', status: 'draft', due_on: today, published_at: null });
    const lateRecent = await createDocument(t.db, {
      orgId: unitC,
      title: '近期逾期发布的事项',
      due_on: addCalendarDays(today, -20),
      published_at: new Date(Date.now() - 10 * 86_400_000).toISOString(),
    });
    const res = await agents.office!.get('/admin/documents/deadlines');
    assert.match(tablePart(res.body, `due-soon-${unitC}`), new RegExp(`/admin/documents/${dueToday}"`));
    assert.match(tablePart(res.body, `late-${unitC}`), new RegExp(`/admin/documents/${lateRecent}"`));
    assert.match(tablePart(res.body, `overdue-${unitA}`), /待发布a1/);
    await t.db.deleteFrom('documents').where('id', 'in', [dueToday, lateRecent]).execute();
  });

  test('the page needs document.view and a session', async () => {
    assert.equal((await agents.handler!.get('/admin/documents/deadlines')).statusCode, 403);
    const anonymous = await new Agent(t.app).get('/admin/documents/deadlines');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login/);
  });
});
