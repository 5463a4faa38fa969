import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVESTIGATION_TYPES, investigationTypeOverrideSchema, type InvestigationType } from '../risk-info/risk-info.schema';
import { DEFAULT_INVESTIGATION_TYPE_POLICY, type InvestigationTypePolicy } from './investigation-type.policy';
import {
  decideInvestigationType, FILING_ONLY_RULE, INVESTIGATION_TYPE_RULES,
  type InvestigationTypeDecision, type InvestigationTypeFacts,
} from './investigation-type.rules';

const NONE: InvestigationTypeFacts = {
  catalogueHsCodes: [], inspectedAtExport: false, foreignOfficial: false, technicalBarrier: false, safetyHealthEnv: false,
  complaintOrMedia: false, warningInForce: false, higherRiskAssessed: false, overseasProjectEquipment: false, batchValueUsd: null,
};
const P = DEFAULT_INVESTIGATION_TYPE_POLICY;
const facts = (over: Partial<InvestigationTypeFacts>): InvestigationTypeFacts => ({ ...NONE, ...over });
const policy = (over: Partial<InvestigationTypePolicy>): InvestigationTypePolicy => ({ ...P, ...over });
const firedIds = (d: InvestigationTypeDecision) => d.fired.map((r) => r.id);
const counted = (d: InvestigationTypeDecision) => d.fired.filter((r) => !r.suppressed).map((r) => r.id);

describe('000 §3.3.1 on-site criteria, each on its own', () => {
  it.each<[string, Partial<InvestigationTypeFacts>, string]>([
    ['goods in the legal-inspection catalogue', { catalogueHsCodes: ['8517629900'] }, 'onsite.legal_inspection'],
    ['inspected at export although outside the catalogue', { inspectedAtExport: true }, 'onsite.inspected_at_export'],
    ['forced return by a foreign official body', { foreignOfficial: true }, 'onsite.foreign_official'],
    ['a technical-barrier reason', { technicalBarrier: true }, 'onsite.technical_barrier'],
    ['a safety, health or environment reason', { safetyHealthEnv: true }, 'onsite.safety_health_env'],
    ['a complaint, report or media publication', { complaintOrMedia: true }, 'onsite.complaint_or_media'],
    ['a warning notice still in force', { warningInForce: true }, 'onsite.warning_in_force'],
    ['a higher assessed risk (policy on)', { higherRiskAssessed: true }, 'onsite.higher_risk'],
  ])('%s → on-site', (_name, over, rule) => {
    for (const value of [null, 1_000, 75_000, 500_000]) {
      const d = decideInvestigationType(facts({ ...over, batchValueUsd: value }), P);
      expect(d.type).toBe('on_site');
      expect(d.decidedBy).toBe(rule);
      const fired = d.fired.find((r) => r.id === rule)!;
      expect(fired).toMatchObject({ outcome: 'on_site', suppressed: false });
      expect(fired.clause).toContain('000 §3.3.1');
      expect(fired.reason.zh).not.toBe('');
      expect(fired.reason.en).not.toBe('');
    }
  });

  it('names the catalogue HS codes in the explanation', () => {
    const d = decideInvestigationType(facts({ catalogueHsCodes: ['8517629900', '8471300000'] }), P);
    expect(d.fired[0]!.detail).toEqual({ zh: '商品编码 8517629900、8471300000', en: 'HS 8517629900, 8471300000' });
  });

  it('lists every rule that fired, not only the deciding one', () => {
    const d = decideInvestigationType(facts({ foreignOfficial: true, complaintOrMedia: true, warningInForce: true, batchValueUsd: 60_000 }), P);
    expect(d.type).toBe('on_site');
    expect(firedIds(d)).toEqual(['onsite.foreign_official', 'onsite.complaint_or_media', 'onsite.warning_in_force', 'written.value_band']);
  });

  it('a higher assessed risk counts only when the policy says so', () => {
    const off = policy({ higherRiskOnSite: false });
    expect(decideInvestigationType(facts({ higherRiskAssessed: true }), off)).toMatchObject({ type: 'filing_only', decidedBy: FILING_ONLY_RULE.id });
    expect(firedIds(decideInvestigationType(facts({ higherRiskAssessed: true }), off))).not.toContain('onsite.higher_risk');
    expect(decideInvestigationType(facts({ higherRiskAssessed: true, batchValueUsd: 80_000 }), off)).toMatchObject({ type: 'written', decidedBy: 'written.value_band' });
    expect(decideInvestigationType(facts({ higherRiskAssessed: false }), P).type).toBe('filing_only');
  });

  it('nothing at all → filing only, explained by its own rule (000 §3.4.3)', () => {
    const d = decideInvestigationType(NONE, P);
    expect(d).toMatchObject({ type: 'filing_only', decidedBy: 'filing.default', valueUnknown: true });
    expect(d.fired).toEqual([expect.objectContaining({ id: 'filing.default', clause: '000 §3.4.3 (备案调查)', outcome: 'filing_only', suppressed: false })]);
  });
});

describe('000 §3.3.2 written band (default USD 50,000-100,000, both inclusive)', () => {
  it.each<[number | null, InvestigationType, string]>([
    [0, 'filing_only', 'filing.default'],
    [49_999.99, 'filing_only', 'filing.default'],
    [50_000, 'written', 'written.value_band'],
    [75_000.5, 'written', 'written.value_band'],
    [100_000, 'written', 'written.value_band'],
    [100_000.01, 'on_site', 'policy.above_band'],
    [null, 'filing_only', 'filing.default'],
  ])('USD %s → %s', (value, type, rule) => {
    const d = decideInvestigationType(facts({ batchValueUsd: value }), P);
    expect(d).toMatchObject({ type, decidedBy: rule, valueUnknown: value === null });
  });

  it('explains the band with the figures', () => {
    const d = decideInvestigationType(facts({ batchValueUsd: 50_000 }), P);
    expect(d.fired[0]).toMatchObject({ id: 'written.value_band', clause: '000 §3.3.2' });
    expect(d.fired[0]!.detail!.en).toBe('batch USD 50,000.00 within USD 50,000.00–USD 100,000.00');
    const above = decideInvestigationType(facts({ batchValueUsd: 100_000.01 }), P);
    expect(above.fired[0]!.detail!.zh).toBe('单批金额 USD 100,000.01 > 上限 USD 100,000.00');
  });

  it('does not apply with a safety, health or environment reason (that one goes on-site)', () => {
    const d = decideInvestigationType(facts({ safetyHealthEnv: true, batchValueUsd: 60_000 }), P);
    expect(d.type).toBe('on_site');
    expect(firedIds(d)).not.toContain('written.value_band');
  });

  it('follows the band of the policy', () => {
    const p = policy({ writtenBandUsd: { lower: 20_000, upper: 40_000 } });
    expect(decideInvestigationType(facts({ batchValueUsd: 20_000 }), p).type).toBe('written');
    expect(decideInvestigationType(facts({ batchValueUsd: 19_999.99 }), p).type).toBe('filing_only');
    expect(decideInvestigationType(facts({ batchValueUsd: 50_000 }), p).decidedBy).toBe('policy.above_band');
  });

  it.each(INVESTIGATION_TYPES)('above the band with no other factor, the policy\'s choice applies: %s', (choice) => {
    const d = decideInvestigationType(facts({ batchValueUsd: 250_000 }), policy({ aboveBand: choice }));
    expect(d).toMatchObject({ type: choice, decidedBy: 'policy.above_band' });
    expect(d.fired.find((r) => r.id === 'policy.above_band')).toMatchObject({ outcome: choice, suppressed: false });
    // an on-site factor still wins over a lower above-band choice
    expect(decideInvestigationType(facts({ batchValueUsd: 250_000, warningInForce: true }), policy({ aboveBand: choice })).type).toBe('on_site');
  });
});

describe('contracted-project exclusion (000 §3.3.1, §3.3.2)', () => {
  it('suppresses every on-site rule and names itself as the decider', () => {
    const d = decideInvestigationType(facts({
      overseasProjectEquipment: true, catalogueHsCodes: ['8429'], inspectedAtExport: true, foreignOfficial: true, technicalBarrier: true,
      safetyHealthEnv: true, complaintOrMedia: true, warningInForce: true, higherRiskAssessed: true,
    }), P);
    expect(d).toMatchObject({ type: 'filing_only', decidedBy: 'exclude.overseas_project' });
    expect(d.fired.filter((r) => r.outcome === 'on_site').every((r) => r.suppressed)).toBe(true);
    expect(d.fired.filter((r) => r.outcome === 'on_site')).toHaveLength(8);
    expect(d.fired[0]).toMatchObject({ id: 'exclude.overseas_project', outcome: 'exclude', suppressed: false });
  });

  it('suppresses the written band as well', () => {
    const d = decideInvestigationType(facts({ overseasProjectEquipment: true, batchValueUsd: 60_000 }), P);
    expect(d).toMatchObject({ type: 'filing_only', decidedBy: 'exclude.overseas_project' });
    expect(d.fired.find((r) => r.id === 'written.value_band')).toMatchObject({ suppressed: true });
    expect(counted(d)).toEqual(['exclude.overseas_project', 'filing.default']);
  });

  it.each<[InvestigationType, string]>([['on_site', 'exclude.overseas_project'], ['written', 'exclude.overseas_project'], ['filing_only', 'policy.above_band']])(
    'above the band with the policy choosing %s → filing only (decided by %s)', (choice, by) => {
      const d = decideInvestigationType(facts({ overseasProjectEquipment: true, batchValueUsd: 300_000 }), policy({ aboveBand: choice }));
      expect(d).toMatchObject({ type: 'filing_only', decidedBy: by });
    });
});

describe('overrides', () => {
  // The rules never see an override: an officer's choice is stored beside the rule decision by the server
  // (POST /risk-info/:id/type-override). What the domain owns is that an override cannot come without a reason.
  it.each<[string | undefined, string]>([['', 'empty'], ['   ', 'blank'], [undefined, 'missing']])('refuses an override whose reason is %j (%s)', (reason) => {
    const r = investigationTypeOverrideSchema.safeParse({ type: 'on_site', ...(reason === undefined ? {} : { reason }) });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
  });
  it('accepts an override with a reason, for every type', () => {
    for (const type of INVESTIGATION_TYPES) {
      expect(investigationTypeOverrideSchema.parse({ type, reason: ' 企业近三年多次退运，需现场核查 ' })).toEqual({ type, reason: '企业近三年多次退运，需现场核查' });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// properties

const usd = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100),
  fc.constantFrom(49_999.99, 50_000, 100_000, 100_000.01),
);
const factsArb: fc.Arbitrary<InvestigationTypeFacts> = fc.record({
  catalogueHsCodes: fc.array(fc.stringMatching(/^\d{10}$/), { maxLength: 3 }),
  inspectedAtExport: fc.boolean(), foreignOfficial: fc.boolean(), technicalBarrier: fc.boolean(), safetyHealthEnv: fc.boolean(),
  complaintOrMedia: fc.boolean(), warningInForce: fc.boolean(), higherRiskAssessed: fc.boolean(), overseasProjectEquipment: fc.boolean(),
  batchValueUsd: usd,
});
const policyArb: fc.Arbitrary<InvestigationTypePolicy> = fc.record({
  lower: fc.integer({ min: 0, max: 20_000_000 }), span: fc.integer({ min: 0, max: 20_000_000 }),
  aboveBand: fc.constantFrom(...INVESTIGATION_TYPES), higherRiskOnSite: fc.boolean(),
}).map(({ lower, span, aboveBand, higherRiskOnSite }) => ({
  ...P, writtenBandUsd: { lower: lower / 100, upper: (lower + span) / 100 }, aboveBand, higherRiskOnSite,
}));
/** The on-site factors of 000 §3.3.1 as fact updates. */
const ON_SITE_FACTORS: readonly Partial<InvestigationTypeFacts>[] = [
  { catalogueHsCodes: ['9503008900'] }, { inspectedAtExport: true }, { foreignOfficial: true }, { technicalBarrier: true },
  { safetyHealthEnv: true }, { complaintOrMedia: true }, { warningInForce: true }, { higherRiskAssessed: true },
];
const RANK: Record<InvestigationType, number> = { filing_only: 1, written: 2, on_site: 3 };
const RULE_IDS = new Set([...INVESTIGATION_TYPE_RULES.map((r) => r.id), FILING_ONLY_RULE.id]);

describe('properties', () => {
  it('the decision is always exactly one type, and always explained', () => {
    fc.assert(fc.property(factsArb, policyArb, (f, p) => {
      const d = decideInvestigationType(f, p);
      expect(INVESTIGATION_TYPES).toContain(d.type);
      expect(d.fired.length).toBeGreaterThan(0);
      expect(d.fired.every((r) => RULE_IDS.has(r.id) && r.clause.startsWith('000 §') && r.reason.zh && r.reason.en)).toBe(true);
      expect(new Set(firedIds(d)).size).toBe(d.fired.length);
      const decider = d.fired.find((r) => r.id === d.decidedBy);
      expect(decider, d.decidedBy).toBeDefined();
      expect(decider!.suppressed).toBe(false);
      if (d.decidedBy === 'exclude.overseas_project') expect(d.type).toBe('filing_only');
      else expect(decider!.outcome).toBe(d.type);
      // the decider is the strongest rule that counts
      for (const r of d.fired) if (!r.suppressed && r.outcome !== 'exclude') expect(RANK[r.outcome as InvestigationType]).toBeLessThanOrEqual(RANK[d.type]);
      expect(d.valueUnknown).toBe(f.batchValueUsd === null);
    }), { numRuns: 500 });
  });

  it('the exclusion never lets on-site or written through', () => {
    fc.assert(fc.property(factsArb, policyArb, (f, p) => {
      const d = decideInvestigationType({ ...f, overseasProjectEquipment: true }, p);
      expect(d.type).toBe('filing_only');
      expect(d.fired.filter((r) => r.outcome === 'on_site' || r.outcome === 'written').every((r) => r.suppressed)).toBe(true);
    }), { numRuns: 300 });
  });

  it('adding an on-site factor never lowers the type (and reaches on-site) unless excluded', () => {
    fc.assert(fc.property(factsArb, policyArb, fc.constantFrom(...ON_SITE_FACTORS), (f, p, extra) => {
      const before = decideInvestigationType(f, p);
      const after = decideInvestigationType({ ...f, ...extra }, p);
      expect(RANK[after.type]).toBeGreaterThanOrEqual(RANK[before.type]);
      const counts = !('higherRiskAssessed' in extra) || p.higherRiskOnSite;
      if (!f.overseasProjectEquipment && counts) expect(after.type).toBe('on_site');
      if (f.overseasProjectEquipment) expect(after.type).toBe('filing_only');
    }), { numRuns: 500 });
  });

  it('a higher value never lowers the type when the policy sends above-band batches at least to written', () => {
    fc.assert(fc.property(factsArb, policyArb, fc.integer({ min: 1, max: 50_000_000 }), (f, p, cents) => {
      fc.pre(f.batchValueUsd !== null && p.aboveBand !== 'filing_only');
      const lower = decideInvestigationType(f, p);
      const higher = decideInvestigationType({ ...f, batchValueUsd: f.batchValueUsd! + cents / 100 }, p);
      expect(RANK[higher.type]).toBeGreaterThanOrEqual(RANK[lower.type]);
    }), { numRuns: 300 });
  });

  it('is pure: the same facts and policy give the same decision', () => {
    fc.assert(fc.property(factsArb, policyArb, (f, p) => {
      expect(decideInvestigationType(f, p)).toEqual(decideInvestigationType(structuredClone(f), structuredClone(p)));
    }), { numRuns: 100 });
  });
});
