/** Customs district code (关区代码): 4 digits, e.g. `0101` Beijing, `5301` Shenzhen. */
import { CODE_OK, codeFailure, codePointLength, codeSchema, firstNonDigit, type CodeCheck } from './check';

export function validateDistrictCode(s: string): CodeCheck {
  const len = codePointLength(s);
  const bad = firstNonDigit(s);
  if (len !== 4 || bad !== undefined) {
    return codeFailure(
      'district_code_format',
      `A customs district code has 4 digits${bad !== undefined ? ` (found "${bad}")` : `; this one has ${len}`}`,
      `关区代码应为 4 位数字${bad !== undefined ? `（发现“${bad}”）` : `，当前为 ${len} 位`}`,
    );
  }
  return CODE_OK;
}

export const isDistrictCode = (s: string): boolean => validateDistrictCode(s).ok;

export const districtCodeSchema = codeSchema(validateDistrictCode, {
  description: 'Customs district code (关区代码), 4 digits',
  examples: ['5301'],
  pattern: '^[0-9]{4}$',
  minLength: 4,
  maxLength: 4,
});
