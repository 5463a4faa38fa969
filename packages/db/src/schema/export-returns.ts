import {
  bigserial, boolean, customType, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp,
  uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Export-return declarations (出口退货申请, Single Window module). The enterprise-editable part lives in typed
 * columns so that queries and indexes can use it; fields backfilled from the import declaration are copied
 * (`filled` jsonb) so that a later feed correction does not silently change what the enterprise submitted.
 */
export const exportReturns = pgTable('export_returns', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** 统一编号: 18 digits, year + 14-digit sequence, assigned on first save */
  unifiedNo: text('unified_no').notNull(),
  /** 退货编号: district(4) + YY + sequence(6), assigned on manual approval */
  returnNo: text('return_no'),
  /** status code 0-8 of the Single Window manual */
  status: integer('status').notNull().default(0),
  /** the collecting enterprise (采集机构) and its operator (采集人) */
  enterpriseId: uuid('enterprise_id').notNull().references(() => organisations.id),
  /** materialised path of the enterprise, for jurisdiction scoping of enterprise users */
  enterprisePath: text('enterprise_path').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  /** the customs office competent for audit (the import declaration's declaring customs) and its path */
  competentOfficeId: uuid('competent_office_id').references(() => organisations.id),
  competentOfficePath: text('competent_office_path').notNull().default(''),
  importDeclarationNo: text('import_declaration_no').notNull(),
  consigneeCreditCode: text('consignee_credit_code').notNull().default(''),
  manufacturerCreditCode: text('manufacturer_credit_code').notNull().default(''),
  manufacturerCustomsCode: text('manufacturer_customs_code').notNull().default(''),
  /** the enterprise-entered part, validated by the domain schema (`exportReturnInputSchema`) */
  input: jsonb('input').notNull(),
  /** header fields backfilled from the import declaration (grey fields) */
  filled: jsonb('filled').notNull(),
  /** total of the goods lines in USD-equivalent is computed later by the risk engine; keep the declared sums */
  totalAmount: numeric('total_amount', { precision: 19, scale: 4 }).notNull().default('0'),
  /** 采集时间: set on submit */
  collectedAt: ts('collected_at'),
  submittedAt: ts('submitted_at'),
  /** when it entered the manual-audit queue (status 5), for oldest-first ordering and overdue marking */
  queuedAt: ts('queued_at'),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by').references(() => users.id),
  /** 最近操作时间 */
  lastOperatedAt: ts('last_operated_at').notNull(),
  deleted: boolean('deleted').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('export_returns_unified_uq').on(t.unifiedNo),
  uniqueIndex('export_returns_return_no_uq').on(t.returnNo),
  index('export_returns_enterprise_idx').on(t.enterprisePath, t.lastOperatedAt),
  index('export_returns_office_idx').on(t.competentOfficePath, t.status, t.queuedAt),
  index('export_returns_import_idx').on(t.importDeclarationNo),
  index('export_returns_last_op_idx').on(t.lastOperatedAt),
]);

/** Goods lines of a declaration, copied from the import declaration's lines plus the enterprise's entries. */
export const exportReturnLines = pgTable('export_return_lines', {
  returnId: uuid('return_id').notNull().references(() => exportReturns.id, { onDelete: 'cascade' }),
  lineNo: integer('line_no').notNull(),
  hsCode: text('hs_code').notNull(),
  supervisionCategory: text('supervision_category').notNull().default(''),
  goodsName: text('goods_name').notNull(),
  amount: numeric('amount', { precision: 19, scale: 4 }).notNull(),
  currency: text('currency').notNull(),
  quantity: numeric('quantity', { precision: 19, scale: 5 }).notNull(),
  unit: text('unit').notNull(),
  /** 退货重量 in kg, optional */
  weightKg: numeric('weight_kg', { precision: 19, scale: 5 }),
  /** 是否属于工业品 */
  industrial: boolean('industrial').notNull(),
}, (t) => [primaryKey({ columns: [t.returnId, t.lineNo] }), index('export_return_lines_hs_idx').on(t.hsCode)]);

/** 回执: one row per status change, shown to the enterprise in order. */
export const exportReturnReceipts = pgTable('export_return_receipts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  returnId: uuid('return_id').notNull().references(() => exportReturns.id, { onDelete: 'cascade' }),
  status: integer('status').notNull(),
  messageZh: text('message_zh').notNull(),
  messageEn: text('message_en').notNull(),
  /** machine-readable reasons (e-audit rule ids, rejection codes) */
  reasons: jsonb('reasons').notNull().default([]),
  at: ts('at').notNull(),
  byUser: uuid('by_user'),
}, (t) => [index('export_return_receipts_return_idx').on(t.returnId, t.id)]);

/** 随附单据: checked by content (magic bytes), stored in the database so a backup holds everything. */
export const exportReturnAttachments = pgTable('export_return_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  returnId: uuid('return_id').notNull().references(() => exportReturns.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedAt: ts('uploaded_at').notNull(),
}, (t) => [index('export_return_attachments_return_idx').on(t.returnId)]);

/** Next sequence number per (kind, scope), e.g. ('return_no', '0101-26') or ('unified_no', '2026'). */
export const sequenceCounters = pgTable('sequence_counters', {
  kind: text('kind').notNull(),
  scope: text('scope').notNull(),
  next: integer('next').notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.scope] })]);

/**
 * Idempotency-Key records: the first answer is replayed for the same key and body; a different body answers 422.
 * Keys are per user; rows are purged after 24 hours by a scheduled job.
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
  userId: uuid('user_id').notNull(),
  key: text('key').notNull(),
  /** SM3 of method + path + body */
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  responseBody: jsonb('response_body').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.key] })]);

/** Reference data: specific return reasons per category, tagged with what later rules need. */
export const refReturnReasons = pgTable('ref_return_reasons', {
  code: text('code').primaryKey(),
  /** quality | trade | transport | other */
  category: text('category').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** safety/health/environment (安全卫生环保) */
  safetyHealthEnv: boolean('safety_health_env').notNull().default(false),
  /** technical trade barrier (技术性贸易措施) */
  technicalBarrier: boolean('technical_barrier').notNull().default(false),
  /** foreign official recall / notification / forced return (境外官方) */
  foreignOfficial: boolean('foreign_official').notNull().default(false),
  /** returning equipment of an overseas contracted project (excluded from investigation) */
  overseasProjectEquipment: boolean('overseas_project_equipment').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

