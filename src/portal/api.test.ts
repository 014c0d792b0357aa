/** The read-only JSON API and its OpenAPI description. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { createDocument, createOrg, createStaff } from '../../test/helpers/factories.ts';
import { invalidatePublicCache } from './cache.ts';

let t: TestApp;
const BASE = 'https://open.example.gov.cn';
const ids: Record<string, number> = {};
const at = (minutes: number) => new Date(Date.UTC(2026, 1, 1) + minutes * 60_000).toISOString();

before(async () => {
  t = await testApp({ PUBLIC_BASE_URL: BASE });
  const a = await createOrg(t.db, { code: 'APA', name: '接口测试局' });
  const b = await createOrg(t.db, { code: 'APB', name: '接口另一局' });
  const staff = await createStaff(t.db, { roles: [{ orgId: a, role: 'editor' }] });
  for (let i = 1; i <= 25; i++) {
    await createDocument(t.db, { orgId: a, title: `接口文件${String(i).padStart(2, '0')}`, catalog_code: 'art20_05', published_at: at(i), created_by: staff.id, submitted_by: staff.id });
  }
  ids.policy = await createDocument(t.db, {
    orgId: b, title: '关于优化营商环境的意见', doc_number: '接另〔2026〕8号', catalog_code: 'art20_01', is_policy: 1, published_at: at(100),
    body_html: '<p>正文<strong>内容</strong></p>', created_by: staff.id, return_reason: '内部退回意见', source: 'import', external_id: 'ext-1',
  });
  ids.interp = await createDocument(t.db, { orgId: b, kind: 'interpretation', title: '营商环境意见图解', catalog_code: null, interp_form: 'graphic', interp_unit: '接口另一局', interp_person: '李四', published_at: at(101) });
  await t.db.insertInto('interpretation_links').values({ interpretation_id: ids.interp, policy_id: ids.policy }).execute();
  ids.withdrawn = await createDocument(t.db, { orgId: b, title: '撤回的公告', status: 'withdrawn', public_notice: '公告内容有误，予以撤回。', published_at: at(102) });
  invalidatePublicCache();
});

after(async () => {
  await t.close();
});

async function getJson(url: string, status = 200) {
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, status, `${url} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
  assert.match(res.headers['content-type'] as string, /^application\/json/);
  return res.json() as Record<string, unknown> & { items?: Array<Record<string, unknown>> };
}

const PRIVATE_KEYS = [
  'created_by', 'submitted_by', 'reviewed_by', 'approved_by', 'createdBy', 'submittedBy', 'disclosure', 'withheld_reason',
  'withheldReason', 'return_reason', 'returnReason', 'body_text', 'source', 'external_id', 'externalId', 'due_on', 'dueOn',
  'org_id', 'orgId', 'scheduled_at', 'formed_on', 'takedown_due_on',
];

function assertNoPrivateKeys(value: unknown, where: string): void {
  if (Array.isArray(value)) return value.forEach((v) => assertNoPrivateKeys(v, where));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      assert.ok(!PRIVATE_KEYS.includes(k), `${where} exposes ${k}`);
      assertNoPrivateKeys(v, where);
    }
  }
}

describe('GET /api/v1/documents', () => {
  test('pages newest first with the total', async () => {
    const first = await getJson('/api/v1/documents?pageSize=10');
    assert.equal(first.total, 28 - 1, 'the withdrawn item is not listed');
    assert.equal(first.page, 1);
    assert.equal(first.pageSize, 10);
    assert.deepEqual(first.items!.slice(0, 3).map((i) => i.title), ['营商环境意见图解', '关于优化营商环境的意见', '接口文件25']);
    const third = await getJson('/api/v1/documents?pageSize=10&page=3');
    assert.deepEqual(third.items!.map((i) => i.title), ['接口文件07', '接口文件06', '接口文件05', '接口文件04', '接口文件03', '接口文件02', '接口文件01']);
  });

  test('items carry public fields only, with absolute URLs', async () => {
    const body = await getJson('/api/v1/documents?pageSize=100');
    assertNoPrivateKeys(body, 'list');
    const policy = body.items!.find((i) => i.id === ids.policy)!;
    assert.equal(policy.url, `${BASE}/doc/${ids.policy}`);
    assert.equal(policy.docNumber, '接另〔2026〕8号');
    assert.deepEqual(policy.org, { code: 'APB', name: '接口另一局' });
    assert.deepEqual(policy.category, { code: 'art20_01', label: '行政法规、规章和规范性文件', article: '第二十条第（一）项' });
    assert.equal(policy.validity, 'valid');
    assert.ok(!('bodyHtml' in policy), 'the list leaves the body out');
  });

  test('filters by unit, category, kind and words', async () => {
    assert.equal((await getJson('/api/v1/documents?org=APA')).total, 25);
    assert.equal((await getJson('/api/v1/documents?org=NOPE')).total, 0);
    assert.deepEqual((await getJson('/api/v1/documents?category=art20_01')).items!.map((i) => i.id), [ids.policy]);
    assert.deepEqual((await getJson('/api/v1/documents?kind=interpretation')).items!.map((i) => i.id), [ids.interp]);
    assert.deepEqual((await getJson(`/api/v1/documents?q=${encodeURIComponent('接另〔2026〕')}`)).items!.map((i) => i.id), [ids.policy]);
    assert.deepEqual((await getJson(`/api/v1/documents?q=${encodeURIComponent('營商環境')}`)).items!.map((i) => i.id).sort(), [ids.policy, ids.interp].sort());
  });

  test('bad parameters answer 400 with the field named', async () => {
    for (const [query, field] of [['pageSize=101', 'pageSize'], ['pageSize=0', 'pageSize'], ['page=0', 'page'], ['page=x', 'page'], ['kind=memo', 'kind'], ['category=x', 'category']]) {
      const body = await getJson(`/api/v1/documents?${query}`, 400);
      assert.equal(body.error, 'bad_request', query);
      assert.ok(typeof (body.fields as Record<string, string>)[field!] === 'string', `${query} names ${field}`);
    }
  });
});

describe('GET /api/v1/documents/:id', () => {
  test('a policy in full, with its interpretation and no private fields', async () => {
    const body = await getJson(`/api/v1/documents/${ids.policy}`);
    assertNoPrivateKeys(body, 'item');
    assert.equal(body.status, 'published');
    assert.equal(body.bodyHtml, '<p>正文<strong>内容</strong></p>');
    assert.deepEqual(body.interpretations, [{ id: ids.interp, title: '营商环境意见图解', url: `${BASE}/doc/${ids.interp}` }]);
    assert.ok(!JSON.stringify(body).includes('内部退回意见'));
  });

  test('an interpretation names its form, unit, person and policy', async () => {
    const body = await getJson(`/api/v1/documents/${ids.interp}`);
    assert.deepEqual(body.interpretation, { form: 'graphic', formLabel: '图解', unit: '接口另一局', person: '李四' });
    assert.deepEqual(body.policies, [{ id: ids.policy, title: '关于优化营商环境的意见', url: `${BASE}/doc/${ids.policy}` }]);
  });

  test('a withdrawn item keeps its metadata and notice, without body', async () => {
    const body = await getJson(`/api/v1/documents/${ids.withdrawn}`);
    assert.equal(body.status, 'withdrawn');
    assert.equal(body.publicNotice, '公告内容有误，予以撤回。');
    assert.equal(body.bodyHtml, null);
  });

  test('unknown ids and non-numbers are 404 JSON', async () => {
    assert.equal((await getJson('/api/v1/documents/999999', 404)).error, 'not_found');
    assert.equal((await getJson('/api/v1/documents/abc', 404)).error, 'not_found');
  });
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function resolvePointer(doc: Json, ref: string): Json | undefined {
  assert.ok(ref.startsWith('#/'), `local ref ${ref}`);
  let cur: Json | undefined = doc;
  for (const part of ref.slice(2).split('/')) {
    if (cur && typeof cur === 'object' && !Array.isArray(cur)) cur = cur[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    else return undefined;
  }
  return cur;
}

function refsIn(value: Json, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('OpenAPI description', () => {
  test('parses as OpenAPI 3.1 and every $ref resolves', async () => {
    const doc = (await getJson('/api/v1/openapi.json')) as unknown as Json & Record<string, Json>;
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual((doc.servers as Array<{ url: string }>)[0], { url: BASE });
    const refs = refsIn(doc);
    assert.ok(refs.length >= 8);
    for (const ref of refs) assert.notEqual(resolvePointer(doc, ref), undefined, `${ref} resolves`);
    const ops = Object.values(doc.paths as Record<string, { get: { operationId: string } }>).map((p) => p.get.operationId);
    assert.equal(new Set(ops).size, ops.length, 'operationIds are unique');
  });

  test('every described path is served', async () => {
    const doc = (await getJson('/api/v1/openapi.json')) as { paths: Record<string, unknown> };
    for (const path of Object.keys(doc.paths)) {
      const url = path.replace('{id}', String(ids.policy));
      await getJson(url);
    }
  });

  test('list items match the Document schema: every required field present, nothing undescribed', async () => {
    const doc = (await getJson('/api/v1/openapi.json')) as { components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> } };
    const schema = doc.components.schemas.Document!;
    const list = await getJson('/api/v1/documents?pageSize=100');
    for (const item of list.items!) {
      for (const key of schema.required) assert.ok(key in item, `required ${key}`);
      for (const key of Object.keys(item)) assert.ok(key in schema.properties, `${key} is described`);
    }
    const page = doc.components.schemas.DocumentPage!;
    assert.deepEqual(Object.keys(list).sort(), [...page.required].sort());
  });
});
