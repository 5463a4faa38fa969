import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../api/session';
import { useRecordOfDeclaration } from './api';
import './i18n';

/** Manual audit passed (人工审核通过): the platform has made a risk-information record from the declaration. */
const APPROVED = 7;

/**
 * On an approved export-return declaration: a link to the risk record made from it, found by its unified number.
 * Shown to customs users who read risk information only.
 */
export function RiskRecordLink({ unifiedNo, status }: { unifiedNo: string; status: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const show = status === APPROVED && can('risk_info.read');
  const q = useRecordOfDeclaration(unifiedNo, show);
  if (!show || q.isLoading || q.error) return null;
  const record = q.data?.items[0];
  return (
    <Alert type={record ? 'info' : 'warning'} showIcon style={{ marginTop: 12 }} data-testid="er-risk-record"
      title={record ? (
        <span>
          {t('ri.er.link')}
          <Link to={`/risk-info/${record.id}`} className="rt-mono" data-testid="er-risk-record-link">{record.infoNo}</Link>
        </span>
      ) : t('ri.er.none')} />
  );
}
