import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg, createStaff, TEST_PASSWORD } from '../../test/helpers/factories.ts';

// 2027 is not shipped: an administrator enters it. Dates below are an illustrative arrangement, not an official one.
const HOLIDAYS_2027 = '2027-01-01 元旦\n2027-02-08 春节\n2027-02-09 春节\n2027-02-10 春节\n2027-02-11 春节\n2027-02-12 春节';
const WORKDAYS_2027 = '2027-02-06 春节\n2027-02-20 春节';

describe('calendar admin pages', () => {
  let t: TestApp;
  let admin: Agent;
  let editor: Agent;
  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government' });
    const unit = await createOrg(t.db, { parentId: root });
    await createStaff(t.db, { username: 'caladmin', roles: [{ orgId: root, role: 'admin' }] });
    await createStaff(t.db, { username: 'caleditor', roles: [{ orgId: unit, role: 'editor' }] });
    admin = await new Agent(t.app).signIn('caladmin', TEST_PASSWORD);
    editor = await new Agent(t.app).signIn('caleditor', TEST_PASSWORD);
  });
  after(() => t.close());

  test('every signed-in person sees the shipped years and can compute a deadline', async () => {
    const list = await editor.get('/admin/calendar');
    assert.equal(list.statusCode, 200);
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]) assert.match(list.body, new RegExp(`${year}年`));
    // 2025-09-26 (Fri) + 20, across National Day 2025 (10-01..10-08 off; 09-28 Sun and 10-11 Sat worked).
    // Working days after 2025-09-26: 09-28 Sun(1), 09-29(2), 09-30(3), [10-01..10-08 off], 10-09(4), 10-10(5),
    // 10-11 Sat worked(6), 10-13(7) 14(8) 15(9) 16(10) 17(11) 20(12) 21(13) 22(14) 23(15) 24(16) 27(17) 28(18) 29(19) 30(20).
    const calc = await editor.get('/admin/calendar?date=2025-09-26&n=20');
    assert.equal(calc.statusCode, 200);
    assert.match(calc.body, /2025年10月30日/);
    const missing = await editor.get('/admin/calendar?date=2027-03-01&n=5');
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /缺少2027年/);
    const bad = await editor.get('/admin/calendar?date=2025-02-30&n=5');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /日期格式/);
  });

  test('only an administrator may enter a year', async () => {
    assert.equal((await editor.get('/admin/calendar/new')).statusCode, 403);
    const res = await editor.post(
      '/admin/calendar',
      { year: '2027', source: '测试通知', holidays: HOLIDAYS_2027, workdays: WORKDAYS_2027 },
      { tokenFrom: '/admin' },
    );
    assert.equal(res.statusCode, 403);
    assert.equal(await t.db.selectFrom('calendar_years').select('year').where('year', '=', 2027).executeTakeFirst(), undefined);
  });

  test('a self-contradicting arrangement is refused with Chinese messages and nothing saved', async () => {
    const res = await admin.post(
      '/admin/calendar',
      { year: '2027', source: '测试通知', holidays: '2027-02-06 春节\n2027-01-01 元旦', workdays: '2027-01-01 元旦\n2027-02-10 春节' },
      { tokenFrom: '/admin/calendar/new' },
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /error-summary/);
    assert.equal(await t.db.selectFrom('calendar_years').select('year').where('year', '=', 2027).executeTakeFirst(), undefined);
    const garbled = await admin.post(
      '/admin/calendar',
      { year: '2027', source: '', holidays: 'not a date', workdays: '' },
      { tokenFrom: '/admin/calendar/new' },
    );
    assert.equal(garbled.statusCode, 422);
    assert.match(garbled.body, /第1行/);
  });

  test('an administrator enters 2027; deadlines into 2027 work at once and the change is audited', async () => {
    const res = await admin.post(
      '/admin/calendar',
      { year: '2027', source: '国务院办公厅关于2027年部分节假日安排的通知（测试）', holidays: HOLIDAYS_2027, workdays: WORKDAYS_2027 },
      { tokenFrom: '/admin/calendar/new' },
    );
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/calendar/2027');
    const page = await admin.get('/admin/calendar/2027');
    assert.match(page.body, /2027年2月6日（星期六） 春节/);
    // 2027-02-05 (Fri) + 1: 02-06 Sat is worked → 2027-02-06.
    const calc = await admin.get('/admin/calendar?date=2027-02-05&n=1');
    assert.match(calc.body, /2027年2月6日/);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.year_saved').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.entity_id, '2027');
    assert.match(audit[0]!.after_json ?? '', /2027-02-06/);
    // Entering the same year again as "new" must not silently replace it.
    const again = await admin.post(
      '/admin/calendar',
      { year: '2027', source: '另一份', holidays: HOLIDAYS_2027, workdays: '' },
      { tokenFrom: '/admin/calendar/new' },
    );
    assert.equal(again.statusCode, 409);
    const row = await t.db.selectFrom('calendar_years').selectAll().where('year', '=', 2027).executeTakeFirstOrThrow();
    assert.equal(row.version, 1);
  });

  test('unknown year is a 404 page', async () => {
    const res = await admin.get('/admin/calendar/1999');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /不存在/);
  });
});
