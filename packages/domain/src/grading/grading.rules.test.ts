import { describe, expect, it } from 'vitest';
import { EMPTY_FINDINGS, type Findings } from '../investigations/findings.schema';
import { DEFAULT_GRADING_POLICY, type GradingPolicy } from './grading.policy';
import { judgementsFromFindings } from './grading.judgements';
import { concentrationTest, fmtUsd, GENERAL_RULE, gradeRecord, GRADING_RULES, NO_JUDGEMENTS, type GradingFacts } from './grading.rules';
import { poissonUpperTail } from './grading.stats';

const P: GradingPolicy = {
  ...DEFAULT_GRADING_POLICY,
  sectors: { nationalKey: [], regionalPillar: [{ name: '小家电', hsPrefixes: ['8516'], divisions: ['4406'] }], exportBase: [] },
};
const NONE: GradingFacts = {
  returnId: 'r1', at: 0, valueUsd: 10_000, foreignOfficial: false, prohibitedImport: false, harmCaused: false, safetyHealthEnv: false,
  cumulativeFrequency: { group: { manufacturer: 'M1' }, count: 1 }, cumulativeValue: { group: { manufacturer: 'M1' }, valueUsd: 10_000 },
  streak: null, concentration: [], judgements: NO_JUDGEMENTS,
};
const facts = (over: Partial<GradingFacts>): GradingFacts => ({ ...NONE, ...over });
const ids = (f: GradingFacts, p = P) => gradeRecord(f, p).fired.map((r) => r.id);
const fired = (f: GradingFacts, id: string, p = P) => gradeRecord(f, p).fired.find((r) => r.id === id);
const streak = (length: number) => ({ length, country: 'USA', product: '8516', reason: 'QUA-05' });
const sector = (count: number, baselineCount: number) => [{ kind: 'regionalPillar' as const, sector: '小家电', count, baselineCount }];

describe('rules as data', () => {
  it('every clause of 000 §3.5.3.1 a-i and §3.5.3.2 a-f has a rule, with a bilingual reason', () => {
    const clauses = new Set(GRADING_RULES.map((r) => r.clause));
    for (const c of 'abcdefghi') expect(clauses).toContain(`000 §3.5.3.1 ${c}`);
    for (const c of 'abcdef') expect(clauses).toContain(`000 §3.5.3.2 ${c}`);
    expect(new Set(GRADING_RULES.map((r) => r.id)).size).toBe(GRADING_RULES.length);
    for (const r of GRADING_RULES) {
      expect(r.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.reason.en).not.toBe('');
      expect(r.id.startsWith(r.grade)).toBe(true);
    }
  });

  it('nothing fired → general, explained by 000 §3.5.3.3', () => {
    expect(gradeRecord(NONE, P)).toEqual({ grade: 'general', fired: [GENERAL_RULE] });
    expect(GENERAL_RULE.clause).toBe('000 §3.5.3.3');
  });

  it('lists every rule that fired; high wins over elevated', () => {
    const r = gradeRecord(facts({ foreignOfficial: true, safetyHealthEnv: true, judgements: { ...NO_JUDGEMENTS, untruthfulReason: true } }), P);
    expect(r.grade).toBe('high');
    expect(r.fired.map((x) => x.id)).toEqual(['high.foreign_official', 'elevated.safety_health_env', 'elevated.untruthful_reason']);
    expect(gradeRecord(facts({ safetyHealthEnv: true }), P).grade).toBe('elevated');
  });
});

describe('flag rules (000 §3.5.3.1 a, b, d, h, i; §3.5.3.2 a-f)', () => {
  const J = (over: Partial<typeof NO_JUDGEMENTS>) => ({ judgements: { ...NO_JUDGEMENTS, ...over } });
  it.each<[string, Partial<GradingFacts>, 'high' | 'elevated', 'data' | 'judgement']>([
    ['high.foreign_official', { foreignOfficial: true }, 'high', 'data'],
    ['high.prohibited_import', { prohibitedImport: true }, 'high', 'data'],
    ['high.harm_caused', { harmCaused: true }, 'high', 'data'],
    ['high.reputation_damage', J({ reputationDamage: true }), 'high', 'judgement'],
    ['high.other', J({ otherHigh: '同类产品被多国通报' }), 'high', 'judgement'],
    ['elevated.safety_health_env', { safetyHealthEnv: true }, 'elevated', 'data'],
    ['elevated.qms_risk', J({ qmsSeriousRisk: true }), 'elevated', 'judgement'],
    ['elevated.import_evasion', J({ evadedImportSupervision: true }), 'elevated', 'judgement'],
    ['elevated.declaration_mismatch', J({ declarationMismatch: true }), 'elevated', 'judgement'],
    ['elevated.untruthful_reason', J({ untruthfulReason: true }), 'elevated', 'judgement'],
    ['elevated.other', J({ otherElevated: '证书信息存疑' }), 'elevated', 'judgement'],
  ])('%s fires alone and grades %s', (id, over, grade, input) => {
    const r = gradeRecord(facts(over), P);
    expect(r).toMatchObject({ grade, fired: [{ id, grade, input }] });
    expect(r.fired).toHaveLength(1);
  });

  it('"other" needs a written reason, shown as the detail', () => {
    expect(ids(facts({ judgements: { ...NO_JUDGEMENTS, otherHigh: '  ' } }))).toEqual(['general.default']);
    expect(fired(facts({ judgements: { ...NO_JUDGEMENTS, otherElevated: ' 证书信息存疑 ' } }), 'elevated.other')!.detail).toEqual({ zh: '证书信息存疑', en: '证书信息存疑' });
  });
});

describe('lines at the line and one unit either side', () => {
  it.each<[number | null, boolean]>([[999_999.99, false], [1_000_000, true], [1_000_000.01, true], [null, false]])(
    'single batch USD %s (line USD 1,000,000) → fires %s', (value, fires) => {
      expect(ids(facts({ valueUsd: value })).includes('high.single_batch_value')).toBe(fires);
    });

  it('single batch explains the figures', () => {
    expect(fired(facts({ valueUsd: 1_200_000 }), 'high.single_batch_value')!.detail).toEqual({
      zh: '单批货值 USD 1,200,000.00 ≥ 预警线 USD 1,000,000.00', en: 'batch value USD 1,200,000.00 ≥ line USD 1,000,000.00',
    });
  });

  it.each<[number, boolean]>([[9, false], [10, true], [11, true]])('cumulative frequency %s (line 10) → fires %s', (count, fires) => {
    expect(ids(facts({ cumulativeFrequency: { group: { manufacturer: 'M1' }, count } })).includes('high.cumulative_frequency')).toBe(fires);
  });

  it.each<[number, boolean]>([[999_999.99, false], [1_000_000, true], [1_000_000.01, true]])('cumulative value USD %s (line USD 1M) → fires %s', (v, fires) => {
    expect(ids(facts({ cumulativeValue: { group: { manufacturer: 'M1' }, valueUsd: v } })).includes('high.cumulative_value')).toBe(fires);
  });

  it('cumulative rules name the group, the window and the line', () => {
    const p: GradingPolicy = { ...P, cumulativeValue: { lineUsd: 1_000_000, windowDays: 90, grouping: ['manufacturer', 'hsHeading'] } };
    const f = facts({ cumulativeValue: { group: { manufacturer: 'M1', hsHeading: '8516' }, valueUsd: 1_200_000 } });
    expect(fired(f, 'high.cumulative_value', p)!.detail).toEqual({
      zh: '生产企业 M1、品目 8516 90 天内累计退运货值 USD 1,200,000.00 ≥ 预警线 USD 1,000,000.00',
      en: 'manufacturer M1 × HS heading 8516: cumulative value USD 1,200,000.00 in 90 days ≥ line USD 1,000,000.00',
    });
    expect(fired(facts({ cumulativeFrequency: { group: { manufacturer: 'M1' }, count: 12 } }), 'high.cumulative_frequency')!.detail!.en)
      .toBe('manufacturer M1: 12 returns in 90 days ≥ line 10');
  });

  it.each<[number, boolean]>([[4, false], [5, true], [6, true]])('technical-barrier streak of %s (length 5) → fires %s', (n, fires) => {
    expect(ids(facts({ streak: streak(n) })).includes('high.technical_barrier_streak')).toBe(fires);
  });

  it('the streak length follows the policy and is explained', () => {
    const p: GradingPolicy = { ...P, streak: { length: 2, sameProduct: 'hsHeading' } };
    expect(ids(facts({ streak: streak(1) }), p)).not.toContain('high.technical_barrier_streak');
    expect(fired(facts({ streak: streak(2) }), 'high.technical_barrier_streak', p)!.detail!.en)
      .toBe('2 consecutive returns of product 8516 from USA for technical-barrier reason QUA-05 ≥ 2');
  });
});

describe('sudden concentration (000 §3.5.3.1 f)', () => {
  // Defaults: 30-day window, 6 baseline windows, minCount 5, alpha 0.01, minimum rate 0.5 per window.
  it('a count far above the sector\'s own baseline fires; the same count over a busy baseline does not', () => {
    expect(ids(facts({ concentration: sector(8, 6) }))).toContain('high.sudden_concentration'); // rate 1, P(X≥8) ≈ 1e-5
    expect(ids(facts({ concentration: sector(8, 42) }))).not.toContain('high.sudden_concentration'); // rate 7, P(X≥8) ≈ 0.4
  });

  it('at the minimum count and one either side (no baseline: rate 0.5)', () => {
    expect(ids(facts({ concentration: sector(4, 0) }))).not.toContain('high.sudden_concentration');
    expect(ids(facts({ concentration: sector(5, 0) }))).toContain('high.sudden_concentration');
    expect(ids(facts({ concentration: sector(6, 0) }))).toContain('high.sudden_concentration');
  });

  it('at alpha: the count where the tail first drops to 0.01 and one below', () => {
    // rate 2 (12 returns in 6 windows): P(X≥6) = 0.0166 > 0.01, P(X≥7) = 0.00453 ≤ 0.01
    expect(poissonUpperTail(6, 2)).toBeGreaterThan(0.01);
    expect(poissonUpperTail(7, 2)).toBeLessThanOrEqual(0.01);
    expect(ids(facts({ concentration: sector(6, 12) }))).not.toContain('high.sudden_concentration');
    expect(ids(facts({ concentration: sector(7, 12) }))).toContain('high.sudden_concentration');
    expect(concentrationTest(sector(7, 12)[0]!, P)).toMatchObject({ rate: 2, sudden: true });
  });

  it('explains the count, the baseline and the probability', () => {
    expect(fired(facts({ concentration: sector(7, 12) }), 'high.sudden_concentration')!.detail!.en)
      .toBe('regional pillar industry "小家电": 7 quality returns in 30 days vs baseline 2.00 per 30 days, Poisson tail 0.0045 ≤ 0.01');
  });
});

describe('Poisson tail', () => {
  it.each<[number, number, number]>([[0, 3, 1], [1, 2, 1 - Math.exp(-2)], [5, 0.5, 1.7211562995584e-4], [3, 1, 0.0803013970713942]])(
    'P(X ≥ %s | λ=%s) = %s', (n, l, expected) => {
      expect(poissonUpperTail(n, l)).toBeCloseTo(expected, 12);
    });
  it('stays finite for large rates', () => {
    expect(poissonUpperTail(900, 1000)).toBeGreaterThan(0.99);
    expect(poissonUpperTail(1200, 1000)).toBeLessThan(1e-8);
    expect(poissonUpperTail(1200, 1000)).toBeGreaterThan(0);
  });
});

describe('judgements from investigation findings', () => {
  const F = (mut: (f: Findings) => void): Findings => {
    const f = structuredClone(EMPTY_FINDINGS);
    mut(f);
    return f;
  };
  it('empty findings judge nothing', () => {
    expect(judgementsFromFindings(EMPTY_FINDINGS)).toEqual(NO_JUDGEMENTS);
  });
  it.each<[string, (f: Findings) => void, keyof typeof NO_JUDGEMENTS]>([
    ['QMS judged incomplete', (f) => { f.qualitySystem.judgement = 'incomplete'; }, 'qmsSeriousRisk'],
    ['no QMS at all', (f) => { f.qualitySystem.qms.status = 'absent'; }, 'qmsSeriousRisk'],
    ['a deficient QMS that caused the return', (f) => { f.qualitySystem.qms.status = 'deficient'; f.qualitySystem.causedReturn = true; }, 'qmsSeriousRisk'],
    ['return mode used to evade import', (f) => { f.integrity.usedReturnModeToEvadeImport.found = true; }, 'evadedImportSupervision'],
    ['evaded export supervision', (f) => { f.integrity.evadedExportSupervision.found = true; }, 'declarationMismatch'],
    ['product differs from the certified one', (f) => { f.integrity.productDiffersFromCertified.found = true; }, 'declarationMismatch'],
    ['misstated return reason', (f) => { f.integrity.misstatedReturnReason.found = true; }, 'untruthfulReason'],
  ])('%s → %s', (_n, mut, key) => {
    const j = judgementsFromFindings(F(mut));
    expect(j[key]).toBe(true);
    expect(Object.entries(j).filter(([, v]) => v === true).map(([k]) => k)).toEqual([key]);
  });
  it('a deficient QMS that did not cause the return is not a serious risk', () => {
    expect(judgementsFromFindings(F((f) => { f.qualitySystem.qms.status = 'deficient'; f.qualitySystem.causedReturn = false; })).qmsSeriousRisk).toBe(false);
  });
  it('the warning office states reputation damage and "other"', () => {
    expect(judgementsFromFindings(EMPTY_FINDINGS, { reputationDamage: true, otherHigh: 'x' })).toMatchObject({ reputationDamage: true, otherHigh: 'x', otherElevated: null });
  });
});

describe('fmtUsd', () => {
  it.each<[number, string]>([[0, 'USD 0.00'], [999.5, 'USD 999.50'], [1234567.891, 'USD 1,234,567.89'], [-12.3, 'USD -12.30']])('%s → %s', (n, s) => {
    expect(fmtUsd(n)).toBe(s);
  });
});
