/** Request and response shapes of the export-return API (`/api/v1/export-returns`), shared with the web UI. */
import { z } from 'zod';
import { pageQuerySchema, text } from '../api/common';
import { importDeclarationNumberSchema } from '../codes/declaration-number';
import { exportReturnInputSchema } from './export-return.schema';
import { EXPORT_RETURN_EVENTS } from './export-return.machine';
import { EXPORT_RETURN_STATUSES } from './status';

export const partySchema = z.object({ creditCode: z.string(), customsCode: z.string(), name: z.string() });
export type Party = z.infer<typeof partySchema>;

/** Grey header fields, backfilled from the import declaration (003 §4.1.1 表头). */
export const exportReturnFilledSchema = z.object({
  importDeclarationNo: z.string(),
  declaringUnit: partySchema,
  declarantName: z.string(),
  consignee: partySchema,
  consumerUnit: partySchema,
  /** defaults for the two editable backfilled fields */
  consigneeAddress: z.string(),
  consumerDistrict: z.string(),
  declareDate: z.string(),
  arrivalDate: z.string().nullable(),
  /** 退货国家(地区) = 启运国, ISO 3166-1 alpha-3 */
  returnCountry: z.string(),
  /** 受理报关机构 = 申报地海关 */
  acceptingCustoms: z.string(),
  /** 海关贸易方式 = 监管方式 */
  tradeMode: z.string(),
  billOfLading: z.string(),
  destinationCustoms: z.string(),
}).meta({ id: 'ExportReturnFilled' });
export type ExportReturnFilled = z.infer<typeof exportReturnFilledSchema>;

/** A goods line: grey fields from the import declaration's line, plus weight and the industrial flag. */
export const exportReturnLineSchema = z.object({
  lineNo: z.number().int(),
  hsCode: z.string(),
  supervisionCategory: z.string(),
  goodsName: z.string(),
  /** decimal strings: money and quantities are never floats */
  amount: z.string(),
  currency: z.string(),
  quantity: z.string(),
  unit: z.string(),
  weightKg: z.string().nullable(),
  industrial: z.boolean(),
});
export type ExportReturnLine = z.infer<typeof exportReturnLineSchema>;

/** Answer to "Enter" on the import declaration number: everything the form fills in. */
export const backfillSchema = z.object({
  filled: exportReturnFilledSchema,
  lines: z.array(exportReturnLineSchema),
  /** the customs office that will audit the declaration */
  competentOffice: z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
}).meta({ id: 'ExportReturnBackfill' });
export type Backfill = z.infer<typeof backfillSchema>;
export const backfillParamsSchema = z.strictObject({ importDeclarationNo: importDeclarationNumberSchema });

export const receiptSchema = z.object({
  seq: z.number().int(),
  status: z.number().int(),
  messageZh: z.string(),
  messageEn: z.string(),
  reasons: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  at: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const exportReturnViewSchema = z.object({
  id: z.uuid(),
  unifiedNo: z.string(),
  returnNo: z.string().nullable(),
  status: z.number().int(),
  enterprise: z.object({ id: z.uuid(), creditCode: z.string(), customsCode: z.string(), name: z.string() }),
  /** 采集人 */
  collectorName: z.string(),
  /** 采集机构类别: always 企业 for this module */
  collectorType: z.literal('enterprise'),
  /** 退货信息来源: 进境货物报关时提供的有效单证 */
  source: z.literal('import_declaration_documents'),
  collectedAt: z.string().nullable(),
  competentOffice: z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  filled: exportReturnFilledSchema,
  input: exportReturnInputSchema,
  lines: z.array(exportReturnLineSchema),
  /** the latest rejection, shown to the enterprise (status 4, 6 or 8) */
  rejection: z.object({ messageZh: z.string(), messageEn: z.string(), reasons: receiptSchema.shape.reasons }).nullable(),
  attachmentCount: z.number().int(),
  /** events the caller may cause now (drives which buttons are enabled) */
  allowedActions: z.array(z.enum(EXPORT_RETURN_EVENTS as [string, ...string[]])),
  lastOperatedAt: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  // not "ExportReturn": the OpenAPI generator names request variants "<id>Input", which would clash with ExportReturnInput
}).meta({ id: 'ExportReturnView' });
export type ExportReturnView = z.infer<typeof exportReturnViewSchema>;

/** A row of the query list (003 §4.2 出口退货信息查询). */
export const exportReturnRowSchema = z.object({
  id: z.uuid(),
  unifiedNo: z.string(),
  returnNo: z.string().nullable(),
  importDeclarationNo: z.string(),
  status: z.number().int(),
  consigneeCode: z.string(),
  consigneeName: z.string(),
  manufacturerCode: z.string(),
  manufacturerName: z.string(),
  enterpriseName: z.string(),
  collectorName: z.string(),
  collectedAt: z.string().nullable(),
  totalAmount: z.string(),
  lastOperatedAt: z.string(),
  queuedAt: z.string().nullable(),
  /** waiting for manual audit longer than the competent office's policy allows */
  overdue: z.boolean(),
});
export type ExportReturnRow = z.infer<typeof exportReturnRowSchema>;

export const MAX_QUERY_DAYS = 30;

/**
 * Query conditions of the manual. `from`/`to` bound the last-operation time (dates, Beijing time, inclusive);
 * both default to today and may span at most 30 days. `consignee` and `manufacturer` take a credit code or a
 * customs code.
 */
export const exportReturnQuerySchema = pageQuerySchema.extend({
  importDeclarationNo: z.string().regex(/^\d{1,18}$/).optional(),
  unifiedNo: z.string().regex(/^\d{1,18}$/).optional(),
  status: z.coerce.number().int().refine((n) => (EXPORT_RETURN_STATUSES as readonly number[]).includes(n), { message: 'status 0-8' }).optional(),
  consignee: text(18).optional(),
  manufacturer: text(18).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ExportReturnQuery = z.infer<typeof exportReturnQuerySchema>;

/** The auditor's queue: status 5 in the caller's jurisdiction, oldest first; no 30-day window. */
export const auditQueueQuerySchema = pageQuerySchema.extend({
  overdueOnly: z.enum(['true', 'false']).optional(),
  office: z.string().regex(/^\d{4}$/).optional(),
  importDeclarationNo: z.string().regex(/^\d{1,18}$/).optional(),
  enterprise: text(100).optional(),
});

export const batchDeleteSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });
export const batchDeleteResultSchema = z.object({
  deleted: z.array(z.uuid()),
  refused: z.array(z.object({ id: z.uuid(), unifiedNo: z.string().nullable(), code: z.string(), message: z.string(), messageZh: z.string() })),
});

export const auditDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), opinion: text(500).optional() }),
  z.strictObject({ decision: z.literal('reject'), reason: text(500, 1) }),
]).meta({ id: 'ExportReturnAuditDecision' });

export const exportReturnDashboardSchema = z.object({
  byStatus: z.array(z.object({ status: z.number().int(), count: z.number().int() })),
  total: z.number().int(),
  recentRejections: z.array(z.object({
    id: z.uuid(), unifiedNo: z.string(), status: z.number().int(), messageZh: z.string(), messageEn: z.string(), at: z.string(),
  })),
  /** for customs users: queue size and overdue count in their jurisdiction */
  queue: z.object({ waiting: z.number().int(), overdue: z.number().int() }).nullable(),
});

export const attachmentSchema = z.object({
  id: z.uuid(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), sha256: z.string(), uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
