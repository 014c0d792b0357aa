/**
 * Only 主动公开, published, due items ever appear on the public site (条例第十三条至第十六条 decide what is withheld;
 * drafts and scheduled items are not yet public). Each surface is checked against the same set of items in every
 * state: exactly the published proactive ones show; a taken-down item answers 410, everything else 404.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg, type DocumentOverrides } from '../../test/helpers/factories.ts';
import { invalidatePublicCache } from './cache.ts';

let t: TestApp;
const ids: Record<string, number> = {};
const interpIds: Record<string, number> = {};
let orgId = 0;

const past = new Date(Date.now() - 3 * 86_400_000).toISOString();
const future = new Date(Date.now() + 3 * 86_400_000).toISOString();

/** Every state an item can be in, by the title that marks it. */
const STATES: Record<string, Omit<DocumentOverrides, 'orgId'>> = {
  可见: { status: 'published', disclosure: 'proactive', published_at: past },
  依申请: { status: 'published', disclosure: 'on_request', published_at: past },
  不予公开: { status: 'published', disclosure: 'withheld', withheld_reason: 'internal_affairs', published_at: past },
  草稿: { status: 'draft', disclosure: 'proactive', published_at: null },
  定时: { status: 'scheduled', disclosure: 'proactive', published_at: future, scheduled_at: future },
  未到时: { status: 'published', disclosure: 'proactive', published_at: future },
  撤下: { status: 'taken_down', disclosure: 'proactive', published_at: past, public_notice: '误发，现予撤下' },
  依申请撤下: { status: 'taken_down', disclosure: 'on_request', published_at: past, public_notice: '内部' },
};
const HIDDEN = Object.keys(STATES).filter((k) => k !== '可见');

const docTitle = (state: string) => `能见度测试${state}文件`;
const interpTitle = (state: string) => `能见度测试${state}解读`;

before(async () => {
  t = await testApp({ PUBLIC_BASE_URL: 'https://gov.example.cn' });
  orgId = await createOrg(t.db, { code: 'VIS', name: '能见度测试局' });
  for (const [state, overrides] of Object.entries(STATES)) {
    ids[state] = await createDocument(t.db, { orgId, title: docTitle(state), is_policy: 1, doc_number: `能测〔2026〕${Object.keys(ids).length + 1}号`, ...overrides });
    interpIds[state] = await createDocument(t.db, {
      orgId,
      kind: 'interpretation',
      title: interpTitle(state),
      catalog_code: 'art20_01',
      interp_form: 'text',
      ...overrides,
    });
    // Every interpretation explains the public policy: only the public interpretation may be listed on its page.
    await t.db.insertInto('interpretation_links').values({ interpretation_id: interpIds[state]!, policy_id: ids['可见'] ?? ids[state]! }).execute();
  }
  invalidatePublicCache();
});

after(async () => {
  await t.close();
});

function assertOnlyPublic(body: string, where: string, titleOf: (s: string) => string = docTitle) {
  assert.ok(body.includes(titleOf('可见')), `${where} shows the published proactive item`);
  for (const state of HIDDEN) assert.ok(!body.includes(titleOf(state)), `${where} must not show the ${state} item`);
}

async function get(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, `${url} answered ${res.statusCode}`);
  return res;
}

describe('lists show only published proactive items', () => {
  for (const url of ['/zwgk', '/zwgk/fdzdgknr', '/zwgk/VIS', '/zwgk/VIS/fdzdgknr', '/zwgk/fdzdgknr?category=art20_01', '/zcwj', '/zcwj?q=能见度测试']) {
    test(url, async () => {
      const res = await get(url);
      assertOnlyPublic(res.body, url);
    });
  }

  test('/zcjd lists only the published proactive interpretation', async () => {
    const res = await get('/zcjd');
    assertOnlyPublic(res.body, '/zcjd', interpTitle);
  });

  test('the category counts count only public items', async () => {
    const res = await get('/zwgk/VIS/fdzdgknr');
    // The public document and the public interpretation are both filed under art20_01.
    assert.match(res.body, /data-testid="category-art20_01"[^>]*>行政法规、规章和规范性文件<span class="count">（2）<\/span>/);
  });
});

describe('document pages', () => {
  test('the published proactive item has a page', async () => {
    const res = await get(`/doc/${ids['可见']}`);
    assert.ok(res.body.includes(docTitle('可见')));
  });

  test('a taken-down item answers 410 with its public reason', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/doc/${ids['撤下']}` });
    assert.equal(res.statusCode, 410);
    assert.ok(res.body.includes('误发，现予撤下'), 'the reason is shown');
    assert.ok(!res.body.includes(docTitle('撤下')), 'the mistaken item itself is not shown');
  });

  test('drafts, scheduled, 依申请公开 and 不予公开 items are indistinguishable from ids that never existed', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/doc/999999' });
    assert.equal(missing.statusCode, 404);
    for (const state of ['依申请', '不予公开', '草稿', '定时', '未到时', '依申请撤下']) {
      for (const id of [ids[state], interpIds[state]]) {
        const res = await t.app.inject({ method: 'GET', url: `/doc/${id}` });
        assert.equal(res.statusCode, 404, `${state} → 404`);
        // Only the return address of the display switches (the page's own URL) may differ.
        const normalise = (body: string) => body.replace(/%2Fdoc%2F\d+/g, '%2Fdoc%2FN');
        assert.equal(normalise(res.body), normalise(missing.body), `${state}: the same page as an unknown id`);
      }
    }
  });

  test('a policy page lists only its public interpretations', async () => {
    const res = await get(`/doc/${ids['可见']}`);
    assert.ok(res.body.includes('data-testid="interpretations"'));
    assertOnlyPublic(res.body, 'policy page', interpTitle);
  });
});

describe('feeds and sitemap', () => {
  for (const url of ['/zwgk/feed.atom', '/zwgk/feed.rss', '/zwgk/VIS/feed.atom', '/zwgk/VIS/feed.rss', '/zwgk/VIS/feed.atom?category=art20_01']) {
    test(url, async () => {
      const res = await get(url);
      assertOnlyPublic(res.body, url);
      assertOnlyPublic(res.body, url, interpTitle);
    });
  }

  test('/sitemap.xml lists only the public items', async () => {
    const res = await get('/sitemap.xml');
    assert.ok(res.body.includes(`https://gov.example.cn/doc/${ids['可见']}<`));
    assert.ok(res.body.includes(`https://gov.example.cn/doc/${interpIds['可见']}<`));
    for (const state of HIDDEN) {
      assert.ok(!res.body.includes(`/doc/${ids[state]}<`), `sitemap must not list the ${state} document`);
      assert.ok(!res.body.includes(`/doc/${interpIds[state]}<`), `sitemap must not list the ${state} interpretation`);
    }
  });
});

describe('API', () => {
  test('the list holds only the public items', async () => {
    const res = await get('/api/v1/documents?pageSize=100');
    const body = res.json() as { items: Array<{ id: number; title: string }>; total: number };
    assert.deepEqual(body.items.map((i) => i.id).sort((a, b) => a - b), [ids['可见']!, interpIds['可见']!].sort((a, b) => a - b));
    assert.equal(body.total, 2);
    assertOnlyPublic(res.body, 'API list');
  });

  test('items: public 200, taken down 410, everything else 404', async () => {
    assert.equal((await t.app.inject(`/api/v1/documents/${ids['可见']}`)).statusCode, 200);
    const gone = await t.app.inject(`/api/v1/documents/${ids['撤下']}`);
    assert.equal(gone.statusCode, 410);
    assert.equal(gone.json().error, 'gone');
    assert.match(gone.json().message, /误发，现予撤下/);
    for (const state of ['依申请', '不予公开', '草稿', '定时', '未到时', '依申请撤下']) {
      const res = await t.app.inject(`/api/v1/documents/${ids[state]}`);
      assert.equal(res.statusCode, 404, state);
      assert.deepEqual(Object.keys(res.json()).sort(), ['error', 'message']);
      assert.equal(res.json().error, 'not_found');
    }
  });

  test('the public interpretation lists only its public policy; hidden ones list nothing', async () => {
    const res = await get(`/api/v1/documents/${interpIds['可见']}`);
    assert.deepEqual(res.json().policies.map((p: { id: number }) => p.id), [ids['可见']]);
    const policy = await get(`/api/v1/documents/${ids['可见']}`);
    assert.deepEqual(policy.json().interpretations.map((p: { id: number }) => p.id), [interpIds['可见']]);
  });
});
