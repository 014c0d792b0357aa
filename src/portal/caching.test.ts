/** HTTP caching of public responses (ETag, 304, Vary: Cookie) and the in-process render cache with its invalidation. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg, createStaff } from '../../test/helpers/factories.ts';
import { invalidatePublicCache, publicCacheSize } from './cache.ts';
import { etagMatches } from './http.ts';

let t: TestApp;
let docId = 0;
let orgId = 0;

before(async () => {
  t = await testApp();
  orgId = await createOrg(t.db, { code: 'CCH', name: '缓存测试局' });
  docId = await createDocument(t.db, { orgId, title: '关于开展政务公开工作的通知', body_html: '<p>政府信息公开工作要点。</p>' });
  invalidatePublicCache();
});

after(async () => {
  await t.close();
});

const PUBLIC_URLS = () => [`/doc/${docId}`, '/zwgk', '/zwgk/CCH', '/zwgk/CCH/guide', '/zwgk/fdzdgknr', '/zcwj', '/zcjd'];

describe('HTTP caching', () => {
  test('public pages are cacheable, vary by cookie and create no session', async () => {
    for (const url of PUBLIC_URLS()) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'public, max-age=60', url);
      assert.match(res.headers.etag as string, /^"[A-Za-z0-9_-]{32}"$/, url);
      assert.equal(res.headers.vary, 'Cookie', url);
      assert.equal(res.headers['set-cookie'], undefined, `${url} sets no cookie`);
    }
  });

  test('a matching If-None-Match gets 304 with no body', async () => {
    for (const url of PUBLIC_URLS()) {
      const first = await t.app.inject({ method: 'GET', url });
      const etag = first.headers.etag as string;
      const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304, url);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers.vary, 'Cookie');
      const other = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': '"something-else"' } });
      assert.equal(other.statusCode, 200, `${url} with a stale tag`);
    }
  });

  test('the 繁體 page differs and has its own ETag', async () => {
    const url = `/doc/${docId}`;
    const hans = await t.app.inject({ method: 'GET', url });
    const hant = await t.app.inject({ method: 'GET', url, cookies: { gk_script: 'hant' } });
    assert.equal(hant.statusCode, 200);
    assert.ok(hant.body.includes('關於開展政務公開工作的通知'), 'converted to Traditional');
    assert.match(hant.body, /<html lang="zh-Hant">/);
    assert.notEqual(hant.headers.etag, hans.headers.etag);
    const crossed = await t.app.inject({ method: 'GET', url, cookies: { gk_script: 'hant' }, headers: { 'if-none-match': hans.headers.etag as string } });
    assert.equal(crossed.statusCode, 200, 'the Simplified tag does not validate the Traditional page');
    const own = await t.app.inject({ method: 'GET', url, cookies: { gk_script: 'hant' }, headers: { 'if-none-match': hant.headers.etag as string } });
    assert.equal(own.statusCode, 304);
  });

  test('the elderly mode page differs and has its own ETag', async () => {
    const url = '/zwgk/CCH';
    const normal = await t.app.inject({ method: 'GET', url });
    const elderly = await t.app.inject({ method: 'GET', url, cookies: { gk_elderly: '1' } });
    assert.match(elderly.body, /<html lang="zh-CN" class="elderly">/);
    assert.notEqual(elderly.headers.etag, normal.headers.etag);
  });

  test('a signed-in member of staff gets the same public bytes as anyone', async () => {
    const staff = await createStaff(t.db, { roles: [{ orgId, role: 'editor' }] });
    const agent = await new Agent(t.app).signIn(staff.username, staff.password);
    const anon = await t.app.inject({ method: 'GET', url: `/doc/${docId}` });
    const signedIn = await agent.get(`/doc/${docId}`);
    assert.equal(signedIn.body, anon.body);
    assert.equal(signedIn.headers.etag, anon.headers.etag);
  });

  test('feeds, the sitemap and the API carry ETags too (no Vary: their bytes do not depend on cookies)', async () => {
    for (const url of ['/zwgk/feed.atom', '/zwgk/CCH/feed.rss', '/sitemap.xml', '/api/v1/documents', `/api/v1/documents/${docId}`, '/api/v1/openapi.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'public, max-age=60', url);
      assert.equal(res.headers.vary, undefined, url);
      const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': res.headers.etag as string } });
      assert.equal(again.statusCode, 304, url);
    }
  });

  test('errors are not cached', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/doc/999999' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers.etag, undefined);
  });

  test('If-None-Match lists and weak tags are understood', () => {
    assert.ok(etagMatches('"a", "b"', '"b"'));
    assert.ok(etagMatches('W/"b"', '"b"'));
    assert.ok(etagMatches('*', '"b"'));
    assert.ok(!etagMatches('"bb"', '"b"'));
    assert.ok(!etagMatches(undefined, '"b"'));
  });
});

describe('render cache', () => {
  test('serves the rendered page until invalidated', async () => {
    const url = `/doc/${docId}`;
    const before = await t.app.inject({ method: 'GET', url });
    assert.ok(publicCacheSize() > 0);
    // A change made behind the portal's back is not seen while the entry lives…
    await t.db.updateTable('documents').set({ title: '关于开展政务公开工作的通知（修订）' }).where('id', '=', docId).execute();
    const cached = await t.app.inject({ method: 'GET', url });
    assert.equal(cached.body, before.body);
    // …and is seen as soon as the publishing code calls the hook.
    invalidatePublicCache();
    assert.equal(publicCacheSize(), 0);
    const fresh = await t.app.inject({ method: 'GET', url });
    assert.ok(fresh.body.includes('关于开展政务公开工作的通知（修订）'));
    assert.notEqual(fresh.headers.etag, before.headers.etag);
  });

  test('a taken-down item stops being served as soon as the cache is invalidated', async () => {
    const id = await createDocument(t.db, { orgId, title: '误发的信息' });
    invalidatePublicCache();
    assert.equal((await t.app.inject({ method: 'GET', url: `/doc/${id}` })).statusCode, 200);
    await t.db.updateTable('documents').set({ status: 'taken_down', public_notice: '误发' }).where('id', '=', id).execute();
    invalidatePublicCache();
    assert.equal((await t.app.inject({ method: 'GET', url: `/doc/${id}` })).statusCode, 410);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}` })).statusCode, 410);
  });
});
