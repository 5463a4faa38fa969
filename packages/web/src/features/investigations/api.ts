import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Findings, InvestigationSummary, InvestigationView, QuestionnaireSendInput, investigationAssigneesSchema,
  investigationListSchema, investigationMemberSchema, investigationTransitionSchema, visitSchema,
} from '@returntrace/domain';
import type { z } from 'zod';
import { buildUrl, del, get, ifMatch, post, put } from '../../api/client';

export type InvestigationList = z.infer<typeof investigationListSchema>;
export type InvestigationListItem = InvestigationList['items'][number];
export type TransitionInput = z.input<typeof investigationTransitionSchema>;
export type MemberInput = z.infer<typeof investigationMemberSchema>;
export type VisitInput = z.infer<typeof visitSchema>;
export type Assignee = z.infer<typeof investigationAssigneesSchema>[number];

export const INV_KEY = ['investigations'] as const;
const BASE = '/investigations';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** The list's filters as they stand in the address; the server validates them (investigationListQuerySchema). */
export interface ListParams {
  page: number; pageSize: number; q?: string; state?: string; type?: string; overdue?: string; mine?: string;
}

export function useInvestigationList(params: ListParams) {
  return useQuery({
    queryKey: [...INV_KEY, 'list', params],
    queryFn: () => get<InvestigationList>(BASE, { ...params }),
    placeholderData: (prev) => prev,
  });
}

export function useInvestigation(id: string | undefined) {
  return useQuery({
    queryKey: [...INV_KEY, 'detail', id],
    queryFn: () => get<InvestigationView>(one(id ?? '')),
    enabled: !!id,
  });
}

export function useInvestigationSummary(enabled: boolean) {
  return useQuery({
    queryKey: [...INV_KEY, 'summary'],
    queryFn: () => get<InvestigationSummary>(`${BASE}/summary`),
    enabled,
  });
}

/** Everything a case page changes is reflected by reloading the case (and the lists that show it). */
export function useRefreshCase(id: string) {
  const qc = useQueryClient();
  return () => Promise.all([
    qc.invalidateQueries({ queryKey: [...INV_KEY, 'detail', id] }),
    qc.invalidateQueries({ queryKey: [...INV_KEY, 'list'] }),
    qc.invalidateQueries({ queryKey: [...INV_KEY, 'summary'] }),
  ]);
}

export const transition = (id: string, body: TransitionInput) => post<InvestigationView>(`${one(id)}/transition`, body);
export const saveFindings = (id: string, findingsVersion: number, findings: Findings) =>
  put<InvestigationView>(`${one(id)}/findings`, findings, ifMatch(findingsVersion));
export const addMember = (id: string, body: MemberInput) => post<unknown>(`${one(id)}/members`, body);
export const removeMember = (id: string, memberId: number) => del<unknown>(`${one(id)}/members/${memberId}`);
export const addNote = (id: string, body: string) => post<unknown>(`${one(id)}/notes`, { body });
export const addVisit = (id: string, body: VisitInput) => post<{ id: string }>(`${one(id)}/visits`, body);

export const uploadCaseFile = (id: string, file: File, kind: 'evidence' | 'photo', visitId?: string) => {
  const fd = new FormData();
  fd.append('kind', kind);
  if (visitId) fd.append('visitId', visitId);
  fd.append('file', file, file.name);
  return post<unknown>(`${one(id)}/files`, fd);
};
export const caseFileUrl = (id: string, fileId: string) => buildUrl(`${one(id)}/files/${encodeURIComponent(fileId)}`);

export const sendQuestionnaire = (id: string, body: QuestionnaireSendInput) => post<unknown>(`${one(id)}/questionnaires`, body);
const qn = (qid: string) => `/questionnaires/${encodeURIComponent(qid)}`;
export const acceptQuestionnaire = (qid: string) => post<unknown>(`${qn(qid)}/accept`, {});
export const returnQuestionnaire = (qid: string, reason: string) => post<unknown>(`${qn(qid)}/return`, { reason });
export const withdrawQuestionnaire = (qid: string) => post<unknown>(`${qn(qid)}/withdraw`, {});

/**
 * Users who may lead the case: the case's own assignee list when the server offers it, else the users API (needs
 * users.read) filtered to the investigating organisation; `null` when neither answers (the dialog takes a typed id).
 */
export function useAssignees(caseId: string, orgId: string, enabled: boolean, canReadUsers: boolean) {
  return useQuery({
    queryKey: [...INV_KEY, 'assignees', caseId, orgId],
    enabled,
    retry: false,
    queryFn: async (): Promise<Assignee[] | null> => {
      try {
        return await get<Assignee[]>(`${one(caseId)}/assignees`);
      } catch {
        if (!canReadUsers) return null;
      }
      try {
        const page = await get<{ items: { id: string; username: string; displayName: string; orgId: string }[] }>(
          '/users', { orgId, active: 'true', pageSize: 100 });
        return page.items.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, orgId: u.orgId }));
      } catch {
        return null;
      }
    },
  });
}

/** Authorities and bodies that may collaborate (any active non-enterprise organisation), searched by name or code. */
export function useBodies(q: string) {
  return useQuery({
    queryKey: ['risk-info', 'transfer-targets', q],
    queryFn: () => get<{ items: { id: string; kind: string; code: string; nameZh: string; nameEn: string }[] }>(
      '/risk-info/transfer-targets', { q: q.trim() || undefined }).then((r) => r.items),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
  });
}
