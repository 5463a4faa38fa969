import { describe, expect, it } from 'vitest';
import { localizeIssues } from '../i18n/problem-messages';
import { policyBodySchema } from '../policies/policy-kinds';
import { DEFAULT_GRADING_POLICY, GRADING_POLICY_KIND, gradingPolicySchema, productOf } from './grading.policy';

const P = DEFAULT_GRADING_POLICY;
const sector = { name: '小家电', hsPrefixes: ['8516'], divisions: ['4403'] };
const errors = (body: unknown) => {
  const r = gradingPolicySchema.safeParse(body);
  expect(r.success).toBe(false);
  return localizeIssues(r.error!.issues);
};

describe('grading policy (risk.grading)', () => {
  it('accepts the defaults and is registered as a policy kind', () => {
    expect(gradingPolicySchema.parse(P)).toEqual(P);
    expect(policyBodySchema(GRADING_POLICY_KIND).safeParse(P).success).toBe(true);
    expect(P.streak).toEqual({ length: 5, sameProduct: 'hsHeading' });
  });

  it('accepts sectors and composite groupings', () => {
    const body = {
      ...P,
      cumulativeFrequency: { line: 3, windowDays: 30, grouping: ['manufacturer', 'hsHeading'] },
      sectors: { nationalKey: [{ name: '电子', hsPrefixes: ['85'] }], regionalPillar: [sector], exportBase: [] },
    };
    const parsed = gradingPolicySchema.parse(body);
    expect(parsed.sectors.nationalKey[0]!.divisions).toEqual([]);
    expect(parsed.cumulativeFrequency.grouping).toEqual(['manufacturer', 'hsHeading']);
  });

  it.each<[string, unknown, string, string]>([
    ['a negative single-batch line', { ...P, singleBatchValueLineUsd: -1 }, 'singleBatchValueLineUsd', 'too_small'],
    ['a negative cumulative value line', { ...P, cumulativeValue: { ...P.cumulativeValue, lineUsd: -0.01 } }, 'cumulativeValue.lineUsd', 'too_small'],
    ['a frequency line of 0', { ...P, cumulativeFrequency: { ...P.cumulativeFrequency, line: 0 } }, 'cumulativeFrequency.line', 'too_small'],
    ['a frequency window of 0 days', { ...P, cumulativeFrequency: { ...P.cumulativeFrequency, windowDays: 0 } }, 'cumulativeFrequency.windowDays', 'too_small'],
    ['a value window of 0 days', { ...P, cumulativeValue: { ...P.cumulativeValue, windowDays: 0 } }, 'cumulativeValue.windowDays', 'too_small'],
    ['a streak below 2', { ...P, streak: { ...P.streak, length: 1 } }, 'streak.length', 'too_small'],
    ['a duplicated grouping dimension', { ...P, cumulativeValue: { ...P.cumulativeValue, grouping: ['country', 'country'] } }, 'cumulativeValue.grouping', 'grouping'],
    ['an unknown grouping', { ...P, cumulativeValue: { ...P.cumulativeValue, grouping: 'exporter' } }, 'cumulativeValue.grouping', 'grouping'],
    ['an empty grouping', { ...P, cumulativeFrequency: { ...P.cumulativeFrequency, grouping: [] } }, 'cumulativeFrequency.grouping', 'grouping'],
    ['an HS prefix with letters', { ...P, sectors: { ...P.sectors, exportBase: [{ ...sector, hsPrefixes: ['85A6'] }] } }, 'sectors.exportBase.0.hsPrefixes.0', 'hs_prefix'],
    ['an HS prefix of odd length', { ...P, sectors: { ...P.sectors, exportBase: [{ ...sector, hsPrefixes: ['851'] }] } }, 'sectors.exportBase.0.hsPrefixes.0', 'hs_prefix'],
    ['an HS prefix of 12 digits', { ...P, sectors: { ...P.sectors, exportBase: [{ ...sector, hsPrefixes: ['851610000000'] }] } }, 'sectors.exportBase.0.hsPrefixes.0', 'hs_prefix'],
    ['a division that is not digits', { ...P, sectors: { ...P.sectors, regionalPillar: [{ ...sector, divisions: ['44x3'] }] } }, 'sectors.regionalPillar.0.divisions.0', 'division_prefix'],
    ['a sector without HS prefixes', { ...P, sectors: { ...P.sectors, nationalKey: [{ name: 'x', hsPrefixes: [] }] } }, 'sectors.nationalKey.0.hsPrefixes', 'too_small'],
    ['an alpha of 0', { ...P, concentration: { ...P.concentration, alpha: 0 } }, 'concentration.alpha', 'too_small'],
    ['an unknown field', { ...P, extra: 1 }, 'extra', 'unrecognized_keys'],
  ])('refuses %s, naming the field in both languages', (_name, body, field, code) => {
    const errs = errors(body);
    const e = errs.find((x) => x.field === field);
    expect(e, JSON.stringify(errs)).toBeDefined();
    expect(e!.code).toBe(code);
    expect(e!.message).not.toBe('');
    expect(e!.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('HS prefix and division errors carry the written bilingual message', () => {
    const [hs] = errors({ ...P, sectors: { ...P.sectors, exportBase: [{ ...sector, hsPrefixes: ['85.16'] }] } });
    expect(hs).toMatchObject({ code: 'hs_prefix', message: 'An HS prefix is 2, 4, 6, 8 or 10 digits', messageZh: 'HS 编码前缀须为 2、4、6、8 或 10 位数字' });
  });

  it('"same product" cuts the HS code', () => {
    expect(productOf('8516100000', 'hsChapter')).toBe('85');
    expect(productOf('8516100000', 'hsHeading')).toBe('8516');
    expect(productOf('8516100000', 'hsSubheading')).toBe('851610');
    expect(productOf('8516100000', 'hsCode')).toBe('8516100000');
  });
});
