import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADING_POLICY, GROUP_DIMENSIONS, groupingDimensions, productOf, SECTOR_KINDS, type GradingPolicy, type GroupDimension } from './grading.policy';
import {
  addReturn, createGradingState, DAY_MS, gradeReturn, replay, technicalBarrierReasonsOf, type GradingReturn,
} from './grading.history';
import { gradeRecord, NO_JUDGEMENTS, type ConcentrationFigure, type GradingFacts, type GroupKey } from './grading.rules';

const T0 = Date.UTC(2026, 0, 1);
const P = DEFAULT_GRADING_POLICY;
const ret = (i: number, over: Partial<GradingReturn> = {}, reasons: Partial<GradingReturn['reasons']> = {}): GradingReturn => ({
  id: `r${i}`, at: T0 + i * DAY_MS, manufacturer: 'M1', hsCode: '8516100000', country: 'USA', valueUsd: 1_000,
  reasons: { technicalBarrier: false, foreignOfficial: false, safetyHealthEnv: false, quality: false, ...reasons },
  division: '440604', prohibitedImport: false, ...over,
});
const tbt = (i: number, reason = 'QUA-05', over: Partial<GradingReturn> = {}) =>
  ret(i, over, { technicalBarrier: true, technicalBarrierReasons: [reason], quality: true });
const lastIds = (rs: GradingReturn[], p = P) => replay(rs, p).at(-1)!.result.fired.map((r) => r.id);
const STREAK = 'high.technical_barrier_streak';

describe('technical-barrier streak (000 §3.5.3.1 e, default 5, same HS heading)', () => {
  it('4 consecutive → no; 5 consecutive → high, explained', () => {
    const four = [0, 1, 2, 3].map((i) => tbt(i));
    expect(replay(four, P).at(-1)!.facts.streak).toEqual({ length: 4, country: 'USA', product: '8516', reason: 'QUA-05' });
    expect(lastIds(four)).not.toContain(STREAK);
    const five = [...four, tbt(4)];
    const last = replay(five, P).at(-1)!.result;
    expect(last.grade).toBe('high');
    expect(last.fired.find((r) => r.id === STREAK)!.detail!.en).toBe('5 consecutive returns of product 8516 from USA for technical-barrier reason QUA-05 ≥ 5');
  });

  it('5 with a different reason in between → no (a different barrier or a non-barrier return breaks it)', () => {
    expect(lastIds([tbt(0), tbt(1), tbt(2, 'QUA-06'), tbt(3), tbt(4), tbt(5)])).not.toContain(STREAK);
    expect(lastIds([tbt(0), tbt(1), ret(2), tbt(3), tbt(4), tbt(5)])).not.toContain(STREAK);
  });

  it('5 from two countries → no', () => {
    const rs = [tbt(0), tbt(1, 'QUA-05', { country: 'DEU' }), tbt(2), tbt(3, 'QUA-05', { country: 'DEU' }), tbt(4)];
    expect(replay(rs, P).at(-1)!.facts.streak!.length).toBe(3);
    expect(lastIds(rs)).not.toContain(STREAK);
  });

  it('same product is the HS heading: other subheadings count, other headings neither count nor break', () => {
    const rs = [tbt(0), tbt(1, 'QUA-05', { hsCode: '8516600000' }), tbt(2), ret(3, { hsCode: '9503000000' }), tbt(4, 'QUA-05', { hsCode: '8516790000' }), tbt(5)];
    expect(replay(rs, P).at(-1)!.facts.streak!.length).toBe(5);
    const bySubheading: GradingPolicy = { ...P, streak: { length: 5, sameProduct: 'hsSubheading' } };
    expect(replay(rs, bySubheading).at(-1)!.facts.streak).toMatchObject({ length: 3, product: '851610' });
  });

  it('a return with several barrier reasons continues each; the longest is reported', () => {
    const both = (i: number) => ret(i, {}, { technicalBarrier: true, technicalBarrierReasons: ['QUA-05', 'OTH-01'] });
    const rs = [tbt(0, 'OTH-01'), tbt(1, 'OTH-01'), both(2), both(3), both(4)];
    expect(replay(rs, P).at(-1)!.facts.streak).toMatchObject({ length: 5, reason: 'OTH-01' });
  });

  it('a barrier without a named reason streaks with other unnamed ones', () => {
    const anon = (i: number) => ret(i, {}, { technicalBarrier: true });
    expect(technicalBarrierReasonsOf(anon(0))).toEqual(['*']);
    expect(lastIds([0, 1, 2, 3, 4].map(anon))).toContain(STREAK);
  });
});

describe('window edges (90-day cumulative lines)', () => {
  const p: GradingPolicy = {
    ...P, cumulativeFrequency: { line: 2, windowDays: 90, grouping: 'manufacturer' },
    cumulativeValue: { lineUsd: 2_000, windowDays: 90, grouping: 'manufacturer' },
  };
  it('a return 90 days earlier counts; 91 days earlier does not', () => {
    expect(lastIds([ret(0), ret(90)], p)).toEqual(expect.arrayContaining(['high.cumulative_frequency', 'high.cumulative_value']));
    const out = replay([ret(0), ret(91)], p).at(-1)!;
    expect(out.facts.cumulativeFrequency.count).toBe(1);
    expect(out.facts.cumulativeValue.valueUsd).toBe(1_000);
    expect(out.result.grade).toBe('general');
  });
  it('the edge is exact to the millisecond', () => {
    expect(replay([ret(0), ret(90, { at: T0 + 90 * DAY_MS + 1 })], p).at(-1)!.facts.cumulativeFrequency.count).toBe(1);
  });
  it('groups are separate: another manufacturer does not count', () => {
    expect(replay([ret(0, { manufacturer: 'M2' }), ret(1)], p).at(-1)!.facts.cumulativeFrequency).toEqual({ group: { manufacturer: 'M1' }, count: 1 });
  });
  it('composite groupings key on every dimension', () => {
    const q: GradingPolicy = { ...p, cumulativeFrequency: { line: 2, windowDays: 90, grouping: ['manufacturer', 'hsHeading'] } };
    const rs = [ret(0, { hsCode: '8516600000' }), ret(1, { hsCode: '9503000000' }), ret(2)];
    expect(replay(rs, q).at(-1)!.facts.cumulativeFrequency).toEqual({ group: { manufacturer: 'M1', hsHeading: '8516' }, count: 2 });
  });
  it('unknown values count as returns but add nothing to the value', () => {
    const last = replay([ret(0, { valueUsd: null }), ret(1)], p).at(-1)!.facts;
    expect(last.cumulativeFrequency.count).toBe(2);
    expect(last.cumulativeValue.valueUsd).toBe(1_000);
  });
});

describe('history input', () => {
  it('reads ISO dates and refuses a return earlier than the last one', () => {
    const s = createGradingState(P);
    expect(addReturn(s, ret(0, { at: '2026-01-02' })).at).toBe(T0 + DAY_MS);
    expect(() => addReturn(s, ret(1, { at: '2026-01-01' }))).toThrow(RangeError);
    expect(() => addReturn(s, ret(2, { at: 'not a date' }))).toThrow(RangeError);
  });
  it('passes judgements through to the rules', () => {
    const g = gradeReturn(createGradingState(P), ret(0, { judgements: { untruthfulReason: true } }));
    expect(g.result).toMatchObject({ grade: 'elevated', fired: [{ id: 'elevated.untruthful_reason' }] });
    expect(g.facts.judgements).toEqual({ ...NO_JUDGEMENTS, untruthfulReason: true });
  });
});

describe('sudden concentration over a sector\'s own baseline', () => {
  const p: GradingPolicy = {
    ...P, sectors: { nationalKey: [], regionalPillar: [{ name: '小家电', hsPrefixes: ['8516'], divisions: ['4406'] }], exportBase: [] },
  };
  const q = (day: number, over: Partial<GradingReturn> = {}) => ret(day, over, { quality: true });
  it('one quality return a month for half a year, then a burst of 8 in a week → high on the burst', () => {
    const base = [0, 30, 60, 90, 120, 150].map((d) => q(d));
    const burst = [200, 201, 202, 203, 204, 205, 206, 207].map((d) => q(d));
    const graded = replay([...base, ...burst], p);
    const last = graded.at(-1)!;
    expect(last.facts.concentration).toEqual([{ kind: 'regionalPillar', sector: '小家电', count: 8, baselineCount: 6 }]);
    expect(last.result.fired.map((r) => r.id)).toContain('high.sudden_concentration');
    expect(graded.slice(0, 6).every((g) => g.result.grade === 'general')).toBe(true);
  });
  it('only quality returns of the sector count (goods and division)', () => {
    const rs = [q(0, { division: '440300' }), q(1, { hsCode: '9503000000' }), ret(2), q(3)];
    expect(replay(rs, p).at(-1)!.facts.concentration).toEqual([{ kind: 'regionalPillar', sector: '小家电', count: 1, baselineCount: 0 }]);
    expect(replay([ret(0)], p)[0]!.facts.concentration).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// incremental vs replay, against a brute-force oracle over the history

const inWindow = (t: number, s: number, days: number) => t - s <= days * DAY_MS;
const dim = (r: GradingReturn, d: GroupDimension) => (d === 'manufacturer' ? r.manufacturer : d === 'country' ? r.country : r.hsCode.slice(0, 4));
const sameGroup = (a: GradingReturn, b: GradingReturn, dims: readonly GroupDimension[]) => dims.every((d) => dim(a, d) === dim(b, d));
const keyOf = (r: GradingReturn, dims: readonly GroupDimension[]): GroupKey => Object.fromEntries(dims.map((d) => [d, dim(r, d)]));
const t = (r: GradingReturn) => r.at as number;
const cents = (r: GradingReturn) => (r.valueUsd === null ? 0 : Math.round(r.valueUsd * 100));

/** The facts of the last return of `h`, computed from scratch. */
function oracle(h: GradingReturn[], p: GradingPolicy): GradingFacts {
  const r = h.at(-1)!;
  const fd = groupingDimensions(p.cumulativeFrequency.grouping);
  const vd = groupingDimensions(p.cumulativeValue.grouping);
  const product = productOf(r.hsCode, p.streak.sameProduct);
  let streak: GradingFacts['streak'] = null;
  for (const reason of technicalBarrierReasonsOf(r)) {
    let n = 0;
    for (let i = h.length - 1; i >= 0; i--) {
      const x = h[i]!;
      if (x.country !== r.country || productOf(x.hsCode, p.streak.sameProduct) !== product) continue;
      if (!technicalBarrierReasonsOf(x).includes(reason)) break;
      n++;
    }
    if (!streak || n > streak.length) streak = { length: n, country: r.country, product, reason };
  }
  const concentration: ConcentrationFigure[] = [];
  const c = p.concentration;
  if (r.reasons.quality) {
    for (const kind of SECTOR_KINDS) {
      for (const s of p.sectors[kind]) {
        const inSector = (x: GradingReturn) => x.reasons.quality && s.hsPrefixes.some((hp) => x.hsCode.startsWith(hp))
          && (s.divisions.length === 0 || s.divisions.some((d) => x.division.startsWith(d)));
        if (!inSector(r)) continue;
        const mine = h.filter(inSector);
        const count = mine.filter((x) => inWindow(t(r), t(x), c.windowDays)).length;
        const baselineCount = mine.filter((x) => !inWindow(t(r), t(x), c.windowDays) && inWindow(t(r), t(x), c.windowDays * (c.baselineWindows + 1))).length;
        concentration.push({ kind, sector: s.name, count, baselineCount });
      }
    }
  }
  return {
    returnId: r.id, at: t(r), valueUsd: r.valueUsd, foreignOfficial: r.reasons.foreignOfficial, prohibitedImport: r.prohibitedImport,
    harmCaused: r.reasons.harmCaused === true, safetyHealthEnv: r.reasons.safetyHealthEnv,
    cumulativeFrequency: { group: keyOf(r, fd), count: h.filter((x) => sameGroup(x, r, fd) && inWindow(t(r), t(x), p.cumulativeFrequency.windowDays)).length },
    cumulativeValue: {
      group: keyOf(r, vd),
      valueUsd: h.filter((x) => sameGroup(x, r, vd) && inWindow(t(r), t(x), p.cumulativeValue.windowDays)).reduce((a, x) => a + cents(x), 0) / 100,
    },
    streak, concentration, judgements: { ...NO_JUDGEMENTS, ...r.judgements },
  };
}

const groupingArb = fc.oneof(fc.constantFrom(...GROUP_DIMENSIONS), fc.subarray([...GROUP_DIMENSIONS], { minLength: 1 }));
const policyArb: fc.Arbitrary<GradingPolicy> = fc.record({
  singleBatchValueLineUsd: fc.integer({ min: 0, max: 5_000 }),
  cumulativeFrequency: fc.record({ line: fc.integer({ min: 1, max: 6 }), windowDays: fc.integer({ min: 1, max: 10 }), grouping: groupingArb }),
  cumulativeValue: fc.record({ lineUsd: fc.integer({ min: 0, max: 10_000 }), windowDays: fc.integer({ min: 1, max: 10 }), grouping: groupingArb }),
  streak: fc.record({ length: fc.integer({ min: 2, max: 4 }), sameProduct: fc.constantFrom('hsChapter' as const, 'hsHeading' as const, 'hsCode' as const) }),
  sectors: fc.record({
    nationalKey: fc.constant([{ name: '电器', hsPrefixes: ['85'], divisions: [] }]),
    regionalPillar: fc.constant([{ name: '玩具', hsPrefixes: ['9503'], divisions: ['44'] }]),
    exportBase: fc.constant([]),
  }),
  concentration: fc.record({
    windowDays: fc.integer({ min: 1, max: 5 }), baselineWindows: fc.integer({ min: 1, max: 3 }), minCount: fc.integer({ min: 1, max: 3 }),
    alpha: fc.constantFrom(0.01, 0.2), minBaselineRate: fc.constantFrom(0.5, 1),
  }),
});
const historyArb = fc.array(fc.record({
  gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * DAY_MS }), fc.constant(DAY_MS)),
  manufacturer: fc.constantFrom('M1', 'M2', 'M3'),
  hsCode: fc.constantFrom('8516100000', '8516600000', '8517620000', '9503001000'),
  country: fc.constantFrom('USA', 'DEU'),
  valueUsd: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 300_000 }).map((c) => c / 100)),
  division: fc.constantFrom('440604', '330100'),
  tbt: fc.constantFrom<readonly string[] | null>(null, [], ['QUA-05'], ['OTH-01'], ['QUA-05', 'OTH-01']),
  quality: fc.boolean(), foreignOfficial: fc.boolean(), prohibitedImport: fc.boolean(), untruthful: fc.boolean(),
}), { maxLength: 60 }).map((rows) => {
  let at = T0;
  return rows.map((x, i): GradingReturn => {
    at += x.gapMs;
    return {
      id: `r${i}`, at, manufacturer: x.manufacturer, hsCode: x.hsCode, country: x.country, valueUsd: x.valueUsd, division: x.division,
      reasons: {
        technicalBarrier: x.tbt !== null, ...(x.tbt ? { technicalBarrierReasons: x.tbt } : {}),
        foreignOfficial: x.foreignOfficial, safetyHealthEnv: false, quality: x.quality,
      },
      prohibitedImport: x.prohibitedImport, ...(x.untruthful ? { judgements: { untruthfulReason: true } } : {}),
    };
  });
});

describe('incremental grading agrees with a full replay', () => {
  it('each return graded as it arrives equals the replay of the history up to it, and the brute-force facts', () => {
    fc.assert(fc.property(historyArb, policyArb, (history, p) => {
      const state = createGradingState(p);
      history.forEach((r, i) => {
        const incremental = gradeReturn(state, r);
        const prefix = history.slice(0, i + 1);
        expect(incremental).toEqual(replay(prefix, p).at(-1));
        const facts = oracle(prefix, p);
        expect(incremental.facts).toEqual(facts);
        expect(incremental.result).toEqual(gradeRecord(facts, p));
      });
    }), { numRuns: 150 });
  });

  it('long histories in one state (deques compacting) still agree with the brute force', () => {
    const p: GradingPolicy = { ...P, cumulativeFrequency: { line: 50, windowDays: 3, grouping: 'country' }, cumulativeValue: { lineUsd: 1e6, windowDays: 2, grouping: 'country' } };
    const rs = Array.from({ length: 4000 }, (_, i) => ret(0, { id: `r${i}`, at: T0 + i * 3_600_000, country: i % 3 ? 'USA' : 'DEU', valueUsd: (i % 7) * 100.01 }));
    const state = createGradingState(p);
    rs.forEach((r, i) => {
      const f = addReturn(state, r);
      if (i % 500 === 499) expect(f).toEqual(oracle(rs.slice(0, i + 1), p));
    });
  });

  it('forgetting groups that left the window changes no figure (a long history, the ring growing)', () => {
    const p: GradingPolicy = { ...P, cumulativeFrequency: { line: 50, windowDays: 2, grouping: 'manufacturer' }, cumulativeValue: { lineUsd: 1e6, windowDays: 100, grouping: ['manufacturer', 'country'] } };
    // a new manufacturer every 1,000 hours, with one old one coming back now and then
    const rs = Array.from({ length: 70_000 }, (_, i) => ret(0, {
      id: `r${i}`, at: T0 + i * 3_600_000, manufacturer: i % 997 === 0 ? 'M0' : `M${Math.floor(i / 1000)}`, valueUsd: (i % 5) * 10,
    }));
    const state = createGradingState(p);
    const checks = new Set([1_023, 1_024, 1_025, 2_400, 5_000, 65_536, 69_999]);
    rs.forEach((r, i) => {
      const f = addReturn(state, r);
      if (checks.has(i)) expect(f).toEqual(oracle(rs.slice(0, i + 1), p));
    });
    expect(state.frequency.groups.size).toBeLessThan(10);
  });
});
