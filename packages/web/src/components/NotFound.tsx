import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Unknown routes and records that answer 404 (missing or outside the caller's jurisdiction). */
export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="not-found">
      <Result
        status="404"
        title={t('notFound.title')}
        subTitle={t('notFound.subTitle')}
        extra={<Button type="primary" onClick={() => navigate('/')}>{t('notFound.backHome')}</Button>}
      />
    </div>
  );
}
