import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { publicCountryListSchema, publicOfficeListSchema, PublicReportStatusView } from '@returntrace/domain';
import { get } from '../../api/client';

export type PublicOffice = z.infer<typeof publicOfficeListSchema>['items'][number];
export type PublicCountry = z.infer<typeof publicCountryListSchema>['items'][number];

export function usePublicOffices() {
  return useQuery({
    queryKey: ['public', 'offices'],
    queryFn: () => get<{ items: PublicOffice[] }>('/public/offices', undefined, { noAuthRedirect: true }),
    staleTime: 10 * 60_000,
  });
}

export function usePublicCountries() {
  return useQuery({
    queryKey: ['public', 'countries'],
    queryFn: () => get<{ items: PublicCountry[] }>('/public/countries', undefined, { noAuthRedirect: true }),
    staleTime: 60 * 60_000,
  });
}

export const fetchReportStatus = (code: string) =>
  get<PublicReportStatusView>(`/public/reports/${encodeURIComponent(code)}`, undefined, { noAuthRedirect: true });
