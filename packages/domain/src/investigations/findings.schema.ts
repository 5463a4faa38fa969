/**
 * Investigation findings (调查要素, 000 §3.4) as structured fields, one group per element: return reason, inspection
 * of the goods, the manufacturer's quality system, integrity, goods flow, other circumstances and corrective actions.
 * A draft may be partial (`findingsSchema` accepts every group empty); `checkFindingsComplete` says what submitting
 * still needs for the case's type — a filing-only case is a light record.
 */
import { z } from 'zod';
import { plainText, text } from '../api/common';
import type { LocalizedIssue } from '../i18n/problem-messages';
import type { InvestigationType } from '../risk-info/risk-info.schema';

export const NON_QUALITY_KINDS = ['trade', 'customer_demand_change', 'technical_trade_measure', 'transport_damage', 'other'] as const;
export const ROOT_CAUSE_STAGES = ['design', 'production', 'testing', 'certification', 'other'] as const;
export const INSPECTION_BODIES = ['customs', 'third_party', 'foreign_official'] as const;
export const INSPECTION_RESULTS = ['conforming', 'non_conforming', 'pending'] as const;
export const QMS_STATUSES = ['effective', 'deficient', 'absent', 'not_examined'] as const;
export const QMS_JUDGEMENTS = ['complete', 'partly_complete', 'incomplete'] as const;
export const GOODS_FLOWS = ['destroyed', 're_exported', 'processed_domestic_sale', 'dismantled', 'other'] as const;
export type GoodsFlow = (typeof GOODS_FLOWS)[number];

/** Which intended disposal (拟处理方式) of the declaration each actual flow fulfils. */
export const GOODS_FLOW_TO_DISPOSAL: Record<GoodsFlow, 'destroy' | 're_export' | 'domestic_sale' | 'dismantle' | 'other'> = {
  destroyed: 'destroy',
  re_exported: 're_export',
  processed_domestic_sale: 'domestic_sale',
  dismantled: 'dismantle',
  other: 'other',
};

const note = plainText(2000).default('');
const integrityItem = z.strictObject({ found: z.boolean().nullable().default(null), note });
const qmsItem = z.strictObject({ status: z.enum(QMS_STATUSES).nullable().default(null), note });

export const findingsSchema = z.strictObject({
  /** 3.4.1 退运原因 */
  returnReason: z.strictObject({
    category: z.enum(['quality', 'non_quality']).nullable().default(null),
    nonQualityKind: z.enum(NON_QUALITY_KINDS).nullable().default(null),
    /** where in design, production, testing or certification the return originates */
    rootCauseStages: z.array(z.enum(ROOT_CAUSE_STAGES)).max(ROOT_CAUSE_STAGES.length).default([]),
    analysis: note,
  }).prefault({}),
  /** 3.4.2 货物检验情况 */
  inspections: z.array(z.strictObject({
    by: z.enum(INSPECTION_BODIES),
    institution: text(200).default(''),
    date: z.iso.date().nullable().default(null),
    result: z.enum(INSPECTION_RESULTS),
    details: note,
  })).max(20).default([]),
  /** 3.4.3 企业质量体系情况 — only where it caused the return */
  qualitySystem: z.strictObject({
    qms: qmsItem.prefault({}),
    productCertification: qmsItem.prefault({}),
    destinationStandards: qmsItem.prefault({}),
    /** 企业管理类别 (e.g. 一类, 二类, AA, A, B, C, D) */
    managementCategory: text(20).default(''),
    judgement: z.enum(QMS_JUDGEMENTS).nullable().default(null),
    causedReturn: z.boolean().nullable().default(null),
  }).prefault({}),
  /** 3.4.4 企业诚信: each of the four behaviours */
  integrity: z.strictObject({
    evadedExportSupervision: integrityItem.prefault({}),
    misstatedReturnReason: integrityItem.prefault({}),
    productDiffersFromCertified: integrityItem.prefault({}),
    usedReturnModeToEvadeImport: integrityItem.prefault({}),
  }).prefault({}),
  /** 3.4.5 货物流向 */
  goodsFlow: z.strictObject({
    flow: z.enum(GOODS_FLOWS).nullable().default(null),
    otherText: text(200).default(''),
    date: z.iso.date().nullable().default(null),
    evidence: note,
  }).prefault({}),
  /** 3.4.6 其他情况 */
  otherCircumstances: z.strictObject({
    bigCustomerDemandChange: z.boolean().default(false),
    unequalTradePosition: z.boolean().default(false),
    customerArrears: z.boolean().default(false),
    transportLoss: z.boolean().default(false),
    technicalBarrier: z.boolean().default(false),
    note,
  }).prefault({}),
  /** corrective actions proposed to the enterprise (纠正措施) */
  correctiveActions: z.array(z.strictObject({
    action: plainText(500, 1),
    dueOn: z.iso.date(),
    done: z.boolean().default(false),
  })).max(20).default([]),
  summary: plainText(5000).default(''),
});
export type Findings = z.infer<typeof findingsSchema>;
export const EMPTY_FINDINGS: Findings = findingsSchema.parse({});

const req = (field: string, en: string, zh: string): LocalizedIssue => ({ field, code: 'required', message: en, messageZh: zh });

/** What a submission still lacks, as field errors; empty when the findings may be submitted. */
export function checkFindingsComplete(f: Findings, type: InvestigationType): LocalizedIssue[] {
  const out: LocalizedIssue[] = [];
  if (!f.returnReason.category) out.push(req('returnReason.category', 'State whether the reason is quality or not', '请认定退运原因是否为质量原因'));
  if (f.returnReason.category === 'non_quality' && !f.returnReason.nonQualityKind) {
    out.push(req('returnReason.nonQualityKind', 'Choose the kind of non-quality reason', '请选择非质量原因类别'));
  }
  if (!f.goodsFlow.flow) out.push(req('goodsFlow.flow', 'State where the goods went', '请填写货物流向'));
  if (f.goodsFlow.flow === 'other' && !f.goodsFlow.otherText) out.push(req('goodsFlow.otherText', 'Describe the other flow', '请说明其他流向'));
  if (!f.summary) out.push(req('summary', 'Write a summary', '请填写调查结论'));
  if (type === 'filing_only') return out;
  if (!f.returnReason.analysis) out.push(req('returnReason.analysis', 'Analyse the return reason', '请填写退运原因分析'));
  if (!f.qualitySystem.judgement) out.push(req('qualitySystem.judgement', 'Judge the completeness of the quality system', '请判定企业质量体系完善性'));
  for (const k of ['evadedExportSupervision', 'misstatedReturnReason', 'productDiffersFromCertified', 'usedReturnModeToEvadeImport'] as const) {
    if (f.integrity[k].found === null) out.push(req(`integrity.${k}.found`, 'State whether this was found', '请认定是否存在该情形'));
  }
  if (!f.goodsFlow.evidence) out.push(req('goodsFlow.evidence', 'Describe the evidence of the goods flow', '请填写货物流向证据'));
  return out;
}
