import dayjs, { type Dayjs } from 'dayjs';
import { findingsSchema, localizeIssues, type Findings, type LocalizedIssue } from '@returntrace/domain';

/**
 * The findings as the antd form holds them: dates as Dayjs, unset choices as undefined (antd's "empty"); the
 * schema's nullable defaults turn them back into null when the draft is parsed for saving.
 */
type Dateish = Dayjs | null | undefined;
export interface FindingsValues {
  returnReason: Omit<Findings['returnReason'], 'category' | 'nonQualityKind'> & {
    category?: Findings['returnReason']['category'] | undefined; nonQualityKind?: Findings['returnReason']['nonQualityKind'] | undefined;
  };
  inspections: (Omit<Findings['inspections'][number], 'date' | 'by' | 'result'> & {
    date: Dateish; by?: Findings['inspections'][number]['by']; result?: Findings['inspections'][number]['result'];
  })[];
  qualitySystem: Findings['qualitySystem'];
  integrity: Findings['integrity'];
  goodsFlow: Omit<Findings['goodsFlow'], 'date' | 'flow'> & { date: Dateish; flow?: Findings['goodsFlow']['flow'] | undefined };
  otherCircumstances: Findings['otherCircumstances'];
  correctiveActions: (Omit<Findings['correctiveActions'][number], 'dueOn'> & { dueOn: Dateish })[];
  summary: string;
}

const toDay = (s: string | null): Dayjs | null => (s ? dayjs(s) : null);
const fromDay = (d: Dateish): string | null => (d ? d.format('YYYY-MM-DD') : null);
const orUndef = <T>(v: T | null): T | undefined => v ?? undefined;

export function toFormValues(f: Findings): FindingsValues {
  return {
    returnReason: { ...f.returnReason, category: orUndef(f.returnReason.category), nonQualityKind: orUndef(f.returnReason.nonQualityKind) },
    inspections: f.inspections.map((i) => ({ ...i, date: toDay(i.date) })),
    qualitySystem: f.qualitySystem,
    integrity: f.integrity,
    goodsFlow: { ...f.goodsFlow, flow: orUndef(f.goodsFlow.flow), date: toDay(f.goodsFlow.date) },
    otherCircumstances: f.otherCircumstances,
    correctiveActions: f.correctiveActions.map((a) => ({ ...a, dueOn: toDay(a.dueOn) })),
    summary: f.summary,
  };
}

/** Back to the API shape, checked by the same schema the server applies; issues name the form's fields. */
export function fromFormValues(v: Partial<FindingsValues>):
  { ok: true; findings: Findings } | { ok: false; issues: LocalizedIssue[] } {
  const rr = v.returnReason;
  const raw = {
    returnReason: rr ? {
      ...rr, category: rr.category ?? null,
      // a non-quality kind only means something for a non-quality reason
      nonQualityKind: rr.category === 'non_quality' ? rr.nonQualityKind ?? null : null,
      rootCauseStages: rr.rootCauseStages ?? [],
    } : undefined,
    inspections: (v.inspections ?? []).map((i) => ({ ...i, date: fromDay(i.date) })),
    qualitySystem: v.qualitySystem,
    integrity: v.integrity,
    goodsFlow: v.goodsFlow ? { ...v.goodsFlow, flow: v.goodsFlow.flow ?? null, date: fromDay(v.goodsFlow.date) } : undefined,
    otherCircumstances: v.otherCircumstances,
    correctiveActions: (v.correctiveActions ?? []).map((a) => ({ ...a, dueOn: fromDay(a.dueOn) ?? '' })),
    summary: v.summary,
  };
  const parsed = findingsSchema.safeParse(raw);
  return parsed.success ? { ok: true, findings: parsed.data } : { ok: false, issues: localizeIssues(parsed.error.issues) };
}
