/**
 * Password policy: 12 to 128 characters (code points), at least 3 of the 4 classes upper-case, lower-case,
 * digit and symbol (anything else, including spaces and non-Latin characters), and not the user name.
 */
import { z } from 'zod';
import type { BilingualText } from '../i18n/bilingual';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordClass = 'upper' | 'lower' | 'digit' | 'symbol';

/**
 * One broken rule. `code` is what the API reports (`password_weak` for length and mix, as in docs/API.md);
 * `reason` tells the rules apart.
 */
export interface PasswordFailure {
  code: 'password_weak' | 'password_too_long' | 'password_same_as_username';
  reason: 'too_short' | 'too_few_classes' | 'too_long' | 'same_as_username';
  message: BilingualText;
}

const POLICY: BilingualText = {
  en: `At least ${PASSWORD_MIN_LENGTH} characters mixing ${PASSWORD_MIN_CLASSES} of: upper, lower, digit, symbol`,
  zh: `至少 ${PASSWORD_MIN_LENGTH} 位，并包含大写字母、小写字母、数字、符号中的 ${PASSWORD_MIN_CLASSES} 类`,
};
export const PASSWORD_POLICY_TEXT: Readonly<BilingualText> = Object.freeze({ ...POLICY });

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;

/** The character classes present in `pw`. */
export function passwordClasses(pw: string): Set<PasswordClass> {
  const found = new Set<PasswordClass>();
  for (const ch of pw) {
    if (UPPER.test(ch)) found.add('upper');
    else if (LOWER.test(ch)) found.add('lower');
    else if (DIGIT.test(ch)) found.add('digit');
    else found.add('symbol');
    if (found.size === 4) break;
  }
  return found;
}

/** Every rule `pw` breaks (empty when it is acceptable). */
export function checkPassword(pw: string, username?: string): PasswordFailure[] {
  let length = 0;
  for (const _ of pw) if (++length > PASSWORD_MAX_LENGTH) break;
  if (length > PASSWORD_MAX_LENGTH) {
    // nothing else matters, and an oversized input is not scanned any further
    return [{
      code: 'password_too_long', reason: 'too_long',
      message: { en: `At most ${PASSWORD_MAX_LENGTH} characters`, zh: `最多 ${PASSWORD_MAX_LENGTH} 位` },
    }];
  }
  const failures: PasswordFailure[] = [];
  const classes = passwordClasses(pw).size;
  if (length < PASSWORD_MIN_LENGTH) {
    failures.push({
      code: 'password_weak', reason: 'too_short',
      message: { en: `${POLICY.en} (this one has ${length})`, zh: `${POLICY.zh}（当前为 ${length} 位）` },
    });
  }
  if (classes < PASSWORD_MIN_CLASSES) {
    failures.push({
      code: 'password_weak', reason: 'too_few_classes',
      message: { en: `${POLICY.en} (this one mixes ${classes})`, zh: `${POLICY.zh}（当前仅包含 ${classes} 类）` },
    });
  }
  if (username && pw.toLowerCase() === username.trim().toLowerCase()) {
    failures.push({
      code: 'password_same_as_username', reason: 'same_as_username',
      message: { en: 'The password must not be the user name', zh: '密码不能与用户名相同' },
    });
  }
  return failures;
}

/** Raises one custom issue per broken rule, with `params: { code, reason, en, zh }`. */
export const passwordSchema = z
  .string()
  .superRefine((pw, ctx) => {
    for (const f of checkPassword(pw)) {
      ctx.addIssue({ code: 'custom', message: f.message.en, params: { code: f.code, reason: f.reason, en: f.message.en, zh: f.message.zh } });
    }
  })
  .meta({ description: `Password: ${POLICY.en} (${POLICY.zh}); at most ${PASSWORD_MAX_LENGTH} characters`, minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
