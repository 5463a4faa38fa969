import {
  bigserial, boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Customs declarations (报关单) as they arrive from the customs feed: the source that export-return declarations
 * are backfilled from. `entryId` (18 digits) is the natural key: re-loading a declaration updates it in place.
 * Parties are stored denormalised (credit code + customs code + name) exactly as declared; they need not be
 * organisations of the platform.
 */
export const customsDeclarations = pgTable('customs_declarations', {
  id: uuid('id').primaryKey().defaultRandom(),
  entryId: text('entry_id').notNull(),
  /** 'import' | 'export', from the 9th digit of entryId */
  direction: text('direction').notNull(),
  /** 申报地海关: the customs district where it was declared (4 digits) */
  declarePort: text('declare_port').notNull(),
  /** 进出境关别 */
  iePort: text('ie_port').notNull().default(''),
  /** 目的地海关 (import) */
  destinationPort: text('destination_port').notNull().default(''),
  declareDate: date('declare_date', { mode: 'string' }).notNull(),
  /** 进口日期 / 出口日期 */
  ieDate: date('ie_date', { mode: 'string' }),
  declaringUnitCreditCode: text('declaring_unit_credit_code').notNull().default(''),
  declaringUnitCustomsCode: text('declaring_unit_customs_code').notNull().default(''),
  declaringUnitName: text('declaring_unit_name').notNull().default(''),
  declarantName: text('declarant_name').notNull().default(''),
  /** 境内收发货人: consignee for imports, consignor for exports */
  traderCreditCode: text('trader_credit_code').notNull().default(''),
  traderCustomsCode: text('trader_customs_code').notNull().default(''),
  traderName: text('trader_name').notNull().default(''),
  /** 消费使用单位 (import) / 生产销售单位 (export) */
  ownerCreditCode: text('owner_credit_code').notNull().default(''),
  ownerCustomsCode: text('owner_customs_code').notNull().default(''),
  ownerName: text('owner_name').notNull().default(''),
  /** customs district where the consumer/user unit is located (消费使用单位所在地关区) */
  ownerDistrict: text('owner_district').notNull().default(''),
  /** registered address of the consignee (返填 收货人所在地) */
  traderAddress: text('trader_address').notNull().default(''),
  /** 启运国 (import) / 运抵国 (export), ISO 3166-1 alpha-3 */
  countryCode: text('country_code').notNull().default(''),
  /** 监管方式 (trade mode), 4-digit code, e.g. 0110 一般贸易, 4561 退运货物 */
  tradeMode: text('trade_mode').notNull().default(''),
  billOfLading: text('bill_of_lading').notNull().default(''),
  /** 撤单: a withdrawn declaration may not be used for a return */
  withdrawn: boolean('withdrawn').notNull().default(false),
  lineCount: integer('line_count').notNull().default(0),
  loadedAt: ts('loaded_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('customs_declarations_entry_uq').on(t.entryId),
  index('customs_declarations_trader_idx').on(t.traderCreditCode, t.declareDate),
  index('customs_declarations_declaring_idx').on(t.declaringUnitCreditCode),
]);

/** Goods lines (表体) of a customs declaration; replaced as a whole when the declaration is re-loaded. */
export const customsDeclarationLines = pgTable('customs_declaration_lines', {
  declarationId: uuid('declaration_id').notNull().references(() => customsDeclarations.id, { onDelete: 'cascade' }),
  lineNo: integer('line_no').notNull(),
  hsCode: text('hs_code').notNull(),
  goodsName: text('goods_name').notNull(),
  /** 监管类别名称, e.g. 法检 / 非法检 (the legal-inspection catalogue flag as declared) */
  supervisionCategory: text('supervision_category').notNull().default(''),
  quantity: numeric('quantity', { precision: 19, scale: 5 }).notNull(),
  /** 成交计量单位, customs unit code (3 digits) */
  unit: text('unit').notNull(),
  totalPrice: numeric('total_price', { precision: 19, scale: 4 }).notNull(),
  /** ISO 4217 */
  currency: text('currency').notNull(),
  /** 原产国 / 最终目的国, ISO 3166-1 alpha-3 */
  originCountry: text('origin_country').notNull().default(''),
}, (t) => [
  primaryKey({ columns: [t.declarationId, t.lineNo] }),
  index('customs_declaration_lines_hs_idx').on(t.hsCode),
]);

/** One row per feed load (JSON batch, spreadsheet upload or bulk file), for operators and the audit trail. */
export const customsFeedLoads = pgTable('customs_feed_loads', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel').notNull(),
  fileName: text('file_name').notNull().default(''),
  declarations: integer('declarations').notNull().default(0),
  lines: integer('lines').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
  loadedBy: uuid('loaded_by'),
});
