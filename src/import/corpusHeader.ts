/**
 * What the header lines of a corpus record say about the document: who issued it (发文机关) and its 令 or 文号.
 * Deliberately conservative: a name is taken only when the line has one of the few shapes seen in the corpus
 * ("…人民代表大会常务委员会第N次会议通过", "…国务院令第N号公布", "…部发布"); anything else yields nothing rather
 * than a wrong issuer on a public page.
 */
import { normaliseDocNumber } from '../documents/docNumber.ts';

const DATE_PREFIX = /^\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*/u;
const ANY_DATE = /(?:19|20)\d{2}年\d{1,2}月\d{1,2}日/gu;
const PEOPLES_CONGRESS = /^(?:全国|[\u4e00-\u9fa5]{2,}(?:省|市|县|区|自治区|自治州|自治县|旗))人民代表大会(?:常务委员会)?$/u;
const HAN_NAME = /^[\u4e00-\u9fa5]{2,30}$/u;
const NUMERAL = '[一二三四五六七八九十百零〇\\d]+';

// "上海市第十三届人民代表大会常务委员会第三十次会议通过" / "第八届全国人民代表大会常务委员会第十一次会议通过" /
// "最高人民法院审判委员会第1511次会议通过" / "最高人民检察院第十一届检察委员会第29次会议通过"
const MEETING = new RegExp(`([\\u4e00-\\u9fa5]{2,40}?)第${NUMERAL}次(?:常务|全体)?会议`, 'gu');
// "中华人民共和国国务院令第463号公布" / "卫生部令第3号发布"
const DECREE = new RegExp(`([\\u4e00-\\u9fa5]{2,30}?令)\\s*第\\s*(${NUMERAL})\\s*号`, 'u');
// "国务院发布" / "林业部公布" (the whole rest of the line is the body)
const PROMULGATED = /^([\u4e00-\u9fa5]{2,20})(?:公布|发布|印发)$/u;
const ISSUING_BODY = /(国务院|部|委员会|局|署|总署|院|人民政府|办公厅|常务委员会|人民代表大会|银行)$/u;
// a bracketed 文号 such as "法发〔1993〕15号", preceded by a delimiter or 以 ("最高人民法院以法发〔1993〕15号通知印发")
const BRACKETED = /(?:^|[\s，、,以（(])([\u4e00-\u9fa5]{1,8}[〔[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\d{1,6}号)/u;

/** 审判委员会 and 检察委员会 are organs inside the court and procuratorate; the issuer is the institution itself. */
function meetingBody(raw: string): string | null {
  // "上海市第十三届人民代表大会常务委员会" and "杭州市十二届…" both name 上海市/杭州市人民代表大会常务委员会
  const body = raw.replace(new RegExp(`第?${NUMERAL}届`, 'gu'), '').replace(/^(?:在|经)/u, '');
  if (!HAN_NAME.test(body)) return null;
  if (/^最高人民法院审判委员会$/u.test(body)) return '最高人民法院';
  if (/^最高人民检察院检察委员会$/u.test(body)) return '最高人民检察院';
  if (body === '国务院') return body;
  // an abbreviated "市人民代表大会常务委员会" names no one in particular: left out
  if (PEOPLES_CONGRESS.test(body)) return body;
  return null;
}

function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in digits) current = digits[ch]!;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return null;
  }
  return total + current;
}

/** The issuers named by the first header line that names any (usually the adoption or promulgation line). */
export function issuersFromHeader(header: readonly string[]): string[] {
  for (const line of header) {
    // dates become spaces so no name can start with the 日 of "…11月11日浙江省…"
    const rest = line.replace(ANY_DATE, ' ').trim();
    const found: string[] = [];
    // several bodies may adopt one text: "…审判委员会第1481次会议、2010年2月4日最高人民检察院…第29次会议通过"
    for (const m of rest.includes('通过') ? rest.matchAll(MEETING) : []) {
      const body = meetingBody(m[1]!);
      if (body && !found.includes(body)) found.push(body);
    }
    if (found.length) return found;
    const decree = DECREE.exec(rest);
    if (decree && rest.startsWith(decree[1]!)) {
      const issuer = decree[1]!.replace(/令$/u, '').replace(/^中华人民共和国/u, '');
      if (HAN_NAME.test(issuer) && ISSUING_BODY.test(issuer)) return [issuer];
    }
    const promulgated = PROMULGATED.exec(rest);
    if (promulgated) {
      const names = promulgated[1]!.split('、').filter((n) => HAN_NAME.test(n) && ISSUING_BODY.test(n));
      if (names.length) return names;
    }
  }
  return [];
}

/** The first 令 number or bracketed 文号 in the header (then the title), normalised; null when none. */
export function docNumberFromHeader(header: readonly string[], title: string): string | null {
  for (const line of [...header, title]) {
    const decree = DECREE.exec(line.replace(DATE_PREFIX, ''));
    if (decree) {
      const serial = chineseNumber(decree[2]!);
      if (serial) {
        // one corpus line reads "中中华人民共和国主席令": a transcription slip, not part of the number
        const n = normaliseDocNumber(`${decree[1]!.replace(/^中(?=中华人民共和国)/u, '')}第${serial}号`);
        if (n) return n;
      }
    }
    const bracketed = BRACKETED.exec(line);
    if (bracketed) {
      const n = normaliseDocNumber(bracketed[1]!);
      if (n) return n;
    }
  }
  return null;
}
