/**
 * A customs declaration (报关单) as the customs feed delivers it: header (表头) and goods lines (表体). One schema for
 * the JSON batch API, the spreadsheet row parser, the bulk loader and the demo generator. Field names equal the
 * columns of `customs_declarations` / `customs_declaration_lines`; the direction is derived from the 9th digit of
 * the entry id (1 import, 0 export), quantities and amounts come out as exact decimal strings.
 */
import { z } from 'zod';
import { text } from '../api/common';
import { validateCreditCode } from '../codes/credit-code';
import { validateCustomsCode } from '../codes/customs-code';
import { declarationNumberSchema, parseDeclarationNumber, type DeclarationDirection } from '../codes/declaration-number';
import { validateDistrictCode } from '../codes/district-code';
import { hsCodeSchema } from '../codes/hs-code';
import {
  PRICE_SPEC, QUANTITY_SPEC, currencyCodeSchema, decimalSchema, feedDateSchema, optionalCodeSchema, unitCodeSchema,
  validateCountryAlpha3, validateTradeMode,
} from './values';

/** Largest number of declarations in one JSON batch. */
export const FEED_BATCH_MAX = 1000;
/** Largest number of goods lines of one declaration (项号 1-999). */
export const FEED_MAX_LINES = 999;

/** 监管方式 codes the platform gives a meaning to. */
export const TRADE_MODE_GENERAL = '0110';
export const TRADE_MODE_RETURN = '4561';
export const TRADE_MODE_LABELS: Record<string, { zh: string; en: string }> = {
  '0110': { zh: '一般贸易', en: 'General trade' },
  '4561': { zh: '退运货物', en: 'Returned goods' },
  '0214': { zh: '来料加工', en: 'Processing with supplied materials' },
  '0615': { zh: '进料对口', en: 'Processing with imported materials' },
  '3010': { zh: '货样广告品', en: 'Samples and advertising goods' },
};

const bilingual = (ctx: z.core.$RefinementCtx, path: (string | number)[], code: string, en: string, zh: string) =>
  ctx.addIssue({ code: 'custom', path, message: en, params: { code, en, zh } });

const optionalDate = z
  .union([feedDateSchema, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null))
  .meta({ description: 'Calendar date YYYY-MM-DD; empty or null when not known' });

const withdrawnSchema = z.boolean().default(false).meta({ description: '撤单: a withdrawn declaration may not be used for a return' });

/** A goods line (表体 one item). */
export const customsDeclarationLineSchema = z.strictObject({
  /** 项号 */
  lineNo: z.number().int().min(1).max(FEED_MAX_LINES),
  /** 商品编号 */
  hsCode: hsCodeSchema,
  /** 商品名称 */
  goodsName: text(255, 1),
  /** 监管类别名称, e.g. 法检 / 非法检 */
  supervisionCategory: text(50).default(''),
  /** 成交数量 */
  quantity: decimalSchema(QUANTITY_SPEC, '成交数量 quantity, more than 0'),
  /** 成交计量单位 */
  unit: unitCodeSchema,
  /** 总价 */
  totalPrice: decimalSchema(PRICE_SPEC, '总价 total price, 0 or more'),
  /** 币制 */
  currency: currencyCodeSchema,
  /** 原产国 (import) / 最终目的国 (export) */
  originCountry: optionalCodeSchema(validateCountryAlpha3, 'ISO 3166-1 alpha-3 country code', 3),
}).meta({ description: 'A goods line (表体)' });
export type CustomsDeclarationLineInput = z.input<typeof customsDeclarationLineSchema>;
export type CustomsDeclarationLine = z.output<typeof customsDeclarationLineSchema>;

/** Header fields, flat (the same names as the spreadsheet columns and the table columns). */
export const customsDeclarationHeaderShape = {
  /** 报关单号 (海关编号), 18 digits */
  entryId: declarationNumberSchema,
  /** 'import' | 'export': optional, must agree with the 9th digit of entryId when given */
  direction: z.enum(['import', 'export']).optional(),
  /** 申报地海关; defaults to the district in the entry id */
  declarePort: optionalCodeSchema(validateDistrictCode, '申报地海关 customs district, 4 digits; defaults to the first 4 digits of entryId', 4),
  /** 进出境关别 */
  iePort: optionalCodeSchema(validateDistrictCode, '进出境关别 port of entry/exit, 4 digits', 4),
  /** 目的地海关 (import) */
  destinationPort: optionalCodeSchema(validateDistrictCode, '目的地海关 destination customs, 4 digits', 4),
  /** 申报日期 */
  declareDate: feedDateSchema,
  /** 进口日期 / 出口日期 */
  ieDate: optionalDate,
  declaringUnitCreditCode: optionalCodeSchema(validateCreditCode, '申报单位 declaring unit: unified social credit code', 18),
  declaringUnitCustomsCode: optionalCodeSchema(validateCustomsCode, '申报单位 declaring unit: customs registration code', 10),
  declaringUnitName: text(100).default(''),
  /** 报关人员 */
  declarantName: text(50).default(''),
  traderCreditCode: optionalCodeSchema(validateCreditCode, '境内收发货人 consignee/consignor: unified social credit code', 18),
  traderCustomsCode: optionalCodeSchema(validateCustomsCode, '境内收发货人 consignee/consignor: customs registration code', 10),
  traderName: text(100).default(''),
  traderAddress: text(200).default(''),
  ownerCreditCode: optionalCodeSchema(validateCreditCode, '消费使用单位/生产销售单位 owner: unified social credit code', 18),
  ownerCustomsCode: optionalCodeSchema(validateCustomsCode, '消费使用单位/生产销售单位 owner: customs registration code', 10),
  ownerName: text(100).default(''),
  /** 消费使用单位所在地关区 */
  ownerDistrict: optionalCodeSchema(validateDistrictCode, 'customs district of the owner, 4 digits', 4),
  /** 启运国 (import) / 运抵国 (export) */
  countryCode: optionalCodeSchema(validateCountryAlpha3, '启运国/运抵国 ISO 3166-1 alpha-3', 3),
  /** 监管方式 */
  tradeMode: optionalCodeSchema(validateTradeMode, '监管方式 supervision mode, 4 digits (0110 一般贸易, 4561 退运货物)', 4),
  /** 提运单号 */
  billOfLading: text(50).default(''),
  withdrawn: withdrawnSchema,
};

/**
 * Direction and declaring port derived from the entry id; a direction given that contradicts the 9th digit is a
 * problem (returned, not thrown, so the flat-row parser can place it in its row).
 */
export function deriveFeedHeader<T extends { entryId: string; direction?: DeclarationDirection | undefined; declarePort: string }>(
  v: T,
): { value: Omit<T, 'direction'> & { direction: DeclarationDirection }; mismatch: { code: string; en: string; zh: string } | null } {
  const parsed = parseDeclarationNumber(v.entryId);
  const derived: DeclarationDirection = parsed.ok ? parsed.value.direction : 'import';
  const mismatch = v.direction && v.direction !== derived
    ? {
        code: 'direction_mismatch',
        en: `The 9th digit of entryId makes this an ${derived} declaration, not ${v.direction}`,
        zh: `报关单号第 9 位表明这是${derived === 'import' ? '进口' : '出口'}报关单，与所填方向不符`,
      }
    : null;
  return { value: { ...v, direction: derived, declarePort: v.declarePort || v.entryId.slice(0, 4) }, mismatch };
}

function finishHeader<T extends { entryId: string; direction?: DeclarationDirection | undefined; declarePort: string }>(
  v: T, ctx: z.core.$RefinementCtx,
): Omit<T, 'direction'> & { direction: DeclarationDirection } {
  const r = deriveFeedHeader(v);
  if (r.mismatch) bilingual(ctx, ['direction'], r.mismatch.code, r.mismatch.en, r.mismatch.zh);
  return r.value;
}

export const customsDeclarationHeaderSchema = z.strictObject(customsDeclarationHeaderShape).transform(finishHeader);
export type CustomsDeclarationHeader = z.output<typeof customsDeclarationHeaderSchema>;

/** A whole declaration: header and 1-999 goods lines with distinct line numbers. */
export const customsDeclarationSchema = z
  .strictObject({
    ...customsDeclarationHeaderShape,
    lines: z.array(customsDeclarationLineSchema).min(1).max(FEED_MAX_LINES),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.lines.forEach((l, i) => {
      if (seen.has(l.lineNo)) {
        bilingual(ctx, ['lines', i, 'lineNo'], 'duplicate_line_no', `Line number ${l.lineNo} appears twice`, `项号 ${l.lineNo} 重复`);
      }
      seen.add(l.lineNo);
    });
  })
  .transform(finishHeader)
  .meta({ description: 'A customs declaration (报关单): header fields and goods lines' });
export type CustomsDeclarationInput = z.input<typeof customsDeclarationSchema>;
export type CustomsDeclaration = z.output<typeof customsDeclarationSchema>;

/** POST /customs-declarations/batch: up to 1 000 declarations, each entry id once. */
export const customsDeclarationBatchSchema = z
  .strictObject({ declarations: z.array(customsDeclarationSchema).min(1).max(FEED_BATCH_MAX) })
  .superRefine((v, ctx) => {
    const first = new Map<string, number>();
    v.declarations.forEach((d, i) => {
      const j = first.get(d.entryId);
      if (j !== undefined) {
        bilingual(ctx, ['declarations', i, 'entryId'], 'duplicate_entry_id',
          `Declaration ${d.entryId} already appears at position ${j}`, `报关单 ${d.entryId} 与第 ${j} 项重复`);
      } else first.set(d.entryId, i);
    });
  })
  .meta({ description: 'Up to 1 000 customs declarations' });
export type CustomsDeclarationBatch = z.output<typeof customsDeclarationBatchSchema>;
