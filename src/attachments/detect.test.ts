import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES_DIR, zipArchive } from '../../test/fixtures/make-fixtures.ts';
import {
  checkAttachmentSize,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
  MAX_DOCUMENT_BYTES,
  MAX_IMAGE_BYTES,
  sanitizeFilename,
} from './detect.ts';

const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, name));

async function rejected(buffer: Uint8Array, filename: string): Promise<string> {
  const r = await detectAttachmentType(buffer, filename);
  assert.equal(r.ok, false, `${filename} should be refused`);
  return r.ok ? '' : r.message;
}

// Minimal headers of the image formats, enough for content sniffing.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(32)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(32)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32)]);

describe('detectAttachmentType', () => {
  test('the supported kinds are recognised by content', async () => {
    const cases: Array<[Uint8Array, string, string, string, string]> = [
      [fixture('sample.pdf'), '关于印发《实施方案》的通知.pdf', 'pdf', 'application/pdf', 'pdf'],
      [fixture('sample.docx'), '公示.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
      [fixture('sample.xlsx'), '名单.XLSX', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
      [fixture('sample.png'), '图解.png', 'png', 'image/png', 'png'],
      [JPEG, '现场.jpeg', 'jpeg', 'image/jpeg', 'jpg'],
      [JPEG, '现场.JPG', 'jpeg', 'image/jpeg', 'jpg'],
      [GIF, '动图.gif', 'gif', 'image/gif', 'gif'],
      [WEBP, '图.webp', 'webp', 'image/webp', 'webp'],
      // No extension: nothing disagrees with the content.
      [fixture('sample.pdf'), '附件一', 'pdf', 'application/pdf', 'pdf'],
    ];
    for (const [bytes, name, kind, mediaType, extension] of cases) {
      assert.deepEqual(await detectAttachmentType(bytes, name), { ok: true, kind, mediaType, extension }, name);
    }
  });

  test('an OOXML package that file-type reports as plain ZIP is told apart by its entries', async () => {
    const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
    const word = zipArchive([['[Content_Types].xml', types], ['word/document.xml', '<w:document/>']]);
    const excel = zipArchive([['[Content_Types].xml', types], ['xl/workbook.xml', '<workbook/>']]);
    assert.deepEqual(await detectAttachmentType(word, 'a.docx'), { ok: true, kind: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' });
    assert.equal((await detectAttachmentType(excel, 'a.xlsx')).ok, true);
    assert.match(await rejected(excel, 'a.docx'), /不是 Word 文档（DOCX），实际为 Excel 表格（XLSX）/);
  });

  test('a name whose extension disagrees with the content is refused with what the file really is', async () => {
    assert.equal(
      await rejected(fixture('text-named.pdf'), 'text-named.pdf'),
      '附件“text-named.pdf”的内容不是 PDF 文件，实际为无法识别的格式（可能是纯文本文件或已损坏的文件）。请确认文件后重新上传。',
    );
    assert.match(await rejected(fixture('sample.png'), '通知.pdf'), /^附件“通知\.pdf”的内容不是 PDF 文件，实际为 PNG 图片。/);
    assert.match(await rejected(fixture('sample.docx'), '名单.xlsx'), /不是 Excel 表格（XLSX），实际为 Word 文档（DOCX）/);
    assert.match(await rejected(zipArchive([['a.txt', 'x']]), '方案.docx'), /不是 Word 文档（DOCX），实际为 ZIP 压缩包/);
    assert.equal(
      await rejected(fixture('sample.pdf'), '说明.txt'),
      '附件“说明.txt”的扩展名与内容不符：内容为 PDF 文件，请将扩展名改为 .pdf 后重新上传。',
    );
  });

  test('other types are refused, naming what is supported', async () => {
    const supported = /仅支持 PDF、DOCX、XLSX 及 PNG\/JPEG\/GIF\/WEBP 图片。$/;
    assert.match(await rejected(Buffer.from('纯文本内容\n'), 'readme.txt'), supported);
    assert.match(await rejected(zipArchive([['a.txt', 'x']]), '材料.zip'), /^不支持的附件类型：附件“材料\.zip”为 ZIP 压缩包。/);
    const oldDoc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);
    const doc = await rejected(oldDoc, '旧文件.doc');
    assert.match(doc, /旧版 Office 文档/);
    assert.match(doc, supported);
    assert.match(await rejected(Buffer.from('MZ\x90\x00\x03\x00\x00\x00' + '\0'.repeat(120)), 'setup.exe'), /不支持的附件类型/);
  });

  test('empty files are refused', async () => {
    assert.equal(await rejected(Buffer.alloc(0), '空.pdf'), '附件“空.pdf”是空文件，请检查后重新上传。');
  });

  test('oversize files are refused with the limit of their kind', async () => {
    const bigPng = Buffer.concat([fixture('sample.png'), Buffer.alloc(MAX_IMAGE_BYTES)]);
    assert.equal(await rejected(bigPng, '大图.png'), '附件“大图.png”大小为 5.0 MB，超过图片附件 5 MB 的上限，请压缩或拆分后重新上传。');
    const bigPdf = Buffer.concat([fixture('sample.pdf'), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    assert.match(await rejected(bigPdf, '汇编.pdf'), /超过文档附件 20 MB 的上限/);
    // A document may be larger than an image may.
    const mediumPdf = Buffer.concat([fixture('sample.pdf'), Buffer.alloc(MAX_IMAGE_BYTES)]);
    assert.equal((await detectAttachmentType(mediumPdf, '汇编.pdf')).ok, true);
  });

  test('the message uses the sanitised name', async () => {
    assert.match(await rejected(Buffer.alloc(0), '../../etc/通知.pdf'), /^附件“通知\.pdf”是空文件/);
  });
});

describe('checkAttachmentSize', () => {
  test('limits per kind, inclusive', () => {
    assert.equal(MAX_DOCUMENT_BYTES, 20 * 1024 * 1024);
    assert.equal(MAX_IMAGE_BYTES, 5 * 1024 * 1024);
    assert.equal(MAX_ATTACHMENT_BYTES, MAX_DOCUMENT_BYTES);
    assert.deepEqual(checkAttachmentSize('pdf', MAX_DOCUMENT_BYTES), { ok: true });
    assert.deepEqual(checkAttachmentSize('xlsx', MAX_DOCUMENT_BYTES + 1).ok, false);
    assert.deepEqual(checkAttachmentSize('jpeg', MAX_IMAGE_BYTES), { ok: true });
    assert.deepEqual(checkAttachmentSize('webp', MAX_IMAGE_BYTES + 1), {
      ok: false,
      message: '附件“附件”大小为 5.0 MB，超过图片附件 5 MB 的上限，请压缩或拆分后重新上传。',
    });
    assert.match((checkAttachmentSize('docx', 31 * 1024 * 1024, '汇编.docx') as { message: string }).message, /^附件“汇编\.docx”大小为 31 MB，超过文档附件 20 MB/);
  });
});

describe('sanitizeFilename', () => {
  test('strips path parts, control and direction characters, reserved signs; keeps Chinese', () => {
    const cases: Array<[string, string]> = [
      ['../../etc/passwd', 'passwd'],
      ['C:\\Users\\张三\\关于印发《实施方案》的通知.pdf', '关于印发《实施方案》的通知.pdf'],
      ['\u202Efdp.exe', 'fdp.exe'],
      ['名单\u0000\u0007\r\n.xlsx', '名单.xlsx'],
      ['  ..隐藏.pdf. ', '隐藏.pdf'],
      ['a<b>:c?*|"d.pdf', 'a_b__c____d.pdf'],
      ['通知   （第二批）.docx', '通知 （第二批）.docx'],
      ['', '附件'],
      ['..', '附件'],
      ['/', '附件'],
    ];
    for (const [input, expected] of cases) assert.equal(sanitizeFilename(input), expected, JSON.stringify(input));
  });

  test('long names are shortened to 120 characters, keeping the extension', () => {
    const out = sanitizeFilename(`${'关'.repeat(300)}.pdf`);
    assert.equal([...out].length, 120);
    assert.ok(out.endsWith('关.pdf'));
  });
});
