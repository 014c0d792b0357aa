import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES_DIR, HTML_SAMPLE, TEXT_SAMPLE } from '../../test/fixtures/make-fixtures.ts';
import { AppError } from '../platform/errors.ts';
import { htmlScanText } from './html.ts';
import { scanBuffer, scanFile } from './scanFile.ts';

const at = (name: string) => join(FIXTURES_DIR, name);
const summary = (findings: Array<{ kind: string; masked: string }>) => findings.map((f) => `${f.kind} ${f.masked}`);

describe('scanFile', () => {
  test('documents are scanned in their extracted text, with positions into that text', async () => {
    for (const [name, format] of [['sample.docx', 'docx'], ['sample.xlsx', 'xlsx'], ['sample.pdf', 'pdf']] as const) {
      const scan = await scanFile(at(name));
      assert.equal(scan.format, format, name);
      assert.deepEqual(summary(scan.findings).slice(0, 2), ['id_card 110105********002X', 'mobile 138****8000'], name);
      for (const f of scan.findings) assert.equal(scan.text.slice(f.start, f.end), f.value, name);
    }
    assert.deepEqual(summary((await scanFile(at('sample.pdf'))).findings).slice(2), ['email z***@example.com']);
  });

  test('plain text is scanned as it is: positions are indices into the file text', async () => {
    const scan = await scanFile(at('sample.txt'));
    assert.equal(scan.format, 'text');
    assert.equal(scan.text, TEXT_SAMPLE);
    assert.deepEqual(summary(scan.findings), ['id_card 110105********002X', 'mobile 138****8000']);
    assert.equal(scan.findings[0]!.start, TEXT_SAMPLE.indexOf('11010519491231002X'));
  });

  test('a text file named .pdf is scanned as text: the content decides', async () => {
    const scan = await scanFile(at('text-named.pdf'));
    assert.equal(scan.format, 'text');
    assert.deepEqual(scan.findings, []);
  });

  test('a byte-order mark is not part of the text', async () => {
    const scan = await scanBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('电话13800138000')]));
    assert.equal(scan.text, '电话13800138000');
    assert.equal(scan.findings[0]!.start, 2);
  });

  test('HTML: the visible text (markup-split numbers joined), then attribute values and comments', async () => {
    const scan = await scanFile(at('sample.html'));
    assert.equal(scan.format, 'html');
    assert.equal(scan.text, htmlScanText(HTML_SAMPLE));
    assert.deepEqual(summary(scan.findings), ['mobile 138****8000', 'email z***@example.com', 'email z***@example.com']);
    for (const f of scan.findings) assert.equal(scan.text.slice(f.start, f.end), f.value);
    // Without the .html name, the content still says HTML.
    assert.equal((await scanBuffer(Buffer.from(HTML_SAMPLE))).format, 'html');
    assert.equal((await scanBuffer(Buffer.from('<p>电话</p>'), 'x.txt')).format, 'html');
    assert.equal((await scanBuffer(Buffer.from('a < b 且 c > d'), 'x.txt')).format, 'text');
  });

  test('images are reported without findings (no OCR)', async () => {
    assert.deepEqual(await scanFile(at('sample.png')).then((s) => [s.format, s.findings]), ['png', []]);
  });

  test('binary content that is neither supported nor UTF-8 is an error; read errors pass through', async () => {
    await assert.rejects(scanBuffer(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0xff])), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.id, 'unsupported_file');
      assert.match(err.message, /^无法检查该文件/);
      return true;
    });
    await assert.rejects(scanFile(at('does-not-exist.txt')), { code: 'ENOENT' });
  });
});
