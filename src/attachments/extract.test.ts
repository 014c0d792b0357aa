import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildFixtures, DOCX_PARAGRAPH, FIXTURES_DIR, zipArchive } from '../../test/fixtures/make-fixtures.ts';
import { AppError } from '../platform/errors.ts';
import type { AttachmentKind } from './detect.ts';
import { docxToHtml, extractText, sanitizeDocxHtml } from './extract.ts';
import { MAX_ZIP_ENTRY_BYTES } from './zip.ts';

const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, name));

async function assertUnreadable(promise: Promise<unknown>, label: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.id, 'attachment_unreadable');
    assert.equal(err.status, 422);
    assert.match(err.message, /^无法读取该/);
    assert.match(err.message, label);
    return true;
  });
}

test('the committed fixtures are exactly what make-fixtures.ts builds', () => {
  for (const [name, bytes] of Object.entries(buildFixtures())) assert.deepEqual(fixture(name), bytes, name);
});

describe('extractText', () => {
  test('PDF: the text of every page, pages joined by a line break', async () => {
    assert.equal(await extractText('pdf', fixture('sample.pdf')), 'ID: 11010519491231002X\nMobile: 13800138000\nPage 2 mail: zhang.san@example.com');
  });

  test('DOCX: the raw text of paragraphs and tables', async () => {
    const text = await extractText('docx', fixture('sample.docx'));
    assert.ok(text.includes(DOCX_PARAGRAPH), text);
    assert.match(text, /^关于发放困难补助的公示\n/);
    assert.match(text, /张三\n\n500/);
  });

  test('XLSX: one line per row, cells separated by tabs, shared strings and numbers resolved', async () => {
    const expected = '姓名\t身份证号码\t联系电话\n张三\t11010519491231002X\t13800138000';
    assert.equal(await extractText('xlsx', fixture('sample.xlsx')), expected);
  });

  test('XLSX written with deflate, inline strings and numbers in E-notation', async () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>电话</t></is></c><c><v>1.3800138E10</v></c>' +
      '<c t="inlineStr"><is><r><t>A&amp;</t></r><r><t>B</t></r></is></c></row></sheetData></worksheet>';
    const book = zipArchive([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>'], ['xl/worksheets/sheet1.xml', sheet]], { deflate: true });
    assert.equal(await extractText('xlsx', book), '电话\t13800138000\tA&B');
  });

  test('images have no text', async () => {
    for (const kind of ['png', 'jpeg', 'gif', 'webp'] as AttachmentKind[]) assert.equal(await extractText(kind, fixture('sample.png')), '');
  });

  test('corrupt files are a 422 with a Chinese message, never a crash', async () => {
    const docx = fixture('sample.docx');
    await assertUnreadable(extractText('docx', docx.subarray(0, 200)), /Word 文档（DOCX）/);
    await assertUnreadable(extractText('docx', Buffer.from('不是 Word 文档')), /Word 文档（DOCX）/);
    await assertUnreadable(extractText('docx', zipArchive([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document><w:body>']])), /DOCX/);
    await assertUnreadable(extractText('pdf', Buffer.from('%PDF-1.4\n这不是 PDF 的内容')), /^无法读取该 PDF 文件的内容：文件可能已损坏或设置了打开密码/);
    await assertUnreadable(extractText('pdf', fixture('sample.pdf').subarray(0, 300)), /PDF/);
    await assertUnreadable(extractText('xlsx', fixture('sample.xlsx').subarray(0, 500)), /Excel 表格（XLSX）/);
  });

  test('an XLSX entry that inflates beyond the limit is refused (zip bomb)', async () => {
    const bomb = zipArchive(
      [['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>'], ['xl/worksheets/sheet1.xml', Buffer.alloc(MAX_ZIP_ENTRY_BYTES + 1, 0x20)]],
      { deflate: true },
    );
    assert.ok(bomb.length < 1024 * 1024);
    await assertUnreadable(extractText('xlsx', bomb), /XLSX/);
  });
});

describe('docxToHtml', () => {
  test('structure, headings one level down, safe links kept, a javascript: link disarmed', async () => {
    const html = await docxToHtml(fixture('sample.docx'));
    assert.equal(
      html,
      '<h2>关于发放困难补助的公示</h2>' +
        `<p>${DOCX_PARAGRAPH}</p>` +
        '<p><a href="https://www.gov.cn/">中国政府网</a>，<a>恶意链接</a></p>' +
        '<table><tr><td><p>姓名</p></td><td><p>金额</p></td></tr><tr><td><p>张三</p></td><td><p>500</p></td></tr></table>',
    );
  });

  test('a corrupt DOCX is a 422', async () => {
    await assertUnreadable(docxToHtml(Buffer.from('PK\u0003\u0004 broken')), /DOCX/);
  });

  test('sanitising keeps only structure, http(s)/relative links and embedded images of image types', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const input =
      `<h1 style="color:red" onclick="x()">标题</h1><script>alert(1)</script><p class="MsoNormal">正文<img src="${png}" alt="图解"></p>` +
      '<img src="https://example.com/track.gif"><img src="data:text/html;base64,PHNjcmlwdD4="><img src="data:image/svg+xml;base64,PHN2Zz4=">' +
      '<a href="/zwgk/1.html">相对</a><a href="#footnote-1">[1]</a><a href="//evil.example/x">协议相对</a><a href="vbscript:x">v</a>' +
      '<iframe src="https://example.com"></iframe><table><tr><td colspan="2" style="width:1px">格</td></tr></table><a id="_Toc1"></a>';
    assert.equal(
      sanitizeDocxHtml(input),
      `<h2>标题</h2><p>正文<img src="${png}" alt="图解" /></p>` +
        '<a href="/zwgk/1.html">相对</a><a href="#footnote-1">[1]</a><a>协议相对</a><a>v</a>' +
        '<table><tr><td colspan="2">格</td></tr></table>',
    );
  });
});
