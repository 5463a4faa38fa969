/** Request and response shapes of the customs declaration feed API (`/api/v1/customs-declarations`). */
import { z } from 'zod';
import { pageQuerySchema } from '../api/common';
import { validateCreditCode } from '../codes/credit-code';
import { validateCustomsCode } from '../codes/customs-code';
import { FEED_COLUMNS } from './columns';
import { feedDateSchema } from './values';

/** How declarations reached the platform (customs_feed_loads.channel). */
export const FEED_CHANNELS = ['batch', 'upload', 'bulk', 'demo'] as const;
export type FeedChannel = (typeof FEED_CHANNELS)[number];

/** Answer of a batch or an upload: how many declarations were new and how many replaced an earlier version. */
export const feedLoadResultSchema = z.object({
  loadId: z.number().int(),
  declarations: z.number().int(),
  lines: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
}).meta({ id: 'CustomsFeedLoadResult' });
export type FeedLoadResult = z.infer<typeof feedLoadResultSchema>;

export const feedLoadRowSchema = z.object({
  id: z.number().int(),
  channel: z.string(),
  fileName: z.string(),
  declarations: z.number().int(),
  lines: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  loadedBy: z.string().nullable(),
  /** user name of who loaded it; '' for the bulk loader and the demo data */
  loadedByName: z.string(),
}).meta({ id: 'CustomsFeedLoad' });
export type FeedLoadRow = z.infer<typeof feedLoadRowSchema>;

/** A party code filter: a credit code (18) or a customs code (10), matched against trader and declaring unit. */
const partyCodeFilter = z.string().trim().max(18).superRefine((s, ctx) => {
  if (s === '') return;
  const r = s.length === 10 ? validateCustomsCode(s) : validateCreditCode(s);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message.en, params: { code: r.code, en: r.message.en, zh: r.message.zh } });
});

export const customsDeclarationQuerySchema = pageQuerySchema.extend({
  /** entry id or its beginning (at least 4 digits) */
  entryId: z.string().trim().regex(/^\d{0,18}$/, { message: 'digits only' }).optional(),
  direction: z.enum(['import', 'export']).optional(),
  /** credit code or customs code of the consignee/consignor or of the declaring unit */
  partyCode: partyCodeFilter.optional(),
  declarePort: z.string().trim().regex(/^\d{4}$/, { message: '4 digits' }).optional(),
  tradeMode: z.string().trim().regex(/^\d{4}$/, { message: '4 digits' }).optional(),
  /** declaration date range (申报日期), inclusive */
  from: feedDateSchema.optional(),
  to: feedDateSchema.optional(),
  withdrawn: z.enum(['true', 'false']).optional(),
});
export type CustomsDeclarationQuery = z.infer<typeof customsDeclarationQuerySchema>;

export const customsDeclarationRowSchema = z.object({
  entryId: z.string(),
  direction: z.enum(['import', 'export']),
  declarePort: z.string(),
  declareDate: z.string(),
  ieDate: z.string().nullable(),
  traderCreditCode: z.string(),
  traderCustomsCode: z.string(),
  traderName: z.string(),
  declaringUnitCreditCode: z.string(),
  declaringUnitName: z.string(),
  countryCode: z.string(),
  tradeMode: z.string(),
  withdrawn: z.boolean(),
  lineCount: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: 'CustomsDeclarationRow' });
export type CustomsDeclarationRow = z.infer<typeof customsDeclarationRowSchema>;

export const customsDeclarationLineViewSchema = z.object({
  lineNo: z.number().int(),
  hsCode: z.string(),
  goodsName: z.string(),
  supervisionCategory: z.string(),
  /** exact decimal strings */
  quantity: z.string(),
  unit: z.string(),
  totalPrice: z.string(),
  currency: z.string(),
  originCountry: z.string(),
});

export const customsDeclarationViewSchema = customsDeclarationRowSchema.extend({
  iePort: z.string(),
  destinationPort: z.string(),
  declaringUnitCustomsCode: z.string(),
  declarantName: z.string(),
  traderAddress: z.string(),
  ownerCreditCode: z.string(),
  ownerCustomsCode: z.string(),
  ownerName: z.string(),
  ownerDistrict: z.string(),
  billOfLading: z.string(),
  loadedAt: z.string(),
  lines: z.array(customsDeclarationLineViewSchema),
}).meta({ id: 'CustomsDeclaration' });
export type CustomsDeclarationView = z.infer<typeof customsDeclarationViewSchema>;

export const entryIdParamSchema = z.strictObject({
  entryId: z.string().regex(/^\d{18}$/, { message: '18 digits' }),
});

export const feedTemplateFormatSchema = z.enum(['csv', 'xlsx']);

/** Column descriptions for the template's explanation sheet and the API documentation. */
export const FEED_COLUMN_DOCS = FEED_COLUMNS.map((c) => ({
  key: c.key, zh: c.zh, en: c.en, level: c.level, kind: c.kind, required: c.required,
}));
