/** Form values of a risk-information record ↔ the API bodies (checked by the shared zod schemas before sending). */
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  localizeIssues, NO_RISK_FACTORS, riskInfoCreateSchema, riskInfoUpdateSchema,
  type RiskFactors, type RiskInfoCreateInput, type RiskInfoUpdateInput, type RiskInfoView, type RiskSource,
} from '@returntrace/domain';
import { ApiError } from '../../../api/client';
import { beijingToday } from '../../export-returns/labels';

export interface GoodsValues {
  name?: string;
  hsCode?: string;
  quantity?: number | null;
  unit?: string;
  amount?: number | null;
  currency?: string;
}

/** Field names follow the API body, so the server's field paths (`goods.0.currency`) land on the right input. */
export interface RecordValues {
  source?: RiskSource;
  title?: string;
  description?: string;
  sourceRef?: string;
  occurredOn?: Dayjs | null;
  importDeclarationNo?: string;
  enterpriseCreditCode?: string;
  enterpriseName?: string;
  brand?: string;
  countryCode?: string | null;
  goods?: GoodsValues[];
  reasonCodes?: string[];
  factors?: Partial<RiskFactors>;
  collection?: {
    collectedOn?: Dayjs | null;
    proposedInvestigatingOrgId?: string | null;
    contactName?: string;
    contactPhone?: string;
  };
}

export const emptyValues = (): RecordValues => ({
  goods: [], reasonCodes: [], factors: { ...NO_RISK_FACTORS },
  collection: { collectedOn: dayjs(beijingToday()) },
});

export const valuesOf = (r: RiskInfoView): RecordValues => ({
  source: r.source,
  title: r.title,
  description: r.description,
  sourceRef: r.sourceRef,
  occurredOn: r.occurredOn ? dayjs(r.occurredOn) : null,
  importDeclarationNo: r.importDeclarationNo ?? '',
  enterpriseCreditCode: r.enterpriseCreditCode ?? '',
  enterpriseName: r.enterpriseName,
  brand: r.brand,
  countryCode: r.countryCode,
  goods: r.goods.map((g) => ({ ...g })),
  reasonCodes: [...r.reasonCodes],
  factors: { ...r.factors },
  collection: {
    collectedOn: dayjs(r.collection.collectedOn),
    proposedInvestigatingOrgId: r.collection.proposedInvestigatingOrg?.id ?? null,
    contactName: r.collection.contactName,
    contactPhone: r.collection.contactPhone,
  },
});

const str = (v: string | undefined | null) => (v?.trim() ? v.trim() : undefined);
const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

/** The body shared by create and update; empty inputs are left out so the schema defaults apply. */
function body(v: RecordValues) {
  return {
    title: v.title?.trim() ?? '',
    description: v.description?.trim() ?? '',
    sourceRef: v.sourceRef?.trim() ?? '',
    occurredOn: v.occurredOn ? v.occurredOn.format('YYYY-MM-DD') : undefined,
    importDeclarationNo: str(v.importDeclarationNo),
    enterpriseCreditCode: str(v.enterpriseCreditCode)?.toUpperCase(),
    enterpriseName: v.enterpriseName?.trim() ?? '',
    brand: v.brand?.trim() ?? '',
    countryCode: v.countryCode ?? undefined,
    goods: (v.goods ?? []).map((g) => ({
      name: g.name?.trim() ?? '', hsCode: str(g.hsCode), quantity: num(g.quantity), unit: str(g.unit),
      amount: num(g.amount), currency: str(g.currency),
    })),
    reasonCodes: v.reasonCodes ?? [],
    factors: { ...NO_RISK_FACTORS, ...v.factors },
    collection: {
      collectedOn: v.collection?.collectedOn ? v.collection.collectedOn.format('YYYY-MM-DD') : '',
      proposedInvestigatingOrgId: v.collection?.proposedInvestigatingOrgId ?? null,
      contactName: str(v.collection?.contactName),
      contactPhone: str(v.collection?.contactPhone),
    },
  };
}

/** The issues of the shared schema as a validation problem, so that one path puts every message on the form. */
function problemOf(issues: Parameters<typeof localizeIssues>[0]): ApiError {
  return new ApiError(400, {
    type: 'urn:returntrace:problem:validation', title: 'Validation failed', titleZh: '数据校验未通过',
    errors: localizeIssues(issues),
  });
}

export type Checked<T> = { ok: true; input: T } | { ok: false; problem: ApiError };

export function createInput(v: RecordValues): Checked<RiskInfoCreateInput> {
  const r = riskInfoCreateSchema.safeParse({ source: v.source, ...body(v) });
  return r.success ? { ok: true, input: r.data } : { ok: false, problem: problemOf(r.error.issues) };
}

export function updateInput(v: RecordValues): Checked<RiskInfoUpdateInput> {
  const r = riskInfoUpdateSchema.safeParse(body(v));
  return r.success ? { ok: true, input: r.data } : { ok: false, problem: problemOf(r.error.issues) };
}

/**
 * The field paths a change touched (`onValuesChange` hands over a partial, nested object), so that their stale red
 * messages from the last save attempt can be cleared as the user corrects them.
 */
export function changedPaths(changed: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (changed === null || typeof changed !== 'object' || dayjs.isDayjs(changed)) return [prefix];
  if (Array.isArray(changed)) {
    // a list of plain values (the reasons) is one field; a list of objects (the goods) holds fields per line
    if (changed.every((x) => x === undefined || x === null || typeof x !== 'object')) return [prefix];
    return changed.flatMap((x, i) => (x === undefined ? [] : changedPaths(x, [...prefix, i])));
  }
  return Object.entries(changed).flatMap(([k, v]) => changedPaths(v, [...prefix, k]));
}

export const clearChangedErrors = (form: FormInstance<RecordValues>, changed: unknown) =>
  form.setFields(changedPaths(changed).map((name) => ({ name, errors: [] })) as unknown as Parameters<FormInstance<RecordValues>['setFields']>[0]);
