import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseCaseView, QuestionnaireAnswer, QuestionnaireView } from '@returntrace/domain';
import { buildUrl, get, post, type Page } from '../../api/client';

export const PORTAL_KEY = ['portal'] as const;
const qn = (id: string) => `/portal/questionnaires/${encodeURIComponent(id)}`;

export function usePortalCases(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PORTAL_KEY, 'cases', page, pageSize],
    queryFn: () => get<Page<EnterpriseCaseView>>('/portal/cases', { page, pageSize }),
    placeholderData: (prev) => prev,
  });
}

export function usePortalCase(id: string | undefined) {
  return useQuery({
    queryKey: [...PORTAL_KEY, 'case', id],
    queryFn: () => get<EnterpriseCaseView>(`/portal/cases/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useRefreshPortal() {
  const qc = useQueryClient();
  return () => Promise.all([
    qc.invalidateQueries({ queryKey: PORTAL_KEY }),
    qc.invalidateQueries({ queryKey: ['investigations', 'summary'] }),
  ]);
}

export const uploadAnswerFile = (qid: string, file: File) => {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return post<QuestionnaireView['files'][number]>(`${qn(qid)}/files`, fd);
};
export const answerQuestionnaire = (qid: string, body: QuestionnaireAnswer) => post<QuestionnaireView>(`${qn(qid)}/answer`, body);
export const answerFileUrl = (qid: string, fileId: string) => buildUrl(`${qn(qid)}/files/${encodeURIComponent(fileId)}`);
