/**
 * The declaration form's values and their translation to and from `ExportReturnInput`. Every rule comes from the
 * domain: the zod schema (shape and cross-field rules) and `checkExportReturn` (date and submit rules).
 */
import dayjs, { type Dayjs } from 'dayjs';
import {
  checkExportReturn, exportReturnInputSchema, localizeIssues,
  type Disposal, type ExportReturnInput, type ExportReturnLine, type LocalizedIssue, type ReasonCategory,
} from '@returntrace/domain';
import { beijingToday } from '../labels';

export type YN = 'Y' | 'N';

export interface LineValues {
  lineNo: number;
  weightKg?: number | null;
  industrial: YN;
}

export interface FormValues {
  importDeclarationNo?: string;
  consigneeAddress?: string;
  consigneeContact?: string;
  consigneePhone?: string;
  returnAgreementDate?: Dayjs | null;
  consumerDistrict?: string;
  disposals?: Disposal[];
  disposalOther?: string;
  lines?: LineValues[];
  originalExportDeclarationNos?: string;
  manufacturer?: { creditCode?: string; customsCode?: string; name?: string };
  manufacturerContact?: string;
  manufacturerPhone?: string;
  manufacturerDivision?: string;
  manufacturerOffice?: string;
  exportInspected?: YN;
  originalTradeMode?: string[];
  reasonCategories?: ReasonCategory[];
  reasons?: string[];
  reasonExplanation?: string;
}

const str = (s: string | undefined | null): string | undefined => {
  const v = s?.trim();
  return v ? v : undefined;
};
const list = <T>(a: T[] | undefined): T[] | undefined => (a && a.length > 0 ? a : undefined);

/** Form values → API body: empty inputs are left out so that a draft needs only what has been entered. */
export function toInput(v: FormValues): ExportReturnInput {
  const m = v.manufacturer ?? {};
  const hasManufacturer = !!(str(m.creditCode) || str(m.customsCode) || str(m.name));
  const out: Record<string, unknown> = {
    importDeclarationNo: v.importDeclarationNo?.trim() ?? '',
    consigneeAddress: str(v.consigneeAddress),
    consigneeContact: str(v.consigneeContact),
    consigneePhone: str(v.consigneePhone),
    returnAgreementDate: v.returnAgreementDate ? v.returnAgreementDate.format('YYYY-MM-DD') : undefined,
    consumerDistrict: str(v.consumerDistrict),
    disposals: list(v.disposals),
    disposalOther: v.disposals?.includes('other') ? str(v.disposalOther) : undefined,
    lines: list(v.lines?.map((l) => ({
      lineNo: l.lineNo,
      weightKg: l.weightKg === undefined || l.weightKg === null ? null : Number(l.weightKg),
      industrial: l.industrial === 'Y',
    }))),
    originalExportDeclarationNos: str(v.originalExportDeclarationNos),
    manufacturer: hasManufacturer
      ? { creditCode: m.creditCode?.trim() ?? '', customsCode: m.customsCode?.trim() ?? '', name: m.name?.trim() ?? '' }
      : undefined,
    manufacturerContact: str(v.manufacturerContact),
    manufacturerPhone: str(v.manufacturerPhone),
    manufacturerDivision: str(v.manufacturerDivision),
    manufacturerOffice: str(v.manufacturerOffice),
    exportInspected: v.exportInspected === undefined ? undefined : v.exportInspected === 'Y',
    originalTradeMode: v.originalTradeMode?.[0],
    reasonCategories: list(v.reasonCategories),
    reasons: list(v.reasons),
    reasonExplanation: str(v.reasonExplanation),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as ExportReturnInput;
}

const linesOf = (lines: ExportReturnLine[], input?: ExportReturnInput['lines']): LineValues[] =>
  lines.map((l) => {
    const own = input?.find((x) => x.lineNo === l.lineNo);
    const w = own ? own.weightKg : l.weightKg === null ? null : Number(l.weightKg);
    return { lineNo: l.lineNo, weightKg: w ?? null, industrial: (own ? own.industrial : l.industrial) ? 'Y' : 'N' };
  });

/** A saved declaration → form values. */
export function fromInput(input: ExportReturnInput, lines: ExportReturnLine[]): FormValues {
  return {
    importDeclarationNo: input.importDeclarationNo,
    consigneeAddress: input.consigneeAddress,
    consigneeContact: input.consigneeContact,
    consigneePhone: input.consigneePhone,
    returnAgreementDate: input.returnAgreementDate ? dayjs(input.returnAgreementDate) : null,
    consumerDistrict: input.consumerDistrict,
    disposals: input.disposals ?? [],
    disposalOther: input.disposalOther,
    lines: linesOf(lines, input.lines),
    originalExportDeclarationNos: input.originalExportDeclarationNos,
    manufacturer: input.manufacturer ?? {},
    manufacturerContact: input.manufacturerContact,
    manufacturerPhone: input.manufacturerPhone,
    manufacturerDivision: input.manufacturerDivision,
    manufacturerOffice: input.manufacturerOffice,
    exportInspected: input.exportInspected === undefined ? undefined : input.exportInspected ? 'Y' : 'N',
    originalTradeMode: input.originalTradeMode ? [input.originalTradeMode] : [],
    reasonCategories: input.reasonCategories ?? [],
    reasons: input.reasons ?? [],
    reasonExplanation: input.reasonExplanation,
  };
}

/** Goods lines as the backfill sends them (weight and the industrial flag editable). */
export const backfillLines = (lines: ExportReturnLine[]): LineValues[] => linesOf(lines);

export interface Verdict {
  input: ExportReturnInput;
  issues: LocalizedIssue[];
}

/** Runs the domain's schema and `checkExportReturn` on the form's values; `submit` adds the submit-only rules. */
export function validate(v: FormValues, submit: boolean): Verdict {
  const input = toInput(v);
  const parsed = exportReturnInputSchema.safeParse(input);
  const issues = parsed.success ? [] : localizeIssues(parsed.error.issues);
  // the rules beyond the schema read plain fields; they run on the raw input too, so all problems show at once
  issues.push(...checkExportReturn(parsed.success ? parsed.data : input, { today: beijingToday(), submit }));
  return { input: parsed.success ? parsed.data : input, issues };
}

/** Name paths the form renders (dot strings), to place an issue on the nearest enclosing field. */
export function placeIssue(field: string, known: Set<string>): string | null {
  const parts = field.split('.');
  while (parts.length > 0) {
    const key = parts.join('.');
    if (known.has(key)) return key;
    parts.pop();
  }
  return null;
}

export const toNamePath = (key: string): (string | number)[] =>
  key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
