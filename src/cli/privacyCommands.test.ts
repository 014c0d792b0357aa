import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Command } from 'commander';
import { FIXTURES_DIR, TEXT_SAMPLE, zipArchive } from '../../test/fixtures/make-fixtures.ts';
import type { CliIo } from './main.ts';
import { registerPrivacyCommands } from './privacyCommands.ts';

/** Run `privacy-scan <file>` through commander with captured output. */
async function run(file: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    open: () => Promise.reject(new Error('privacy-scan must not open the database')),
  };
  const program = new Command().exitOverride();
  registerPrivacyCommands(program, io, (c) => {
    code = c;
  });
  await program.parseAsync(['privacy-scan', file], { from: 'user' });
  return { code, out, err };
}

const RAW_VALUES = ['11010519491231002X', '13800138000', 'zhang.san@example.com'];

function assertNoRawValues(lines: string[]): void {
  for (const line of lines) for (const raw of RAW_VALUES) assert.ok(!line.includes(raw), `printed ${raw}: ${line}`);
}

describe('gongkai privacy-scan', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-privacy-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('prints one JSON line per finding with the masked value and positions, exit 0', async () => {
    const r = await run(join(FIXTURES_DIR, 'sample.txt'));
    const idStart = TEXT_SAMPLE.indexOf('11010519491231002X');
    const mobileStart = TEXT_SAMPLE.indexOf('13800138000');
    assert.deepEqual(r.out, [
      `{"kind":"id_card","masked":"110105********002X","start":${idStart},"end":${idStart + 18}}`,
      `{"kind":"mobile","masked":"138****8000","start":${mobileStart},"end":${mobileStart + 11}}`,
    ]);
    assert.deepEqual(r.err, []);
    assert.equal(r.code, 0);
  });

  test('DOCX, XLSX, PDF and HTML are scanned by content; the raw values are never printed', async () => {
    for (const [name, kinds] of [
      ['sample.docx', ['id_card', 'mobile']],
      ['sample.xlsx', ['id_card', 'mobile']],
      ['sample.pdf', ['id_card', 'mobile', 'email']],
      ['sample.html', ['mobile', 'email', 'email']],
    ] as const) {
      const r = await run(join(FIXTURES_DIR, name));
      assert.equal(r.code, 0, name);
      assert.deepEqual(r.out.map((l) => (JSON.parse(l) as { kind: string }).kind), kinds, name);
      for (const l of r.out) assert.deepEqual(Object.keys(JSON.parse(l) as object), ['kind', 'masked', 'start', 'end']);
      assertNoRawValues([...r.out, ...r.err]);
    }
  });

  test('a clean file prints nothing and exits 0; an image gets a note to check it by eye', async () => {
    const clean = await run(join(FIXTURES_DIR, 'text-named.pdf'));
    assert.deepEqual([clean.code, clean.out, clean.err], [0, [], []]);
    const image = await run(join(FIXTURES_DIR, 'sample.png'));
    assert.deepEqual([image.code, image.out], [0, []]);
    assert.deepEqual(image.err, ['提示：图片中的文字无法自动检查，请人工核对。']);
  });

  test('a missing, unreadable or unsupported file is a Chinese error on stderr and exit 1', async () => {
    const missing = await run(join(dir, '不存在.docx'));
    assert.deepEqual([missing.code, missing.out], [1, []]);
    assert.deepEqual(missing.err, [`错误：文件“${join(dir, '不存在.docx')}”不存在。`]);

    const folder = await run(dir);
    assert.equal(folder.code, 1);
    assert.match(folder.err.join(''), /^错误：.*是目录/);

    const corrupt = join(dir, 'corrupt.docx');
    const types =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    writeFileSync(corrupt, zipArchive([['[Content_Types].xml', types], ['word/document.xml', '<w:document><w:body><w:p>']]));
    const bad = await run(corrupt);
    assert.deepEqual([bad.code, bad.out], [1, []]);
    assert.deepEqual(bad.err, ['错误：无法读取该 Word 文档（DOCX）的内容：文件可能已损坏，请用 Office 或 WPS 打开并重新保存后上传。']);

    const binary = join(dir, 'blob.bin');
    writeFileSync(binary, Buffer.from([0, 1, 2, 0xff, 0xfe, 0]));
    const unsupported = await run(binary);
    assert.equal(unsupported.code, 1);
    assert.match(unsupported.err.join(''), /^错误：无法检查该文件/);
  });

  // The bin test needs the command registered in src/cli/main.ts (done by the lead); until then it is skipped.
  const registered = readFileSync(new URL('./main.ts', import.meta.url), 'utf8').includes('registerPrivacyCommands');
  test('the installed bin runs privacy-scan without a database', { skip: registered ? false : 'registerPrivacyCommands is not in main.ts yet' }, () => {
    const ok = spawnSync(process.execPath, ['bin/gongkai.js', 'privacy-scan', join(FIXTURES_DIR, 'sample.docx')], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(
      ok.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { masked: string }).masked),
      ['110105********002X', '138****8000'],
    );
    assertNoRawValues([ok.stdout, ok.stderr]);
    const missing = spawnSync(process.execPath, ['bin/gongkai.js', 'privacy-scan', join(dir, 'nope.pdf')], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /错误：文件“.*nope\.pdf”不存在。/);
  });
});
