/** Client of /api/v1/risk-info: queries, mutations and file URLs. Shapes come from @returntrace/domain. */
import { useQuery } from '@tanstack/react-query';
import type {
  crimeLeadSchema, investigationTypeOverrideSchema, riskInfoReasonSchema, riskInfoReviewSchema, riskInfoTransferSchema,
  RiskInfoCreateInput, RiskInfoListItem, RiskInfoListQuery, RiskInfoUpdateInput, RiskInfoView,
} from '@returntrace/domain';
import type { z } from 'zod';
import { buildUrl, get, ifMatch, post, put, type Page } from '../../api/client';

export type ListQuery = Partial<RiskInfoListQuery>;
type Q = Record<string, string | number | undefined>;

const BASE = '/risk-info';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const RI_KEY = ['risk-info'] as const;

export function useRiskInfoList(q: ListQuery) {
  return useQuery({
    queryKey: [...RI_KEY, 'list', q],
    queryFn: () => get<Page<RiskInfoListItem>>(BASE, q as Q),
    placeholderData: (prev) => prev,
  });
}

export function useRiskInfo(id: string | undefined) {
  return useQuery({
    queryKey: [...RI_KEY, 'detail', id],
    queryFn: () => get<RiskInfoView>(one(id ?? '')),
    enabled: !!id,
    staleTime: 0,
  });
}

export interface CreateResult { duplicate: boolean; record: RiskInfoView }
export const createRiskInfo = (input: RiskInfoCreateInput) => post<CreateResult>(BASE, input);

export const updateRiskInfo = (id: string, version: number, input: RiskInfoUpdateInput) =>
  put<RiskInfoView>(one(id), input, ifMatch(version));

/** The bodies of the record's actions, typed by the shared schemas (what the server parses). */
export interface ActionBodies {
  review: z.input<typeof riskInfoReviewSchema>;
  dismiss: z.input<typeof riskInfoReasonSchema>;
  reopen: z.input<typeof riskInfoReasonSchema>;
  transfer: z.input<typeof riskInfoTransferSchema>;
  accept: Record<string, never>;
  decline: z.input<typeof riskInfoReasonSchema>;
  'type-override': z.input<typeof investigationTypeOverrideSchema>;
  redecide: Record<string, never>;
  'crime-lead': z.input<typeof crimeLeadSchema>;
}
export type ActionPath = keyof ActionBodies;

/** POST /risk-info/:id/<action>; the version travels as If-Match so a stale page gets 412, not a silent change. */
export const act = <A extends ActionPath>(record: Pick<RiskInfoView, 'id' | 'version'>, action: A, body: ActionBodies[A]) =>
  post<RiskInfoView>(`${one(record.id)}/${action}`, body, ifMatch(record.version));

export const uploadFile = (id: string, file: File) => {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return post<unknown>(`${one(id)}/files`, fd);
};
export const fileUrl = (id: string, fileId: string) => buildUrl(`${one(id)}/files/${encodeURIComponent(fileId)}`);
export const collectionFormPdfUrl = (id: string) => buildUrl(`${one(id)}/collection-form.pdf`);

/** Every crime lead (涉案线索) in the caller's jurisdiction as a workbook; the export is audited on the server. */
export const crimeLeadsXlsxUrl = () => buildUrl(`${BASE}/crime-leads.xlsx`);

/** 立案调查: the investigations server opens the case and moves the record to `investigating`. */
export const openInvestigation = (riskInfoId: string) => post<{ id: string }>('/investigations', { riskInfoId });

/**
 * The record made from an approved export-return declaration: `q` matches the declaration's unified number, and
 * only records of source `export_return` are made from declarations (one per declaration).
 */
export function useRecordOfDeclaration(unifiedNo: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...RI_KEY, 'of-declaration', unifiedNo],
    queryFn: () => get<Page<RiskInfoListItem>>(BASE, { q: unifiedNo, source: 'export_return', pageSize: 1 }),
    enabled: !!unifiedNo && enabled,
    retry: false,
  });
}

export interface TargetOrg { id: string; kind: string; code: string; nameZh: string; nameEn: string }

/**
 * Organisations a record may be proposed for or transferred to: every active non-enterprise body, also outside the
 * caller's own jurisdiction (market regulation sits beside the customs offices).
 */
export function useTransferTargets(q: string) {
  return useQuery({
    queryKey: [...RI_KEY, 'transfer-targets', q],
    queryFn: () => get<{ items: TargetOrg[] }>(`${BASE}/transfer-targets`, { q: q || undefined }).then((r) => r.items),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
}

type RefRow = Record<string, string | number | boolean | null>;

/** A whole small reference dataset (countries, currencies, return reasons), at most two pages of 200. */
function useRefAll(dataset: string) {
  return useQuery({
    queryKey: ['refdata', 'all', dataset],
    queryFn: async () => {
      const first = await get<Page<RefRow>>(`/refdata/${dataset}`, { page: 1, pageSize: 200 });
      if (first.total <= first.items.length) return first.items;
      const second = await get<Page<RefRow>>(`/refdata/${dataset}`, { page: 2, pageSize: 200 });
      return [...first.items, ...second.items];
    },
    staleTime: 30 * 60_000,
  });
}

export const useCountries = () => useRefAll('countries');
export const useCurrencies = () => useRefAll('currencies');
export const useReturnReasons = () => useRefAll('return-reasons');
