/** Columns of the flat row format (CSV / Excel) and how header cells name them. */
export type FeedColumnKind = 'text' | 'integer' | 'boolean' | 'date' | 'decimal';

export interface FeedColumn {
  key: string;
  zh: string;
  en: string;
  level: 'header' | 'line';
  kind: FeedColumnKind;
  /** the column must be in the file */
  required: boolean;
}

const col = (key: string, zh: string, en: string, level: 'header' | 'line', kind: FeedColumnKind = 'text', required = false): FeedColumn =>
  ({ key, zh, en, level, kind, required });

/** Every column of the flat format, in template order. */
export const FEED_COLUMNS: readonly FeedColumn[] = [
  col('entryId', '报关单号', 'Declaration number (entry id)', 'header', 'text', true),
  col('direction', '进出口标志', 'Direction (import/export)', 'header'),
  col('declarePort', '申报地海关', 'Declaring customs', 'header'),
  col('iePort', '进出境关别', 'Port of entry/exit', 'header'),
  col('destinationPort', '目的地海关', 'Destination customs', 'header'),
  col('declareDate', '申报日期', 'Declaration date', 'header', 'date', true),
  col('ieDate', '进出口日期', 'Import/export date', 'header', 'date'),
  col('declaringUnitCreditCode', '申报单位统一社会信用代码', 'Declaring unit credit code', 'header'),
  col('declaringUnitCustomsCode', '申报单位海关编码', 'Declaring unit customs code', 'header'),
  col('declaringUnitName', '申报单位名称', 'Declaring unit name', 'header'),
  col('declarantName', '报关人员', 'Declarant', 'header'),
  col('traderCreditCode', '境内收发货人统一社会信用代码', 'Consignee/consignor credit code', 'header'),
  col('traderCustomsCode', '境内收发货人海关编码', 'Consignee/consignor customs code', 'header'),
  col('traderName', '境内收发货人名称', 'Consignee/consignor name', 'header'),
  col('traderAddress', '境内收发货人地址', 'Consignee/consignor address', 'header'),
  col('ownerCreditCode', '消费使用/生产销售单位统一社会信用代码', 'Consumer/producer credit code', 'header'),
  col('ownerCustomsCode', '消费使用/生产销售单位海关编码', 'Consumer/producer customs code', 'header'),
  col('ownerName', '消费使用/生产销售单位名称', 'Consumer/producer name', 'header'),
  col('ownerDistrict', '消费使用单位所在地关区', 'Consumer district', 'header'),
  col('countryCode', '启运国/运抵国', 'Country of departure/destination', 'header'),
  col('tradeMode', '监管方式', 'Supervision mode', 'header'),
  col('billOfLading', '提运单号', 'Bill of lading', 'header'),
  col('withdrawn', '是否撤单', 'Withdrawn', 'header', 'boolean'),
  col('lineNo', '项号', 'Line number', 'line', 'integer', true),
  col('hsCode', '商品编号', 'HS code', 'line', 'text', true),
  col('goodsName', '商品名称', 'Goods name', 'line', 'text', true),
  col('supervisionCategory', '监管类别', 'Supervision category', 'line'),
  col('quantity', '成交数量', 'Quantity', 'line', 'decimal', true),
  col('unit', '成交计量单位', 'Unit code', 'line', 'text', true),
  col('totalPrice', '总价', 'Total price', 'line', 'decimal', true),
  col('currency', '币制', 'Currency', 'line', 'text', true),
  col('originCountry', '原产国/最终目的国', 'Country of origin/final destination', 'line'),
];

const BY_KEY = new Map(FEED_COLUMNS.map((c) => [c.key.toLowerCase(), c]));
const BY_ZH = new Map(FEED_COLUMNS.map((c) => [c.zh, c]));

/** The header cell a template writes: Chinese label, a space, the key (`报关单号 entryId`). */
export const feedHeaderLabel = (c: FeedColumn): string => `${c.zh} ${c.key}`;
export const FEED_HEADER_LABELS: readonly string[] = FEED_COLUMNS.map(feedHeaderLabel);

/** Finds the column a header cell names: `报关单号 entryId`, `报关单号`, `entryId` (any case), `报关单号/entryId`. */
export function feedColumnOf(headerCell: string): FeedColumn | undefined {
  const h = headerCell.replace(/^\uFEFF/, '').trim();
  const direct = BY_KEY.get(h.toLowerCase()) ?? BY_ZH.get(h);
  if (direct) return direct;
  const tokens = h.split(/[\s|()（）\n]+|(?<=[^a-zA-Z])\/|\/(?=[a-zA-Z])/).filter(Boolean);
  for (const t of tokens) {
    const c = BY_KEY.get(t.toLowerCase());
    if (c) return c;
  }
  for (const t of tokens) {
    const c = BY_ZH.get(t);
    if (c) return c;
  }
  return undefined;
}

/** Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

