/** Client of /api/v1/export-returns: queries, mutations and file URLs. Shapes come from @returntrace/domain. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Attachment, Backfill, ExportReturnInput, ExportReturnQuery, ExportReturnRow, ExportReturnView, Receipt, ReturnReason,
  auditQueueQuerySchema, batchDeleteResultSchema, exportReturnDashboardSchema,
} from '@returntrace/domain';
import { api, buildUrl, del, get, ifMatch, post, put, type Page } from '../../api/client';

export type Dashboard = z.infer<typeof exportReturnDashboardSchema>;
export type BatchDeleteResult = z.infer<typeof batchDeleteResultSchema>;
export type AuditQueueQuery = Partial<z.input<typeof auditQueueQuerySchema>>;
export type ListQuery = Partial<ExportReturnQuery>;

const BASE = '/export-returns';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const ER_KEY = ['export-returns'] as const;

export function useReasons() {
  return useQuery({
    queryKey: [...ER_KEY, 'reasons'],
    queryFn: () => get<{ items: ReturnReason[] }>(`${BASE}/reasons`).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

export function useExportReturn(id: string | undefined) {
  return useQuery({
    queryKey: [...ER_KEY, 'detail', id],
    queryFn: () => get<ExportReturnView>(one(id ?? '')),
    enabled: !!id,
    staleTime: 0,
  });
}

export const fetchBackfill = (importDeclarationNo: string) =>
  get<Backfill>(`${BASE}/backfill/${encodeURIComponent(importDeclarationNo)}`);

export const createExportReturn = (input: ExportReturnInput) => post<ExportReturnView>(BASE, input);

export const saveExportReturn = (id: string, version: number, input: ExportReturnInput) =>
  put<ExportReturnView>(one(id), input, ifMatch(version));

export const deleteExportReturn = (id: string, version: number) => del<void>(one(id), undefined, ifMatch(version));

/** Saved then submitted in one step; the idempotency key makes a retried click harmless. */
export const submitExportReturn = (id: string, version: number, input: ExportReturnInput, idempotencyKey: string) =>
  api<ExportReturnView>(`${one(id)}/submit`, {
    method: 'POST', body: input, headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': idempotencyKey },
  });

export const batchDelete = (ids: string[]) => post<BatchDeleteResult>(`${BASE}/batch-delete`, { ids });

export function useReceipts(id: string | undefined) {
  return useQuery({
    queryKey: [...ER_KEY, 'receipts', id],
    queryFn: () => get<{ items: Receipt[] }>(`${one(id ?? '')}/receipts`).then((r) => r.items),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useExportReturnList(q: ListQuery, enabled = true) {
  return useQuery({
    queryKey: [...ER_KEY, 'list', q],
    queryFn: () => get<Page<ExportReturnRow>>(BASE, q as Record<string, string | number | undefined>),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export const exportXlsxUrl = (q: ListQuery) => {
  const { page: _p, pageSize: _s, ...rest } = q;
  return buildUrl(`${BASE}/export.xlsx`, rest as Record<string, string | number | undefined>);
};

export function useAuditQueue(q: AuditQueueQuery) {
  return useQuery({
    queryKey: [...ER_KEY, 'audit-queue', q],
    queryFn: () => get<Page<ExportReturnRow>>(`${BASE}/audit-queue`, q as Record<string, string | number | undefined>),
    placeholderData: (prev) => prev,
  });
}

export type AuditDecision = { decision: 'approve'; opinion?: string } | { decision: 'reject'; reason: string };
export const decide = (id: string, version: number, body: AuditDecision) =>
  post<ExportReturnView>(`${one(id)}/decision`, body, ifMatch(version));

export function useDashboard() {
  return useQuery({
    queryKey: [...ER_KEY, 'dashboard'],
    queryFn: () => get<Dashboard>(`${BASE}/dashboard`),
    staleTime: 30_000,
  });
}

export const printUrl = (id: string) => buildUrl(`${one(id)}/print.pdf`);

export function useAttachments(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...ER_KEY, 'attachments', id],
    queryFn: () => get<{ items: Attachment[] }>(`${one(id ?? '')}/attachments`).then((r) => r.items),
    enabled: !!id && enabled,
    staleTime: 0,
  });
}

export const uploadAttachment = (id: string, file: File) => {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return post<Attachment>(`${one(id)}/attachments`, fd);
};

export const attachmentUrl = (id: string, attId: string) => buildUrl(`${one(id)}/attachments/${encodeURIComponent(attId)}`);

export const deleteAttachment = (id: string, attId: string) =>
  del<void>(`${one(id)}/attachments/${encodeURIComponent(attId)}`);

/** The visible-column preference of the query list, stored with the user (PUT /me/preferences). */
export const COLUMNS_PREF = 'exportReturns.columns';
export const savePreference = (key: string, value: string[]) => put('/me/preferences', { preferences: { [key]: value } });
