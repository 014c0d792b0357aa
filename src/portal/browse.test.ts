/** 法定主动公开内容, 政策文件库 and 政策解读: filters, sorting and pagination, all as GET parameters. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg } from '../../test/helpers/factories.ts';
import { invalidatePublicCache } from './cache.ts';
import { publicListQuery } from './repository.ts';

let t: TestApp;
let orgA = 0;
let orgB = 0;
const BASE = Date.UTC(2025, 5, 1);
const at = (hours: number) => new Date(BASE + hours * 3_600_000).toISOString();

before(async () => {
  t = await testApp();
  orgA = await createOrg(t.db, { code: 'BRW', name: '浏览测试局' });
  orgB = await createOrg(t.db, { code: 'OTH', name: '其他测试局' });
  // Pagination and 发布日期 order: 23 budget items, one hour apart.
  for (let i = 1; i <= 23; i++) {
    await createDocument(t.db, { orgId: orgA, title: `预算公开${String(i).padStart(2, '0')}`, catalog_code: 'art20_07', published_at: at(i) });
  }
  await createDocument(t.db, { orgId: orgB, title: '他单位预算公开', catalog_code: 'art20_07', published_at: at(30) });
  // 成文日期 order: the item without one goes last either way.
  await createDocument(t.db, { orgId: orgA, title: '采购甲', catalog_code: 'art20_09', written_on: '2024-03-01', published_at: at(40) });
  await createDocument(t.db, { orgId: orgA, title: '采购乙', catalog_code: 'art20_09', written_on: '2025-01-01', published_at: at(39) });
  await createDocument(t.db, { orgId: orgA, title: '采购丙', catalog_code: 'art20_09', written_on: null, published_at: at(41) });
  // 发文机关: a whole name, not a prefix.
  await createDocument(t.db, { orgId: orgA, title: '财政局项目', catalog_code: 'art20_10', issuers_json: JSON.stringify(['区财政局']), published_at: at(50) });
  await createDocument(t.db, { orgId: orgA, title: '党委项目', catalog_code: 'art20_10', issuers_json: JSON.stringify(['区财政局机关党委']), published_at: at(51) });
  // Year of 发布日期 in Shanghai: 2024-12-31T17:00Z is 1 January 2025 there.
  await createDocument(t.db, { orgId: orgA, title: '跨年元旦', catalog_code: 'art20_11', published_at: '2024-12-31T17:00:00.000Z' });
  await createDocument(t.db, { orgId: orgA, title: '跨年除夕', catalog_code: 'art20_11', published_at: '2024-12-31T15:00:00.000Z' });
  // Validity and topic.
  await createDocument(t.db, { orgId: orgA, title: '预案有效', catalog_code: 'art20_12', validity: 'valid', topic_code: 'T05', published_at: at(60) });
  await createDocument(t.db, { orgId: orgA, title: '预案废止', catalog_code: 'art20_12', validity: 'repealed', topic_code: 'T06', published_at: at(61) });
  // Policies for the 政策文件库: marked policies and art20_01 items; the budget items above are neither.
  await createDocument(t.db, { orgId: orgA, title: '关于促进就业的若干措施', is_policy: 1, catalog_code: 'art20_03', doc_number: '浏政发〔2025〕3号', issuers_json: JSON.stringify(['区人民政府']), published_at: at(70) });
  await createDocument(t.db, { orgId: orgB, title: '规范性文件管理办法', is_policy: 0, catalog_code: 'art20_01', doc_number: '他规〔2024〕1号', validity: 'expired', published_at: '2024-06-01T02:00:00.000Z' });
  // Interpretations.
  for (let i = 1; i <= 22; i++) {
    await createDocument(t.db, { orgId: i <= 21 ? orgA : orgB, kind: 'interpretation', title: `解读第${i}篇`, catalog_code: null, interp_form: 'graphic', interp_unit: '浏览测试局办公室', published_at: at(100 + i) });
  }
  invalidatePublicCache();
});

after(async () => {
  await t.close();
});

/** Titles of the result rows, in page order. */
function titles(html: string): string[] {
  return [...html.matchAll(/data-testid="document-row"><td><a href="\/doc\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

async function page(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, `${url} → ${res.statusCode}`);
  return res.body;
}

describe('法定主动公开内容', () => {
  test('is paginated by 20, newest 发布日期 first, and the last page holds the rest', async () => {
    const first = await page('/zwgk/BRW/fdzdgknr?category=art20_07');
    const expected = Array.from({ length: 23 }, (_, i) => `预算公开${String(23 - i).padStart(2, '0')}`);
    assert.deepEqual(titles(first), expected.slice(0, 20));
    assert.ok(first.includes('共 23 条'));
    assert.ok(first.includes('第 1 / 2 页'));
    assert.ok(first.includes('href="/zwgk/BRW/fdzdgknr?category=art20_07&amp;page=2"'), 'next page keeps the filter');
    const second = await page('/zwgk/BRW/fdzdgknr?category=art20_07&page=2');
    assert.deepEqual(titles(second), expected.slice(20));
  });

  test('sorts by 发布日期 ascending', async () => {
    const body = await page('/zwgk/BRW/fdzdgknr?category=art20_07&sort=published_asc');
    assert.deepEqual(titles(body).slice(0, 3), ['预算公开01', '预算公开02', '预算公开03']);
  });

  test('sorts by 成文日期 both ways, items without one last', async () => {
    assert.deepEqual(titles(await page('/zwgk/BRW/fdzdgknr?category=art20_09&sort=written_desc')), ['采购乙', '采购甲', '采购丙']);
    assert.deepEqual(titles(await page('/zwgk/BRW/fdzdgknr?category=art20_09&sort=written_asc')), ['采购甲', '采购乙', '采购丙']);
    assert.deepEqual(titles(await page('/zwgk/BRW/fdzdgknr?category=art20_09')), ['采购丙', '采购甲', '采购乙']);
  });

  test('a unit sees its own items; the district sees every unit', async () => {
    assert.ok(!(await page('/zwgk/BRW/fdzdgknr?category=art20_07')).includes('他单位预算公开'));
    const district = await page('/zwgk/fdzdgknr?category=art20_07');
    assert.equal(titles(district)[0], '他单位预算公开');
    assert.ok(district.includes('共 24 条'));
  });

  test('the category list counts the unit’s items and marks the current one', async () => {
    const body = await page('/zwgk/BRW/fdzdgknr?category=art20_07');
    assert.match(body, /aria-current="page" title="第二十条第（七）项" data-testid="category-art20_07">财政预算、决算信息<span class="count">（23）<\/span>/);
    assert.match(body, /data-testid="category-art20_09">[^<]+<span class="count">（3）<\/span>/);
    assert.equal(body.match(/data-testid="category-art2[01]_\d\d"/g)?.length, 22, 'all 22 categories are listed');
  });

  test('filters by issuer (whole name), year (Shanghai), validity and topic', async () => {
    assert.deepEqual(titles(await page(`/zwgk/BRW/fdzdgknr?issuer=${encodeURIComponent('区财政局')}`)), ['财政局项目']);
    assert.deepEqual(titles(await page('/zwgk/BRW/fdzdgknr?category=art20_11&year=2025')), ['跨年元旦']);
    assert.deepEqual(titles(await page('/zwgk/BRW/fdzdgknr?category=art20_11&year=2024')), ['跨年除夕']);
    assert.ok((await page('/zwgk/BRW/fdzdgknr?category=art20_11&year=2025')).includes('<td>2025-01-01</td>'), 'the Shanghai date is shown');
    assert.deepEqual(titles(await page('/zwgk/BRW/fdzdgknr?validity=repealed')), ['预案废止']);
    assert.deepEqual(titles(await page('/zwgk/BRW/fdzdgknr?category=art20_12&topic=T05')), ['预案有效']);
  });

  test('offers the issuers and years found, and keeps the choices in the form', async () => {
    const body = await page(`/zwgk/BRW/fdzdgknr?issuer=${encodeURIComponent('区财政局')}&year=2025`);
    assert.ok(body.includes('<option value="区财政局" selected>区财政局</option>'));
    assert.ok(body.includes('<option value="区财政局机关党委">区财政局机关党委</option>'));
    assert.ok(body.includes('<option value="2025" selected>2025年</option>'));
    assert.ok(body.includes('<option value="2024">2024年</option>'));
    assert.match(body, /<form method="get" action="\/zwgk\/BRW\/fdzdgknr"/, 'a GET form: works without JavaScript');
  });

  test('parameters it does not understand are ignored, not fatal', async () => {
    const body = await page('/zwgk/BRW/fdzdgknr?page=abc&sort=bogus&validity=xxx&year=99999&category=%27%20or%201%3D1&topic=%3Cscript%3E');
    assert.equal(titles(body).length, 20);
    assert.ok(body.includes('<option value="published_desc" selected>'));
  });

  test('an unknown or inactive unit has no column', async () => {
    await createOrg(t.db, { code: 'GONE', active: false });
    for (const url of ['/zwgk/NOPE', '/zwgk/NOPE/fdzdgknr', '/zwgk/GONE/guide']) {
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404, url);
    }
  });
});

describe('政策文件库', () => {
  test('holds policies and art20_01 items only', async () => {
    const body = await page('/zcwj');
    assert.deepEqual(titles(body), ['关于促进就业的若干措施', '规范性文件管理办法']);
  });

  test('filters by title words (typed in 繁體 too), 发文字号, issuer, year, validity and unit', async () => {
    assert.deepEqual(titles(await page(`/zcwj?q=${encodeURIComponent('促进就业')}`)), ['关于促进就业的若干措施']);
    assert.deepEqual(titles(await page(`/zcwj?q=${encodeURIComponent('促進就業')}`)), ['关于促进就业的若干措施']);
    assert.deepEqual(titles(await page(`/zcwj?docNumber=${encodeURIComponent('他规〔2024〕')}`)), ['规范性文件管理办法']);
    assert.deepEqual(titles(await page(`/zcwj?issuer=${encodeURIComponent('区人民政府')}`)), ['关于促进就业的若干措施']);
    assert.deepEqual(titles(await page('/zcwj?year=2024')), ['规范性文件管理办法']);
    assert.deepEqual(titles(await page('/zcwj?validity=expired')), ['规范性文件管理办法']);
    assert.deepEqual(titles(await page('/zcwj?org=BRW')), ['关于促进就业的若干措施']);
    assert.deepEqual(titles(await page('/zcwj?org=NOPE')), [], 'an unknown unit matches nothing');
    assert.deepEqual(titles(await page('/zcwj?q=%25')), [], 'LIKE wildcards are matched literally');
  });

  test('sorts oldest first on request', async () => {
    assert.deepEqual(titles(await page('/zcwj?sort=published_asc')), ['规范性文件管理办法', '关于促进就业的若干措施']);
  });
});

describe('政策解读', () => {
  test('lists interpretations with their form and unit, paginated', async () => {
    const body = await page('/zcjd');
    assert.ok(body.includes('共 22 条'));
    assert.equal(titles(body)[0], '解读第22篇');
    assert.equal(titles(body).length, 20);
    assert.ok(body.includes('<td>图解</td>'));
    assert.deepEqual(titles(await page('/zcjd?page=2')), ['解读第2篇', '解读第1篇']);
  });

  test('filters by unit', async () => {
    assert.deepEqual(titles(await page('/zcjd?org=OTH')), ['解读第22篇']);
  });
});

describe('the list query', () => {
  test('always carries the public conditions, and escapes LIKE patterns (SQL shown for review)', (ctx) => {
    const now = '2026-01-01T00:00:00.000Z';
    const compiled = publicListQuery(t.db, { issuer: '区财政局', title: '100%_' }, { page: 2, pageSize: 20, sort: 'written_asc' }, now).compile();
    ctx.diagnostic(compiled.sql);
    const p = (n: string) => new RegExp(`"documents"\\."${n}" (=|<=) (\\?|\\$\\d+)`);
    for (const column of ['disclosure', 'status', 'published_at']) assert.match(compiled.sql, p(column), column);
    assert.deepEqual(compiled.parameters.slice(0, 3), ['proactive', 'published', now]);
    assert.ok(compiled.parameters.includes('%"区财政局"%'), 'issuer matched as a whole JSON string');
    assert.ok(compiled.parameters.includes('%100\\%\\_%'), 'wildcards escaped');
    assert.match(compiled.sql, /escape '\\'/);
    assert.match(compiled.sql, /order by case when documents\.written_on is null then 1 else 0 end/);
  });
});
