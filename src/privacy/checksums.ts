/**
 * Check-digit rules behind the personal-information scan. A pattern alone flags every long number in a
 * document (文号, 索引号, 统计数字); the check digits are what make a finding credible.
 */

// GB 11643-1999 §4: the first two digits are the province-level code (GB/T 2260). 71 台湾, 81 香港, 82 澳门;
// 83 is used by 台湾居民居住证 numbers, which follow the same scheme.
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

// GB 11643-1999 §7.2 (ISO 7064 MOD 11-2): weight Wi = 2^(i-1) mod 11, counted from the check digit.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** True for a real calendar date YYYYMMDD between 1900-01-01 and today. */
export function isPlausibleBirthDate(yyyymmdd: string, today: Date = new Date()): boolean {
  if (!/^(19|20)\d{6}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return false;
  return Date.UTC(y, m - 1, d) <= today.getTime();
}

/** The GB 11643-1999 check character for the first 17 digits of a 公民身份号码. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/** Whether the first 14 digits of an 18-digit number look like an ID: known province and a valid birth date. */
export function hasIdCardStructure(digits18: string): boolean {
  return PROVINCE_CODES.has(digits18.slice(0, 2)) && isPlausibleBirthDate(digits18.slice(6, 14));
}

/** A valid 18-character 公民身份号码 (GB 11643-1999): province, birth date and check character. */
export function isValidIdCardNumber(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  return hasIdCardStructure(s) && idCardCheckChar(s.slice(0, 17)) === s[17];
}

/** An old 15-digit 身份证号 (issued before 1999): province and a valid 19YYMMDD birth date; it has no check digit. */
export function isPlausibleOldIdCardNumber(id: string): boolean {
  return /^\d{15}$/.test(id) && PROVINCE_CODES.has(id.slice(0, 2)) && isPlausibleBirthDate(`19${id.slice(6, 12)}`);
}

/** The Luhn (ISO/IEC 7812-1) check used by bank card numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Issuer prefixes of cards common in China: 62 银联, 4 Visa, 51–55 and 2221–2720 Mastercard, 35 JCB, and 9558
 * (工商银行 legacy debit cards). Other prefixes are not flagged: too many 编号 pass Luhn by chance.
 */
export function hasPlausibleCardPrefix(digits: string): boolean {
  if (/^(62|4|5[1-5]|35|9558)/.test(digits)) return true;
  const four = Number(digits.slice(0, 4));
  return four >= 2221 && four <= 2720;
}

// GB 32100-2015 统一社会信用代码: 18 characters over this 31-character alphabet, last one a MOD 31 check.
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid 统一社会信用代码 (GB 32100-2015) — organisations' codes are public and must not be flagged as card numbers. */
export function isValidCreditCode(code: string): boolean {
  const s = code.toUpperCase();
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(s[i]!);
    if (v < 0) return false;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARS[check] === s[17];
}
