import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { problemText } from '../api/problem';
import { useSession } from '../api/session';
import { Loading } from '../components/QueryState';

/** Shows its children once GET /api/v1/session answers; sends anonymous callers to /login?next=…. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, error, isLoading, refetch } = useSession();
  if (isLoading) return <div style={{ paddingTop: '20vh' }}><Loading /></div>;
  if (error) {
    if (isApiError(error) && error.status === 401) {
      const next = location.pathname + location.search;
      const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
      const reason = error.code === 'session_expired' ? 'session_expired' : undefined;
      return <Navigate to={to} replace state={reason ? { reason } : undefined} />;
    }
    return (
      <Result
        status="error"
        title={t('layout.sessionLoadFailed')}
        subTitle={problemText(error)}
        extra={<Button type="primary" onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!data) return null;
  return <>{children}</>;
}
