/**
 * Foreign official notifications and recalls (境外通报召回, 001 art. 8) imported in bulk: the columns of the import
 * file, the row schema, the identity used to catch a re-imported notification, and the scoring that proposes
 * links to existing export returns for an officer to confirm.
 */
import { z } from 'zod';
import { pageQuerySchema, plainText, text } from '../api/common';

export interface NotificationColumn {
  field: keyof ForeignNotificationRowInput;
  label: { zh: string; en: string };
  required: boolean;
  /** other header texts accepted for this column (compared case- and space-insensitively) */
  aliases: readonly string[];
}

export const FOREIGN_NOTIFICATION_COLUMNS: readonly NotificationColumn[] = [
  { field: 'country', label: { zh: '通报国家（地区）', en: 'Country' }, required: true, aliases: ['国家', '国家地区', '国家(地区)', '通报国家', '通报国家(地区)', '国别'] },
  { field: 'date', label: { zh: '通报日期', en: 'Date' }, required: true, aliases: ['日期', '通报日期', 'notifiedon', 'notificationdate'] },
  { field: 'product', label: { zh: '产品名称', en: 'Product' }, required: true, aliases: ['产品', '产品名称', '商品名称'] },
  { field: 'hsCode', label: { zh: 'HS 编码', en: 'HS code' }, required: false, aliases: ['hs', 'hs编码', '商品编码', '商品编号', 'hscode'] },
  { field: 'enterpriseOrBrand', label: { zh: '企业或品牌', en: 'Enterprise or brand' }, required: false, aliases: ['企业', '品牌', '企业或品牌', '企业/品牌', 'enterprise', 'brand', 'enterprise/brand'] },
  { field: 'measure', label: { zh: '采取措施', en: 'Measure' }, required: true, aliases: ['措施', '采取措施', '处理措施'] },
  { field: 'reason', label: { zh: '通报原因', en: 'Reason' }, required: true, aliases: ['原因', '通报原因', '风险原因'] },
  { field: 'reference', label: { zh: '通报编号', en: 'Reference' }, required: false, aliases: ['编号', '通报编号', '参考号', 'ref', 'notificationno'] },
];

/** Header text → column field, or undefined for a column the import does not know. */
export function notificationColumnOf(header: string): NotificationColumn['field'] | undefined {
  const h = header.normalize('NFKC').trim().toLowerCase().replace(/[\s_]/g, '');
  for (const c of FOREIGN_NOTIFICATION_COLUMNS) {
    const names = [c.field, c.label.zh, c.label.en, ...c.aliases].map((n) => n.normalize('NFKC').toLowerCase().replace(/[\s_]/g, ''));
    if (names.includes(h)) return c.field;
  }
  return undefined;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const stringify = (v: unknown) => (typeof v === 'number' ? String(v) : v);

/** 2026-03-01, 2026/3/1 or 2026.3.1 → 2026-03-01 (Excel dates reach here as ISO dates already). */
function normaliseDate(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : v.trim();
}

/** One row of the file, before the country is resolved against the countries reference data. */
export const foreignNotificationRowSchema = z.strictObject({
  /** ISO alpha-2, alpha-3, or the Chinese or English name of the countries reference data */
  country: z.preprocess(stringify, text(60, 1)),
  date: z.preprocess(normaliseDate, z.iso.date()),
  product: z.preprocess(stringify, text(200, 1)),
  /** HS code or a prefix of it (2-10 digits) */
  hsCode: z.preprocess((v) => blankToUndefined(stringify(v)), z.string().trim().superRefine((v, ctx) => {
    if (!/^\d{2,10}$/.test(v)) {
      ctx.addIssue({ code: 'custom', params: { code: 'hs_prefix', en: 'An HS code or prefix has 2 to 10 digits', zh: 'HS 编码或其前缀应为 2 至 10 位数字' } });
    }
  }).optional()),
  enterpriseOrBrand: z.preprocess((v) => stringify(v) ?? '', text(200)),
  measure: z.preprocess(stringify, text(200, 1)),
  reason: z.preprocess(stringify, plainText(1000, 1)),
  reference: z.preprocess((v) => stringify(v) ?? '', text(100)),
});
export type ForeignNotificationRowInput = z.input<typeof foreignNotificationRowSchema>;
export type ForeignNotificationRow = z.output<typeof foreignNotificationRowSchema>;

/** Case, width, spaces and punctuation do not make another notification. */
export const normaliseForMatch = (s: string): string =>
  s.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * The identity of a notification within a jurisdiction: its own reference when it has one, else the country, date,
 * product and enterprise/brand normalised.
 */
export function foreignNotificationDedupeKey(n: { reference: string; countryCode: string; notifiedOn: string; product: string; enterpriseOrBrand: string }): string {
  const ref = normaliseForMatch(n.reference);
  if (ref) return `ref:${ref}`;
  return `row:${n.countryCode}|${n.notifiedOn}|${normaliseForMatch(n.product)}|${normaliseForMatch(n.enterpriseOrBrand)}`;
}

// -- matching against export returns

export interface MatchCandidate {
  manufacturerCreditCode: string;
  consigneeCreditCode: string;
  manufacturerName: string;
  consigneeName: string;
  /** alpha-3 returning country */
  returnCountry: string;
  hsCodes: readonly string[];
}

export interface MatchNotification {
  /** the credit code the notification names or that the platform knows for its enterprise */
  enterpriseCreditCode: string | null;
  enterpriseOrBrand: string;
  hsCode: string | null;
  countryCode: string;
}

export const matchBasisSchema = z.object({
  creditCode: z.boolean(),
  name: z.boolean(),
  /** the shared HS heading (4 digits), or null */
  hsHeading: z.string().nullable(),
  country: z.boolean(),
});
export type MatchBasis = z.infer<typeof matchBasisSchema>;

export const MATCH_WEIGHTS = { creditCode: 50, name: 30, hsHeading: 25, country: 15 } as const;
export const MAX_MATCHES_PER_NOTIFICATION = 10;

/**
 * Scores one export return against a notification. A proposal needs the enterprise (credit code or name) or the HS
 * heading to agree: the same country alone says nothing about the goods. Returns null when not proposed.
 */
export function scoreNotificationMatch(n: MatchNotification, c: MatchCandidate): { score: number; basis: MatchBasis } | null {
  const creditCode = !!n.enterpriseCreditCode
    && (c.manufacturerCreditCode === n.enterpriseCreditCode || c.consigneeCreditCode === n.enterpriseCreditCode);
  const needle = normaliseForMatch(n.enterpriseOrBrand);
  const name = !creditCode && needle.length >= 2
    && [c.manufacturerName, c.consigneeName].some((x) => normaliseForMatch(x).includes(needle));
  const heading = n.hsCode && n.hsCode.length >= 4 ? n.hsCode.slice(0, 4) : null;
  const hsHeading = heading && c.hsCodes.some((h) => h.startsWith(heading)) ? heading : null;
  const country = c.returnCountry === n.countryCode;
  if (!creditCode && !name && !hsHeading) return null;
  const score = (creditCode ? MATCH_WEIGHTS.creditCode : 0) + (name ? MATCH_WEIGHTS.name : 0)
    + (hsHeading ? MATCH_WEIGHTS.hsHeading : 0) + (country ? MATCH_WEIGHTS.country : 0);
  return { score, basis: { creditCode, name, hsHeading, country } };
}

// -- API shapes

export const NOTIFICATION_MATCH_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;

export const foreignNotificationImportResultSchema = z.object({
  batchId: z.uuid(),
  format: z.enum(['csv', 'xlsx']),
  rows: z.number().int(),
  created: z.number().int(),
  duplicates: z.number().int(),
  items: z.array(z.object({
    row: z.number().int(),
    status: z.enum(['created', 'duplicate']),
    notificationId: z.uuid(),
    riskInfo: z.object({ id: z.uuid(), infoNo: z.string() }).nullable(),
    matches: z.number().int(),
  })),
});
export type ForeignNotificationImportResult = z.infer<typeof foreignNotificationImportResultSchema>;

export const foreignNotificationViewSchema = z.object({
  id: z.uuid(),
  batchId: z.uuid(),
  countryCode: z.string(),
  countryName: z.object({ zh: z.string(), en: z.string() }),
  notifiedOn: z.string(),
  product: z.string(),
  hsCode: z.string().nullable(),
  enterpriseOrBrand: z.string(),
  measure: z.string(),
  reason: z.string(),
  reference: z.string(),
  riskInfo: z.object({ id: z.uuid(), infoNo: z.string() }).nullable(),
  importedBy: z.string(),
  importedAt: z.string(),
  matches: z.object({ proposed: z.number().int(), confirmed: z.number().int(), rejected: z.number().int() }),
}).meta({ id: 'ForeignNotification' });
export type ForeignNotificationView = z.infer<typeof foreignNotificationViewSchema>;

export const foreignNotificationListQuerySchema = pageQuerySchema.extend({
  batchId: z.uuid().optional(),
  q: text(100).optional(),
});
export type ForeignNotificationListQuery = z.infer<typeof foreignNotificationListQuerySchema>;

export const notificationMatchViewSchema = z.object({
  id: z.number().int(),
  notificationId: z.uuid(),
  exportReturn: z.object({
    id: z.uuid(), unifiedNo: z.string(), returnNo: z.string().nullable(), status: z.number().int(),
    manufacturerName: z.string(), consigneeName: z.string(), returnCountry: z.string(), hsCodes: z.array(z.string()),
  }),
  score: z.number().int(),
  basis: matchBasisSchema,
  status: z.enum(NOTIFICATION_MATCH_STATUSES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
}).meta({ id: 'NotificationMatch' });
export type NotificationMatchView = z.infer<typeof notificationMatchViewSchema>;
export const notificationMatchParamSchema = z.strictObject({ matchId: z.coerce.number().int().positive() });
