/**
 * HS codes (商品编码): a full Chinese commodity code has 10 digits (8 are accepted: the tariff line without
 * the 2 supervision digits). A prefix used for searches or rules has 2, 4, 6, 8 or 10 digits
 * (chapter, heading, subheading, …).
 */
import { CODE_OK, codeFailure, codePointLength, codeSchema, firstNonDigit, type CodeCheck } from './check';

export function validateHsCode(s: string): CodeCheck {
  const len = codePointLength(s);
  const bad = firstNonDigit(s);
  if ((len !== 10 && len !== 8) || bad !== undefined) {
    return codeFailure(
      'hs_code_format',
      `An HS code has 10 digits (or 8)${bad !== undefined ? `; found "${bad}"` : `; this one has ${len}`}`,
      `商品编码应为 10 位（或 8 位）数字${bad !== undefined ? `，发现“${bad}”` : `，当前为 ${len} 位`}`,
    );
  }
  return CODE_OK;
}

export function validateHsPrefix(s: string): CodeCheck {
  const len = codePointLength(s);
  const bad = firstNonDigit(s);
  if (len < 2 || len > 10 || len % 2 !== 0 || bad !== undefined) {
    return codeFailure(
      'hs_prefix_format',
      `An HS code prefix has 2, 4, 6, 8 or 10 digits${bad !== undefined ? `; found "${bad}"` : `; this one has ${len}`}`,
      `商品编码前缀应为 2、4、6、8 或 10 位数字${bad !== undefined ? `，发现“${bad}”` : `，当前为 ${len} 位`}`,
    );
  }
  return CODE_OK;
}

export const isHsCode = (s: string): boolean => validateHsCode(s).ok;
export const isHsPrefix = (s: string): boolean => validateHsPrefix(s).ok;

export const hsCodeSchema = codeSchema(validateHsCode, {
  description: 'HS commodity code (商品编码), 10 digits (8 accepted)',
  examples: ['8471300000'],
  pattern: '^([0-9]{8}|[0-9]{10})$',
  minLength: 8,
  maxLength: 10,
});

export const hsPrefixSchema = codeSchema(validateHsPrefix, {
  description: 'HS code prefix (商品编码前缀): 2, 4, 6, 8 or 10 digits',
  examples: ['84', '8471'],
  pattern: '^([0-9]{2}){1,5}$',
  minLength: 2,
  maxLength: 10,
});
