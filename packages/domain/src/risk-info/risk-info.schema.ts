/**
 * Input shapes of risk-information records and their collection form (出口退运货物追溯调查信息采集表, 000 §3.1.2):
 * collection date, collector, collecting organisation, source, returned-goods details, proposed investigating
 * organisation, investigation contact, review opinion. Server routes, OpenAPI and web forms all use these.
 */
import { z } from 'zod';
import { plainText, text } from '../api/common';
import { creditCodeSchema } from '../codes/credit-code';
import { importDeclarationNumberSchema } from '../codes/declaration-number';
import { hsCodeSchema } from '../codes/hs-code';
import { REASON_CODE_RE } from '../export-returns/reasons';
import { MANUAL_RISK_SOURCES } from './sources';

/** A decimal amount as a JSON number: non-negative, at most 4 decimals, below 10^15. */
const money = z.number().finite().nonnegative().max(1e15).multipleOf(0.0001);

export const riskGoodsLineSchema = z.strictObject({
  name: text(200, 1),
  hsCode: hsCodeSchema.optional(),
  quantity: z.number().finite().nonnegative().max(1e12).optional(),
  unit: text(20).optional(),
  amount: money.optional(),
  /** ISO 4217; required with an amount */
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
}).superRefine((l, ctx) => {
  if (l.amount !== undefined && !l.currency) {
    ctx.addIssue({ code: 'custom', path: ['currency'], params: { code: 'required', en: 'A currency is required with an amount', zh: '填写金额时须选择币制' } });
  }
});
export type RiskGoodsLine = z.infer<typeof riskGoodsLineSchema>;

/**
 * Facts an officer states about the record that the investigation-type rules (000 §3.3) read. For records made
 * from declarations most are derived (reason tags, 出口是否法检); the officer may still correct them before review.
 */
export const riskFactorsSchema = z.strictObject({
  /** 安全、卫生、环保、健康不合格 */
  safetyHealthEnv: z.boolean().default(false),
  /** 境外客户退运理由涉及技术性贸易壁垒 */
  technicalBarrier: z.boolean().default(false),
  /** 被境外官方以召回、下架或通报等方式强制退回 */
  foreignOfficial: z.boolean().default(false),
  /** 对外承包工程项下复运进境的设备、物资 */
  overseasProjectEquipment: z.boolean().default(false),
  /** inspected at export although outside the catalogue (援外物资、双边协议产品) */
  inspectedAtExport: z.boolean().default(false),
  /** 国家主管部门发布的与出口退货有关且仍在有效期内的警示通报所涉产品 */
  warningInForce: z.boolean().default(false),
  /** a higher risk was assessed for this record (000 §3.3.1 引入风险评估) */
  higherRiskAssessed: z.boolean().default(false),
});
export type RiskFactors = z.infer<typeof riskFactorsSchema>;
export const NO_RISK_FACTORS: RiskFactors = riskFactorsSchema.parse({});

/** The collection-form part an officer fills or corrects (the rest is system-filled). */
export const collectionFormInputSchema = z.strictObject({
  /** 信息收集日期, Beijing date */
  collectedOn: z.iso.date(),
  /** 拟调查机构 */
  proposedInvestigatingOrgId: z.uuid().nullable().optional(),
  /** 调查联系人 */
  contactName: text(50).optional(),
  contactPhone: text(40).optional(),
});

const recordBody = {
  title: text(200, 1),
  description: plainText(5000).default(''),
  /** the source's own reference (complaint number, RAPEX/CPSC notification number, article link) */
  sourceRef: text(300).default(''),
  /** when the event happened or was published, if known */
  occurredOn: z.iso.date().optional(),
  importDeclarationNo: importDeclarationNumberSchema.optional(),
  /** the enterprise concerned (manufacturer or exporter) */
  enterpriseCreditCode: creditCodeSchema.optional(),
  enterpriseName: text(200).default(''),
  /** brand or trademark, when an enterprise is not known */
  brand: text(100).default(''),
  /** country or region concerned (returning country, notifying country), ISO 3166-1 alpha-3 */
  countryCode: z.string().regex(/^[A-Z]{3}$/).optional(),
  goods: z.array(riskGoodsLineSchema).max(200).default([]),
  reasonCodes: z.array(z.string().regex(REASON_CODE_RE)).max(20).default([]),
  factors: riskFactorsSchema.default(NO_RISK_FACTORS),
  collection: collectionFormInputSchema,
};

/** A record entered by hand (every source except declarations and public reports). */
export const riskInfoCreateSchema = z.strictObject({
  source: z.enum(MANUAL_RISK_SOURCES),
  /** the customs office that owns the record; defaults to the officer's own office */
  officeId: z.uuid().optional(),
  ...recordBody,
});
export type RiskInfoCreateInput = z.infer<typeof riskInfoCreateSchema>;

/** Editing a record (PUT with If-Match): the same body without source and office. */
export const riskInfoUpdateSchema = z.strictObject(recordBody);
export type RiskInfoUpdateInput = z.infer<typeof riskInfoUpdateSchema>;

export const riskInfoReviewSchema = z.strictObject({ opinion: plainText(1000, 1) });
export const riskInfoReasonSchema = z.strictObject({ reason: plainText(1000, 1) });
export const riskInfoTransferSchema = z.strictObject({
  toOrgId: z.uuid(),
  contactName: text(50).optional(),
  contactPhone: text(40).optional(),
  note: plainText(1000).default(''),
});
export const INVESTIGATION_TYPES = ['on_site', 'written', 'filing_only'] as const;
export type InvestigationType = (typeof INVESTIGATION_TYPES)[number];
export const INVESTIGATION_TYPE_LABELS: Record<InvestigationType, { zh: string; en: string }> = {
  on_site: { zh: '现场调查', en: 'On-site investigation' },
  written: { zh: '书面调查', en: 'Written investigation' },
  filing_only: { zh: '备案调查', en: 'Filing only' },
};
/** An officer's override of the rule decision: the reason is mandatory and shown beside the rule decision. */
export const investigationTypeOverrideSchema = z.strictObject({
  type: z.enum(INVESTIGATION_TYPES),
  reason: plainText(1000, 1),
});
export type InvestigationTypeOverride = z.infer<typeof investigationTypeOverrideSchema>;

/** Marking (or unmarking) a record as a crime lead for transfer to public security (涉案线索移交公安). */
export const crimeLeadSchema = z.strictObject({
  crimeLead: z.boolean(),
  note: plainText(1000).default(''),
}).superRefine((v, ctx) => {
  if (v.crimeLead && !v.note) {
    ctx.addIssue({ code: 'custom', path: ['note'], params: { code: 'required', en: 'Say why this is a crime lead', zh: '请说明涉案线索的理由' } });
  }
});
