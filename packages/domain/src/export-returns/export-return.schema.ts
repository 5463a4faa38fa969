/**
 * The export-return declaration (出口退货申请, 003 §4.1) as one set of schemas used by the server, the OpenAPI
 * description and the web form. Shape rules live in the zod schemas; rules that need "today" or that only apply
 * on submit live in `checkExportReturn`, a pure function the server and the form both call.
 */
import { z } from 'zod';
import { text } from '../api/common';
import { creditCodeSchema } from '../codes/credit-code';
import { customsCodeSchema } from '../codes/customs-code';
import { exportDeclarationNumberSchema, importDeclarationNumberSchema } from '../codes/declaration-number';
import { districtCodeSchema } from '../codes/district-code';
import { divisionCodeSchema } from '../codes/division-code';
import type { LocalizedIssue } from '../i18n/problem-messages';
import {
  categoryOfReason, DISPOSALS, ORIGINAL_TRADE_MODES, REASON_CATEGORIES, REASON_CATEGORY_LABELS, REASON_CODE_RE,
} from './reasons';

const bilingual = (ctx: z.core.$RefinementCtx, path: (string | number)[], code: string, en: string, zh: string) =>
  ctx.addIssue({ code: 'custom', path, message: en, params: { code, en, zh } });

export const MAX_EXPORT_DECLARATIONS = 50;

/** Splits the `/`-separated list of original export declaration numbers as the form shows it. */
export const splitExportDeclarationNos = (s: string): string[] => s.split('/').map((x) => x.trim());

/** 原出口报关单号: 1-50 export declaration numbers separated by `/`, no duplicates. */
export const exportDeclarationListSchema = z
  .string()
  .max(MAX_EXPORT_DECLARATIONS * 20)
  .superRefine((s, ctx) => {
    const nos = splitExportDeclarationNos(s);
    if (s.trim() === '') {
      return bilingual(ctx, [], 'export_declarations_empty', 'Enter at least one original export declaration number', '请填写至少 1 个原出口报关单号');
    }
    if (nos.length > MAX_EXPORT_DECLARATIONS) {
      return bilingual(ctx, [], 'export_declarations_too_many',
        `At most ${MAX_EXPORT_DECLARATIONS} export declaration numbers; ${nos.length} were entered`,
        `最多 ${MAX_EXPORT_DECLARATIONS} 个出口报关单号，当前为 ${nos.length} 个`);
    }
    const seen = new Set<string>();
    nos.forEach((no, i) => {
      const r = exportDeclarationNumberSchema.safeParse(no);
      if (!r.success) {
        const p = (r.error.issues[0] as { params?: { code?: string; en?: string; zh?: string } } | undefined)?.params;
        return bilingual(ctx, [], p?.code ?? 'export_declaration_invalid',
          `Number ${i + 1} (${no || 'empty'}): ${p?.en ?? 'invalid'}`, `第 ${i + 1} 个（${no || '空'}）：${p?.zh ?? '格式不正确'}`);
      }
      if (seen.has(no)) {
        bilingual(ctx, [], 'export_declaration_duplicate', `Number ${i + 1} (${no}) is entered twice`, `第 ${i + 1} 个（${no}）重复`);
      }
      seen.add(no);
    });
  })
  .meta({ description: '原出口报关单号: 1-50 export declaration numbers separated by "/"', examples: ['531620250000123456/531620250000123457'] });

export const manufacturerSchema = z.strictObject({
  creditCode: creditCodeSchema,
  customsCode: customsCodeSchema,
  name: text(100, 1),
});

const phone = text(40, 1).superRefine((v, ctx) => {
  if (!/^[0-9+\-() ]{5,40}$/.test(v)) {
    bilingual(ctx, [], 'phone_format', 'A phone number has 5-40 digits, +, -, ( ) or spaces', '联系电话应为 5 至 40 位数字，可含 +、-、( ) 和空格');
  }
});

/** 退货重量 in kg: finite, not negative, at most 5 decimals. */
export const weightKgSchema = z.number().finite().nonnegative().max(1e12).multipleOf(0.00001);

export const exportReturnLineInputSchema = z.strictObject({
  lineNo: z.number().int().min(1).max(999),
  weightKg: weightKgSchema.nullable().optional(),
  /** 是否属于工业品 */
  industrial: z.boolean(),
});

const uniqueArray = <T extends z.ZodType>(item: T, what: { en: string; zh: string }) =>
  z.array(item).max(20).superRefine((arr, ctx) => {
    const dup = arr.find((x, i) => arr.indexOf(x) !== i);
    if (dup !== undefined) bilingual(ctx, [], 'duplicate', `${what.en} "${String(dup)}" is chosen twice`, `${what.zh}“${String(dup)}”重复选择`);
  });

/**
 * What the enterprise enters (white and yellow fields). Saving a draft needs only the import declaration number;
 * every other field is checked when present, and `checkExportReturn(…, { submit: true })` demands the required ones.
 * Cross-field rules that need no "today" are in the schema so that a bad save changes nothing.
 */
export const exportReturnInputSchema = z
  .strictObject({
    importDeclarationNo: importDeclarationNumberSchema,
    /** 收货人所在地: backfilled, editable */
    consigneeAddress: text(200).optional(),
    consigneeContact: text(50).optional(),
    consigneePhone: phone.optional(),
    /** 退货日期: the date the return was agreed; not in the future */
    returnAgreementDate: z.iso.date().nullable().optional(),
    /** 消费使用单位所在地关区: backfilled, editable */
    consumerDistrict: districtCodeSchema.optional(),
    disposals: uniqueArray(z.enum(DISPOSALS), { en: 'Disposal', zh: '拟处理方式' }).optional(),
    disposalOther: text(200).optional(),
    lines: z.array(exportReturnLineInputSchema).max(999).optional(),
    originalExportDeclarationNos: exportDeclarationListSchema.optional(),
    manufacturer: manufacturerSchema.optional(),
    manufacturerContact: text(50).optional(),
    manufacturerPhone: phone.optional(),
    /** 原生产企业行政区划 (GB/T 2260) */
    manufacturerDivision: divisionCodeSchema.optional(),
    /** 原生产企业所属机构: a customs office that is not a directly-affiliated customs */
    manufacturerOffice: districtCodeSchema.optional(),
    /** 出口是否法检 Y/N */
    exportInspected: z.boolean().optional(),
    originalTradeMode: z.enum(ORIGINAL_TRADE_MODES).optional(),
    reasonCategories: uniqueArray(z.enum(REASON_CATEGORIES), { en: 'Reason category', zh: '退货原因类别' }).optional(),
    reasons: uniqueArray(z.string().regex(REASON_CODE_RE, { message: 'reason code such as QUA-01' }), { en: 'Reason', zh: '具体退运原因' }).optional(),
    reasonExplanation: text(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.disposals?.includes('other') && !v.disposalOther?.trim()) {
      bilingual(ctx, ['disposalOther'], 'disposal_other_text', 'Describe the "other" disposal', '拟处理方式为“其他”时需填写具体内容');
    }
    if (v.manufacturerOffice && v.manufacturerOffice.endsWith('00')) {
      bilingual(ctx, ['manufacturerOffice'], 'office_directly_affiliated',
        'The owning office must be a subordinate customs office, not a directly-affiliated customs',
        '原生产企业所属机构不能选择直属关区');
    }
    const chosen = new Set(v.reasonCategories ?? []);
    (v.reasons ?? []).forEach((code, i) => {
      const cat = categoryOfReason(code);
      if (cat && !chosen.has(cat)) {
        bilingual(ctx, ['reasons', i], 'reason_category_not_chosen',
          `Reason ${code} belongs to the category "${REASON_CATEGORY_LABELS[cat].en}", which is not chosen`,
          `具体原因 ${code} 属于“${REASON_CATEGORY_LABELS[cat].zh}”，但未勾选该类别`);
      }
    });
    if (chosen.has('quality') && !v.reasonExplanation?.trim()) {
      bilingual(ctx, ['reasonExplanation'], 'quality_explanation_required',
        'Explain the return when quality is a reason category', '退货原因类别为质量原因时，退货原因具体说明必填');
    }
  })
  .meta({ id: 'ExportReturnInput' });
export type ExportReturnInput = z.infer<typeof exportReturnInputSchema>;

/** Fields required for submitting, in form order (the yellow fields). */
export const EXPORT_RETURN_REQUIRED_FIELDS = [
  'consigneeAddress', 'consigneeContact', 'consigneePhone', 'consumerDistrict', 'disposals',
  'originalExportDeclarationNos', 'manufacturer', 'manufacturerContact', 'manufacturerPhone',
  'manufacturerDivision', 'manufacturerOffice', 'exportInspected', 'originalTradeMode', 'reasonCategories', 'reasons',
] as const satisfies readonly (keyof ExportReturnInput)[];

const issue = (field: string, code: string, message: string, messageZh: string): LocalizedIssue => ({ field, code, message, messageZh });

/**
 * Rules beyond the schema: the return agreement date is not after `today` (the customs date, Beijing time), and on
 * submit every required field is present and every chosen reason category has a specific reason.
 */
export function checkExportReturn(v: ExportReturnInput, opts: { today: string; submit: boolean }): LocalizedIssue[] {
  const out: LocalizedIssue[] = [];
  if (v.returnAgreementDate && v.returnAgreementDate > opts.today) {
    out.push(issue('returnAgreementDate', 'date_in_future', `Must not be after today (${opts.today})`, `不得晚于今天（${opts.today}）`));
  }
  if (!opts.submit) return out;
  for (const f of EXPORT_RETURN_REQUIRED_FIELDS) {
    const val = v[f];
    const empty = val === undefined || val === null || (typeof val === 'string' && val.trim() === '') || (Array.isArray(val) && val.length === 0);
    if (empty) out.push(issue(f, 'required', 'Required', '必填'));
  }
  const reasons = v.reasons ?? [];
  for (const cat of v.reasonCategories ?? []) {
    if (!reasons.some((r) => categoryOfReason(r) === cat)) {
      out.push(issue('reasons', 'reason_missing_for_category',
        `Choose at least one specific reason under "${REASON_CATEGORY_LABELS[cat].en}"`,
        `请为“${REASON_CATEGORY_LABELS[cat].zh}”勾选至少 1 个具体退运原因`));
    }
  }
  return out;
}
