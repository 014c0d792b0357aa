import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { findingFingerprint, KIND_LABELS, maskHtml, maskText, scanText, type Finding } from './scanner.ts';

// Independent oracles, written differently from the implementation on purpose.

/** GB 11643-1999: Wi = 2^(17-i) mod 11 for positions i = 0..16; check = (12 - sum mod 11) mod 11, 10 → X. */
function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** Append the digit that makes `body` pass Luhn. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnSum(body + d) % 10 === 0) return body + d;
  throw new Error('unreachable');
}

function luhnSum(n: string): number {
  return [...n].reverse().reduce((s, ch, i) => {
    const d = Number(ch) * (i % 2 ? 2 : 1);
    return s + Math.floor(d / 10) + (d % 10);
  }, 0);
}

const kinds = (text: string) => scanText(text).map((f) => f.kind);

/** A deterministic digit generator (mulberry32) so the random cases are reproducible. */
function digits(seed: number): (n: number) => string {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('');
}

describe('身份证号', () => {
  const known = '11010519491231002X';
  const shenzhen = '44030519900307' + '123';
  const shenzhenId = shenzhen + idCheck(shenzhen);

  test('valid numbers are found with exact positions, upper and lower case X', () => {
    assert.equal(idCheck(known.slice(0, 17)), 'X');
    const text = `申请人张三，身份证号码：${known}，李四（${shenzhenId}）与王五 ${known.toLowerCase()}。`;
    const found = scanText(text);
    assert.deepEqual(found.map((f) => f.kind), ['id_card', 'id_card', 'id_card']);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.value);
    assert.deepEqual(found.map((f) => f.value), [known, shenzhenId, known.toLowerCase()]);
    assert.equal(found[0]!.masked, '110105********002X');
    assert.equal(found[1]!.masked, `440305********${shenzhenId.slice(-4)}`);
  });

  test('a wrong check digit is not found (and not mistaken for a card number)', () => {
    for (const wrong of ['110105194912310021', '11010519491231002Y', shenzhen + ((Number(idCheck(shenzhen)) + 1) % 10)]) {
      assert.deepEqual(scanText(`身份证号码：${wrong}`), [], wrong);
    }
  });

  test('for many generated numbers, exactly the right check character is accepted', () => {
    const next = digits(11643);
    for (let i = 0; i < 200; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (i % 12)).padStart(2, '0');
      const body = `3201${next(2)}${1950 + (i % 60)}${month}${day}${next(3)}`;
      for (const check of '0123456789X') {
        const found = kinds(`身份证：${body}${check}。`).filter((k) => k === 'id_card');
        assert.equal(found.length, check === idCheck(body) ? 1 : 0, body + check);
      }
    }
  });

  test('impossible dates, unknown provinces and future birth dates are not IDs even with a right check digit', () => {
    for (const body of ['11010519490231002', '11010519491301002', '99010519491231002', '10010519491231002', '11010520990101002', '11010518991231002']) {
      assert.deepEqual(kinds(body + idCheck(body)), [], body);
    }
  });

  test('an ID inside a longer run of digits or letters is not taken out of it', () => {
    assert.deepEqual(kinds(`0${known}`), []);
    assert.deepEqual(kinds(`${known}9`), []);
    assert.deepEqual(kinds(`No${known}`), []);
    assert.deepEqual(kinds(`${known.slice(0, 17)}XA`), []);
  });

  test('grouped 6-8-4 and full-width digits are found; positions index the original text', () => {
    const text = `证件：110105 19491231 002X；全角：${'１１０１０５１９４９１２３１００２Ｘ'}。`;
    const found = scanText(text);
    assert.deepEqual(found.map((f) => f.value), ['110105 19491231 002X', '１１０１０５１９４９１２３１００２Ｘ']);
    assert.equal(found[0]!.masked, '110105 ******** 002X');
    assert.equal(found[1]!.masked, '１１０１０５********００２Ｘ');
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.value);
  });

  test('old 15-digit IDs are found only next to a word that names them', () => {
    assert.deepEqual(scanText('原身份证号 110105491231002').map((f) => f.masked), ['110105******002']);
    assert.deepEqual(kinds('编号 110105491231002'), []);
    assert.deepEqual(kinds('身份证号 110105491331002'), []); // month 13
  });

  test('random 18-digit numbers: no ID unless the check digit is right, no card unless Luhn and an issuer prefix', () => {
    const next = digits(2024);
    let flagged = 0;
    for (let i = 0; i < 3000; i++) {
      const n = next(18);
      for (const f of scanText(`编号：${n}。`)) {
        flagged++;
        if (f.kind === 'id_card') assert.equal(idCheck(n.slice(0, 17)), n[17], n);
        else {
          assert.equal(f.kind, 'bank_card', n);
          assert.equal(luhnSum(n) % 10, 0, n);
          assert.match(n, /^(62|4|5[1-5]|35|9558|2[2-7])/, n);
        }
      }
    }
    // Luhn with a card prefix lets through a few percent, never most.
    assert.ok(flagged < 120, `flagged ${flagged}`);
  });
});

describe('numbers that are not personal information', () => {
  test('文号, 索引号, 统一社会信用代码, dates, landlines, postcodes and amounts are not flagged', () => {
    const text = [
      '京政发〔2022〕18号',
      '索引号：000014349/2022-00015',
      '统一社会信用代码：91110000600037341L',
      '成文日期：20221231，2022年12月31日',
      '办公电话：010-12345678，传真：(010) 65123456，0755-86012345，400-810-8888，12345',
      '邮编：100010，金额 1,234,567.89 元，共 13800138 人次',
      '京ICP备05070218号 京公网安备11010502030143号',
    ].join('\n');
    assert.deepEqual(scanText(text), []);
  });
});

describe('手机号码', () => {
  test('a mobile number within Chinese text is found with its exact span', () => {
    const text = '联系电话：13800138000。';
    assert.deepEqual(scanText(text), [{ kind: 'mobile', value: '13800138000', masked: '138****8000', start: 5, end: 16 }]);
  });

  test('spaced, hyphenated and +86 / 0086 / 86 forms are found; the mask keeps the prefix', () => {
    const cases: Array<[string, string]> = [
      ['138 0013 8000', '138 **** 8000'],
      ['138-0013-8000', '138-****-8000'],
      ['+86 13800138000', '+86 138****8000'],
      ['+86-138-0013-8000', '+86-138-****-8000'],
      ['008613800138000', '0086138****8000'],
      ['8613800138000', '86138****8000'],
    ];
    for (const [value, masked] of cases) {
      assert.deepEqual(scanText(`电话：${value}；`).map((f) => [f.kind, f.value, f.masked]), [['mobile', value, masked]], value);
    }
  });

  test('not inside longer numbers, after letters, with mixed separators, or with a 12 prefix', () => {
    for (const text of ['213800138000', '138001380001', 'A13800138000', '138-0013 8000', '12345678901', '1380013800']) {
      assert.deepEqual(kinds(`号码${text}号`), [], text);
    }
  });
});

describe('银行卡号', () => {
  const card19 = withLuhn('622202123456789012');
  const visa16 = withLuhn('453201511283036');

  test('Luhn-valid card numbers with a card prefix are found', () => {
    const text = `工资卡 ${card19}，信用卡 ${visa16}。`;
    const found = scanText(text);
    assert.deepEqual(found.map((f) => f.kind), ['bank_card', 'bank_card']);
    assert.equal(found[0]!.masked, `622202*********${card19.slice(-4)}`);
    assert.equal(found[1]!.masked, `453201******${visa16.slice(-4)}`);
  });

  test('grouped in fours: found next to an account word, not in a bare row of figures', () => {
    const grouped = card19.replace(/(\d{4})(?=\d)/g, '$1 ');
    assert.equal(grouped, `6222 0212 3456 7890 12${card19.slice(-1)}`);
    const found = scanText(`银行卡号：${grouped}`);
    assert.deepEqual(found.map((f) => [f.kind, f.value]), [['bank_card', grouped]]);
    assert.equal(found[0]!.masked, `6222 02** **** ***0 12${card19.slice(-1)}`);
    assert.deepEqual(kinds(`合计 ${grouped}`), []);
  });

  test('a failed Luhn check or a non-card prefix is not a card', () => {
    const bad = card19.slice(0, -1) + ((Number(card19.slice(-1)) + 1) % 10);
    assert.deepEqual(kinds(`卡号 ${bad}`), []);
    assert.deepEqual(kinds(`编号 ${withLuhn('123456789012345')}`), []);
  });
});

describe('电子邮箱', () => {
  test('personal addresses are found; an address whose name is a mobile number is one finding', () => {
    const text = '来信请寄 zhang.san@example.com 或 13800138000@163.com，谢谢。';
    assert.deepEqual(scanText(text).map((f) => [f.kind, f.value, f.masked]), [
      ['email', 'zhang.san@example.com', 'z***@example.com'],
      ['email', '13800138000@163.com', '1***@163.com'],
    ]);
  });

  test('institutional mailboxes on gov.cn are public contact points and not flagged', () => {
    assert.deepEqual(kinds('政府信息公开工作机构邮箱：zfxxgk@beijing.gov.cn、gkb@gov.cn'), []);
    assert.deepEqual(kinds('zhang@gov.cn.example.com'), ['email']);
  });
});

describe('maskText', () => {
  test('replaces exactly the findings and nothing else', () => {
    const text = '张三，身份证 11010519491231002X，手机 138-0013-8000，邮箱 zs@example.com，京政发〔2022〕18号。';
    assert.equal(maskText(text), '张三，身份证 110105********002X，手机 138-****-8000，邮箱 z***@example.com，京政发〔2022〕18号。');
    const only = scanText(text).filter((f) => f.kind === 'mobile');
    assert.equal(maskText(text, only), '张三，身份证 11010519491231002X，手机 138-****-8000，邮箱 zs@example.com，京政发〔2022〕18号。');
    assert.equal(maskText('没有个人信息。'), '没有个人信息。');
  });
});

describe('maskHtml', () => {
  const tags = (html: string) => [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[0]);

  test('masks text nodes and keeps every tag', () => {
    const html = '<p class="x">电话：<strong>13800138000</strong></p><table><tr><td>11010519491231002X</td><td>13800138000</td></tr></table>';
    const out = maskHtml(html);
    assert.equal(out, '<p class="x">电话：<strong>138****8000</strong></p><table><tr><td>110105********002X</td><td>138****8000</td></tr></table>');
    assert.deepEqual(tags(out), tags(html));
  });

  test('a number split by inline markup is masked; numbers in neighbouring cells are not joined', () => {
    assert.equal(maskHtml('<p>电话<b>1380013</b>8000。</p>'), '<p>电话<b>138****8000</b>。</p>');
    assert.equal(maskHtml('<td>1380013</td><td>8000</td>'), '<td>1380013</td><td>8000</td>');
  });

  test('attribute values are masked too (a mailto: or ?id= link publishes the value); entities are read', () => {
    const html = '<a href="mailto:zhang.san@example.com" title=\'证件 11010519491231002X\'>写信</a> 138&nbsp;0013&nbsp;8000 &amp; <!-- 13800138000 -->';
    const out = maskHtml(html);
    assert.equal(out, '<a href="mailto:z***@example.com" title=\'证件 110105********002X\'>写信</a> 138 **** 8000 &amp; <!-- 138****8000 -->');
    assert.deepEqual(tags(out), tags(html));
  });

  test('select limits which findings are masked', () => {
    const html = '<p>11010519491231002X 13800138000</p>';
    assert.equal(maskHtml(html, (f) => f.kind === 'mobile'), '<p>11010519491231002X 138****8000</p>');
  });
});

describe('findingFingerprint and labels', () => {
  const f = (kind: Finding['kind'], value: string) => findingFingerprint({ kind, value });

  test('kind plus the sha256 of the canonical value; formats of one number share it; no value in clear', () => {
    const fp = f('mobile', '13800138000');
    assert.equal(fp, `mobile:${createHash('sha256').update('13800138000').digest('hex')}`);
    assert.equal(f('mobile', '+86 138-0013-8000'), fp);
    assert.equal(f('mobile', '１３８００１３８０００'), fp);
    assert.equal(f('id_card', '11010519491231002x'), f('id_card', '11010519491231002X'));
    assert.equal(f('email', 'Zhang@Example.com'), f('email', 'zhang@example.com'));
    assert.notEqual(f('bank_card', '13800138000'), fp);
    assert.ok(!fp.includes('13800138000'));
  });

  test('every kind has a Chinese label', () => {
    assert.deepEqual(KIND_LABELS, { id_card: '身份证号码', mobile: '手机号码', bank_card: '银行卡号', email: '电子邮箱' });
  });
});
