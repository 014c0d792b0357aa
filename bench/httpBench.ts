/**
 * Public pages under concurrent load, side by side with a bare `node:http` server that returns the very same bytes
 * from memory: the ratio is what routing, the database and rendering cost (on cached pages: the cache lookup).
 * The load generator runs in a worker thread so it does not share the servers' event loop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.ts';
import { syncShippedCalendar } from '../src/calendar/repository.ts';
import { loadConfig } from '../src/config.ts';
import { openSqlite } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemoIfEmpty } from '../src/demo/seed.ts';
import { importFile } from '../src/import/importer.ts';
import { CORPUS } from './importBench.ts';

/**
 * The pages to measure: the first candidate answering 200 is used, so the list keeps working while the public
 * routes are being built. Edit here to measure other pages.
 */
const ROUTES: Array<{ name: string; candidates: (ctx: { docId: number; orgCode: string }) => string[] }> = [
  { name: '文件页', candidates: ({ docId }) => [`/doc/${docId}`, `/zwgk/doc/${docId}`, '/'] },
  { name: '专栏列表页', candidates: ({ orgCode }) => ['/zwgk/fdzdgknr', `/zwgk/${orgCode}/fdzdgknr`, '/zwgk'] },
];

export interface HttpOptions {
  connections: number;
  durationSeconds: number;
}

export interface HttpFigure {
  route: string;
  path: string;
  bytes: number;
  app: Run;
  bare: Run;
}

export interface HttpResult {
  figures: HttpFigure[];
  documents: number;
  rssAfterImportMb: number;
}

type Run = { rps: number; p99: number; non2xx: number; errors: number };

async function load(url: string, connections: number, seconds: number): Promise<Run> {
  const r = await autocannon({ url, connections, duration: seconds, workers: 1 });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

/**
 * Measure the app and the bare server in alternating halves (app, bare, app, bare) after a one-second warm-up of
 * each, so a change in background load during the run hits both sides alike rather than skewing the ratio.
 */
async function compare(appUrl: string, bareUrl: string, opts: HttpOptions): Promise<{ app: Run; bare: Run }> {
  await load(appUrl, opts.connections, 1);
  await load(bareUrl, opts.connections, 1);
  const half = Math.max(1, Math.round(opts.durationSeconds / 2));
  const runs: { app: Run[]; bare: Run[] } = { app: [], bare: [] };
  for (let round = 0; round < 2; round++) {
    runs.app.push(await load(appUrl, opts.connections, half));
    runs.bare.push(await load(bareUrl, opts.connections, half));
  }
  const combine = (rs: Run[]): Run => ({
    rps: rs.reduce((sum, r) => sum + r.rps, 0) / rs.length,
    p99: Math.max(...rs.map((r) => r.p99)),
    non2xx: rs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rs.reduce((sum, r) => sum + r.errors, 0),
  });
  return { app: combine(runs.app), bare: combine(runs.bare) };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen((server.address() as AddressInfo).port)));
}

/** Seed the demo district, import the corpus, start the app and a bare server, and measure each route on both. */
export async function runHttpBench(dir: string, opts: HttpOptions): Promise<HttpResult> {
  const sqlitePath = join(dir, 'http.db');
  const handle = openSqlite(sqlitePath);
  await migrateToLatest(handle.db);
  await syncShippedCalendar(handle.db);
  await seedDemoIfEmpty(handle.db);
  const gov = await handle.db
    .selectFrom('organizations')
    .select(['id', 'code'])
    .where('kind', '=', 'government')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const imported = await importFile(handle.db, CORPUS, { org: gov });
  const rssAfterImportMb = process.memoryUsage().rss / 1e6;
  const doc = await handle.db.selectFrom('documents').select('id').where('external_id', '=', 'corpus:law-00001').executeTakeFirstOrThrow();

  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(40),
    LOG_LEVEL: 'silent',
    SQLITE_PATH: sqlitePath,
    FILES_DIR: join(dir, 'files'),
  });
  const app = await buildApp(config, { database: handle, migrate: false, logger: false });
  const bytesByPath = new Map<string, { body: Buffer; contentType: string }>();
  const bare = createServer((req, res) => {
    const hit = bytesByPath.get(req.url ?? '');
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': hit.contentType, 'content-length': hit.body.length });
    res.end(hit.body);
  });
  try {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const barePort = await listen(bare);
    const figures: HttpFigure[] = [];
    for (const route of ROUTES) {
      let chosen: { path: string; body: Buffer; contentType: string } | null = null;
      for (const path of route.candidates({ docId: doc.id, orgCode: gov.code })) {
        const res = await fetch(`${address}${path}`);
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status === 200) {
          chosen = { path, body, contentType: res.headers.get('content-type') ?? 'text/html; charset=utf-8' };
          break;
        }
      }
      if (!chosen) throw new Error(`no candidate of ${route.name} answered 200`);
      bytesByPath.set(chosen.path, { body: chosen.body, contentType: chosen.contentType });
      const { app: appRun, bare: bareRun } = await compare(`${address}${chosen.path}`, `http://127.0.0.1:${barePort}${chosen.path}`, opts);
      figures.push({ route: route.name, path: chosen.path, bytes: chosen.body.length, app: appRun, bare: bareRun });
    }
    return { figures, documents: imported.created, rssAfterImportMb };
  } finally {
    await app.close();
    await new Promise((r) => bare.close(r));
    await handle.destroy();
  }
}
