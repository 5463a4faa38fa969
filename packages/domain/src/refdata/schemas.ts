import { z } from 'zod';
import { categoryOfReason, REASON_CATEGORIES, REASON_CODE_RE } from '../export-returns/reasons';
import type { RefErrorCode } from './messages';

/**
 * Strict row schemas of the reference datasets. Field names are the Drizzle tables' TypeScript keys. Every check
 * carries a RefErrorCode as its message so that errors can be rendered in English and Chinese (see messages.ts).
 */

/** HS sections: 21 of the Harmonized System plus China's section XXII (special transactions, chapter 98). */
export const HS_SECTION_CODES = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI',
  'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI', 'XXII',
] as const;

export const HS_SECTION_RE = new RegExp(`^(${HS_SECTION_CODES.join('|')})$`);
/** Chapters of the nomenclature proper: 01-97 (77 is reserved but exists as a row). */
export const HS_CHAPTER_RE = /^(0[1-9]|[1-8]\d|9[0-7])$/;
/** Chapter numbers a section range may name: 01-99 (98 and 99 are reserved for national use). */
export const HS_CHAPTER_REF_RE = /^(0[1-9]|[1-9]\d)$/;
export const COUNTRY_CODE_RE = /^[A-Z]{2}$/;
export const COUNTRY_ALPHA3_RE = /^[A-Z]{3}$/;
export const NUMERIC3_RE = /^\d{3}$/;
export const CURRENCY_CODE_RE = /^[A-Z]{3}$/;
export const DIVISION_CODE_RE = /^\d{6}$/;
export const DISTRICT_CODE_RE = /^\d{4}$/;
export const UNIT_CODE_RE = /^\d{3}$/;
/** An HS code or a prefix of one: 2, 4, 6, 8 or 10 digits (chapter, heading, subheading, national lines). */
export const HS_PREFIX_RE = /^(?:\d{2}){1,5}$/;
/** 检验检疫类别 letters as the catalogue prints them: A, B, M, N, … alone or joined by slashes (A/B, M/N). */
export const INSPECTION_CONDITIONS_RE = /^[A-Z](?:\/?[A-Z])*$/;
export const RATE_MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A positive decimal with at most 8 decimals (USD per unit; the yen is about 0.0067). */
export const USD_RATE_RE = /^\d{1,9}(\.\d{1,8})?$/;
/** The customs district code of the General Administration of Customs (海关总署). */
export const GACC_DISTRICT_CODE = '0000';

const NO_CONTROL_CHARS = /^[^\u0000-\u001F\u007F]*$/;
/** Text a spreadsheet would evaluate as a formula when an export is opened (CSV injection). */
const NO_FORMULA_PREFIX = /^(?![=+\-@])/;
const err = (code: RefErrorCode) => ({ error: code });

const str = () => z.string(err('invalid_type'));
const code = (re: RegExp, c: RefErrorCode) => str().trim().min(1, err('required')).regex(re, err(c));
const name = (max = 200) => str().trim().min(1, err('required')).max(max, err('too_long'))
  .regex(NO_CONTROL_CHARS, err('control_chars')).regex(NO_FORMULA_PREFIX, err('formula_prefix'));
const optionalName = (max = 200) => str().trim().max(max, err('too_long'))
  .regex(NO_CONTROL_CHARS, err('control_chars')).regex(NO_FORMULA_PREFIX, err('formula_prefix'));
const int = () => z.number(err('integer')).int(err('integer'));

type Ctx = z.core.$RefinementCtx;
function issue(ctx: Ctx, path: string, c: RefErrorCode, params: Record<string, string | number> = {}): void {
  ctx.addIssue({ code: 'custom', path: [path], message: c, params });
}

export const hsSectionRowSchema = z
  .strictObject({
    code: code(HS_SECTION_RE, 'hs_section_code'),
    nameZh: name(500),
    nameEn: name(500),
    chapterFrom: code(HS_CHAPTER_REF_RE, 'hs_chapter_ref'),
    chapterTo: code(HS_CHAPTER_REF_RE, 'hs_chapter_ref'),
  })
  .superRefine((r, ctx) => {
    if (r.chapterFrom > r.chapterTo) issue(ctx, 'chapterTo', 'hs_chapter_range');
  });

export const hsChapterRowSchema = z.strictObject({
  code: code(HS_CHAPTER_RE, 'hs_chapter_code'),
  sectionCode: code(HS_SECTION_RE, 'hs_section_code'),
  nameZh: name(500),
  nameEn: name(500),
});

export const countryRowSchema = z.strictObject({
  code: code(COUNTRY_CODE_RE, 'country_code'),
  alpha3: code(COUNTRY_ALPHA3_RE, 'country_alpha3'),
  numeric: code(NUMERIC3_RE, 'numeric3'),
  nameZh: name(),
  nameEn: name(),
});

export const currencyRowSchema = z.strictObject({
  code: code(CURRENCY_CODE_RE, 'currency_code'),
  numeric: code(NUMERIC3_RE, 'numeric3'),
  nameZh: name(),
  nameEn: name(),
  minorUnits: int().min(0, err('minor_units')).max(4, err('minor_units')),
});

/** The level a GB/T 2260 code denotes: XX0000 province, XXXX00 prefecture, otherwise county. */
export function divisionLevelOf(c: string): 1 | 2 | 3 {
  if (c.endsWith('0000')) return 1;
  if (c.endsWith('00')) return 2;
  return 3;
}
/** The parent a GB/T 2260 code must have (null for provincial level). */
export function divisionParentOf(c: string): string | null {
  const level = divisionLevelOf(c);
  if (level === 1) return null;
  if (level === 2) return `${c.slice(0, 2)}0000`;
  return `${c.slice(0, 4)}00`;
}

export const divisionRowSchema = z
  .strictObject({
    code: code(DIVISION_CODE_RE, 'division_code'),
    nameZh: name(),
    level: int().min(1, err('division_level')).max(3, err('division_level')),
    parentCode: code(DIVISION_CODE_RE, 'division_code').nullable(),
  })
  .superRefine((r, ctx) => {
    if (!DIVISION_CODE_RE.test(r.code)) return;
    const level = divisionLevelOf(r.code);
    if (r.level !== level) issue(ctx, 'level', 'division_level_mismatch', { value: r.code, expected: level });
    const parent = divisionParentOf(r.code);
    if (r.parentCode !== parent) issue(ctx, 'parentCode', 'division_parent', { value: r.code, expected: parent ?? '' });
  });

/** Rules of the customs district tree: 0000 is the GACC, XX00 directly-affiliated customs, others under XX00. */
export function districtExpectations(c: string): { direct: boolean; parentCode: string | null } {
  if (c === GACC_DISTRICT_CODE) return { direct: false, parentCode: null };
  if (c.endsWith('00')) return { direct: true, parentCode: GACC_DISTRICT_CODE };
  return { direct: false, parentCode: `${c.slice(0, 2)}00` };
}

export const customsDistrictRowSchema = z
  .strictObject({
    code: code(DISTRICT_CODE_RE, 'district_code'),
    nameZh: name(),
    nameEn: optionalName(),
    direct: z.boolean(err('boolean')),
    parentCode: code(DISTRICT_CODE_RE, 'district_code').nullable(),
  })
  .superRefine((r, ctx) => {
    if (!DISTRICT_CODE_RE.test(r.code)) return;
    const want = districtExpectations(r.code);
    if (r.direct !== want.direct) issue(ctx, 'direct', 'district_direct', { value: r.code, expected: String(want.direct) });
    if (r.parentCode !== want.parentCode) {
      issue(ctx, 'parentCode', 'district_parent', { value: r.code, expected: want.parentCode ?? '' });
    }
  });

export const unitRowSchema = z.strictObject({
  code: code(UNIT_CODE_RE, 'unit_code'),
  nameZh: name(50),
  nameEn: name(100),
});

/** Specific return reasons (退运原因) per category; the code's prefix names the category (see export-returns/reasons.ts). */
export const returnReasonRowSchema = z
  .strictObject({
    code: code(REASON_CODE_RE, 'reason_code'),
    category: z.enum(REASON_CATEGORIES, err('reason_category')),
    nameZh: name(100),
    nameEn: name(200),
    safetyHealthEnv: z.boolean(err('boolean')),
    technicalBarrier: z.boolean(err('boolean')),
    foreignOfficial: z.boolean(err('boolean')),
    overseasProjectEquipment: z.boolean(err('boolean')),
    sortOrder: int(),
    active: z.boolean(err('boolean')),
  })
  .superRefine((r, ctx) => {
    const cat = categoryOfReason(r.code);
    if (cat && cat !== r.category) issue(ctx, 'category', 'reason_category_mismatch', { value: r.code, expected: cat });
  });

/** The legal-inspection catalogue (法检目录): HS codes or prefixes with the inspection conditions. */
export const legalInspectionRowSchema = z.strictObject({
  code: code(HS_PREFIX_RE, 'hs_prefix'),
  nameZh: name(500),
  nameEn: optionalName(500),
  conditions: str().trim().max(20, err('too_long')).refine((v) => v === '' || INSPECTION_CONDITIONS_RE.test(v), err('inspection_conditions')),
});

/** The catalogue of goods prohibited from import (禁止进口货物目录): HS codes or prefixes with the listing basis. */
export const prohibitedImportRowSchema = z.strictObject({
  code: code(HS_PREFIX_RE, 'hs_prefix'),
  nameZh: name(500),
  nameEn: optionalName(500),
  basis: optionalName(200),
});

/** Monthly USD conversion rates: the code is the currency and the month (`EUR-2026-03`), so one rate per month. */
export const usdRateRowSchema = z
  .strictObject({
    code: str().trim().min(1, err('required')),
    currency: code(CURRENCY_CODE_RE, 'currency_code'),
    month: code(RATE_MONTH_RE, 'rate_month'),
    usdPerUnit: code(USD_RATE_RE, 'usd_rate').refine((v) => Number(v) > 0, err('usd_rate')),
  })
  .superRefine((r, ctx) => {
    const expected = `${r.currency}-${r.month}`;
    if (r.code !== expected) issue(ctx, 'code', 'rate_code', { expected });
  });

export type HsSectionRow = z.output<typeof hsSectionRowSchema>;
export type HsChapterRow = z.output<typeof hsChapterRowSchema>;
export type CountryRow = z.output<typeof countryRowSchema>;
export type CurrencyRow = z.output<typeof currencyRowSchema>;
export type DivisionRow = z.output<typeof divisionRowSchema>;
export type CustomsDistrictRow = z.output<typeof customsDistrictRowSchema>;
export type UnitRow = z.output<typeof unitRowSchema>;
export type ReturnReasonRow = z.output<typeof returnReasonRowSchema>;
export type LegalInspectionRow = z.output<typeof legalInspectionRowSchema>;
export type ProhibitedImportRow = z.output<typeof prohibitedImportRowSchema>;
export type UsdRateRow = z.output<typeof usdRateRowSchema>;
