import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseDocNumber, parseDocNumber } from './docNumber.ts';
import { formatIndexNumber, isValidIndexFormat } from './indexNumber.ts';
import { htmlToText, sanitizeBody } from './sanitize.ts';

describe('发文字号 normalisation', () => {
  test('every bracket variant becomes the 〔〕 form', () => {
    for (const v of ['京西政发〔2022〕5号', '京西政发[2022]5号', '京西政发(2022)5号', '京西政发（2022）5号', '京西政发［2022］5号', '京西政发【2022】05号', ' 京西政发 〔 2022 〕 5 号 ']) {
      assert.equal(normaliseDocNumber(v), '京西政发〔2022〕5号', v);
    }
  });
  test('decree numbers keep their own form', () => {
    assert.equal(normaliseDocNumber('国务院令第711号'), '国务院令第711号');
    assert.deepEqual(parseDocNumber('国务院令第 0711 号'), { decree: true, prefix: '国务院令', serial: 711, text: '国务院令第711号' });
  });
  test('things that are not 文号 are refused', () => {
    for (const v of ['', '京西政发2022年5号', '〔2022〕5号', '京西政发〔22〕5号', '京西政发〔2022〕0号', '关于印发方案的通知', '京西政发〔2022〕5']) {
      assert.equal(normaliseDocNumber(v), null, v);
    }
  });
});

describe('索引号 format', () => {
  test('renders code, year and padded sequence', () => {
    assert.equal(formatIndexNumber('{code}/{year}-{seq:5}', 'FGW', 2026, 15), 'FGW/2026-00015');
    assert.equal(formatIndexNumber('11010X-{code}-{year}-{seq}', 'JW', 2025, 3), '11010X-JW-2025-3');
  });
  test('a format without year or sequence is invalid', () => {
    assert.equal(isValidIndexFormat('{code}/{year}-{seq:5}'), true);
    assert.equal(isValidIndexFormat('{code}-{seq}'), false);
    assert.equal(isValidIndexFormat('{code}-{year}'), false);
  });
});

describe('body sanitisation', () => {
  test('script, event handlers, iframes and javascript: links are refused with a Chinese message', () => {
    for (const bad of ['<p>hi</p><script>alert(1)</script>', '<p onclick="x()">hi</p>', '<img src=x onerror=alert(1)>', '<iframe src="https://x"></iframe>', '<a href="javascript:alert(1)">x</a>', '<a href = " JaVaScRiPt:alert(1)">x</a>']) {
      const r = sanitizeBody(bad);
      assert.equal(r.ok, false, bad);
      assert.match((r as { message: string }).message, /不允许/);
    }
  });
  test('the same words in ordinary text are not mistaken for active content', () => {
    const r = sanitizeBody('<p>参数 onerror=1 与 expression(x) 仅为文字说明</p>');
    assert.equal(r.ok, true);
  });
  test('pasted Word markup is cleaned to plain structure', () => {
    const word = '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p class="MsoNormal" style="mso-margin-top-alt:auto"><span style="font-family:仿宋_GB2312;mso-ascii-font-family:Calibri">第一条 为了规范管理<o:p></o:p></span></p><p class="MsoNormal"><b><span lang="EN-US">第二条</span></b> 本办法适用于全区。</p>';
    const r = sanitizeBody(word);
    assert.equal(r.ok, true);
    if (!r.ok) return;
    assert.equal(r.html, '<p>第一条 为了规范管理</p><p><strong>第二条</strong> 本办法适用于全区。</p>');
    assert.equal(r.text, '第一条 为了规范管理\n第二条 本办法适用于全区。');
  });
  test('plain text becomes paragraphs, escaped', () => {
    const r = sanitizeBody('第一段 a<b\n\n第二段');
    assert.equal(r.ok && r.html, '<p>第一段 a&lt;b</p>\n<p>第二段</p>');
  });
  test('htmlToText keeps paragraph breaks and decodes entities', () => {
    assert.equal(htmlToText('<p>甲&amp;乙</p><ul><li>一</li><li>二</li></ul>'), '甲&乙\n一\n二');
  });
});
