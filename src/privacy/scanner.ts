/**
 * The personal-information check (个人信息保护法第二十五条、第七十三条; 条例第十五条): published information is
 * de-identified unless disclosure is mandatory, so text is scanned for 身份证号, mobile numbers, bank card numbers
 * and e-mail addresses before release. The rules are conservative on purpose — every finding blocks approval
 * until someone masks it or records why it stays, so a finding must be credible: ID numbers need the GB 11643
 * check digit, card numbers Luhn and a card issuer prefix, and no number is taken out of a longer run of digits
 * or letters (文号, 索引号, 统一社会信用代码 and dates stay quiet).
 *
 * Landline numbers are not flagged: the numbers in government documents are offices' public numbers.
 */
import { createHash } from 'node:crypto';
import {
  hasIdCardStructure,
  hasPlausibleCardPrefix,
  isPlausibleOldIdCardNumber,
  isValidCreditCode,
  isValidIdCardNumber,
  luhnValid,
} from './checksums.ts';
import { escapeHtml, htmlText } from './html.ts';

export type FindingKind = 'id_card' | 'mobile' | 'bank_card' | 'email';

/** One piece of personal information found in a text. */
export interface Finding {
  kind: FindingKind;
  /** the text exactly as it appears in the input (never show or log it; show `masked`) */
  value: string;
  /** the value with the identifying part replaced by '*' */
  masked: string;
  /** JS string indices into the scanned text: text.slice(start, end) === value */
  start: number;
  end: number;
}

/** Chinese names of the finding kinds, for pages and reports. */
export const KIND_LABELS: Record<FindingKind, string> = {
  id_card: '身份证号码',
  mobile: '手机号码',
  bank_card: '银行卡号',
  email: '电子邮箱',
};

/**
 * E-mail domains of institutions whose addresses are public contact points (the 政府信息公开指南 must list the
 * office's mailbox, 条例第十二条). Addresses on these domains are not flagged.
 */
export const INSTITUTIONAL_EMAIL_DOMAINS = ['gov.cn'];

// Boundaries: a number is never cut out of a longer run of digits or ASCII letters.
const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
const ID18 = new RegExp(`${B}(\\d{6})( ?)(\\d{8})\\2(\\d{3}[\\dXx])${E}`, 'g');
const ID15 = new RegExp(`${B}\\d{15}${E}`, 'g');
const CARD = new RegExp(`${B}\\d{16,19}${E}`, 'g');
const CARD_GROUPED = new RegExp(`${B}\\d{4}([ -])\\d{4}(?:\\1\\d{4}){2}(?:\\1\\d{1,3})?${E}`, 'g');
const MOBILE = new RegExp(`${B}((?:\\+|00)?86[ -]?)?(1[3-9]\\d([ -]?)\\d{4}\\3\\d{4})${E}`, 'g');
const EMAIL =
  /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![A-Za-z0-9-])/g;
// Old 15-digit IDs have no check digit: only flagged when the words before them say what they are.
const OLD_ID_CONTEXT = /(身份证|证件号|身份号码|公民身份)/;
// Grouped digits (`6222 0212 …`) also occur in tables of figures: only flagged next to a word about accounts.
const CARD_CONTEXT = /(卡号|银行|账号|帐号|账户|帐户|开户|收款|付款|缴费)/;

const PRIORITY: Record<FindingKind, number> = { id_card: 0, bank_card: 1, email: 2, mobile: 3 };

/** Map full-width digits, letters and signs (common in Chinese documents) to ASCII; lengths are unchanged. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Replace digits (and X) at positions [keepFirst, n - keepLast) with '*', leaving separators as they are. */
function maskDigits(raw: string, keepFirst: number, keepLast: number): string {
  const ascii = toHalfWidth(raw);
  const total = (ascii.match(/[0-9Xx]/g) ?? []).length;
  let seen = 0;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (/[0-9Xx]/.test(ascii[i]!)) {
      out += seen >= keepFirst && seen < total - keepLast ? '*' : raw[i];
      seen++;
    } else out += raw[i];
  }
  return out;
}

function digitsOf(s: string): string {
  return toHalfWidth(s).replace(/[^0-9Xx]/g, '').toUpperCase();
}

function before(text: string, index: number, chars: number): string {
  return text.slice(Math.max(0, index - chars), index);
}

function candidates(original: string): Finding[] {
  const text = toHalfWidth(original);
  const out: Finding[] = [];
  const add = (kind: FindingKind, start: number, end: number, masked: string) =>
    out.push({ kind, value: original.slice(start, end), masked, start, end });

  for (const m of text.matchAll(ID18)) {
    const id = m[1]! + m[3]! + m[4]!;
    if (isValidIdCardNumber(id)) add('id_card', m.index, m.index + m[0].length, maskDigits(original.slice(m.index, m.index + m[0].length), 6, 4));
  }
  for (const m of text.matchAll(ID15)) {
    if (isPlausibleOldIdCardNumber(m[0]) && OLD_ID_CONTEXT.test(before(text, m.index, 16))) {
      add('id_card', m.index, m.index + 15, maskDigits(original.slice(m.index, m.index + 15), 6, 3));
    }
  }
  const card = (start: number, raw: string) => {
    const digits = digitsOf(raw);
    if (!hasPlausibleCardPrefix(digits) || !luhnValid(digits)) return;
    // An 18-digit number shaped like an ID (wrong check digit) or a valid 统一社会信用代码 is not a card.
    if (digits.length === 18 && (hasIdCardStructure(digits) || isValidCreditCode(digits))) return;
    add('bank_card', start, start + raw.length, maskDigits(original.slice(start, start + raw.length), 6, 4));
  };
  for (const m of text.matchAll(CARD)) card(m.index, m[0]);
  for (const m of text.matchAll(CARD_GROUPED)) {
    if (CARD_CONTEXT.test(before(text, m.index, 24))) card(m.index, m[0]);
  }
  for (const m of text.matchAll(MOBILE)) {
    const prefix = m[1] ?? '';
    const national = original.slice(m.index + prefix.length, m.index + m[0].length);
    add('mobile', m.index, m.index + m[0].length, original.slice(m.index, m.index + prefix.length) + maskDigits(national, 3, 4));
  }
  for (const m of text.matchAll(EMAIL)) {
    const domain = m[2]!.toLowerCase();
    if (INSTITUTIONAL_EMAIL_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`))) continue;
    const local = original.slice(m.index, m.index + m[1]!.length);
    add('email', m.index, m.index + m[0].length, `${local.slice(0, 1)}***@${original.slice(m.index + m[1]!.length + 1, m.index + m[0].length)}`);
  }
  return out;
}

/** Keep the strongest of overlapping candidates: the longest, then by kind (an e-mail whose name is a mobile number is one e-mail). */
function resolveOverlaps(found: Finding[]): Finding[] {
  const ranked = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  const kept: Finding[] = [];
  for (const f of ranked) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** Every piece of personal information in `text`, in order, non-overlapping. */
export function scanText(text: string): Finding[] {
  return resolveOverlaps(candidates(text));
}

/** `text` with each finding replaced by its mask (by default every finding of scanText). */
export function maskText(text: string, findings: Finding[] = scanText(text)): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.masked;
    at = f.end;
  }
  return out + text.slice(at);
}

/**
 * `html` with personal information masked in its text and in attribute values (a `mailto:` or `?id=` link
 * publishes the value as surely as the text does). Tags are kept intact; a value split by inline markup is
 * masked in its first piece and removed from the others. `select` limits which findings are masked.
 */
export function maskHtml(html: string, select: (f: Finding) => boolean = () => true): string {
  const doc = htmlText(html);
  const edits: Array<{ start: number; end: number; replacement: string }> = [];
  for (const f of scanText(doc.text)) {
    if (!select(f)) continue;
    let first = true;
    let lastSource = -1;
    for (let k = f.start; k < f.end; k++) {
      const s = doc.srcStart[k]!;
      if (s < 0 || s === lastSource) continue;
      lastSource = s;
      edits.push({ start: s, end: doc.srcEnd[k]!, replacement: first ? escapeHtml(f.masked) : '' });
      first = false;
    }
  }
  for (const r of [...doc.attributes, ...doc.comments]) {
    const raw = html.slice(r.start, r.end);
    const found = scanText(raw).filter(select);
    if (found.length) edits.push({ start: r.start, end: r.end, replacement: maskText(raw, found) });
  }
  let out = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    out += html.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + html.slice(at);
}

/** The value reduced to what identifies the person: digits only for numbers (+86 dropped), lower case for e-mail. */
function canonicalValue(f: Pick<Finding, 'kind' | 'value'>): string {
  if (f.kind === 'email') return toHalfWidth(f.value).toLowerCase();
  const digits = digitsOf(f.value);
  return f.kind === 'mobile' ? digits.slice(-11) : digits;
}

/**
 * A stable id for recording "kept with reason" decisions: kind + ':' + sha256 of the canonical value, so
 * `138 0013 8000` and `13800138000` are one decision and the value is not stored in clear. (The number space is
 * small enough to brute-force a hash, so the decisions table is still private data.)
 */
export function findingFingerprint(f: Pick<Finding, 'kind' | 'value'>): string {
  return `${f.kind}:${createHash('sha256').update(canonicalValue(f)).digest('hex')}`;
}

export { isValidIdCardNumber, luhnValid } from './checksums.ts';
