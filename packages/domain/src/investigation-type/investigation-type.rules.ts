/**
 * Choosing the investigation type (调查方式, 000 §3.3) as rules-as-data. Every rule whose condition holds "fires";
 * the verdict is decided by precedence — the contracted-project exclusion, then any on-site rule, then the written
 * band or the policy's above-band choice, then filing only — and lists every rule that fired, including those the
 * exclusion suppressed, each with its clause and the figures that made it fire.
 */
import type { InvestigationType } from '../risk-info/risk-info.schema';
import type { InvestigationTypePolicy } from './investigation-type.policy';

export interface InvestigationTypeFacts {
  /** HS codes of the goods found in the legal-inspection catalogue (法检目录) */
  catalogueHsCodes: readonly string[];
  inspectedAtExport: boolean;
  foreignOfficial: boolean;
  technicalBarrier: boolean;
  safetyHealthEnv: boolean;
  /** the source is a complaint, report or media publication */
  complaintOrMedia: boolean;
  warningInForce: boolean;
  higherRiskAssessed: boolean;
  overseasProjectEquipment: boolean;
  /** the batch value in USD; null when an amount or a conversion rate is missing */
  batchValueUsd: number | null;
}

type Bilingual = { zh: string; en: string };
export type RuleOutcome = InvestigationType | 'exclude';

export interface InvestigationTypeRule {
  id: string;
  outcome: RuleOutcome | ((p: InvestigationTypePolicy) => InvestigationType);
  clause: string;
  reason: Bilingual;
  when: (f: InvestigationTypeFacts, p: InvestigationTypePolicy) => boolean;
  /** the figures behind a firing, for the explanation */
  detail?: (f: InvestigationTypeFacts, p: InvestigationTypePolicy) => Bilingual;
}

const fmtUsd = (n: number) => `USD ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const inBand = (f: InvestigationTypeFacts, p: InvestigationTypePolicy) =>
  f.batchValueUsd !== null && f.batchValueUsd >= p.writtenBandUsd.lower && f.batchValueUsd <= p.writtenBandUsd.upper;

export const INVESTIGATION_TYPE_RULES: readonly InvestigationTypeRule[] = [
  {
    id: 'exclude.overseas_project', outcome: 'exclude', clause: '000 §3.3.1, §3.3.2',
    reason: { zh: '对外承包工程项下复运进境的设备、物资不列入现场调查和书面调查', en: 'Equipment and materials of an overseas contracted project coming back are excluded from on-site and written investigation' },
    when: (f) => f.overseasProjectEquipment,
  },
  {
    id: 'onsite.legal_inspection', outcome: 'on_site', clause: '000 §3.3.1 (法检目录)',
    reason: { zh: '货物列入实施检验检疫的进出口商品目录', en: 'The goods are in the catalogue of goods subject to inspection' },
    when: (f) => f.catalogueHsCodes.length > 0,
    detail: (f) => ({ zh: `商品编码 ${f.catalogueHsCodes.join('、')}`, en: `HS ${f.catalogueHsCodes.join(', ')}` }),
  },
  {
    id: 'onsite.inspected_at_export', outcome: 'on_site', clause: '000 §3.3.1 (出口时实施检验检疫)',
    reason: { zh: '虽未列入目录，但出口时实施了检验检疫（援外物资、双边协议产品等）', en: 'Inspected at export although outside the catalogue (aid materials, bilateral-agreement goods)' },
    when: (f) => f.inspectedAtExport,
  },
  {
    id: 'onsite.foreign_official', outcome: 'on_site', clause: '000 §3.3.1 (境外官方强制退回)',
    reason: { zh: '被境外官方以召回、下架或通报等方式强制退回', en: 'Forced return by a foreign official body (recall, removal, notification)' },
    when: (f) => f.foreignOfficial,
  },
  {
    id: 'onsite.technical_barrier', outcome: 'on_site', clause: '000 §3.3.1 (技术性贸易壁垒)',
    reason: { zh: '境外客户退运理由涉及技术性贸易壁垒', en: 'The foreign customer gave a technical-barrier reason' },
    when: (f) => f.technicalBarrier,
  },
  {
    id: 'onsite.safety_health_env', outcome: 'on_site', clause: '000 §3.3.1 (安全、卫生、环保和健康)',
    reason: { zh: '退运原因涉及安全、卫生、环保和健康等不合格项目', en: 'The reason involves safety, health, environment or hygiene non-conformity' },
    when: (f) => f.safetyHealthEnv,
  },
  {
    id: 'onsite.complaint_or_media', outcome: 'on_site', clause: '000 §3.3.1 (投诉举报、媒体公布)',
    reason: { zh: '被投诉举报或媒体公布', en: 'Complained about, reported or published by media' },
    when: (f) => f.complaintOrMedia,
  },
  {
    id: 'onsite.warning_in_force', outcome: 'on_site', clause: '000 §3.3.1 (警示通报仍在有效期内)',
    reason: { zh: '国家主管部门发布的与出口退货有关的警示通报仍在有效期内', en: 'A warning notice about such returns is still in force' },
    when: (f) => f.warningInForce,
  },
  {
    id: 'onsite.higher_risk', outcome: 'on_site', clause: '000 §3.3.1 (引入风险评估)',
    reason: { zh: '经风险评估为较大风险', en: 'A higher risk was assessed' },
    when: (f, p) => f.higherRiskAssessed && p.higherRiskOnSite,
  },
  {
    id: 'written.value_band', outcome: 'written', clause: '000 §3.3.2',
    reason: { zh: '排除安全卫生环保健康问题，单批退运金额在书面调查区间内', en: 'No safety/health/environment reason, and the batch value is within the written band' },
    when: (f, p) => !f.safetyHealthEnv && inBand(f, p),
    detail: (f, p) => ({
      zh: `单批金额 ${fmtUsd(f.batchValueUsd!)}，区间 ${fmtUsd(p.writtenBandUsd.lower)}–${fmtUsd(p.writtenBandUsd.upper)}`,
      en: `batch ${fmtUsd(f.batchValueUsd!)} within ${fmtUsd(p.writtenBandUsd.lower)}–${fmtUsd(p.writtenBandUsd.upper)}`,
    }),
  },
  {
    id: 'policy.above_band', outcome: (p) => p.aboveBand, clause: '000 §3.3 (文件未规定，按本关政策)',
    reason: { zh: '单批退运金额高于书面调查区间上限，按本关政策确定调查方式', en: 'The batch value is above the written band; the customs policy decides' },
    when: (f, p) => f.batchValueUsd !== null && f.batchValueUsd > p.writtenBandUsd.upper,
    detail: (f, p) => ({
      zh: `单批金额 ${fmtUsd(f.batchValueUsd!)} > 上限 ${fmtUsd(p.writtenBandUsd.upper)}`,
      en: `batch ${fmtUsd(f.batchValueUsd!)} > upper bound ${fmtUsd(p.writtenBandUsd.upper)}`,
    }),
  },
];

/** The rule that decides when nothing else fired (or the exclusion removed on-site and written). */
export const FILING_ONLY_RULE = {
  id: 'filing.default', clause: '000 §3.4.3 (备案调查)',
  reason: { zh: '未列入现场调查或书面调查的，列入备案调查', en: 'Neither on-site nor written investigation applies' },
} as const;

export interface FiredInvestigationTypeRule {
  id: string;
  clause: string;
  outcome: RuleOutcome;
  reason: Bilingual;
  detail: Bilingual | null;
  /** fired but did not count: the contracted-project exclusion removed it */
  suppressed: boolean;
}

export interface InvestigationTypeDecision {
  type: InvestigationType;
  /** the id of the rule that decided */
  decidedBy: string;
  fired: FiredInvestigationTypeRule[];
  /** true when the batch value could not be computed, so the value rules were not evaluated */
  valueUnknown: boolean;
}

const RANK: Record<InvestigationType, number> = { on_site: 3, written: 2, filing_only: 1 };

/** Pure: the investigation type for the facts under the policy, with every rule that fired. */
export function decideInvestigationType(f: InvestigationTypeFacts, p: InvestigationTypePolicy): InvestigationTypeDecision {
  const excluded = f.overseasProjectEquipment;
  const fired: FiredInvestigationTypeRule[] = [];
  for (const r of INVESTIGATION_TYPE_RULES) {
    if (!r.when(f, p)) continue;
    const outcome = typeof r.outcome === 'function' ? r.outcome(p) : r.outcome;
    fired.push({
      id: r.id, clause: r.clause, outcome, reason: r.reason, detail: r.detail?.(f, p) ?? null,
      suppressed: excluded && outcome !== 'exclude' && outcome !== 'filing_only',
    });
  }
  let best: FiredInvestigationTypeRule | undefined;
  for (const r of fired) {
    if (r.suppressed || r.outcome === 'exclude') continue;
    if (!best || RANK[r.outcome as InvestigationType] > RANK[best.outcome as InvestigationType]) best = r;
  }
  if (!best) {
    const filing: FiredInvestigationTypeRule = { ...FILING_ONLY_RULE, outcome: 'filing_only', detail: null, suppressed: false };
    fired.push(filing);
    // With the exclusion in play, it is the exclusion that sent the record to filing only.
    return { type: 'filing_only', decidedBy: excluded ? 'exclude.overseas_project' : filing.id, fired, valueUnknown: f.batchValueUsd === null };
  }
  return { type: best.outcome as InvestigationType, decidedBy: best.id, fired, valueUnknown: f.batchValueUsd === null };
}
