import {
  bigserial, boolean, customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from './core';
import { exportReturns } from './export-returns';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Risk information (风险信息) with its collection form (采集表, 000 §3.1.2). Owned by the customs office that
 * collected it (`office*`) and, once transferred, visible to the investigating organisation (`investigatingOrg*`).
 * One record per approved declaration (`export_return_id` unique) and per foreign notification, so duplicates are
 * linked (`risk_info_links`) instead of re-created.
 */
export const riskInfos = pgTable('risk_infos', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** 风险信息编号: `R` + district(4) + YY + 6-digit sequence */
  infoNo: text('info_no').notNull(),
  source: text('source').notNull(),
  state: text('state').notNull().default('collected'),
  officeId: uuid('office_id').notNull().references(() => organisations.id),
  officePath: text('office_path').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  sourceRef: text('source_ref').notNull().default(''),
  occurredOn: date('occurred_on', { mode: 'string' }),
  exportReturnId: uuid('export_return_id').references(() => exportReturns.id),
  importDeclarationNo: text('import_declaration_no'),
  foreignNotificationId: uuid('foreign_notification_id'),
  /** the enterprise concerned: credit code and name as stated, and the platform organisation when it is known */
  enterpriseCreditCode: text('enterprise_credit_code'),
  enterpriseName: text('enterprise_name').notNull().default(''),
  enterpriseId: uuid('enterprise_id').references(() => organisations.id),
  brand: text('brand').notNull().default(''),
  countryCode: text('country_code'),
  /** RiskGoodsLine[] */
  goods: jsonb('goods').notNull().default([]),
  /** every HS code of the goods, for matching and grading */
  hsCodes: text('hs_codes').array().notNull().default([]),
  reasonCodes: text('reason_codes').array().notNull().default([]),
  /** RiskFactors */
  factors: jsonb('factors').notNull(),
  /** the batch value converted to USD with the rate table; null when an amount or a rate is missing */
  batchValueUsd: numeric('batch_value_usd', { precision: 19, scale: 2 }),
  // -- collection form (采集表)
  collectedOn: date('collected_on', { mode: 'string' }).notNull(),
  collectorId: uuid('collector_id').references(() => users.id),
  collectorName: text('collector_name').notNull(),
  collectingOrgId: uuid('collecting_org_id').notNull().references(() => organisations.id),
  proposedInvestigatingOrgId: uuid('proposed_investigating_org_id').references(() => organisations.id),
  contactName: text('contact_name').notNull().default(''),
  contactPhone: text('contact_phone').notNull().default(''),
  reviewOpinion: text('review_opinion').notNull().default(''),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: ts('reviewed_at'),
  /** the organisation the record is transferred to (pending or accepted) */
  investigatingOrgId: uuid('investigating_org_id').references(() => organisations.id),
  investigatingOrgPath: text('investigating_org_path').notNull().default(''),
  // -- investigation type: the rule decision (InvestigationTypeDecision + policy version) and an override
  typeDecision: jsonb('type_decision'),
  overrideType: text('override_type'),
  overrideReason: text('override_reason').notNull().default(''),
  overrideBy: uuid('override_by').references(() => users.id),
  overrideAt: ts('override_at'),
  // -- crime lead for public security (涉案线索)
  crimeLead: boolean('crime_lead').notNull().default(false),
  crimeLeadNote: text('crime_lead_note').notNull().default(''),
  crimeLeadBy: uuid('crime_lead_by').references(() => users.id),
  crimeLeadAt: ts('crime_lead_at'),
  dismissReason: text('dismiss_reason').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('risk_infos_info_no_uq').on(t.infoNo),
  uniqueIndex('risk_infos_export_return_uq').on(t.exportReturnId),
  uniqueIndex('risk_infos_notification_uq').on(t.foreignNotificationId),
  index('risk_infos_office_idx').on(t.officePath, t.createdAt),
  index('risk_infos_investigating_idx').on(t.investigatingOrgPath),
  index('risk_infos_import_idx').on(t.importDeclarationNo),
  index('risk_infos_enterprise_idx').on(t.enterpriseCreditCode),
]);

/** Duplicates and confirmed relations, linked to the record instead of creating another one. */
export const riskInfoLinks = pgTable('risk_info_links', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  riskInfoId: uuid('risk_info_id').notNull().references(() => riskInfos.id, { onDelete: 'cascade' }),
  /** duplicate_declaration | duplicate_notification | related_return */
  kind: text('kind').notNull(),
  exportReturnId: uuid('export_return_id').references(() => exportReturns.id),
  foreignNotificationId: uuid('foreign_notification_id'),
  note: text('note').notNull().default(''),
  linkedBy: uuid('linked_by'),
  at: ts('at').notNull(),
}, (t) => [index('risk_info_links_record_idx').on(t.riskInfoId)]);

/** Transfers (传递) to investigating organisations and their answer (受理 / 退回). */
export const riskInfoTransfers = pgTable('risk_info_transfers', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  riskInfoId: uuid('risk_info_id').notNull().references(() => riskInfos.id, { onDelete: 'cascade' }),
  toOrgId: uuid('to_org_id').notNull().references(() => organisations.id),
  note: text('note').notNull().default(''),
  /** pending | accepted | declined */
  status: text('status').notNull().default('pending'),
  reason: text('reason').notNull().default(''),
  by: uuid('by').notNull().references(() => users.id),
  at: ts('at').notNull(),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: ts('decided_at'),
}, (t) => [index('risk_info_transfers_record_idx').on(t.riskInfoId), index('risk_info_transfers_to_idx').on(t.toOrgId, t.status)]);

/** Pictures and documents of a record (public-report photos, notices), checked by content, kept in the database. */
export const riskInfoFiles = pgTable('risk_info_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  riskInfoId: uuid('risk_info_id').notNull().references(() => riskInfos.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: ts('uploaded_at').notNull(),
}, (t) => [index('risk_info_files_record_idx').on(t.riskInfoId)]);

/**
 * Public real-name reports (实名举报). The identity number is stored SM4-encrypted with a masked copy for display;
 * the tracking code is stored only as its SM3 digest. `id_digest` (SM3 of the normalised number) serves the
 * per-identity rate limit without decrypting.
 */
export const publicReports = pgTable('public_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  riskInfoId: uuid('risk_info_id').notNull().references(() => riskInfos.id),
  trackingCodeDigest: text('tracking_code_digest').notNull(),
  reporterName: text('reporter_name').notNull(),
  idNumberEnc: text('id_number_enc').notNull(),
  idNumberMasked: text('id_number_masked').notNull(),
  idDigest: text('id_digest').notNull(),
  phone: text('phone').notNull(),
  email: text('email').notNull().default(''),
  ip: text('ip').notNull(),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  uniqueIndex('public_reports_tracking_uq').on(t.trackingCodeDigest),
  index('public_reports_ip_idx').on(t.ip, t.createdAt),
  index('public_reports_id_idx').on(t.idDigest, t.createdAt),
]);

/** Foreign official notifications and recalls (境外通报召回), imported in bulk per jurisdiction. */
export const foreignNotifications = pgTable('foreign_notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  jurisdictionId: uuid('jurisdiction_id').notNull().references(() => organisations.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
  importBatchId: uuid('import_batch_id').notNull(),
  /** ISO 3166-1 alpha-3 of the notifying country/region */
  countryCode: text('country_code').notNull(),
  notifiedOn: date('notified_on', { mode: 'string' }).notNull(),
  product: text('product').notNull(),
  hsCode: text('hs_code'),
  enterpriseOrBrand: text('enterprise_or_brand').notNull().default(''),
  /** the credit code when the notice names a Chinese exporter that the platform knows */
  enterpriseCreditCode: text('enterprise_credit_code'),
  measure: text('measure').notNull(),
  reason: text('reason').notNull(),
  /** the notification's own reference (RAPEX/Safety Gate number, CPSC recall number) */
  reference: text('reference').notNull().default(''),
  /** normalised identity of the notification, so a re-import links instead of duplicating */
  dedupeKey: text('dedupe_key').notNull(),
  riskInfoId: uuid('risk_info_id'),
  importedBy: uuid('imported_by').notNull().references(() => users.id),
  importedAt: ts('imported_at').notNull(),
}, (t) => [
  uniqueIndex('foreign_notifications_dedupe_uq').on(t.jurisdictionId, t.dedupeKey),
  index('foreign_notifications_batch_idx').on(t.importBatchId),
]);

/** Proposed links between a foreign notification and existing export returns, confirmed or rejected by an officer. */
export const notificationMatches = pgTable('notification_matches', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  notificationId: uuid('notification_id').notNull().references(() => foreignNotifications.id, { onDelete: 'cascade' }),
  exportReturnId: uuid('export_return_id').notNull().references(() => exportReturns.id),
  score: integer('score').notNull(),
  /** what matched: { creditCode, name, hsPrefix, country } */
  basis: jsonb('basis').notNull(),
  /** proposed | confirmed | rejected */
  status: text('status').notNull().default('proposed'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: ts('decided_at'),
}, (t) => [
  uniqueIndex('notification_matches_uq').on(t.notificationId, t.exportReturnId),
]);
