/** Atom/RSS feeds per district, unit and category, and the XML sitemap. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg } from '../../test/helpers/factories.ts';
import { invalidatePublicCache } from './cache.ts';
import { FEED_SIZE } from './feeds.ts';
import { chunkCount, renderIndex } from './sitemap.ts';

let t: TestApp;
const BASE = 'https://www.example.gov.cn';
const ids: Record<string, number> = {};
const start = Date.UTC(2026, 0, 10);
const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();

before(async () => {
  t = await testApp({ PUBLIC_BASE_URL: BASE });
  const a = await createOrg(t.db, { code: 'FDA', name: '订阅测试局' });
  const b = await createOrg(t.db, { code: 'FDB', name: '另一测试局' });
  // More than a feed holds: the oldest must fall off.
  for (let i = 1; i <= FEED_SIZE + 3; i++) {
    await createDocument(t.db, { orgId: a, title: `统计信息${String(i).padStart(2, '0')}`, catalog_code: 'art20_04', published_at: at(i) });
  }
  ids.budget = await createDocument(t.db, {
    orgId: a, title: '部门预算 <公开> & 说明', catalog_code: 'art20_07', summary: '预算说明摘要', issuers_json: JSON.stringify(['订阅测试局']), published_at: at(100),
  });
  ids.other = await createDocument(t.db, { orgId: b, title: '另一单位采购', catalog_code: 'art20_09', published_at: at(200) });
  invalidatePublicCache();
});

after(async () => {
  await t.close();
});

async function get(url: string, status = 200) {
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, status, `${url} → ${res.statusCode}`);
  return res;
}

const entryTitles = (xml: string) => [...xml.matchAll(/<entry>\s*<title type="html"><!\[CDATA\[([^\]]+)\]\]><\/title>/g)].map((m) => m[1]!);

describe('feeds', () => {
  test('the district Atom feed: latest 50, newest first, absolute links', async () => {
    const res = await get('/zwgk/feed.atom');
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const titles = entryTitles(res.body);
    assert.equal(titles.length, FEED_SIZE);
    assert.deepEqual(titles.slice(0, 3), ['另一单位采购', '部门预算 <公开> & 说明', `统计信息${FEED_SIZE + 3}`]);
    assert.ok(!titles.includes('统计信息01'), 'the oldest fell off');
    assert.ok(res.body.includes(`<link href="${BASE}/doc/${ids.budget}"/>`));
    assert.ok(res.body.includes(`<link rel="self" href="${BASE}/zwgk/feed.atom"/>`));
    assert.match(res.body, /<updated>2026-01-10T03:20:00.000Z<\/updated>/, 'feed updated = newest change, not the time of the request');
  });

  test('a unit’s RSS feed holds only that unit’s items', async () => {
    const res = await get('/zwgk/FDA/feed.rss');
    assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.match(res.body, /<rss version="2.0"/);
    assert.ok(res.body.includes('<title>订阅测试局政府信息公开</title>'));
    assert.ok(res.body.includes(`<link>${BASE}/doc/${ids.budget}</link>`));
    assert.ok(!res.body.includes('另一单位采购'));
  });

  test('a category feed holds only that category', async () => {
    const res = await get('/zwgk/FDA/feed.atom?category=art20_07');
    assert.deepEqual(entryTitles(res.body), ['部门预算 <公开> & 说明']);
    assert.ok(res.body.includes('订阅测试局政府信息公开 - 财政预算、决算信息'));
    assert.ok(res.body.includes(`<link rel="self" href="${BASE}/zwgk/FDA/feed.atom?category=art20_07"/>`));
    assert.ok(res.body.includes('<category label="财政预算、决算信息" term="art20_07"/>'));
    assert.deepEqual(entryTitles((await get('/zwgk/feed.atom?category=art20_09')).body), ['另一单位采购']);
  });

  test('an unknown unit or category has no feed', async () => {
    await get('/zwgk/NOPE/feed.atom', 404);
    await get('/zwgk/FDA/feed.rss?category=art20_99', 404);
  });

  test('without a configured base URL, links use the request’s own host', async () => {
    const local = await testApp();
    try {
      const org = await createOrg(local.db, { code: 'LOC' });
      const id = await createDocument(local.db, { orgId: org });
      invalidatePublicCache();
      const res = await local.app.inject({ method: 'GET', url: '/zwgk/LOC/feed.atom', headers: { host: 'zwgk.example.org' } });
      assert.ok(res.body.includes(`<link href="http://zwgk.example.org/doc/${id}"/>`));
    } finally {
      await local.close();
      invalidatePublicCache();
    }
  });
});

describe('sitemap', () => {
  test('lists the 专栏 pages and every public item with its last change date', async () => {
    const res = await get('/sitemap.xml');
    assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
    assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    for (const path of ['/zwgk', '/zcwj', '/zcjd', '/zwgk/FDA', '/zwgk/FDA/guide', '/zwgk/FDB/fdzdgknr', '/zwgk/FDA/annual-reports']) {
      assert.ok(res.body.includes(`<loc>${BASE}${path}</loc>`), path);
    }
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    assert.ok(res.body.includes(`<loc>${BASE}/doc/${ids.budget}</loc><lastmod>${today}</lastmod>`));
    assert.equal(res.body.match(/\/doc\/\d+<\/loc>/g)?.length, FEED_SIZE + 5);
  });

  test('the numbered files split the same entries', async () => {
    const pages = (await get('/sitemap-0.xml')).body;
    assert.ok(pages.includes(`<loc>${BASE}/zwgk/FDA</loc>`));
    assert.ok(!pages.includes('/doc/'));
    const items = (await get('/sitemap-1.xml')).body;
    assert.equal(items.match(/\/doc\/\d+<\/loc>/g)?.length, FEED_SIZE + 5);
    await get('/sitemap-2.xml', 404);
  });

  test('the index names one file for the pages and one per chunk of items', () => {
    assert.equal(chunkCount(0), 0);
    assert.equal(chunkCount(10_000), 1);
    assert.equal(chunkCount(10_001), 2);
    const index = renderIndex(BASE, 2);
    assert.match(index, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    assert.deepEqual([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]), [`${BASE}/sitemap-0.xml`, `${BASE}/sitemap-1.xml`, `${BASE}/sitemap-2.xml`]);
  });
});
