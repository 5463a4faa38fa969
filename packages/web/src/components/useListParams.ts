import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TablePaginationConfig } from 'antd';

export const PAGE_SIZES = [10, 20, 50, 100];

/**
 * List state (page, page size and filters) kept in the URL, so that a tab brings back the list the user
 * left and links can be shared.
 */
export function useListParams<K extends string>(filterKeys: readonly K[], defaultPageSize = 20) {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(sp.get('pageSize')) || defaultPageSize));
  const keysSig = filterKeys.join(',');
  const filters = useMemo(
    () => Object.fromEntries(filterKeys.map((k) => [k, sp.get(k) ?? ''])) as Record<K, string>,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sp, keysSig],
  );

  const setFilters = useCallback((next: Partial<Record<K, string | undefined | null>>) => {
    setSp((prev) => {
      const p = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(next) as [string, string | undefined | null][]) {
        if (v === undefined || v === null || v === '') p.delete(k);
        else p.set(k, v);
      }
      p.delete('page'); // a new filter starts at page 1
      return p;
    }, { replace: true });
  }, [setSp]);

  const setPage = useCallback((nextPage: number, nextSize: number) => {
    setSp((prev) => {
      const p = new URLSearchParams(prev);
      if (nextPage > 1) p.set('page', String(nextPage)); else p.delete('page');
      if (nextSize !== defaultPageSize) p.set('pageSize', String(nextSize)); else p.delete('pageSize');
      return p;
    }, { replace: true });
  }, [setSp, defaultPageSize]);

  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: setPage,
  });

  return { page, pageSize, filters, setFilters, setPage, pagination };
}
