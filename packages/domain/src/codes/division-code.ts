/** Administrative division code (行政区划代码, GB/T 2260): 6 digits whose first two name a province-level unit. */
import { CODE_OK, codeFailure, codePointLength, codeSchema, firstNonDigit, type CodeCheck } from './check';

/** Province-level prefixes of GB/T 2260 (11 Beijing … 65 Xinjiang, 71 Taiwan, 81 Hong Kong, 82 Macao). */
export const PROVINCE_PREFIXES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
];

export function validateDivisionCode(s: string): CodeCheck {
  const len = codePointLength(s);
  const bad = firstNonDigit(s);
  if (len !== 6 || bad !== undefined) {
    return codeFailure(
      'division_code_format',
      `An administrative division code has 6 digits${bad !== undefined ? ` (found "${bad}")` : `; this one has ${len}`}`,
      `行政区划代码应为 6 位数字${bad !== undefined ? `（发现“${bad}”）` : `，当前为 ${len} 位`}`,
    );
  }
  if (!PROVINCE_PREFIXES.includes(s.slice(0, 2))) {
    return codeFailure(
      'division_code_province',
      `"${s.slice(0, 2)}" is not a province-level code of GB/T 2260 (the first two digits of a division code)`,
      `“${s.slice(0, 2)}”不是 GB/T 2260 的省级代码（行政区划代码前两位）`,
    );
  }
  return CODE_OK;
}

export const isDivisionCode = (s: string): boolean => validateDivisionCode(s).ok;

export const divisionCodeSchema = codeSchema(validateDivisionCode, {
  description: 'Administrative division code (行政区划代码, GB/T 2260), 6 digits',
  examples: ['440300'],
  pattern: '^[0-9]{6}$',
  minLength: 6,
  maxLength: 6,
});
