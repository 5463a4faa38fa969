import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomsDeclarationRow, CustomsDeclarationView, FeedLoadRow } from '@returntrace/domain';
import { get, type Page } from '../../api/client';

export interface DeclarationFilters {
  entryId?: string;
  direction?: string;
  partyCode?: string;
  declarePort?: string;
  from?: string;
  to?: string;
}

export function useDeclarations(params: DeclarationFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['customs-declarations', 'list', params],
    queryFn: () => get<Page<CustomsDeclarationRow>>('/customs-declarations', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useDeclaration(entryId: string) {
  return useQuery({
    queryKey: ['customs-declarations', 'one', entryId],
    queryFn: () => get<CustomsDeclarationView>(`/customs-declarations/${encodeURIComponent(entryId)}`),
    enabled: /^\d{18}$/.test(entryId),
  });
}

export function useLoads(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['customs-declarations', 'loads', page, pageSize],
    queryFn: () => get<Page<FeedLoadRow>>('/customs-declarations/loads', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export const templateUrl = (format: 'csv' | 'xlsx') => `/api/v1/customs-declarations/template.${format}`;
