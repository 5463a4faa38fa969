/**
 * PRC resident identity number (公民身份号码, GB 11643-1999): 6-digit division code + 8-digit birth date
 * (YYYYMMDD) + 3-digit sequence (odd for men, even for women) + check character (ISO 7064 MOD 11-2, `X` = 10).
 */
import { CODE_OK, codeFailure, codePointLength, codeSchema, firstNonDigit, type CodeCheck, type CodeFailure } from './check';
import { PROVINCE_PREFIXES } from './division-code';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** 83: residence permits of Taiwan residents use it besides the GB/T 2260 prefixes. */
const ID_PREFIXES = new Set([...PROVINCE_PREFIXES, '83']);

export interface IdCardOptions {
  /** Earliest and latest plausible birth years (defaults 1900 and 2100, pure). */
  minYear?: number;
  maxYear?: number;
}

export interface IdCardInfo {
  divisionCode: string;
  /** ISO date `YYYY-MM-DD` */
  birthDate: string;
  sex: 'male' | 'female';
}

/** The check character for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  if (first17.length !== 17 || firstNonDigit(first17) !== undefined) throw new RangeError('idCardCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

const isValidDate = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
};

export type IdCardParse = { ok: true; value: IdCardInfo } | CodeFailure;

export function parseIdCardNumber(s: string, { minYear = 1900, maxYear = 2100 }: IdCardOptions = {}): IdCardParse {
  const len = codePointLength(s);
  if (len !== 18) {
    return codeFailure('id_card_length', `An identity number has 18 characters; this one has ${len}`, `身份证号码应为 18 位，当前为 ${len} 位`);
  }
  const bad = firstNonDigit(s.slice(0, 17));
  const last = s[17]!;
  if (last === 'x') {
    return codeFailure('id_card_lowercase_x', 'The last character of an identity number is an upper-case X, not x', '身份证号码末位应为大写 X，而非小写 x');
  }
  if (bad !== undefined || !((last >= '0' && last <= '9') || last === 'X')) {
    return codeFailure(
      'id_card_format',
      'An identity number has 17 digits followed by a digit or X',
      '身份证号码应为 17 位数字加 1 位数字或 X',
    );
  }
  if (!ID_PREFIXES.has(s.slice(0, 2))) {
    return codeFailure(
      'id_card_division',
      'The first 6 digits of the identity number are not a valid administrative division code',
      '身份证号码前 6 位不是有效的行政区划代码',
    );
  }
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < minYear || y > maxYear || !isValidDate(y, m, d)) {
    return codeFailure(
      'id_card_birth_date',
      `Digits 7-14 of the identity number (${s.slice(6, 14)}) are not a valid birth date`,
      `身份证号码第 7 至 14 位（${s.slice(6, 14)}）不是有效的出生日期`,
    );
  }
  if (idCardCheckChar(s.slice(0, 17)) !== last) {
    return codeFailure(
      'id_card_check',
      'The check character (the 18th) of the identity number is wrong; please check the number for typos',
      '身份证号码校验位（第 18 位）不正确，请核对是否输入有误',
    );
  }
  return {
    ok: true,
    value: {
      divisionCode: s.slice(0, 6),
      birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
      sex: (s.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    },
  };
}

export function validateIdCardNumber(s: string, options?: IdCardOptions): CodeCheck {
  const r = parseIdCardNumber(s, options);
  return r.ok ? CODE_OK : r;
}

export const isIdCardNumber = (s: string): boolean => validateIdCardNumber(s).ok;

export const idCardNumberSchema = codeSchema((s) => validateIdCardNumber(s), {
  description: 'PRC resident identity number (公民身份号码, GB 11643-1999), 18 characters',
  examples: ['11010519491231002X'],
  pattern: '^[0-9]{17}[0-9X]$',
  minLength: 18,
  maxLength: 18,
});
