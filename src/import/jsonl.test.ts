import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { createOrg } from '../../test/helpers/factories.ts';
import { main } from '../cli/main.ts';
import { todayInShanghai } from '../platform/time.ts';
import type { ImportIo } from '../cli/importCommands.ts';
import { importFile } from './importer.ts';
import { ImportError } from './types.ts';

const BAD_LINES = resolve('test', 'fixtures', 'import', 'bad-lines.jsonl');

function cliIo(t: TestDatabase) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ImportIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    open: async () => ({ ...t, destroy: async () => undefined }),
    config: () => ({ filesDir: '/nonexistent-gongkai-files', indexNumberFormat: '{code}-{year}-{seq:4}' }),
  };
  return { io, out, err };
}

describe('a JSON Lines file with bad lines', () => {
  let t: TestDatabase;
  let org: { id: number; code: string };
  before(async () => {
    t = await testDatabase();
    org = { id: await createOrg(t.db, { code: 'QZF', kind: 'government' }), code: 'QZF' };
  });
  after(() => t.cleanup());

  test('each bad line is reported with its line number and the rest is imported', async () => {
    const summary = await importFile(t.db, BAD_LINES, { org });
    assert.equal(summary.read, 10, 'the blank line is not a record');
    assert.equal(summary.created, 3);
    const failures = new Map(summary.failed.map((f) => [f.line, f.message]));
    assert.deepEqual([...failures.keys()], [2, 3, 4, 7, 8, 9, 10]);
    assert.match(failures.get(2)!, /不是有效的 JSON/);
    assert.match(failures.get(3)!, /缺少标题/);
    assert.match(failures.get(4)!, /缺少标题（title 应为非空字符串）；header 应为字符串数组/);
    assert.match(failures.get(7)!, /日期“2021-02-30”无效/);
    assert.match(failures.get(8)!, /编号与第1行重复/);
    assert.match(failures.get(9)!, /每行应为一个 JSON 对象/);
    assert.match(failures.get(10)!, /正文为空/);
    const docs = await t.db.selectFrom('documents').select(['external_id', 'title', 'body_html', 'doc_number', 'index_number', 'issuers_json']).orderBy('id').execute();
    assert.deepEqual(docs.map((d) => d.external_id), ['corpus:t-001', 'corpus:t-005', 'corpus:t-011']);
    const escaped = docs[1]!;
    assert.match(escaped.body_html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; 与 &amp; 符号/, 'markup in a record is text');
    assert.equal(escaped.doc_number, '中华人民共和国国务院令第12号');
    assert.deepEqual(JSON.parse(docs[0]!.issuers_json), ['示范市人民代表大会常务委员会']);
  });

  test('fatal problems stop the run before anything is written', async () => {
    await assert.rejects(importFile(t.db, resolve('test', 'fixtures', 'import', 'missing.jsonl'), { org }), (e: unknown) => e instanceof ImportError && /找不到文件/.test(e.message));
    await assert.rejects(importFile(t.db, resolve('test', 'fixtures', 'sample.docx'), { org }), (e: unknown) => e instanceof ImportError && /无法从文件名判断格式/.test(e.message));
    await assert.rejects(importFile(t.db, BAD_LINES, { org, format: 'csv', source: 'bad:name' }), (e: unknown) => e instanceof ImportError && /来源系统名称/.test(e.message));
  });
});

describe('gongkai import (CLI)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await testDatabase();
    await createOrg(t.db, { code: 'QZF', kind: 'government' });
    await createOrg(t.db, { code: 'JW', kind: 'department' });
    await createOrg(t.db, { code: 'OLD', kind: 'department', active: false });
  });
  after(() => t.cleanup());

  test('imports into the district government by default and prints a Chinese summary with every failure', async () => {
    const { io, out } = cliIo(t);
    assert.equal(await main(['import', BAD_LINES], io), 0, 'bad lines do not make the run fail');
    assert.equal(out[0], '导入完成：bad-lines.jsonl（JSON Lines，导入单位 QZF）');
    assert.equal(out[1], '读取 10 条，新增 3 条，更新 0 条，跳过 0 条（已导入），失败 7 条');
    assert.match(out[2]!, /^用时 \d+\.\d 秒，平均每秒 \d+ 条$/);
    assert.equal(out[3], '失败明细：');
    assert.match(out[4]!, /^第2行：不是有效的 JSON/);
    assert.equal(out.length, 4 + 7);
    const docs = await t.db.selectFrom('documents').select('index_number').orderBy('id').execute();
    // the configured 索引号 format, numbered per year: the undated record takes this year's sequence
    assert.deepEqual(docs.map((d) => d.index_number), ['QZF-2021-0001', `QZF-${todayInShanghai().slice(0, 4)}-0001`, 'QZF-2022-0001']);
    const audit = await t.db.selectFrom('audit_log').select(['actor_name', 'action']).where('action', '=', 'document.imported').execute();
    assert.deepEqual(audit, [{ actor_name: '命令行 import', action: 'document.imported' }]);
  });

  test('--org picks the unit; re-running skips; unknown or inactive units and missing files exit 1', async () => {
    const again = cliIo(t);
    assert.equal(await main(['import', BAD_LINES, '--org', 'JW'], again.io), 0);
    assert.equal(again.out[1], '读取 10 条，新增 0 条，更新 0 条，跳过 3 条（已导入），失败 7 条');
    for (const [args, message] of [
      [['import', BAD_LINES, '--org', 'NOPE'], /找不到编码为 NOPE 的单位/],
      [['import', BAD_LINES, '--org', 'OLD'], /已停用/],
      [['import', 'no-such-file.jsonl'], /找不到文件/],
      [['import', BAD_LINES, '--format', 'xml'], /--format/],
    ] as const) {
      const { io, out, err } = cliIo(t);
      assert.equal(await main([...args], io), 1, args.join(' '));
      assert.match(err.join('\n'), message);
      assert.deepEqual(out, []);
    }
    assert.equal(Number((await t.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 3);
  });
});
