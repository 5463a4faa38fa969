import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** HS sections (类): 22 sections, Roman numerals as codes. */
export const refHsSections = pgTable('ref_hs_sections', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  chapterFrom: text('chapter_from').notNull(),
  chapterTo: text('chapter_to').notNull(),
});

/** HS chapters (章): 01-97 with their section. */
export const refHsChapters = pgTable('ref_hs_chapters', {
  code: text('code').primaryKey(),
  sectionCode: text('section_code').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
});

/** ISO 3166-1 countries and regions with Chinese names. */
export const refCountries = pgTable('ref_countries', {
  code: text('code').primaryKey(), // alpha-2
  alpha3: text('alpha3').notNull(),
  numeric: text('numeric').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
});

/** ISO 4217 currencies. */
export const refCurrencies = pgTable('ref_currencies', {
  code: text('code').primaryKey(),
  numeric: text('numeric').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  minorUnits: integer('minor_units').notNull(),
});

/** GB/T 2260 administrative divisions: 6-digit codes, level 1 province, 2 prefecture, 3 county. */
export const refDivisions = pgTable('ref_divisions', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  level: integer('level').notNull(),
  parentCode: text('parent_code'),
}, (t) => [index('ref_divisions_parent_idx').on(t.parentCode)]);

/** Customs districts (关区代码): 4 digits; `direct` marks a directly-affiliated customs (直属海关). */
export const refCustomsDistricts = pgTable('ref_customs_districts', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  direct: boolean('direct').notNull(),
  parentCode: text('parent_code'),
});

/** Customs units of measure (计量单位): 3-digit codes. */
export const refUnits = pgTable('ref_units', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
});

/**
 * The catalogue of goods subject to inspection (法检目录, 实施检验检疫的进出口商品目录): HS codes or prefixes
 * (2-10 digits); a goods line is in the catalogue when its HS code starts with an entry's code.
 */
export const refLegalInspection = pgTable('ref_legal_inspection', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull().default(''),
  /** 监管条件 / inspection conditions as published (e.g. "A/B") */
  conditions: text('conditions').notNull().default(''),
});

/** The catalogue of goods prohibited from import (禁止进口货物目录), HS codes or prefixes; read by risk grading. */
export const refProhibitedImports = pgTable('ref_prohibited_imports', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull().default(''),
  /** the catalogue batch or announcement that lists it (e.g. 禁止进口货物目录（第二批）) */
  basis: text('basis').notNull().default(''),
});

/**
 * Monthly conversion rates to US dollars (海关折算汇率): `code` = currency + month (`EUR-2026-11`). A value on a date
 * converts with the rate of that month, or the latest earlier month when the month is missing.
 */
export const refUsdRates = pgTable('ref_usd_rates', {
  code: text('code').primaryKey(),
  currency: text('currency').notNull(),
  /** YYYY-MM */
  month: text('month').notNull(),
  /** US dollars per one unit of the currency, decimal string */
  usdPerUnit: text('usd_per_unit').notNull(),
}, (t) => [index('ref_usd_rates_currency_idx').on(t.currency, t.month)]);
