import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET, creditCodeCheckChar, creditCodeSchema, isCreditCode, makeCreditCode, validateCreditCode,
} from './credit-code';

const symbol = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
const first17 = fc.array(symbol, { minLength: 17, maxLength: 17 }).map((a) => a.join(''));

describe('creditCodeCheckChar', () => {
  it.each([
    ['91350100M000100Y43'],
    ['91110000802100433B'],
  ])('accepts the public example %s', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });

  it('refuses input that is not 17 symbols', () => {
    expect(() => creditCodeCheckChar('123')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100YO')).toThrow(RangeError);
  });
});

describe('validateCreditCode', () => {
  it.each([
    ['', 'credit_code_length'],
    ['91350100M000100Y4', 'credit_code_length'],
    ['91350100M000100Y433', 'credit_code_length'],
    ['91350100m000100Y43', 'credit_code_lowercase'],
    ['91350100O000100Y43', 'credit_code_forbidden_letter'],
    ['91350100I000100Y43', 'credit_code_forbidden_letter'],
    ['91350100Z000100Y43', 'credit_code_forbidden_letter'],
    ['91350100S000100Y43', 'credit_code_forbidden_letter'],
    ['91350100V000100Y43', 'credit_code_forbidden_letter'],
    ['91350100-000100Y43', 'credit_code_invalid_char'],
    ['91350100 000100Y43', 'credit_code_invalid_char'],
    ['91350100中000100Y43', 'credit_code_invalid_char'],
    ['91350100M000100Y44', 'credit_code_check'],
    ['91110000802100433A', 'credit_code_check'],
  ])('%j → %s', (input, code) => {
    const r = validateCreditCode(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.en).not.toBe('');
      expect(r.message.zh).toMatch(/统一社会信用代码/);
    }
  });

  it('counts a Chinese character as one character in the length message', () => {
    const r = validateCreditCode('中'.repeat(17));
    expect(!r.ok && r.message.zh).toContain('当前为 17 位');
  });

  it('property: makeCreditCode always yields a valid code', () => {
    fc.assert(fc.property(first17, (p) => isCreditCode(makeCreditCode(p))));
  });

  it('property: any single substitution is detected', () => {
    fc.assert(
      fc.property(first17, fc.nat(17), symbol, (p, pos, ch) => {
        const code = makeCreditCode(p);
        fc.pre(code[pos] !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        return !isCreditCode(changed);
      }),
    );
  });

  it('property: any adjacent transposition of different symbols is detected', () => {
    fc.assert(
      fc.property(first17, fc.nat(16), (p, pos) => {
        const code = makeCreditCode(p);
        fc.pre(code[pos] !== code[pos + 1]);
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        return !isCreditCode(swapped);
      }),
    );
  });
});

describe('creditCodeSchema', () => {
  it('passes a valid code through unchanged', () => {
    expect(creditCodeSchema.parse('91350100M000100Y43')).toBe('91350100M000100Y43');
  });

  it('raises one custom issue carrying code, en and zh', () => {
    const r = creditCodeSchema.safeParse('91350100M000100Y44');
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.code).toBe('custom');
    expect(r.error!.issues).toHaveLength(1);
    expect((issue as { params?: Record<string, string> }).params).toEqual({
      code: 'credit_code_check',
      en: expect.stringContaining('check character'),
      zh: expect.stringContaining('校验位'),
    });
  });

  it('refuses non-strings with invalid_type', () => {
    expect(creditCodeSchema.safeParse(123).error?.issues[0]?.code).toBe('invalid_type');
  });
});
