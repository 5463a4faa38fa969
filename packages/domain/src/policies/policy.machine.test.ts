import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_RETURN_AUDIT_POLICY } from '../export-returns/eaudit.rules';
import { policyBodySchema } from './policy-kinds';
import { allowedPolicyEvents, policyTransition } from './policy.machine';

describe('policy version machine', () => {
  it('publishes a draft once', () => {
    expect(policyTransition('draft', 'publish')).toEqual({ ok: true, to: 'published' });
    expect(policyTransition('published', 'publish')).toEqual({ ok: false, from: 'published', event: 'publish' });
    expect(allowedPolicyEvents('draft')).toEqual(['publish']);
    expect(allowedPolicyEvents('published')).toEqual([]);
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
