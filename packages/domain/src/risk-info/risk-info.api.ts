/** Request and response shapes of /api/v1/risk-info, shared by server, OpenAPI and the web UI. */
import { z } from 'zod';
import { pageOf, pageQuerySchema, text } from '../api/common';
import { INVESTIGATION_TYPES, riskFactorsSchema, riskGoodsLineSchema } from './risk-info.schema';
import { RISK_INFO_EVENTS, RISK_INFO_STATES } from './risk-info.machine';
import { RISK_SOURCES } from './sources';

const name = z.object({ zh: z.string(), en: z.string() });
const orgRef = z.object({ id: z.uuid(), name });

export const firedRuleViewSchema = z.object({
  id: z.string(),
  clause: z.string(),
  outcome: z.enum([...INVESTIGATION_TYPES, 'exclude']),
  reason: name,
  detail: name.nullable(),
  suppressed: z.boolean(),
});

/** The rule decision stored with the record, with the policy version that produced it. */
export const typeDecisionViewSchema = z.object({
  type: z.enum(INVESTIGATION_TYPES),
  decidedBy: z.string(),
  fired: z.array(firedRuleViewSchema),
  valueUnknown: z.boolean(),
  /** null = the document's defaults applied (no published version) */
  policyVersion: z.number().int().nullable(),
  decidedAt: z.string(),
}).meta({ id: 'InvestigationTypeDecision' });

export const riskInfoLinkKinds = ['duplicate_declaration', 'duplicate_notification', 'related_return'] as const;

/** Extra actions beside the state machine's events, computed on the server for the caller. */
export const RISK_INFO_EXTRA_ACTIONS = ['override_type', 'mark_crime_lead', 'print'] as const;

export const riskInfoViewSchema = z.object({
  id: z.uuid(),
  /** 风险信息编号 */
  infoNo: z.string(),
  source: z.enum(RISK_SOURCES),
  state: z.enum(RISK_INFO_STATES),
  title: z.string(),
  description: z.string(),
  sourceRef: z.string(),
  occurredOn: z.string().nullable(),
  importDeclarationNo: z.string().nullable(),
  exportReturn: z.object({ id: z.uuid(), unifiedNo: z.string(), returnNo: z.string().nullable() }).nullable(),
  office: orgRef,
  enterpriseCreditCode: z.string().nullable(),
  enterpriseName: z.string(),
  brand: z.string(),
  countryCode: z.string().nullable(),
  goods: z.array(riskGoodsLineSchema),
  reasonCodes: z.array(z.string()),
  factors: riskFactorsSchema,
  /** decimal string; null when an amount or a rate is missing */
  batchValueUsd: z.string().nullable(),
  /** the collection form (采集表) */
  collection: z.object({
    collectedOn: z.string(),
    collectorName: z.string(),
    collectingOrg: orgRef,
    proposedInvestigatingOrg: orgRef.nullable(),
    contactName: z.string(),
    contactPhone: z.string(),
    reviewOpinion: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  }),
  investigatingOrg: orgRef.nullable(),
  /** why the record was dismissed (不予调查); empty otherwise */
  dismissReason: z.string(),
  typeDecision: typeDecisionViewSchema.nullable(),
  typeOverride: z.object({ type: z.enum(INVESTIGATION_TYPES), reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  /** override ?? rule decision */
  effectiveType: z.enum(INVESTIGATION_TYPES).nullable(),
  crimeLead: z.object({ marked: z.boolean(), note: z.string(), by: z.string().nullable(), at: z.string().nullable() }),
  links: z.array(z.object({
    id: z.number().int(),
    kind: z.enum(riskInfoLinkKinds),
    exportReturn: z.object({ id: z.uuid(), unifiedNo: z.string() }).nullable(),
    foreignNotificationId: z.uuid().nullable(),
    note: z.string(),
    at: z.string(),
  })),
  transfers: z.array(z.object({
    id: z.number().int(),
    toOrg: orgRef,
    status: z.enum(['pending', 'accepted', 'declined']),
    note: z.string(),
    reason: z.string(),
    by: z.string(),
    at: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })),
  files: z.array(z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string() })),
  investigationId: z.uuid().nullable(),
  allowedActions: z.array(z.enum([...RISK_INFO_EVENTS, ...RISK_INFO_EXTRA_ACTIONS])),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'RiskInfo' });
export type RiskInfoView = z.infer<typeof riskInfoViewSchema>;

export const riskInfoListQuerySchema = pageQuerySchema.extend({
  q: text(100).optional(),
  source: z.enum(RISK_SOURCES).optional(),
  state: z.enum(RISK_INFO_STATES).optional(),
  type: z.enum(INVESTIGATION_TYPES).optional(),
  crimeLead: z.enum(['true', 'false']).optional(),
  /** collection date range (Beijing dates) */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** `incoming` = records transferred to the caller's organisation for acceptance or investigation */
  box: z.enum(['all', 'incoming']).default('all'),
});
export type RiskInfoListQuery = z.infer<typeof riskInfoListQuerySchema>;

export const riskInfoListItemSchema = riskInfoViewSchema.pick({
  id: true, infoNo: true, source: true, state: true, title: true, office: true, enterpriseName: true,
  importDeclarationNo: true, batchValueUsd: true, effectiveType: true, investigatingOrg: true, investigationId: true,
  createdAt: true,
}).extend({ collectedOn: z.string(), crimeLead: z.boolean(), overridden: z.boolean() });
export type RiskInfoListItem = z.infer<typeof riskInfoListItemSchema>;
export const riskInfoListSchema = pageOf(riskInfoListItemSchema);
