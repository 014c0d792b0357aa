/**
 * The real server process (`src/server.ts`, as `npm start` runs it) survives the requests that used to stop it:
 * a session cookie, then a return address with a full-width space; `next` with one on sign-in; an undecodable URL.
 * Runs on a fresh SQLite file whatever DATABASE_URL says: what is tested is the process, not the database.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the server process', () => {
  let dir: string;
  let child: ChildProcess;
  let base: string;
  let output = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-process-'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      SEED_DEMO: 'true',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SQLITE_PATH: join(dir, 'gongkai.db'),
      FILES_DIR: join(dir, 'files'),
    };
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      const check = () => {
        const m = /http:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
  });

  after(() => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  const alive = async () => {
    assert.equal(child.exitCode, null, `the process ended:\n${output}`);
    const res = await fetch(`${base}/healthz`);
    assert.equal(res.status, 200);
  };

  test('hostile return addresses with and without a session do not stop it', async () => {
    // A signed-in session (the old crash needed the session store's save in the path).
    const page = await fetch(`${base}/login`);
    const formCookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const signIn = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookie },
      body: new URLSearchParams({ _csrf: token, username: 'admin', password: 'gongkai2026', next: '/\u3000/x' }).toString(),
    });
    assert.equal(signIn.status, 303, output);
    assert.equal(signIn.headers.get('location'), '/admin');
    const session = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    assert.match(session, /gk_sid=/);

    for (const cookie of [session, '']) {
      for (const back of ['%2F%E3%80%80', '%2F%09%2Fevil.example%2Fp', '%2F%0D%0ASet-Cookie:x', '%2F%5Cevil']) {
        const res = await fetch(`${base}/preferences?back=${back}`, { redirect: 'manual', headers: { cookie } });
        assert.equal(res.status, 303);
        assert.equal(res.headers.get('location'), '/');
      }
      const bad = await fetch(`${base}/zwgk/%FF`, { headers: { cookie } });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /网址格式有误/);
    }
    await alive();
  });
});
