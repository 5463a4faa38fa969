import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_RETURN_AUDIT_POLICY } from '../export-returns/eaudit.rules';
import { policyBodySchema } from './policy-kinds';
import { DEFAULT_INVESTIGATION_TYPE_POLICY } from '../investigation-type/investigation-type.policy';
import { allowedPolicyEvents, policyDateConflict, policyTransition } from './policy.machine';

describe('policy version machine', () => {
  it('publishes a draft once', () => {
    expect(policyTransition('draft', 'publish')).toEqual({ ok: true, to: 'published' });
    expect(policyTransition('published', 'publish')).toEqual({ ok: false, from: 'published', event: 'publish' });
    expect(allowedPolicyEvents('draft')).toEqual(['edit', 'publish', 'withdraw']);
    expect(allowedPolicyEvents('published')).toEqual([]);
    expect(allowedPolicyEvents('withdrawn')).toEqual([]);
  });
  it('edits and withdraws drafts only', () => {
    expect(policyTransition('draft', 'edit')).toEqual({ ok: true, to: 'draft' });
    expect(policyTransition('draft', 'withdraw')).toEqual({ ok: true, to: 'withdrawn' });
    for (const s of ['published', 'withdrawn'] as const) {
      for (const e of ['edit', 'withdraw', 'publish'] as const) expect(policyTransition(s, e).ok).toBe(false);
    }
  });
});

describe('effective-date order of versions', () => {
  const v = (id: string, status: string, effectiveFrom: string) => ({ id, status, effectiveFrom });
  const others = [v('a', 'published', '2026-01-01'), v('b', 'draft', '2026-04-01'), v('c', 'withdrawn', '2026-09-01')];
  it.each([
    ['2026-03-01', 'b'], // before a draft
    ['2026-04-01', 'b'], // the same day as a draft
    ['2025-12-31', 'a'], // before a published version
    ['2026-04-02', null], // after every draft and published version; the withdrawn one does not count
  ])('a version taking effect on %s clashes with %s', (date, clash) => {
    expect(policyDateConflict(date, others)?.id ?? null).toBe(clash);
  });
  it('ignores the version being edited', () => {
    expect(policyDateConflict('2026-03-01', others, 'b')).toBeNull();
  });
});

describe('investigations.type body', () => {
  const schema = policyBodySchema('investigations.type');
  const withBand = (lower: number, upper: number) => ({ ...DEFAULT_INVESTIGATION_TYPE_POLICY, writtenBandUsd: { lower, upper } });
  const paths = (body: unknown) => {
    const r = schema.safeParse(body);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };
  it('accepts the default policy and a band in cents', () => {
    expect(paths(DEFAULT_INVESTIGATION_TYPE_POLICY)).toEqual([]);
    expect(paths(withBand(49_999.99, 100_000.01))).toEqual([]);
  });
  it('names the field of a bad band or deadline', () => {
    expect(paths(withBand(100_000, 50_000))).toEqual(['writtenBandUsd.lower']);
    expect(paths(withBand(-1, 50_000))).toEqual(['writtenBandUsd.lower']);
    expect(paths(withBand(0, -5))).toContain('writtenBandUsd.upper');
    expect(paths(withBand(0.001, 5))).toEqual(['writtenBandUsd.lower']);
    expect(paths({ ...DEFAULT_INVESTIGATION_TYPE_POLICY, aboveBand: 'none' })).toEqual(['aboveBand']);
    expect(paths({ ...DEFAULT_INVESTIGATION_TYPE_POLICY, deadlineDays: { ...DEFAULT_INVESTIGATION_TYPE_POLICY.deadlineDays, written: 0 } })).toEqual(['deadlineDays.written']);
    expect(paths({ ...DEFAULT_INVESTIGATION_TYPE_POLICY, questionnaire: { answerDays: 5, reminderDaysBefore: 5 } })).toEqual(['questionnaire.reminderDaysBefore']);
    expect(paths({ ...DEFAULT_INVESTIGATION_TYPE_POLICY, extra: 1 })).toEqual(['']);
  });
});

describe('export_returns.audit body', () => {
  const schema = policyBodySchema('export_returns.audit');
  it('accepts the default policy', () => {
    expect(schema.safeParse(DEFAULT_EXPORT_RETURN_AUDIT_POLICY).success).toBe(true);
  });
  it('refuses unknown and non-switchable rules, naming them', () => {
    for (const id of ['eaudit.nonexistent', 'receipt.import_declaration_withdrawn']) {
      const r = schema.safeParse({ ...DEFAULT_EXPORT_RETURN_AUDIT_POLICY, rules: { [id]: true } });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['rules', id]);
    }
  });
});
