import type { z } from 'zod';
import { customsDeclarationHeaderShape, customsDeclarationLineSchema } from './declaration.schema';

type FieldResult = { ok: true; value: unknown } | { ok: false; issues: readonly z.core.$ZodIssue[] };
const FIELD_SCHEMAS: Record<string, z.ZodType> = { ...customsDeclarationHeaderShape, ...customsDeclarationLineSchema.shape };
/** Distinct values remembered per column; codes, names and dates repeat across a feed, amounts mostly do not. */
const MEMO_LIMIT = 20_000;

/**
 * Validates the cells of a row field by field with the declaration schema's own field schemas, remembering the
 * result per column and value: a feed repeats the same parties, codes and goods on thousands of rows, so each
 * distinct value is checked once. Object-level rules (the direction of the entry id) are applied by the caller.
 */
export class FeedFieldValidator {
  private readonly memo = new Map<string, Map<unknown, FieldResult>>();

  check(key: string, value: unknown): FieldResult {
    let m = this.memo.get(key);
    if (!m) this.memo.set(key, (m = new Map()));
    const hit = m.get(value);
    if (hit) return hit;
    const r = FIELD_SCHEMAS[key]!.safeParse(value);
    const out: FieldResult = r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues };
    if (m.size < MEMO_LIMIT) m.set(value, out);
    return out;
  }

  /** Every field of `keys`, as an object, or the issues with paths starting at the field. */
  object(keys: readonly string[], cells: Record<string, unknown>): { ok: true; value: Record<string, unknown> } | { ok: false; issues: z.core.$ZodIssue[] } {
    const value: Record<string, unknown> = {};
    const issues: z.core.$ZodIssue[] = [];
    for (const k of keys) {
      const r = this.check(k, cells[k]);
      if (r.ok) {
        if (r.value !== undefined) value[k] = r.value;
      } else for (const i of r.issues) issues.push({ ...i, path: [k, ...i.path] });
    }
    return issues.length ? { ok: false, issues } : { ok: true, value };
  }
}

export const FEED_HEADER_KEYS = Object.keys(customsDeclarationHeaderShape);
export const FEED_LINE_KEYS = Object.keys(customsDeclarationLineSchema.shape);
