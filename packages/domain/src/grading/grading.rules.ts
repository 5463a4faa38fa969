/**
 * Risk grading (风险评估, 000 §3.5.3) as rules-as-data: high (a)-(i) of §3.5.3.1 and elevated (a)-(f) of §3.5.3.2.
 * Every rule whose condition holds fires; the grade is the highest grade among the fired rules, and general
 * (§3.5.3.3) when none fired — explained by its own rule. Each fired rule carries its clause and the figures that
 * made it fire. Rules marked `judgement` read what an investigator found (see grading.judgements.ts for the mapping
 * from investigation findings); the others read data and the windowed history (grading.history.ts).
 */
import {
  groupingDimensions, SECTOR_KIND_LABELS, type GradingPolicy, type GroupDimension, type Grouping, type SectorKind,
} from './grading.policy';
import { poissonUpperTail } from './grading.stats';

export type Bilingual = { zh: string; en: string };
export const GRADES = ['high', 'elevated', 'general'] as const;
export type Grade = (typeof GRADES)[number];

/** What an investigator judged (filled from findings, see `judgementsFromFindings`); all false/null before findings. */
export interface GradingJudgements {
  /** elevated b: the manufacturer's quality management carries a serious risk */
  qmsSeriousRisk: boolean;
  /** elevated c: the return trade mode was used to evade import supervision */
  evadedImportSupervision: boolean;
  /** elevated d: the goods differ materially from the export declaration, or certificates are suspected forged */
  declarationMismatch: boolean;
  /** elevated e: the return reason was not truthfully declared */
  untruthfulReason: boolean;
  /** high h: continuous returns seriously damaged trade and industry reputation */
  reputationDamage: boolean;
  /** high i: another reason to grade high — the reason as written, null when none */
  otherHigh: string | null;
  /** elevated f: another reason to grade elevated — the reason as written, null when none */
  otherElevated: string | null;
}
export const NO_JUDGEMENTS: GradingJudgements = {
  qmsSeriousRisk: false, evadedImportSupervision: false, declarationMismatch: false, untruthfulReason: false,
  reputationDamage: false, otherHigh: null, otherElevated: null,
};

/** The values of the grouping dimensions that identify a group, e.g. { manufacturer: '9144…', hsHeading: '8516' }. */
export type GroupKey = Partial<Record<GroupDimension, string>>;

/** Quality returns of one sector: the current window against the baseline windows before it. */
export interface ConcentrationFigure {
  kind: SectorKind;
  sector: string;
  /** quality returns of the sector in the current window, this one included */
  count: number;
  /** quality returns of the sector in the `baselineWindows` windows before the current one */
  baselineCount: number;
}

/** Everything the rules read about one return. */
export interface GradingFacts {
  returnId: string;
  /** epoch ms */
  at: number;
  /** the batch value in USD; null when an amount or a conversion rate is missing */
  valueUsd: number | null;
  foreignOfficial: boolean;
  prohibitedImport: boolean;
  /** the goods polluted the environment or injured people (000 §3.5.3.1 d) */
  harmCaused: boolean;
  safetyHealthEnv: boolean;
  /** returns of this return's group within the frequency window, this one included */
  cumulativeFrequency: { group: GroupKey; count: number };
  /** value (USD) of this return's group within the value window, this one included (unknown values count 0) */
  cumulativeValue: { group: GroupKey; valueUsd: number };
  /** the longest technical-barrier streak this return extends; null when it carries no technical-barrier reason */
  streak: { length: number; country: string; product: string; reason: string } | null;
  /** one entry per watched sector this quality return belongs to; empty for other returns */
  concentration: ConcentrationFigure[];
  judgements: GradingJudgements;
}

export interface GradingRule {
  id: string;
  grade: Exclude<Grade, 'general'>;
  clause: string;
  /** data: computed from the record and its history; judgement: an investigator's finding */
  input: 'data' | 'judgement';
  reason: Bilingual;
  when: (f: GradingFacts, p: GradingPolicy) => boolean;
  detail?: (f: GradingFacts, p: GradingPolicy) => Bilingual;
}

export interface FiredGradingRule {
  id: string;
  grade: Grade;
  clause: string;
  input: 'data' | 'judgement';
  reason: Bilingual;
  detail: Bilingual | null;
}

export interface GradeResult {
  grade: Grade;
  fired: FiredGradingRule[];
}

// ---------------------------------------------------------------------------------------------------------------

/** "USD 1,234,567.89" — by hand, because toLocaleString costs microseconds and replays format millions of figures. */
export function fmtUsd(n: number): string {
  const cents = Math.round(Math.abs(n) * 100);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `USD ${n < 0 ? '-' : ''}${whole}.${String(cents % 100).padStart(2, '0')}`;
}
const DIM_LABEL: Record<GroupDimension, Bilingual> = {
  manufacturer: { zh: '生产企业', en: 'manufacturer' }, hsHeading: { zh: '品目', en: 'HS heading' }, country: { zh: '国家/地区', en: 'country' },
};
export function groupLabel(key: GroupKey, grouping: Grouping): Bilingual {
  const dims = groupingDimensions(grouping);
  return {
    zh: dims.map((d) => `${DIM_LABEL[d].zh} ${key[d] ?? ''}`).join('、'),
    en: dims.map((d) => `${DIM_LABEL[d].en} ${key[d] ?? ''}`).join(' × '),
  };
}

/**
 * The concentration test of docs/GRADING.md for one sector figure. `pValue` is exact when the count is sudden; it is
 * null when the count alone settles it (below the minimum, or not above the baseline rate, where the tail is ≥ 1/2
 * and so above any allowed alpha), and otherwise only a lower bound above alpha.
 */
export function concentrationTest(c: ConcentrationFigure, p: GradingPolicy): { rate: number; pValue: number | null; sudden: boolean } {
  const rate = Math.max(c.baselineCount / p.concentration.baselineWindows, p.concentration.minBaselineRate);
  if (c.count < p.concentration.minCount || c.count <= rate) return { rate, pValue: null, sudden: false };
  const pValue = poissonUpperTail(c.count, rate, p.concentration.alpha);
  return { rate, pValue, sudden: pValue <= p.concentration.alpha };
}
const suddenSectors = (f: GradingFacts, p: GradingPolicy) =>
  f.concentration.map((c) => ({ c, ...concentrationTest(c, p) })).filter((t) => t.sudden);
const fmtP = (x: number) => (x < 1e-4 ? x.toExponential(1) : x.toPrecision(2));
const J = (text: string | null) => text !== null && text.trim() !== '';

export const GRADING_RULES: readonly GradingRule[] = [
  {
    id: 'high.foreign_official', grade: 'high', clause: '000 §3.5.3.1 a', input: 'data',
    reason: { zh: '被境外官方以召回、下架或通报等方式予以强制退回', en: 'Forcibly returned by a foreign official body through recall, removal or notification' },
    when: (f) => f.foreignOfficial,
  },
  {
    id: 'high.prohibited_import', grade: 'high', clause: '000 §3.5.3.1 b', input: 'data',
    reason: { zh: '假借退运名义进口《禁止进口货物目录》中的商品', en: 'Goods of the Catalogue of goods prohibited from import brought in under the name of a return' },
    when: (f) => f.prohibitedImport,
  },
  {
    id: 'high.single_batch_value', grade: 'high', clause: '000 §3.5.3.1 c', input: 'data',
    reason: { zh: '单批退运货值达到退运货值预警线', en: 'The value of one batch reaches the single-batch value warning line' },
    when: (f, p) => f.valueUsd !== null && f.valueUsd >= p.singleBatchValueLineUsd,
    detail: (f, p) => ({
      zh: `单批货值 ${fmtUsd(f.valueUsd!)} ≥ 预警线 ${fmtUsd(p.singleBatchValueLineUsd)}`,
      en: `batch value ${fmtUsd(f.valueUsd!)} ≥ line ${fmtUsd(p.singleBatchValueLineUsd)}`,
    }),
  },
  {
    id: 'high.harm_caused', grade: 'high', clause: '000 §3.5.3.1 d', input: 'data',
    reason: { zh: '退运产品污染环境或对人身安全造成伤害', en: 'The returned goods polluted the environment or injured people' },
    when: (f) => f.harmCaused,
  },
  {
    id: 'high.technical_barrier_streak', grade: 'high', clause: '000 §3.5.3.1 e', input: 'data',
    reason: { zh: '连续多批产品因相同的技术性贸易壁垒借口被相同贸易国家或地区退运', en: 'Consecutive batches returned by the same country for the same technical-barrier pretext' },
    when: (f, p) => f.streak !== null && f.streak.length >= p.streak.length,
    detail: (f, p) => ({
      zh: `${f.streak!.country} 以同一技术性贸易壁垒理由（${f.streak!.reason}）连续退运产品 ${f.streak!.product} ${f.streak!.length} 批 ≥ ${p.streak.length} 批`,
      en: `${f.streak!.length} consecutive returns of product ${f.streak!.product} from ${f.streak!.country} for technical-barrier reason ${f.streak!.reason} ≥ ${p.streak.length}`,
    }),
  },
  {
    id: 'high.sudden_concentration', grade: 'high', clause: '000 §3.5.3.1 f', input: 'data',
    reason: { zh: '重点产业、支柱性产业或重点出口商品生产基地突发性地因质量问题集中退运', en: 'A sudden concentration of quality returns in a key industry, pillar industry or key export production base' },
    when: (f, p) => suddenSectors(f, p).length > 0,
    detail: (f, p) => {
      const s = suddenSectors(f, p);
      const w = p.concentration.windowDays;
      return {
        zh: s.map((t) => `${SECTOR_KIND_LABELS[t.c.kind].zh}「${t.c.sector}」${w} 天内质量退运 ${t.c.count} 批，基线每 ${w} 天 ${t.rate.toFixed(2)} 批，泊松尾概率 ${fmtP(t.pValue!)} ≤ ${p.concentration.alpha}`).join('；'),
        en: s.map((t) => `${SECTOR_KIND_LABELS[t.c.kind].en} "${t.c.sector}": ${t.c.count} quality returns in ${w} days vs baseline ${t.rate.toFixed(2)} per ${w} days, Poisson tail ${fmtP(t.pValue!)} ≤ ${p.concentration.alpha}`).join('; '),
      };
    },
  },
  {
    id: 'high.cumulative_frequency', grade: 'high', clause: '000 §3.5.3.1 g', input: 'data',
    reason: { zh: '退运频率达到累积频率预警线', en: 'The return frequency reaches the cumulative frequency warning line' },
    when: (f, p) => f.cumulativeFrequency.count >= p.cumulativeFrequency.line,
    detail: (f, p) => {
      const g = groupLabel(f.cumulativeFrequency.group, p.cumulativeFrequency.grouping);
      const w = p.cumulativeFrequency.windowDays;
      return {
        zh: `${g.zh} ${w} 天内累计退运 ${f.cumulativeFrequency.count} 批 ≥ 预警线 ${p.cumulativeFrequency.line} 批`,
        en: `${g.en}: ${f.cumulativeFrequency.count} returns in ${w} days ≥ line ${p.cumulativeFrequency.line}`,
      };
    },
  },
  {
    id: 'high.cumulative_value', grade: 'high', clause: '000 §3.5.3.1 g', input: 'data',
    reason: { zh: '退运货值达到累积货值预警线', en: 'The returned value reaches the cumulative value warning line' },
    when: (f, p) => f.cumulativeValue.valueUsd >= p.cumulativeValue.lineUsd,
    detail: (f, p) => {
      const g = groupLabel(f.cumulativeValue.group, p.cumulativeValue.grouping);
      const w = p.cumulativeValue.windowDays;
      return {
        zh: `${g.zh} ${w} 天内累计退运货值 ${fmtUsd(f.cumulativeValue.valueUsd)} ≥ 预警线 ${fmtUsd(p.cumulativeValue.lineUsd)}`,
        en: `${g.en}: cumulative value ${fmtUsd(f.cumulativeValue.valueUsd)} in ${w} days ≥ line ${fmtUsd(p.cumulativeValue.lineUsd)}`,
      };
    },
  },
  {
    id: 'high.reputation_damage', grade: 'high', clause: '000 §3.5.3.1 h', input: 'judgement',
    reason: { zh: '因连续退运对国际贸易和行业声誉造成严重影响', en: 'Continuous returns seriously damaged trade and industry reputation' },
    when: (f) => f.judgements.reputationDamage,
  },
  {
    id: 'high.other', grade: 'high', clause: '000 §3.5.3.1 i', input: 'judgement',
    reason: { zh: '其他应列入高风险的退运信息', en: 'Other return information that should be graded high' },
    when: (f) => J(f.judgements.otherHigh),
    detail: (f) => ({ zh: f.judgements.otherHigh!.trim(), en: f.judgements.otherHigh!.trim() }),
  },
  {
    id: 'elevated.safety_health_env', grade: 'elevated', clause: '000 §3.5.3.2 a', input: 'data',
    reason: { zh: '质量问题涉及安全、卫生或环保等不合格项目', en: 'The quality problem involves safety, hygiene or environmental non-conformity' },
    when: (f) => f.safetyHealthEnv,
  },
  {
    id: 'elevated.qms_risk', grade: 'elevated', clause: '000 §3.5.3.2 b', input: 'judgement',
    reason: { zh: '生产企业的质量管理体系存在严重质量管理风险而无法确保出口商品质量', en: 'The manufacturer\'s quality management carries a serious risk and cannot assure the quality of exports' },
    when: (f) => f.judgements.qmsSeriousRisk,
  },
  {
    id: 'elevated.import_evasion', grade: 'elevated', clause: '000 §3.5.3.2 c', input: 'judgement',
    reason: { zh: '存在以出口退运货物的贸易方式逃避进境监管的违法行为', en: 'The return trade mode was used to evade import supervision' },
    when: (f) => f.judgements.evadedImportSupervision,
  },
  {
    id: 'elevated.declaration_mismatch', grade: 'elevated', clause: '000 §3.5.3.2 d', input: 'judgement',
    reason: { zh: '退运货物与出口申报的货物、货值、贸易国家和地区等信息有重大差异或涉嫌伪造证书', en: 'The returned goods differ materially from the export declaration, or certificates are suspected forged' },
    when: (f) => f.judgements.declarationMismatch,
  },
  {
    id: 'elevated.untruthful_reason', grade: 'elevated', clause: '000 §3.5.3.2 e', input: 'judgement',
    reason: { zh: '未如实申报退运原因', en: 'The return reason was not truthfully declared' },
    when: (f) => f.judgements.untruthfulReason,
  },
  {
    id: 'elevated.other', grade: 'elevated', clause: '000 §3.5.3.2 f', input: 'judgement',
    reason: { zh: '其他应列入较高风险的信息', en: 'Other information that should be graded elevated' },
    when: (f) => J(f.judgements.otherElevated),
    detail: (f) => ({ zh: f.judgements.otherElevated!.trim(), en: f.judgements.otherElevated!.trim() }),
  },
];

/** The rule that explains a general grade (000 §3.5.3.3). */
export const GENERAL_RULE: FiredGradingRule = {
  id: 'general.default', grade: 'general', clause: '000 §3.5.3.3', input: 'data',
  reason: { zh: '不属于高风险或较高风险的其他出口退运信息，列入一般风险', en: 'Neither a high nor an elevated rule applies' },
  detail: null,
};

/** Shared by every general grade (most of a history): frozen, so that no caller can change another's result. */
const GENERAL_RESULT: GradeResult = Object.freeze({ grade: 'general', fired: Object.freeze([Object.freeze(GENERAL_RULE)]) as FiredGradingRule[] });

/**
 * A fired rule whose `detail` text is built on first read (an own enumerable property, so JSON and equality see it):
 * a replay of a long history grades most returns without anyone reading the explanations.
 */
function firedRule(r: GradingRule, f: GradingFacts, p: GradingPolicy): FiredGradingRule {
  const out = { id: r.id, grade: r.grade, clause: r.clause, input: r.input, reason: r.reason, detail: null } as FiredGradingRule;
  const build = r.detail;
  if (build) {
    let text: Bilingual | undefined;
    Object.defineProperty(out, 'detail', { enumerable: true, configurable: true, get: () => (text ??= build(f, p)) });
  }
  return out;
}

/** Pure: the grade of one return's facts under the policy, with every rule that fired (high ones first). */
export function gradeRecord(f: GradingFacts, p: GradingPolicy): GradeResult {
  let fired: FiredGradingRule[] | null = null;
  for (const r of GRADING_RULES) {
    if (!r.when(f, p)) continue;
    (fired ??= []).push(firedRule(r, f, p));
  }
  if (fired === null) return GENERAL_RESULT;
  return { grade: fired.some((r) => r.grade === 'high') ? 'high' : 'elevated', fired };
}
