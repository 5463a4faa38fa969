import { z } from 'zod';
import type { BilingualText } from '../i18n/bilingual';

/** Outcome of a code validator: `code` is a stable machine code, `message` the bilingual explanation. */
export interface CodeFailure {
  ok: false;
  code: string;
  message: BilingualText;
}
export type CodeCheck = { ok: true } | CodeFailure;

export const CODE_OK: CodeCheck = Object.freeze({ ok: true as const });

export const codeFailure = (code: string, en: string, zh: string): CodeFailure => ({ ok: false, code, message: { en, zh } });

/** Params carried by every custom zod issue this package raises; `localizeIssue` renders them. */
export interface BilingualIssueParams {
  code: string;
  en: string;
  zh: string;
}

export const issueParams = (f: CodeFailure): BilingualIssueParams => ({ code: f.code, en: f.message.en, zh: f.message.zh });

/** Documentation copied into the JSON Schema / OpenAPI output; it does not take part in validation. */
export type CodeSchemaDoc = {
  description: string;
  examples?: string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
};

/**
 * A string schema whose only check is `check`; its failure becomes one `custom` issue with
 * `params: { code, en, zh }`, so the server can show both languages.
 */
export function codeSchema(check: (s: string) => CodeCheck, doc: CodeSchemaDoc) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const r = check(value);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message.en, params: issueParams(r) });
    })
    .meta(doc);
}

/** True when every character of `s` is an ASCII digit. */
export function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The first character of `s` that is not an ASCII digit, or undefined. */
export function firstNonDigit(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return String.fromCodePoint(s.codePointAt(i)!);
  }
  return undefined;
}

/** Length in Unicode code points, so that a Chinese character or an emoji counts as one. */
export const codePointLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
