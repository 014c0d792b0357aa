/**
 * A small fuzz test: random bytes and hostile strings in every public route's path parameters, query strings and
 * headers, and in the anonymous forms. Nothing may answer 5xx and the server must keep serving. The generator is
 * seeded (FUZZ_SEED, default fixed) so a failure can be replayed; the failing request is named in the message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testApp, type TestApp } from '../helpers/app.ts';
import { createDocument, createOrg } from '../helpers/factories.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const ROUNDS_PER_ROUTE = 30;

/** mulberry32: a tiny, well-known seeded generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '%00', '%00abc', 'a%00b', '%FF', '%C0%AF', '%E3%80', '%ED%A0%80', '%25', '%', '%%30', '..%2F..%2Fetc%2Fpasswd', '../../etc/passwd',
  '%2F%2Fevil.example', '%5C%5Cevil', '%0D%0ASet-Cookie:%20x=1', '%09', '%E3%80%80', "'%20OR%201=1--", '%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
  '0x11', '17.0', '1e9', '-1', '0', '+1', '99999999999999999999', '2147483648', 'NaN', 'Infinity', '%F0%9F%98%80', '%E2%80%AE',
  'a'.repeat(3000), '%E6%94%BF'.repeat(400), 'NEAR(a%20b)', '%22quoted%22', '*', '-term', 'art20_01', 'T02', '2026', 'hant',
];

const QUERY_KEYS = [
  'q', 'page', 'pageSize', 'category', 'topic', 'issuer', 'year', 'validity', 'sort', 'org', 'kind', 'docNumber', 'back', 'next',
  'script', 'elderly', 'out', 'type', 'from', 'to', '%00', 'a%5B%5D', '__proto__', 'constructor',
];

function randomBytesEncoded(rand: () => number): string {
  const length = 1 + Math.floor(rand() * 24);
  let out = '';
  for (let i = 0; i < length; i++) out += `%${Math.floor(rand() * 256).toString(16).padStart(2, '0').toUpperCase()}`;
  return out;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function hostileValue(rand: () => number): string {
  return rand() < 0.35 ? randomBytesEncoded(rand) : pick(rand, HOSTILE);
}

/** Full paths and methods from Fastify's route tree (the only complete list of what the app serves). */
export function routesOf(tree: string): Array<{ path: string; methods: string[] }> {
  const stack: string[] = [];
  const routes: Array<{ path: string; methods: string[] }> = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│]*)(?:├── |└── )(.+?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    routes.push({ path: stack.join(''), methods: m[3]!.split(', ') });
  }
  return routes;
}

describe('fuzzing the public routes', () => {
  let t: TestApp;
  let docId: number;

  before(async () => {
    t = await testApp();
    const root = await createOrg(t.db, { kind: 'government', code: 'FUZZ' });
    docId = await createDocument(t.db, { orgId: root, title: '模糊测试文件' });
  });
  after(() => t.close());

  const publicGetRoutes = () =>
    routesOf(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.methods.includes('GET') && !r.path.startsWith('/admin') && r.path !== '/*');

  test('every query key and path parameter of every public route, with each sharp value', async () => {
    const sharp = ['%00', 'a%00b', '%FF%FE', '%E3%80%80', '0x11', '99999999999', 'x'.repeat(3000)];
    const routes = publicGetRoutes();
    for (const route of routes) {
      const real = route.path.replace(/:n\(\^\\d\+\)/, '1').replace(/:orgCode/g, 'FUZZ').replace(/:(\w+)/g, String(docId));
      const urls: string[] = [];
      for (const key of QUERY_KEYS) for (const value of sharp) urls.push(`${real}?${key}=${value}`);
      for (const param of route.path.match(/:\w+/g) ?? []) {
        for (const value of sharp) urls.push(route.path.replace(/:n\(\^\\d\+\)/, '1').replace(param, value).replace(/:orgCode/g, 'FUZZ').replace(/:(\w+)/g, String(docId)));
      }
      for (const url of urls) {
        const res = await t.app.inject(url);
        assert.ok(res.statusCode < 500, `GET ${url} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
      }
    }
  });

  test(`random and hostile parameters never get a 5xx (seed ${SEED})`, async () => {
    const rand = generator(SEED);
    const routes = publicGetRoutes();
    assert.ok(routes.length >= 20, `found ${routes.length} public routes`);
    let requests = 0;
    for (const route of routes) {
      for (let round = 0; round < ROUNDS_PER_ROUTE; round++) {
        // Parameters: sometimes a real value (so the route goes deep), mostly hostile ones.
        const path = route.path
          .replace(/:n\(\^\\d\+\)/, () => (rand() < 0.5 ? '1' : String(Math.floor(rand() * 1e12))))
          .replace(/:(\w+)/g, (_, name: string) => {
            if (rand() < 0.25) return name === 'orgCode' ? 'FUZZ' : String(docId);
            return hostileValue(rand);
          });
        const params = Array.from({ length: Math.floor(rand() * 4) }, () => `${pick(rand, QUERY_KEYS)}=${hostileValue(rand)}`);
        const url = params.length ? `${path}?${params.join('&')}` : path;
        const headers: Record<string, string> = {};
        if (rand() < 0.3) headers.accept = pick(rand, ['application/json', '*/*', 'text/html', '\u00ff\u00fe', 'application/json;q=x']);
        if (rand() < 0.3) headers.cookie = pick(rand, ['gk_script=hant', 'gk_elderly=1', 'gk_sid=garbage', 'gk_script=%FF', 'a=b; gk_sid=s%3Ax.y']);
        if (rand() < 0.2) headers['if-none-match'] = pick(rand, ['*', 'W/"x"', '"', '\u00ff']);
        requests++;
        const res = await t.app.inject({ method: 'GET', url, headers });
        assert.ok(res.statusCode < 500, `GET ${url} ${JSON.stringify(headers)} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
      }
    }
    assert.ok(requests >= routes.length * ROUNDS_PER_ROUTE);
    assert.equal((await t.app.inject('/healthz')).statusCode, 200);
  });

  test('hostile anonymous form posts are refused cleanly', async () => {
    const rand = generator(SEED + 1);
    const forms = routesOf(t.app.printRoutes({ commonPrefix: false })).filter(
      (r) => r.methods.includes('POST') && !r.path.startsWith('/admin'),
    );
    assert.ok(forms.some((f) => f.path === '/login'));
    for (const form of forms) {
      for (let round = 0; round < ROUNDS_PER_ROUTE; round++) {
        const fields = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => `${pick(rand, [...QUERY_KEYS, 'username', 'password', '_csrf', 'website'])}=${hostileValue(rand)}`);
        const contentType = pick(rand, ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json', 'text/plain', '']);
        const res = await t.app.inject({ method: 'POST', url: form.path, payload: fields.join('&'), headers: contentType ? { 'content-type': contentType } : {} });
        assert.ok(res.statusCode < 500, `POST ${form.path} (${contentType}) ${fields.join('&').slice(0, 200)} → ${res.statusCode}`);
      }
    }
    assert.equal((await t.app.inject('/healthz')).statusCode, 200);
  });
});
