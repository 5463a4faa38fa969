import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ForeignNotificationView, NotificationMatchView } from '@returntrace/domain';
import { get, type Page } from '../../api/client';

export const FN_KEY = ['foreign-notifications'] as const;

export function useNotifications(params: { batchId?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...FN_KEY, 'list', params],
    queryFn: () => get<Page<ForeignNotificationView>>('/foreign-notifications', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useMatches(notificationId: string | null) {
  return useQuery({
    queryKey: [...FN_KEY, 'matches', notificationId],
    queryFn: () => get<{ items: NotificationMatchView[] }>(`/foreign-notifications/${notificationId}/matches`),
    enabled: !!notificationId,
  });
}

export const templateUrl = (format: 'csv' | 'xlsx') => `/api/v1/foreign-notifications/template?format=${format}`;
