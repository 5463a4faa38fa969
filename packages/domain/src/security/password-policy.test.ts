import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword, passwordClasses, passwordSchema } from './password-policy';

const reasons = (pw: string, user?: string) => checkPassword(pw, user).map((f) => f.reason);

describe('checkPassword', () => {
  it.each([
    ['Correct-Horse-9', undefined, []],
    ['correcthorse9!', undefined, []],
    ['CORRECTHORSE9!', undefined, []],
    ['Correcthorsebattery', undefined, ['too_few_classes']],
    ['correcthorse99', undefined, ['too_few_classes']],
    ['Short-9a', undefined, ['too_short']],
    ['aaaa', undefined, ['too_short', 'too_few_classes']],
    ['', undefined, ['too_short', 'too_few_classes']],
    ['密码很长很长很长很长很长Ab', undefined, []],
    ['Zhang.Wei.2026', 'zhang.wei.2026', ['same_as_username']],
    ['Zhang.Wei.2026', 'ZHANG.WEI.2026', ['same_as_username']],
    ['Zhang.Wei.2026', 'zhang.wei', []],
    ['Aa1!'.repeat(32), undefined, []],
    ['Aa1!'.repeat(32) + 'x', undefined, ['too_long']],
  ])('%j (user %j) → %j', (pw, user, expected) => {
    expect(reasons(pw, user)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(reasons('😀😀😀😀😀😀Aa1bcd')).toEqual([]);
    expect(reasons('😀😀😀😀😀Aa1bc')).toEqual(['too_short']);
  });

  it('reports the API code and both languages', () => {
    const [f] = checkPassword('short');
    expect(f?.code).toBe('password_weak');
    expect(f?.message.en).toMatch(/^At least 12 characters mixing 3 of: upper, lower, digit, symbol/);
    expect(f?.message.zh).toMatch(/^至少 12 位/);
  });

  it('classifies characters', () => {
    expect([...passwordClasses('aB3 ')].sort()).toEqual(['digit', 'lower', 'symbol', 'upper']);
    expect([...passwordClasses('ÄÖ')]).toEqual(['upper']);
  });

  it('property: 12+ characters with one of each class always pass', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 100 }), (rest) => {
        expect(checkPassword(`Ab1!${rest}`)).toEqual([]);
      }),
    );
  });
});

describe('passwordSchema', () => {
  it('accepts a strong password', () => {
    expect(passwordSchema.parse('Correct-Horse-9')).toBe('Correct-Horse-9');
  });

  it('raises one custom issue per failure with bilingual params', () => {
    const r = passwordSchema.safeParse('abc');
    expect(r.error?.issues.map((i) => (i as { params?: { reason: string } }).params?.reason)).toEqual(['too_short', 'too_few_classes']);
    expect((r.error?.issues[0] as { params?: Record<string, string> }).params).toMatchObject({ code: 'password_weak', zh: expect.any(String), en: expect.any(String) });
  });
});
