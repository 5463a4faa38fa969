/**
 * The public real-name report (实名举报, 001 art. 9, 004 art. 11): what anyone may send without logging in, the
 * tracking code the reporter keeps, and the coarse status shown back for it. The report lands as a risk-information
 * record (source `public_report`) of the customs office the reporter chose.
 */
import { z } from 'zod';
import { plainText, text } from '../api/common';
import { idCardNumberSchema } from '../codes/id-card';
import type { RiskInfoState } from './risk-info.machine';

const bilingual = (ctx: z.RefinementCtx, code: string, en: string, zh: string) =>
  ctx.addIssue({ code: 'custom', params: { code, en, zh } });

/** Mobile (11 digits, 1[3-9]…, optional +86) or landline (area code 0xx/0xxx, 7-8 digits, optional extension). */
const MOBILE_RE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const LANDLINE_RE = /^0\d{2,3}[- ]?\d{7,8}(?:[- ]\d{1,6})?$/;

export const reporterPhoneSchema = text(30, 1).superRefine((v, ctx) => {
  if (!MOBILE_RE.test(v) && !LANDLINE_RE.test(v)) {
    bilingual(ctx, 'phone_format', 'Enter a mobile number (11 digits) or a landline with area code, e.g. 0755-88886666',
      '请填写 11 位手机号码或带区号的固定电话，如 0755-88886666');
  }
});

/** Up to 5 pictures per report, 5 MB each. */
export const PUBLIC_REPORT_MAX_PICTURES = 5;

export const publicReportInputSchema = z.strictObject({
  /** 举报人姓名 */
  reporterName: text(50, 1),
  /** 公民身份号码, GB 11643 check character verified */
  idNumber: idCardNumberSchema,
  phone: reporterPhoneSchema,
  email: z.union([z.literal(''), z.email().max(100)]).default(''),
  /** the customs office the report is addressed to (GET /public/offices) */
  officeId: z.uuid(),
  /** 产品名称 */
  productName: text(200, 1),
  /** 品牌或生产/出口企业 */
  brandOrEnterprise: text(200).default(''),
  /** where the product was bought or seen (shop, website, port) */
  whereSeen: text(300, 1),
  /** country or region concerned, ISO 3166-1 alpha-3 */
  countryCode: z.string().regex(/^[A-Z]{3}$/).optional(),
  description: plainText(5000, 10),
  /** 实名举报承诺: the reporter confirms the facts are true and agrees to be contacted */
  consent: z.boolean().superRefine((v, ctx) => {
    if (!v) bilingual(ctx, 'consent_required', 'Please confirm the real-name report statement', '请确认实名举报承诺');
  }),
});
export type PublicReportInput = z.infer<typeof publicReportInputSchema>;

export const publicReportCreatedSchema = z.object({
  /** shown once; only its digest is stored */
  trackingCode: z.string(),
  receivedAt: z.string(),
});

export const publicOfficeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  kind: z.enum(['direct_customs', 'sub_customs']),
  /** the directly-affiliated customs a subordinate office belongs to */
  parentId: z.uuid().nullable(),
});
export const publicOfficeListSchema = z.object({ items: z.array(publicOfficeSchema) });
/** Countries and regions for the report form (alpha-3 with names), from the reference data. */
export const publicCountryListSchema = z.object({ items: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })) });

// -- tracking codes: 12 characters of a Crockford-like alphabet (no I, L, O, U), shown as XXXX-XXXX-XXXX

export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 12;

/** Upper-cases, drops spaces and dashes, and reads the letters people confuse with digits (O → 0, I/L → 1). */
export function normalizeTrackingCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== TRACKING_CODE_LENGTH) return null;
  for (const ch of s) if (!TRACKING_ALPHABET.includes(ch)) return null;
  return s;
}

export const formatTrackingCode = (code: string): string => code.match(/.{1,4}/g)!.join('-');

export const trackingCodeParamSchema = z.strictObject({ trackingCode: z.string().max(40) });

// -- what the reporter sees

export const PUBLIC_REPORT_STATUSES = ['received', 'under_review', 'transferred', 'investigating', 'closed', 'dismissed'] as const;
export type PublicReportStatus = (typeof PUBLIC_REPORT_STATUSES)[number];

export const PUBLIC_REPORT_STATUS_LABELS: Record<PublicReportStatus, { zh: string; en: string }> = {
  received: { zh: '已受理登记', en: 'Received' },
  under_review: { zh: '审核中', en: 'Under review' },
  transferred: { zh: '已移送调查机构', en: 'Transferred to the investigating body' },
  investigating: { zh: '调查中', en: 'Under investigation' },
  closed: { zh: '已办结', en: 'Closed' },
  dismissed: { zh: '不予调查', en: 'Not taken further' },
};

/** The coarse status a reporter may see; internal steps (declined by a body, accepted) stay inside. */
export function publicReportStatusOf(state: RiskInfoState): PublicReportStatus {
  switch (state) {
    case 'collected': return 'received';
    case 'reviewed':
    case 'declined': return 'under_review';
    case 'transferred':
    case 'accepted': return 'transferred';
    case 'investigating': return 'investigating';
    case 'closed': return 'closed';
    case 'dismissed': return 'dismissed';
  }
}

export const publicReportStatusSchema = z.object({
  status: z.enum(PUBLIC_REPORT_STATUSES),
  label: z.object({ zh: z.string(), en: z.string() }),
  receivedAt: z.string(),
  updatedAt: z.string(),
  office: z.object({ zh: z.string(), en: z.string() }),
});
export type PublicReportStatusView = z.infer<typeof publicReportStatusSchema>;

/** Limits per client address and per identity number, an administrator setting (`settings['public_reports']`). */
export const publicReportLimitsSchema = z.strictObject({
  perAddressPerHour: z.number().int().min(1).max(10_000),
  perIdentityPerDay: z.number().int().min(1).max(1_000),
});
export type PublicReportLimits = z.infer<typeof publicReportLimitsSchema>;
export const DEFAULT_PUBLIC_REPORT_LIMITS: PublicReportLimits = { perAddressPerHour: 10, perIdentityPerDay: 3 };

/** The masked identity number kept for display: first 3 and last 4 characters. */
export const maskIdNumber = (id: string): string => `${id.slice(0, 3)}${'*'.repeat(Math.max(0, id.length - 7))}${id.slice(-4)}`;
