// The generated history as the grading engine's input (GradingReturn objects, built once before any timing) and the
// policy the benchmark grades under: the default warning lines plus watched sectors, so that every rule — the
// sudden-concentration test included — has something to look at.
import {
  DEFAULT_GRADING_POLICY, gradingPolicySchema, type GradingJudgements, type GradingPolicy, type GradingReturn,
} from '../../packages/domain/src/grading/index';
import { FLAG, REASONS, TB_REASONS, type History } from './generate';

const DAY_MS = 86_400_000;

export const BENCH_POLICY: GradingPolicy = gradingPolicySchema.parse({
  ...DEFAULT_GRADING_POLICY,
  sectors: {
    nationalKey: [{ name: '通信设备 Telecom equipment', hsPrefixes: ['8517', '8525', '8528'], divisions: [] }],
    regionalPillar: [
      { name: '深圳电子信息 Shenzhen electronics', hsPrefixes: ['85'], divisions: ['4403'] },
      { name: '东莞家具 Dongguan furniture', hsPrefixes: ['94'], divisions: ['4419'] },
    ],
    exportBase: [
      { name: '义乌小商品 Yiwu small commodities', hsPrefixes: ['95', '96', '63'], divisions: ['330782'] },
      { name: '宁波小家电 Ningbo small appliances', hsPrefixes: ['8516', '8509'], divisions: ['3302'] },
    ],
  },
});

/** One GradingReturn per generated return, in time order (the generator's order). */
export function toGradingReturns(h: History): GradingReturn[] {
  const out = new Array<GradingReturn>(h.n);
  const t0 = h.start.getTime();
  const tb = REASONS.indexOf('technical_barrier');
  const quality = REASONS.indexOf('quality');
  const she = REASONS.indexOf('safety_health_env');
  // shared reason lists: a million returns need only these seven arrays
  const none: readonly string[] = [];
  const tbLists = TB_REASONS.map((code) => [code] as readonly string[]);
  let dayStart = 0;
  for (let i = 0; i < h.n; i++) {
    if (i > 0 && h.day[i] !== h.day[i - 1]) dayStart = i;
    const f = h.flags[i]!;
    const reason = h.reason[i]!;
    const v = h.valueUsd[i]!;
    const r: GradingReturn = {
      id: `R${i}`,
      // spread over the day (one per 100 ms) so that returns of one day keep their order
      at: t0 + h.day[i]! * DAY_MS + (i - dayStart) * 100,
      manufacturer: h.manufacturers[h.manufacturer[i]!]!,
      // a full 10-digit code under the heading, a few subheadings per heading
      hsCode: `${h.headings[h.heading[i]!]!}${String((i * 7919) % 5).padStart(2, '0')}9000`,
      country: h.countries[h.country[i]!]!,
      valueUsd: Number.isNaN(v) ? null : v,
      reasons: {
        technicalBarrier: reason === tb,
        technicalBarrierReasons: reason === tb ? tbLists[h.tbReason[i]!]! : none,
        foreignOfficial: (f & FLAG.foreignOfficial) !== 0,
        safetyHealthEnv: reason === she || (f & FLAG.safetyHygieneEnv) !== 0,
        quality: reason === quality || reason === she,
        harmCaused: (f & FLAG.pollutionOrInjury) !== 0,
      },
      division: h.divisions[h.division[i]!]!,
      prohibitedImport: (f & FLAG.prohibitedCatalogue) !== 0,
      // always present (undefined before findings) so that every object has the same shape
      judgements: judgementsOf(f),
    };
    out[i] = r;
  }
  return out;
}

/** The investigator's judgements the flags stand for; undefined (no findings yet) when none is set. */
function judgementsOf(f: number): Partial<GradingJudgements> | undefined {
  const judged = FLAG.reputationDamage | FLAG.highOther | FLAG.qmsRisk | FLAG.evasion | FLAG.materialDifference
    | FLAG.untruthfulReason | FLAG.elevatedOther;
  if ((f & judged) === 0) return undefined;
  return {
    reputationDamage: (f & FLAG.reputationDamage) !== 0,
    otherHigh: (f & FLAG.highOther) !== 0 ? '境外媒体持续报道 Continued foreign media coverage' : null,
    qmsSeriousRisk: (f & FLAG.qmsRisk) !== 0,
    evadedImportSupervision: (f & FLAG.evasion) !== 0,
    declarationMismatch: (f & FLAG.materialDifference) !== 0,
    untruthfulReason: (f & FLAG.untruthfulReason) !== 0,
    otherElevated: (f & FLAG.elevatedOther) !== 0 ? '出口商多次以退运规避索赔 The exporter repeatedly used returns to avoid claims' : null,
  };
}
