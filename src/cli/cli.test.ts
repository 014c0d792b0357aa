import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { main, type CliIo } from './main.ts';

function io(t: TestDatabase) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), open: async () => ({ ...t, destroy: async () => undefined }) };
  return { cli, out, err };
}

describe('gongkai CLI', () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase();
  });
  after(() => t.cleanup());

  test('calendar add counts from the next working day across Spring Festival 2024', async () => {
    // 2024-02-08 (Thu) + 20: 02-09(1), 02-10..02-17 off, 02-18 Sun worked(2), 02-19..23(3-7), 02-26..03-01(8-12),
    // 03-04..08(13-17), 03-11(18), 03-12(19), 03-13(20).
    const { cli, out } = io(t);
    assert.equal(await main(['calendar', 'add', '2024-02-08', '20'], cli), 0);
    assert.deepEqual(out, ['2024-03-13']);
  });

  test('calendar is-working-day prints true or false', async () => {
    const cases: Array<[string, string]> = [
      ['2024-02-18', 'true'], // Sunday worked (调休)
      ['2024-02-17', 'false'], // Saturday in the Spring Festival break
      ['2020-01-31', 'false'], // extended by 国办发明电〔2020〕1号
      ['2020-02-03', 'true'],
      ['2026-10-10', 'true'], // Saturday worked
      ['2026-10-11', 'false'], // ordinary Sunday
      ['2019-01-02', 'true'],
    ];
    for (const [date, expected] of cases) {
      const { cli, out } = io(t);
      assert.equal(await main(['calendar', 'is-working-day', date], cli), 0, date);
      assert.deepEqual(out, [expected], date);
    }
  });

  test('a date outside the calendar data is an error, never a guess', async () => {
    for (const args of [['calendar', 'is-working-day', '2018-12-31'], ['calendar', 'add', '2026-12-20', '20'], ['calendar', 'add', '2026-02-30', '1'], ['calendar', 'add', '2026-01-05', 'x']]) {
      const { cli, out, err } = io(t);
      assert.equal(await main(args, cli), 1, args.join(' '));
      assert.deepEqual(out, []);
      assert.match(err.join('\n'), /错误：/);
    }
    const { cli, err } = io(t);
    await main(['calendar', 'add', '2026-12-20', '20'], cli);
    assert.match(err.join('\n'), /2027/);
  });

  test('create-admin creates an administrator with a root organization and refuses a weak password', async () => {
    const weak = io(t);
    assert.equal(await main(['create-admin', '--username', 'root1', '--name', '管理员', '--password', 'short'], weak.cli), 1);
    assert.match(weak.err.join(''), /至少需要10个字符/);
    const ok = io(t);
    assert.equal(await main(['create-admin', '--username', 'Root1', '--name', '管理员', '--password', 'GoodPassw0rd'], ok.cli), 0);
    const staff = await t.db.selectFrom('staff').selectAll().where('username', '=', 'root1').executeTakeFirstOrThrow();
    const roles = await t.db.selectFrom('staff_roles').selectAll().where('staff_id', '=', staff.id).execute();
    assert.deepEqual(roles.map((r) => r.role), ['admin']);
    const dup = io(t);
    assert.equal(await main(['create-admin', '--username', 'root1', '--name', '管理员', '--password', 'GoodPassw0rd'], dup.cli), 1);
    assert.match(dup.err.join(''), /已存在/);
  });

  test('the installed bin runs against a real SQLite file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    try {
      const env = { ...process.env, SQLITE_PATH: join(dir, 'cli.db'), DATABASE_URL: '' };
      delete (env as Record<string, string | undefined>).DATABASE_URL;
      const r = spawnSync(process.execPath, ['bin/gongkai.js', 'calendar', 'add', '2025-12-25', '10'], { env, encoding: 'utf8' });
      // 2025-12-25 (Thu) + 10: 12-26(1), 12-29(2), 12-30(3), 12-31(4), 2026-01-01/02 off, 01-04 Sun worked(5),
      // 01-05(6), 01-06(7), 01-07(8), 01-08(9), 01-09(10).
      assert.equal(r.stdout.trim(), '2026-01-09', r.stderr);
      assert.equal(r.status, 0);
      const w = spawnSync(process.execPath, ['bin/gongkai.js', 'calendar', 'is-working-day', '2027-01-04'], { env, encoding: 'utf8' });
      assert.equal(w.status, 1);
      assert.match(w.stderr, /缺少2027年/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
