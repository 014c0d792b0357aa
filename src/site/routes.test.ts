import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createOrg } from '../../test/helpers/factories.ts';

const SITE = {
  SITE_NAME: '测试区人民政府',
  SITE_SPONSOR: '测试区人民政府办公室',
  SITE_ORGANIZER: '测试区大数据中心',
  SITE_CONTACT: '010-87654321',
  SITE_ICP: '测ICP备12345678号',
  SITE_PSB: '测公网安备 11000002000001号',
  SITE_CODE: '1100000099',
};

let t: TestApp;

before(async () => {
  t = await testApp(SITE);
  // Created out of display order on purpose: the district government must still come first.
  await createOrg(t.db, { name: '测试区发展和改革委员会', code: 'FGW', kind: 'department' });
  await createOrg(t.db, { name: '测试区新华街道办事处', code: 'XHJD', kind: 'street' });
  await createOrg(t.db, { name: '测试区人民政府', code: 'CSQ', kind: 'government' });
  await createOrg(t.db, { name: '测试区已撤销单位', code: 'OLD', kind: 'department', active: false });
});

after(async () => {
  await t.close();
});

/** Internal links (path only, no fragment) found in a page. */
function internalLinks(html: string): string[] {
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  return [...new Set(hrefs.filter((h) => h.startsWith('/') && !h.startsWith('//')).map((h) => h.split('#')[0]!))];
}

describe('public home page', () => {
  test('shows the site name, the units and every configured footer field', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.match(res.body, /<title>首页 - 测试区人民政府<\/title>/);
    for (const value of Object.values(SITE)) assert.ok(res.body.includes(value), `footer/header shows ${value}`);
    assert.ok(res.body.includes('主办单位：测试区人民政府办公室'));
    assert.ok(res.body.includes('承办单位：测试区大数据中心'));
    assert.ok(res.body.includes('网站标识码：1100000099'));
    for (const entry of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']) {
      assert.ok(res.body.includes(entry), `entry block ${entry}`);
    }
    assert.ok(res.body.includes('测试区发展和改革委员会'));
    assert.ok(res.body.includes('测试区新华街道办事处'));
    assert.ok(!res.body.includes('测试区已撤销单位'), 'inactive units are not shown');
    assert.ok(res.body.includes('href="/zwgk#org-fgw"'), 'units link to their office details');
  });

  test('loads nothing from another host (no CDN, fonts or scripts)', async () => {
    for (const url of ['/', '/zwgk', '/search?q=x', '/sitemap', '/login', '/nowhere']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.doesNotMatch(res.body, /<(script|link|img|iframe)\b[^>]*(src|href)="(https?:)?\/\//i, url);
      assert.doesNotMatch(res.body, /<script\b/i, `${url} needs no JavaScript`);
    }
  });

  test('no link on the public pages leads to a 404', async () => {
    const seen = new Set<string>();
    for (const page of ['/', '/zwgk', '/sitemap', '/search']) {
      const res = await t.app.inject({ method: 'GET', url: page });
      for (const link of internalLinks(res.body)) seen.add(link);
    }
    assert.ok(seen.has('/zwgk') && seen.has('/sitemap') && seen.has('/'), 'navigation links collected');
    for (const link of seen) {
      const res = await t.app.inject({ method: 'GET', url: link });
      assert.ok(res.statusCode < 400, `${link} answered ${res.statusCode}`);
    }
  });
});

describe('政府信息公开 entry page', () => {
  test('lists every active unit with its office details, district government first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/zwgk' });
    assert.equal(res.statusCode, 200);
    const body = res.body;
    for (const detail of ['测试办公室', '测试路1号', '100000', '工作日9:00-17:00', '010-12345678', 'mailto:test@example.com']) {
      assert.ok(body.includes(detail), `office detail ${detail}`);
    }
    assert.equal(body.match(/data-testid="org-card"/g)?.length, 3);
    const gov = body.indexOf('id="org-csq"');
    const dept = body.indexOf('id="org-fgw"');
    const street = body.indexOf('id="org-xhjd"');
    assert.ok(gov > 0 && gov < dept && dept < street, 'government, then departments, then streets');
    assert.ok(!body.includes('测试区已撤销单位'));
    assert.match(body, /<a href="\/zwgk" aria-current="page">政府信息公开<\/a>/);
  });
});

describe('简体/繁體 switch', () => {
  test('converts the whole page and persists until switched back', async () => {
    const agent = new Agent(t.app);
    const sw = await agent.get('/preferences?script=hant&back=/');
    assert.equal(sw.statusCode, 303);
    assert.equal(sw.headers.location, '/');
    const cookie = sw.cookies.find((c) => c.name === 'gk_script');
    assert.equal(cookie?.value, 'hant');
    assert.equal(cookie?.path, '/');

    const home = await agent.get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="zh-Hant">/);
    assert.ok(home.body.includes('政府信息公開'), 'Traditional text');
    assert.ok(home.body.includes('測試區人民政府'), 'site name converted too');
    assert.ok(!home.body.includes('政府信息公开'), 'no Simplified left');
    assert.ok(home.body.includes('data-testid="switch-hans"'), 'offers the way back');

    const zwgk = await agent.get('/zwgk');
    assert.match(zwgk.body, /<html lang="zh-Hant">/, 'persists on another page');

    const back = await agent.get('/preferences?script=hans&back=%2Fzwgk');
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, '/zwgk');
    const again = await agent.get('/');
    assert.match(again.body, /<html lang="zh-CN">/);
    assert.ok(again.body.includes('政府信息公开'));
  });

  test('never redirects to another site', async () => {
    for (const back of ['//evil.example', 'https://evil.example/', '/\\evil.example', '']) {
      const res = await t.app.inject({ method: 'GET', url: `/preferences?script=hant&back=${encodeURIComponent(back)}` });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/', `back=${back}`);
    }
  });
});

describe('适老模式 elderly mode', () => {
  test('is switched on by link, marks every page and is switched off again', async () => {
    const agent = new Agent(t.app);
    const on = await agent.get('/preferences?elderly=on&back=/zwgk');
    assert.equal(on.statusCode, 303);
    assert.equal(on.headers.location, '/zwgk');
    assert.equal(on.cookies.find((c) => c.name === 'gk_elderly')?.value, '1');
    for (const url of ['/', '/zwgk', '/login']) {
      const res = await agent.get(url);
      assert.match(res.body, /<html lang="zh-CN" class="elderly">/, url);
    }
    await agent.get('/preferences?elderly=off&back=/');
    const off = await agent.get('/');
    assert.match(off.body, /<html lang="zh-CN">/);
    assert.ok(off.body.includes('data-testid="switch-elderly-on"'));
  });

  test('is read from the gk_elderly cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/', cookies: { gk_elderly: '1' } });
    assert.match(res.body, /<html lang="zh-CN" class="elderly">/);
    const other = await t.app.inject({ method: 'GET', url: '/', cookies: { gk_elderly: 'yes' } });
    assert.doesNotMatch(other.body, /class="elderly"/);
  });
});

describe('error pages', () => {
  test('an unknown address gets the Chinese 404 page without internals', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no/such/page' });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.ok(res.body.includes('页面不存在'));
    assert.ok(res.body.includes('href="/"'), 'offers the way home');
    assert.doesNotMatch(res.body, /\bat \S+ \(|node_modules|\.ts:\d+|Error:/);
  });

  test('an unknown address in 繁體 gets a Traditional 404 page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no/such/page', cookies: { gk_script: 'hant' } });
    assert.equal(res.statusCode, 404);
    assert.ok(res.body.includes('頁面不存在'));
  });
});

describe('站内搜索 placeholder', () => {
  test('echoes the query escaped and says search is coming', async () => {
    const q = '<script>alert(1)</script>';
    const res = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}` });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(q), 'query is not echoed raw');
    // preact-render-to-string escapes < and & (enough to keep text from becoming markup).
    assert.ok(res.body.includes('您搜索的是：<strong>&lt;script>alert(1)&lt;/script></strong>'), 'query is echoed escaped');
    assert.ok(res.body.includes('全文检索功能即将上线'));
    assert.ok(res.body.includes('href="/zwgk"'));
  });

  test('escapes an attribute-breaking query in the search box', async () => {
    const q = '"><img src=x onerror=alert(1)>';
    const res = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(q)}` });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('<img src=x'));
    assert.ok(res.body.includes('value="&quot;>&lt;img src=x onerror=alert(1)>"'), 'attribute stays closed');
  });

  test('works without a query and ignores a repeated parameter', async () => {
    const empty = await t.app.inject({ method: 'GET', url: '/search' });
    assert.equal(empty.statusCode, 200);
    assert.ok(!empty.body.includes('您搜索的是'));
    const repeated = await t.app.inject({ method: 'GET', url: '/search?q=a&q=b' });
    assert.equal(repeated.statusCode, 200);
  });
});

describe('site map, health and static files', () => {
  test('the site map lists the public pages and every unit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sitemap' });
    assert.equal(res.statusCode, 200);
    for (const href of ['"/"', '"/zwgk"', '"/zwgk/fdzdgknr"', '"/zcwj"', '"/zcjd"', '"/search"', '"/login"', '"/zwgk/CSQ"', '"/zwgk/FGW"', '"/zwgk/XHJD"']) {
      assert.ok(res.body.includes(`href=${href}`), `site map links ${href}`);
    }
    assert.ok(!res.body.includes('测试区已撤销单位'));
  });

  test('/healthz answers ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });

  test('the stylesheets are served locally as text/css', async () => {
    for (const file of ['site.css', 'print.css']) {
      const res = await t.app.inject({ method: 'GET', url: `/static/css/${file}` });
      assert.equal(res.statusCode, 200, file);
      assert.match(res.headers['content-type'] as string, /^text\/css/);
      assert.ok(res.body.length > 500);
      assert.doesNotMatch(res.body, /@import|url\(\s*['"]?(https?:)?\/\//i, `${file} loads nothing remote`);
    }
    const missing = await t.app.inject({ method: 'GET', url: '/static/css/none.css' });
    assert.equal(missing.statusCode, 404);
  });
});
