/**
 * Customs registration code (海关十位编码): 4-digit customs district (关区) + economic-region type (1-9) +
 * enterprise nature (digit 1-9 or upper-case letter) + 4-character sequence (digits or upper-case letters).
 */
import { CODE_OK, codeFailure, codePointLength, codeSchema, isDigits, type CodeCheck } from './check';

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export function validateCustomsCode(s: string): CodeCheck {
  const len = codePointLength(s);
  if (len !== 10) {
    return codeFailure(
      'customs_code_length',
      `The customs registration code must have 10 characters; this one has ${len}`,
      `海关十位编码应为 10 位，当前为 ${len} 位`,
    );
  }
  if (/[a-z]/.test(s)) {
    return codeFailure(
      'customs_code_lowercase',
      'Letters in the customs registration code must be upper case',
      '海关十位编码中的字母须为大写',
    );
  }
  if (!isDigits(s.slice(0, 4))) {
    return codeFailure(
      'customs_code_district',
      'The first 4 characters of the customs registration code are the customs district code and must be digits',
      '海关十位编码前 4 位为关区代码，须为数字',
    );
  }
  const region = s.charCodeAt(4);
  if (!(region >= 49 && region <= 57)) {
    return codeFailure(
      'customs_code_region',
      'The 5th character of the customs registration code (economic-region type) must be a digit from 1 to 9',
      '海关十位编码第 5 位（经济区划类型）须为 1 至 9 的数字',
    );
  }
  const nature = s.charCodeAt(5);
  if (!((nature >= 49 && nature <= 57) || isUpper(nature))) {
    return codeFailure(
      'customs_code_nature',
      'The 6th character of the customs registration code (enterprise nature) must be a digit from 1 to 9 or an upper-case letter',
      '海关十位编码第 6 位（企业性质）须为 1 至 9 的数字或大写字母',
    );
  }
  for (let i = 6; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c) && !isUpper(c)) {
      return codeFailure(
        'customs_code_sequence',
        'The last 4 characters of the customs registration code (sequence) must be digits or upper-case letters',
        '海关十位编码后 4 位（顺序号）须为数字或大写字母',
      );
    }
  }
  return CODE_OK;
}

export const isCustomsCode = (s: string): boolean => validateCustomsCode(s).ok;

export const customsCodeSchema = codeSchema(validateCustomsCode, {
  description: 'Customs registration code (海关十位编码): district(4) + region type(1) + nature(1) + sequence(4)',
  examples: ['4403160ABC'],
  pattern: '^[0-9]{4}[1-9][1-9A-Z][0-9A-Z]{4}$',
  minLength: 10,
  maxLength: 10,
});
