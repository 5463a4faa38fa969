import type { ReactNode } from 'react';
import { Alert, Button, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { isNotFound } from '../api/client';
import { problemText } from '../api/problem';
import { NotFound } from './NotFound';

export function Loading({ tip }: { tip?: string }) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ padding: 48 }} role="status" aria-live="polite">
      <Spin description={tip ?? t('app.loading')} />
    </Flex>
  );
}

/** Error state of a query: 404 shows the not-found page, anything else an Alert with a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isNotFound(error)) return <NotFound />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={problemText(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      data-testid="load-error"
    />
  );
}

/** Renders loading / error / children for one query. */
export function QueryState({ isLoading, error, onRetry, children }: {
  isLoading: boolean; error: unknown; onRetry?: () => void; children: ReactNode;
}) {
  if (isLoading) return <Loading />;
  if (error) return <LoadError error={error} onRetry={onRetry} />;
  return <>{children}</>;
}

/** Unmatched server field errors, listed above a form. */
export function ProblemAlert({ error, extra }: { error: unknown; extra?: { field: string; text: string }[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={problemText(error)}
      data-testid="form-error"
      description={extra && extra.length > 0 ? (
        <>
          <div>{t('common.unsavedErrors')}</div>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {extra.map((e, i) => <li key={i}>{e.field ? `${e.field}: ` : ''}{e.text}</li>)}
          </ul>
        </>
      ) : undefined}
    />
  );
}
