import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sanitizeBody } from '../documents/sanitize.ts';
import { shanghaiMidnight, summaryOf } from './corpus.ts';
import { docNumberFromHeader, issuersFromHeader } from './corpusHeader.ts';
import { parseLooseDate } from './csvRow.ts';
import { formatOf } from './importer.ts';
import { markdownToHtml } from './markdown.ts';

describe('corpus Markdown → HTML', () => {
  test('headings and paragraphs, everything escaped', () => {
    const html = markdownToHtml('## 第一章  总则\n\n第一条 甲<b>乙</b> & "丙"。\n\n### 第一节 一般规定\n\n#### 小标题\n\n第二条 正文。');
    assert.equal(
      html,
      [
        '<h2>第一章  总则</h2>',
        '<p>第一条 甲&lt;b&gt;乙&lt;/b&gt; &amp; &quot;丙&quot;。</p>',
        '<h3>第一节 一般规定</h3>',
        '<h4>小标题</h4>',
        '<p>第二条 正文。</p>',
      ].join('\n'),
    );
  });

  test('a single line break stays inside the paragraph; a top-level # is demoted below the page title', () => {
    assert.equal(markdownToHtml('# 标题\n甲\n乙'), '<h2>标题</h2>\n<p>甲<br>乙</p>');
  });

  test('pipe tables become tables with column headers; the TABLE markers disappear', () => {
    const html = markdownToHtml('说明：\n\n<!-- TABLE -->\n| 刑法条文 |罪名 |\n|-----|-----|\n| 第一百三十三条之二 |妨害安全驾驶罪 |\n<!-- TABLE END -->\n\n后文。');
    assert.match(html, /<table>\n<thead><tr><th scope="col">刑法条文<\/th><th scope="col">罪名<\/th><\/tr><\/thead>/);
    assert.match(html, /<tr><td>第一百三十三条之二<\/td><td>妨害安全驾驶罪<\/td><\/tr>/);
    assert.doesNotMatch(html, /TABLE|-----/);
    const safe = sanitizeBody(html);
    assert.ok(safe.ok);
    assert.match(safe.html, /<th scope="col">罪名<\/th>/, 'the sanitizer keeps the table structure');
  });

  test('markup in the text survives sanitizing as text, never as markup', () => {
    const body = sanitizeBody(markdownToHtml('第一条 <script>alert(1)</script><b>粗</b>'));
    assert.ok(body.ok);
    assert.doesNotMatch(body.html, /<script|<b>/);
    assert.match(body.text, /<script>alert\(1\)<\/script>/);
  });
});

describe('corpus header → issuers and 文号', () => {
  test('a local people’s congress standing committee, without the 届', () => {
    assert.deepEqual(issuersFromHeader(['2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过', '2020年5月14日 …第一次修正']), ['上海市人民代表大会常务委员会']);
    assert.deepEqual(issuersFromHeader(['2013年10月31日 杭州市十二届人民代表大会常务委员会第十五次会议通过']), ['杭州市人民代表大会常务委员会']);
    assert.deepEqual(issuersFromHeader(['1994年12月29日 第八届全国人民代表大会常务委员会第十一次会议通过']), ['全国人民代表大会常务委员会']);
  });

  test('the court and procuratorate, not their internal committees; several adopting bodies', () => {
    assert.deepEqual(issuersFromHeader(['2011年2月14日 最高人民法院审判委员会第1511次会议通过']), ['最高人民法院']);
    assert.deepEqual(
      issuersFromHeader(['2009年12月28日 最高人民法院审判委员会第1481次会议、2010年2月4日最高人民检察院第十一届检察委员会第29次会议通过']),
      ['最高人民法院', '最高人民检察院'],
    );
  });

  test('State Council orders and promulgating ministries', () => {
    assert.deepEqual(issuersFromHeader(['2006年4月1日 中华人民共和国国务院令第463号公布']), ['国务院']);
    assert.deepEqual(issuersFromHeader(['1989年9月26日 国务院批准', '1989年11月13日 卫生部令第3号发布']), ['卫生部']);
    assert.deepEqual(issuersFromHeader(['1983年1月3日 国务院发布']), ['国务院']);
  });

  test('conservative: an abbreviated or unknown shape names no one', () => {
    assert.deepEqual(issuersFromHeader(['2013年12月31日 市十二届人民代表大会常务委员会第十六次会议通过']), []);
    assert.deepEqual(issuersFromHeader(['公布之日施行', '根据有关规定修订']), []);
    assert.deepEqual(issuersFromHeader([]), []);
  });

  test('令 numbers (Chinese numerals too) and bracketed 文号 are normalised', () => {
    assert.equal(docNumberFromHeader(['2006年4月1日 中华人民共和国国务院令第463号公布'], '血吸虫病防治条例'), '中华人民共和国国务院令第463号');
    assert.equal(docNumberFromHeader(['1993年3月31日 中中华人民共和国主席令第三号公布'], 'x'), '中华人民共和国主席令第3号');
    assert.equal(docNumberFromHeader(['1993年8月7日 最高人民法院以法发〔1993〕15号通知印发）'], 'x'), '法发〔1993〕15号');
    assert.equal(docNumberFromHeader(['2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过'], '上海口岸服务条例'), null);
  });
});

describe('small helpers', () => {
  test('loose dates from old systems', () => {
    assert.equal(parseLooseDate('2024-03-05'), '2024-03-05');
    assert.equal(parseLooseDate('2024/3/5'), '2024-03-05');
    assert.equal(parseLooseDate('2024.3.5'), '2024-03-05');
    assert.equal(parseLooseDate('2024年3月5日'), '2024-03-05');
    assert.equal(parseLooseDate('2024-02-30'), null);
    assert.equal(parseLooseDate('3/5/2024'), null);
  });

  test('Shanghai midnight, summaries and formats', () => {
    assert.equal(shanghaiMidnight('2020-05-14'), '2020-05-13T16:00:00.000Z');
    assert.equal(summaryOf('第一章  总则\n\n第一条 甲', 8), '第一章 总则 第');
    assert.equal(formatOf('/x/laws.jsonl.gz'), 'jsonl');
    assert.equal(formatOf('a.JSONL'), 'jsonl');
    assert.equal(formatOf('export.csv'), 'csv');
    assert.equal(formatOf('export.xlsx'), null);
  });
});
