/**
 * 发文字号 (文号) parsing and normalisation. Real 文号 come with 〔〕, [], (), （）, ［］ or 【】 around the year;
 * all become the standard 〔〕 form (GB/T 9704-2012 §7.2.4: 年份用六角括号“〔〕”括入, 序号不编虚位).
 */

export interface DocNumber {
  /** 机关代字, e.g. 京西政发 */
  prefix: string;
  year: number;
  serial: number;
  /** the normalised text, e.g. 京西政发〔2022〕5号 */
  text: string;
}

const BRACKETED = /^(.*?\S)\s*[〔[(（［【{]\s*((?:19|20)\d{2})\s*[〕\])）］】}]\s*(?:第\s*)?0*(\d{1,6})\s*号$/u;
// 令 numbers have no year: 国务院令第711号, 区政府令第3号.
const DECREE = /^(.*令)\s*第\s*0*(\d{1,6})\s*号$/u;

/** Parse a 文号; null when it does not look like one. */
export function parseDocNumber(input: string): DocNumber | { decree: true; prefix: string; serial: number; text: string } | null {
  const text = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  // NFKC turns full-width ［］（） into ASCII but leaves 〔〕 and 【】 alone; the pattern accepts all of them.
  const m = BRACKETED.exec(text);
  if (m) {
    const prefix = m[1]!.replace(/\s+/g, '');
    const year = Number(m[2]);
    const serial = Number(m[3]);
    if (serial === 0 || /\d$/.test(prefix) || prefix.length > 30) return null;
    return { prefix, year, serial, text: `${prefix}〔${year}〕${serial}号` };
  }
  const d = DECREE.exec(text);
  if (d) {
    const serial = Number(d[2]);
    if (serial === 0) return null;
    const prefix = d[1]!.replace(/\s+/g, '');
    return { decree: true, prefix, serial, text: `${prefix}第${serial}号` };
  }
  return null;
}

/** The normalised 文号, or null when unparseable. */
export function normaliseDocNumber(input: string): string | null {
  return parseDocNumber(input)?.text ?? null;
}
