/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over a 31-symbol alphabet
 * (digits and upper-case letters without I, O, Z, S, V); the 18th is a check character over the first 17.
 * Only the check character is verified: the embedded organisation code (positions 9-17) of many real codes
 * does not follow GB 11714, so checking it would refuse genuine enterprises.
 */
import { CODE_OK, codeFailure, codePointLength, codeSchema, type CodeCheck } from './check';

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORBIDDEN_LETTERS = 'IOZSV';

/** Value of a character in the alphabet, or -1. */
const valueOf = (ch: string): number => CREDIT_CODE_ALPHABET.indexOf(ch);

/** The check character for the first 17 characters; throws RangeError when they are not 17 valid symbols. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`creditCodeCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = valueOf(first17[i]!);
    if (v < 0) throw new RangeError(`creditCodeCheckChar: invalid character ${JSON.stringify(first17[i])} at ${i + 1}`);
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Appends the check character (for seeds and tests). */
export const makeCreditCode = (first17: string): string => first17 + creditCodeCheckChar(first17);

export function validateCreditCode(s: string): CodeCheck {
  const len = codePointLength(s);
  if (len !== 18) {
    return codeFailure(
      'credit_code_length',
      `The unified social credit code must have 18 characters; this one has ${len}`,
      `统一社会信用代码应为 18 位，当前为 ${len} 位`,
    );
  }
  let lower: string | undefined;
  let forbidden: string | undefined;
  let other: string | undefined;
  for (const ch of s) {
    if (ch >= 'a' && ch <= 'z') lower ??= ch;
    else if (FORBIDDEN_LETTERS.includes(ch)) forbidden ??= ch;
    else if (valueOf(ch) < 0) other ??= ch;
  }
  if (lower !== undefined) {
    return codeFailure(
      'credit_code_lowercase',
      `Letters in the unified social credit code must be upper case (found "${lower}")`,
      `统一社会信用代码中的字母须为大写（发现“${lower}”）`,
    );
  }
  if (forbidden !== undefined) {
    return codeFailure(
      'credit_code_forbidden_letter',
      `The unified social credit code never contains the letters I, O, Z, S or V (found "${forbidden}"); ` +
        'check for a digit typed as a letter, such as O for 0',
      `统一社会信用代码不使用字母 I、O、Z、S、V（发现“${forbidden}”），请检查是否把数字误输为字母，如把 0 输成 O`,
    );
  }
  if (other !== undefined) {
    return codeFailure(
      'credit_code_invalid_char',
      `The unified social credit code may contain only digits and upper-case letters (found "${other}")`,
      `统一社会信用代码只能包含数字和大写字母（发现“${other}”）`,
    );
  }
  if (creditCodeCheckChar(s.slice(0, 17)) !== s[17]) {
    return codeFailure(
      'credit_code_check',
      'The check character (the 18th) of the unified social credit code is wrong; please check the code for typos',
      '统一社会信用代码校验位（第 18 位）不正确，请核对是否输入有误',
    );
  }
  return CODE_OK;
}

export const isCreditCode = (s: string): boolean => validateCreditCode(s).ok;

export const creditCodeSchema = codeSchema(validateCreditCode, {
  description: 'Unified social credit code (统一社会信用代码, GB 32100-2015), 18 characters with a check character',
  examples: ['91350100M000100Y43'],
  pattern: '^[0-9A-HJ-NP-RTUW-Y]{18}$',
  minLength: 18,
  maxLength: 18,
});
