import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InvestigationView } from '@returntrace/domain';
import { fmtDate, fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { OverdueTag, StateTag, TypeTag, orgLabel } from '../labels';

/** The case at a glance: number, type, state, organisations, lead, deadline, and the risk record it came from. */
export function CaseHeader({ view }: { view: InvestigationView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const l = (k: string) => t(`inv.list.${k}`);
  const access = { manage: 'accessManage', edit: 'accessEdit', read: 'accessRead' }[view.access];
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="inv-header">
      <Descriptions.Item label={l('caseNo')}><span className="rt-mono" data-testid="inv-case-no">{view.caseNo}</span></Descriptions.Item>
      <Descriptions.Item label={l('type')}><TypeTag type={view.type} lang={lang} /></Descriptions.Item>
      <Descriptions.Item label={l('state')}><StateTag state={view.state} lang={lang} /></Descriptions.Item>
      <Descriptions.Item label={l('office')}>{orgLabel(view.office, lang)}</Descriptions.Item>
      <Descriptions.Item label={l('investigatingOrg')}>{orgLabel(view.investigatingOrg, lang)}</Descriptions.Item>
      <Descriptions.Item label={l('enterprise')}>{orgLabel(view.enterprise, lang) || t('inv.head.none')}</Descriptions.Item>
      <Descriptions.Item label={l('lead')}>
        <span data-testid="inv-lead">{view.leadInvestigator ? `${view.leadInvestigator.displayName} (${view.leadInvestigator.username})` : t('inv.head.none')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={l('openedAt')}>{fmtTime(view.openedAt)}</Descriptions.Item>
      <Descriptions.Item label={l('dueAt')}>
        <Space size={4}><span data-testid="inv-due">{fmtDate(view.dueAt)}</span>{view.overdue ? <OverdueTag due={view.dueAt} /> : null}</Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('inv.head.riskInfo')}>
        <Link to={`/risk-info/${view.riskInfo.id}`} data-testid="inv-risk-link">
          <span className="rt-mono">{view.riskInfo.infoNo}</span> {view.riskInfo.title}
        </Link>
      </Descriptions.Item>
      {view.closedAt ? <Descriptions.Item label={t('inv.head.closedAt')}>{fmtTime(view.closedAt)}</Descriptions.Item> : null}
      <Descriptions.Item label={t('inv.head.access')}><Tag data-testid="inv-access" data-access={view.access}>{t(`inv.head.${access}`)}</Tag></Descriptions.Item>
    </Descriptions>
  );
}
