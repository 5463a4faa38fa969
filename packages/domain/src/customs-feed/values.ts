/**
 * Value schemas of the customs feed: exact decimals (never floats), calendar-valid dates, ISO country and currency
 * codes, customs unit and trade-mode codes. Each failure is one custom issue with a bilingual message
 * (`params: { code, en, zh }`), like the code validators of `../codes`.
 */
import { z } from 'zod';
import { CODE_OK, codeFailure, codePointLength, codeSchema, isDigits, issueParams, type CodeCheck, type CodeFailure } from '../codes/check';
import { ISO_4217_CURRENCIES, ISO_ALPHA3_COUNTRIES } from './iso-codes';

export interface DecimalSpec {
  /** digits after the decimal point the column stores */
  scale: number;
  /** total significant digits the column stores (NUMERIC(precision, scale)) */
  precision: number;
  /** zero refused too (quantities) */
  positive: boolean;
}

/** 成交数量: NUMERIC(19,5), more than zero. */
export const QUANTITY_SPEC: DecimalSpec = { scale: 5, precision: 19, positive: true };
/** 总价: NUMERIC(19,4), zero allowed (samples without commercial value). */
export const PRICE_SPEC: DecimalSpec = { scale: 4, precision: 19, positive: false };

export type DecimalParse = { ok: true; value: string } | CodeFailure;

/** Expands the shortest round-trip form of a finite number (`1e-7`, `1.5e+21`) into plain decimal digits. */
function plainNumberText(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = int! + frac;
  const point = int!.length + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Reads a quantity or an amount given as a decimal string or a JSON number and answers its exact, normalised
 * decimal string (no leading zeros, no trailing fractional zeros), or why it is refused.
 */
export function parseDecimal(input: unknown, spec: DecimalSpec): DecimalParse {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      return codeFailure('decimal_not_finite', 'Must be a finite number (not NaN or infinity)', '须为有限数值（不能为 NaN 或无穷大）');
    }
    text = plainNumberText(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return codeFailure('decimal_type', 'Must be a decimal number, as a string such as "12.5" or a number', '须为十进制数，如 "12.5"');
  }
  const m = DECIMAL_TEXT.exec(text);
  if (!m) {
    return codeFailure('decimal_format', `Must be a plain decimal number such as 12.5 (found "${text.slice(0, 40)}")`,
      `须为普通十进制数，如 12.5（当前为“${text.slice(0, 40)}”）`);
  }
  const [, sign, rawInt, rawFrac = ''] = m;
  const int = rawInt!.replace(/^0+(?=\d)/, '');
  const frac = rawFrac.replace(/0+$/, '');
  const zero = /^0*$/.test(int) && frac === '';
  if (sign === '-' && !zero) return codeFailure('decimal_negative', 'Must not be negative', '不能为负数');
  if (spec.positive && zero) return codeFailure('decimal_not_positive', 'Must be greater than 0', '须大于 0');
  if (frac.length > spec.scale) {
    return codeFailure('decimal_scale', `At most ${spec.scale} decimal places`, `最多 ${spec.scale} 位小数`);
  }
  const maxInt = spec.precision - spec.scale;
  if (int.length > maxInt) {
    return codeFailure('decimal_too_large', `At most ${maxInt} digits before the decimal point`, `整数部分最多 ${maxInt} 位`);
  }
  return { ok: true, value: frac ? `${int}.${frac}` : int };
}

/** A decimal given as a string or a number; the output is always the normalised decimal string. */
export function decimalSchema(spec: DecimalSpec, description: string) {
  return z
    .union([z.string().max(60), z.number()])
    .transform((v, ctx) => {
      const r = parseDecimal(v, spec);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.message.en, params: issueParams(r) });
      return z.NEVER;
    })
    .meta({ description: `${description}: a decimal string (preferred, exact) or a number; stored exactly, at most ${spec.scale} decimals` });
}

export const DATE_MIN = '1990-01-01';
export const DATE_MAX = '2100-12-31';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30) between 1990 and 2100. */
export function validateFeedDate(s: string): CodeCheck {
  const m = ISO_DATE.exec(s);
  if (!m) {
    return codeFailure('date_format', `Must be a date written YYYY-MM-DD, e.g. 2025-03-01 (found "${s.slice(0, 30)}")`,
      `日期格式须为 YYYY-MM-DD，如 2025-03-01（当前为“${s.slice(0, 30)}”）`);
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    return codeFailure('date_invalid', `${s} is not a date of the calendar`, `${s} 不是有效的日历日期`);
  }
  if (s < DATE_MIN || s > DATE_MAX) {
    return codeFailure('date_range', `Must lie between ${DATE_MIN} and ${DATE_MAX}`, `须在 ${DATE_MIN} 至 ${DATE_MAX} 之间`);
  }
  return CODE_OK;
}

export const feedDateSchema = codeSchema(validateFeedDate, {
  description: 'Calendar date YYYY-MM-DD', examples: ['2025-03-01'], pattern: '^\\d{4}-\\d{2}-\\d{2}$', minLength: 10, maxLength: 10,
});

/**
 * Spreadsheet spellings of a date, turned into `YYYY-MM-DD` before validation: `2025/3/1`, `2025.03.01`,
 * `20250301` (as customs systems print it). Anything else is returned unchanged and refused by the schema.
 */
export function normaliseDateText(s: string): string {
  const t = s.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const sep = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (sep) return `${sep[1]}-${sep[2]!.padStart(2, '0')}-${sep[3]!.padStart(2, '0')}`;
  return t;
}

export function validateCountryAlpha3(s: string): CodeCheck {
  if (!ISO_ALPHA3_COUNTRIES.has(s)) {
    return codeFailure('country_alpha3', `Must be an ISO 3166-1 alpha-3 country code in capitals, e.g. USA (found "${s.slice(0, 20)}")`,
      `须为 ISO 3166-1 三位字母国别代码（大写），如 USA（当前为“${s.slice(0, 20)}”）`);
  }
  return CODE_OK;
}

export function validateCurrencyCode(s: string): CodeCheck {
  if (!ISO_4217_CURRENCIES.has(s)) {
    return codeFailure('currency_code', `Must be an ISO 4217 currency code in capitals, e.g. USD (found "${s.slice(0, 20)}")`,
      `须为 ISO 4217 币制代码（大写），如 USD（当前为“${s.slice(0, 20)}”）`);
  }
  return CODE_OK;
}

export function validateUnitCode(s: string): CodeCheck {
  if (codePointLength(s) !== 3 || !isDigits(s)) {
    return codeFailure('unit_code', `Must be a three-digit customs unit code, e.g. 007 (found "${s.slice(0, 20)}")`,
      `须为三位数字的海关计量单位代码，如 007（当前为“${s.slice(0, 20)}”）`);
  }
  return CODE_OK;
}

export function validateTradeMode(s: string): CodeCheck {
  if (codePointLength(s) !== 4 || !isDigits(s)) {
    return codeFailure('trade_mode', `Must be a four-digit supervision mode code, e.g. 0110 (found "${s.slice(0, 20)}")`,
      `须为四位数字的监管方式代码，如 0110（当前为“${s.slice(0, 20)}”）`);
  }
  return CODE_OK;
}

export const countryAlpha3Schema = codeSchema(validateCountryAlpha3, {
  description: 'ISO 3166-1 alpha-3 country code', examples: ['USA'], pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3,
});
export const currencyCodeSchema = codeSchema(validateCurrencyCode, {
  description: 'ISO 4217 currency code (币制)', examples: ['USD'], pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3,
});
export const unitCodeSchema = codeSchema(validateUnitCode, {
  description: 'Customs unit of measure code (计量单位代码), 3 digits', examples: ['007'], pattern: '^[0-9]{3}$', minLength: 3, maxLength: 3,
});
export const tradeModeSchema = codeSchema(validateTradeMode, {
  description: 'Supervision mode (监管方式) code, 4 digits: 0110 一般贸易, 4561 退运货物', examples: ['0110'], pattern: '^[0-9]{4}$', minLength: 4, maxLength: 4,
});

/**
 * A code that may be left empty: '' (or absent) stays '', anything else must pass `check`. Feeds leave parties
 * and ports empty when a declaration does not have them.
 */
export function optionalCodeSchema(check: (s: string) => CodeCheck, description: string, maxLength = 40) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .superRefine((value, ctx) => {
      if (value === '') return;
      const r = check(value);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message.en, params: issueParams(r) });
    })
    .optional()
    .transform((v) => v ?? '')
    .meta({ description: `${description}; empty when not declared` });
}
