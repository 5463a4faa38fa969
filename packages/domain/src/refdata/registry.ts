import type { z } from 'zod';
import {
  countryRowSchema, currencyRowSchema, customsDistrictRowSchema, divisionRowSchema, hsChapterRowSchema,
  hsSectionRowSchema, legalInspectionRowSchema, prohibitedImportRowSchema, returnReasonRowSchema, unitRowSchema,
  usdRateRowSchema,
  type CountryRow, type CurrencyRow, type CustomsDistrictRow, type DivisionRow, type HsChapterRow, type HsSectionRow,
  type LegalInspectionRow, type ProhibitedImportRow, type ReturnReasonRow, type UnitRow, type UsdRateRow,
} from './schemas';

/** The reference datasets, in the order the UI lists them. */
export const REF_DATASET_IDS = [
  'hs-sections', 'hs-chapters', 'countries', 'currencies', 'divisions', 'customs-districts', 'units', 'return-reasons',
  'legal-inspection', 'prohibited-imports', 'usd-rates',
] as const;
export type RefDatasetId = (typeof REF_DATASET_IDS)[number];
export const isRefDatasetId = (s: string): s is RefDatasetId => (REF_DATASET_IDS as readonly string[]).includes(s);

export interface RefRowMap {
  'hs-sections': HsSectionRow;
  'hs-chapters': HsChapterRow;
  countries: CountryRow;
  currencies: CurrencyRow;
  divisions: DivisionRow;
  'customs-districts': CustomsDistrictRow;
  units: UnitRow;
  'return-reasons': ReturnReasonRow;
  'legal-inspection': LegalInspectionRow;
  'prohibited-imports': ProhibitedImportRow;
  'usd-rates': UsdRateRow;
}
export type RefRow = RefRowMap[RefDatasetId];

export interface RefLabel {
  zh: string;
  en: string;
}

/**
 * How a column is read from a spreadsheet cell and written back: `text` is trimmed, `nullableText` turns an empty
 * cell into null, `integer` and `boolean` accept typed cells (XLSX) as well as their text forms (CSV).
 */
export type RefColumnType = 'text' | 'nullableText' | 'integer' | 'boolean';

export interface RefColumn<F extends string = string> {
  /** camelCase field name = Drizzle key = CSV/XLSX header */
  field: F;
  label: RefLabel;
  type: RefColumnType;
}

/** A field holding the code of an entry of another (or the same) dataset. */
export interface RefReference<F extends string = string> {
  field: F;
  dataset: RefDatasetId;
}

export interface RefDataset<Id extends RefDatasetId = RefDatasetId> {
  id: Id;
  label: RefLabel;
  /** primary key field; always `code` today */
  keyField: 'code';
  columns: readonly RefColumn<keyof RefRowMap[Id] & string>[];
  schema: z.ZodType<RefRowMap[Id]>;
  /** fields that the free-text `q` of the list endpoint matches (ILIKE) */
  searchFields: readonly (keyof RefRowMap[Id] & string)[];
  /** default list order */
  sortField: keyof RefRowMap[Id] & string;
  references: readonly RefReference<keyof RefRowMap[Id] & string>[];
  description: RefLabel;
}

const L = (zh: string, en: string): RefLabel => ({ zh, en });
const CODE = L('代码', 'Code');
const NAME_ZH = L('中文名称', 'Chinese name');
const NAME_EN = L('英文名称', 'English name');

export const REF_DATASETS: { [K in RefDatasetId]: RefDataset<K> } = {
  'hs-sections': {
    id: 'hs-sections',
    label: L('HS 类', 'HS sections'),
    keyField: 'code',
    columns: [
      { field: 'code', label: L('类号', 'Section'), type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
      { field: 'chapterFrom', label: L('起始章', 'From chapter'), type: 'text' },
      { field: 'chapterTo', label: L('截止章', 'To chapter'), type: 'text' },
    ],
    schema: hsSectionRowSchema,
    searchFields: ['code', 'nameZh', 'nameEn'],
    sortField: 'chapterFrom',
    references: [],
    description: L('协调制度的类（罗马数字），含我国第二十二类', 'Sections of the Harmonized System (Roman numerals), with China\'s section XXII'),
  },
  'hs-chapters': {
    id: 'hs-chapters',
    label: L('HS 章', 'HS chapters'),
    keyField: 'code',
    columns: [
      { field: 'code', label: L('章号', 'Chapter'), type: 'text' },
      { field: 'sectionCode', label: L('所属类', 'Section'), type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
    ],
    schema: hsChapterRowSchema,
    searchFields: ['code', 'nameZh', 'nameEn'],
    sortField: 'code',
    references: [{ field: 'sectionCode', dataset: 'hs-sections' }],
    description: L('协调制度的 97 章', 'The 97 chapters of the Harmonized System'),
  },
  countries: {
    id: 'countries',
    label: L('国别（地区）', 'Countries and regions'),
    keyField: 'code',
    columns: [
      { field: 'code', label: L('二位字母代码', 'Alpha-2 code'), type: 'text' },
      { field: 'alpha3', label: L('三位字母代码', 'Alpha-3 code'), type: 'text' },
      { field: 'numeric', label: L('数字代码', 'Numeric code'), type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
    ],
    schema: countryRowSchema,
    searchFields: ['code', 'alpha3', 'nameZh', 'nameEn'],
    sortField: 'code',
    references: [],
    description: L('ISO 3166-1 国家和地区代码', 'ISO 3166-1 country and region codes'),
  },
  currencies: {
    id: 'currencies',
    label: L('币制', 'Currencies'),
    keyField: 'code',
    columns: [
      { field: 'code', label: CODE, type: 'text' },
      { field: 'numeric', label: L('数字代码', 'Numeric code'), type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
      { field: 'minorUnits', label: L('小数位数', 'Minor units'), type: 'integer' },
    ],
    schema: currencyRowSchema,
    searchFields: ['code', 'nameZh', 'nameEn'],
    sortField: 'code',
    references: [],
    description: L('ISO 4217 货币代码', 'ISO 4217 currency codes'),
  },
  divisions: {
    id: 'divisions',
    label: L('行政区划', 'Administrative divisions'),
    keyField: 'code',
    columns: [
      { field: 'code', label: CODE, type: 'text' },
      { field: 'nameZh', label: L('名称', 'Name'), type: 'text' },
      { field: 'level', label: L('级别', 'Level'), type: 'integer' },
      { field: 'parentCode', label: L('上级代码', 'Parent code'), type: 'nullableText' },
    ],
    schema: divisionRowSchema,
    searchFields: ['code', 'nameZh'],
    sortField: 'code',
    references: [{ field: 'parentCode', dataset: 'divisions' }],
    description: L('GB/T 2260 中华人民共和国行政区划代码（省、地、县三级）', 'GB/T 2260 administrative divisions of China (province, prefecture, county)'),
  },
  'customs-districts': {
    id: 'customs-districts',
    label: L('关区', 'Customs districts'),
    keyField: 'code',
    columns: [
      { field: 'code', label: L('关区代码', 'District code'), type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
      { field: 'direct', label: L('直属海关', 'Directly affiliated'), type: 'boolean' },
      { field: 'parentCode', label: L('上级关区', 'Parent district'), type: 'nullableText' },
    ],
    schema: customsDistrictRowSchema,
    searchFields: ['code', 'nameZh', 'nameEn'],
    sortField: 'code',
    references: [{ field: 'parentCode', dataset: 'customs-districts' }],
    description: L('海关关区代码', 'Customs district codes'),
  },
  units: {
    id: 'units',
    label: L('计量单位', 'Units of measure'),
    keyField: 'code',
    columns: [
      { field: 'code', label: CODE, type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
    ],
    schema: unitRowSchema,
    searchFields: ['code', 'nameZh', 'nameEn'],
    sortField: 'code',
    references: [],
    description: L('海关计量单位代码', 'Customs units of measure'),
  },
  'return-reasons': {
    id: 'return-reasons',
    label: L('退运原因', 'Return reasons'),
    keyField: 'code',
    columns: [
      { field: 'code', label: CODE, type: 'text' },
      { field: 'category', label: L('原因类别', 'Category'), type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
      { field: 'safetyHealthEnv', label: L('涉及安全卫生环保', 'Safety, health or environment'), type: 'boolean' },
      { field: 'technicalBarrier', label: L('技术性贸易措施', 'Technical trade barrier'), type: 'boolean' },
      { field: 'foreignOfficial', label: L('境外官方', 'Foreign official action'), type: 'boolean' },
      { field: 'overseasProjectEquipment', label: L('境外承包工程设备', 'Overseas project equipment'), type: 'boolean' },
      { field: 'sortOrder', label: L('排序', 'Sort order'), type: 'integer' },
      { field: 'active', label: L('启用', 'Active'), type: 'boolean' },
    ],
    schema: returnReasonRowSchema,
    searchFields: ['code', 'nameZh', 'nameEn'],
    sortField: 'code',
    references: [],
    description: L('出口退货申请的具体退运原因（停用而非删除已使用的原因）', 'Specific reasons of export-return declarations (deactivate rather than delete a reason in use)'),
  },
  'legal-inspection': {
    id: 'legal-inspection',
    label: L('法检目录', 'Legal-inspection catalogue'),
    keyField: 'code',
    columns: [
      { field: 'code', label: L('商品编码（前缀）', 'HS code or prefix'), type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
      { field: 'conditions', label: L('检验检疫类别', 'Inspection conditions'), type: 'text' },
    ],
    schema: legalInspectionRowSchema,
    searchFields: ['code', 'nameZh', 'nameEn'],
    sortField: 'code',
    references: [],
    description: L(
      '实施检验检疫的进出口商品目录：商品编码以某条目代码开头即属目录内商品，调查方式规则据此判定现场调查',
      'Catalogue of goods subject to inspection: goods whose HS code starts with an entry\'s code are in it; the investigation-type rules send them on-site',
    ),
  },
  'prohibited-imports': {
    id: 'prohibited-imports',
    label: L('禁止进口货物目录', 'Goods prohibited from import'),
    keyField: 'code',
    columns: [
      { field: 'code', label: L('商品编码（前缀）', 'HS code or prefix'), type: 'text' },
      { field: 'nameZh', label: NAME_ZH, type: 'text' },
      { field: 'nameEn', label: NAME_EN, type: 'text' },
      { field: 'basis', label: L('列入依据', 'Listed by'), type: 'text' },
    ],
    schema: prohibitedImportRowSchema,
    searchFields: ['code', 'nameZh', 'nameEn', 'basis'],
    sortField: 'code',
    references: [],
    description: L('禁止进口货物目录（含旧机电产品、固体废物），商品编码或前缀', 'Goods prohibited from import (used electrical and mechanical products, solid waste…), HS codes or prefixes'),
  },
  'usd-rates': {
    id: 'usd-rates',
    label: L('美元折算率', 'USD conversion rates'),
    keyField: 'code',
    columns: [
      { field: 'code', label: L('代码（币制-月份）', 'Code (currency-month)'), type: 'text' },
      { field: 'currency', label: L('币制', 'Currency'), type: 'text' },
      { field: 'month', label: L('月份', 'Month'), type: 'text' },
      { field: 'usdPerUnit', label: L('每单位折合美元', 'USD per unit'), type: 'text' },
    ],
    schema: usdRateRowSchema,
    searchFields: ['code', 'currency', 'month'],
    sortField: 'code',
    references: [{ field: 'currency', dataset: 'currencies' }],
    description: L(
      '按月的外币折算美元汇率，用于计算单批退运金额；缺少当月汇率时取最近的较早月份',
      'Monthly rates converting currencies to US dollars for batch values; a missing month uses the latest earlier one',
    ),
  },
};

export function refDataset<Id extends RefDatasetId>(id: Id): RefDataset<Id> {
  return REF_DATASETS[id];
}

/** The header row of an import file or a template: the camelCase field names in column order. */
export function refHeader(id: RefDatasetId): string[] {
  return REF_DATASETS[id].columns.map((c) => c.field);
}

/** Datasets (and their fields) that refer to `id`; an entry they still use must not be deleted. */
export function refReferrers(id: RefDatasetId): { dataset: RefDatasetId; field: string }[] {
  const out: { dataset: RefDatasetId; field: string }[] = [];
  for (const d of REF_DATASET_IDS) {
    for (const r of REF_DATASETS[d].references as readonly RefReference[]) {
      if (r.dataset === id) out.push({ dataset: d, field: r.field });
    }
  }
  return out;
}
