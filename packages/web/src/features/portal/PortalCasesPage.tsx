import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EnterpriseCaseView } from '@returntrace/domain';
import { LoadError } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { fmtTime } from '../../i18n/format';
import { useLang } from '../../i18n/labels';
import { StateTag, TypeTag, orgLabel } from '../investigations/labels';
import { usePortalCases } from './api';
import './i18n';
import '../investigations/investigations.css';

const NO_FILTERS = [] as const;

/** The questionnaire the enterprise should answer next: the earliest due among those awaiting its answer. */
function nextDue(c: EnterpriseCaseView) {
  return c.questionnaires.filter((q) => q.state === 'sent' || q.state === 'returned').sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
}

/** 我的调查: the enterprise's own cases, with the questionnaire due dates and the outcome once closed. */
export default function PortalCasesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { page, pageSize, pagination } = useListParams(NO_FILTERS);
  const list = usePortalCases(page, pageSize);
  const p = (k: string) => t(`portal.${k}`);
  return (
    <Card className="rt-page" title={p('title')} data-testid="portal-cases-page">
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<EnterpriseCaseView>
          size="small" rowKey="id" bordered loading={list.isFetching} dataSource={list.data?.items ?? []}
          pagination={pagination(list.data?.total)} scroll={{ x: 'max-content' }} data-testid="portal-cases-table"
          locale={{ emptyText: p('none') }}
          rowClassName={(r) => (nextDue(r)?.overdue ? 'rt-inv-overdue' : '')}
          columns={[
            { title: p('caseNo'), dataIndex: 'caseNo', width: 170,
              render: (v: string, r) => <Link to={`/portal/cases/${r.id}`} className="rt-mono" data-testid="portal-case-link">{v}</Link> },
            { title: p('type'), dataIndex: 'type', width: 130, render: (v: string) => <TypeTag type={v} lang={lang} /> },
            { title: p('state'), dataIndex: 'state', width: 130, render: (v: string) => <StateTag state={v} lang={lang} /> },
            { title: p('office'), key: 'office', width: 160, render: (_: unknown, r) => orgLabel(r.office, lang) },
            { title: p('investigatingOrg'), key: 'org', width: 160, render: (_: unknown, r) => orgLabel(r.investigatingOrg, lang) },
            { title: p('openedAt'), dataIndex: 'openedAt', width: 160, render: (v: string) => fmtTime(v) },
            { title: p('nextDue'), key: 'due', width: 170, render: (_: unknown, r) => {
              const q = nextDue(r);
              if (!q) return '—';
              return <Space size={4}><span data-testid="portal-next-due">{q.dueOn}</span>{q.overdue ? <Tag color="error">{t('inv.qn.overdue')}</Tag> : null}</Space>;
            } },
            { title: p('outcome'), key: 'outcome', width: 260, render: (_: unknown, r) => (r.outcome
              ? <Typography.Text ellipsis={{ tooltip: r.outcome.summary }} style={{ maxWidth: 240 }}>{r.outcome.summary}</Typography.Text> : '—') },
            { title: t('common.actions'), key: 'op', width: 80, fixed: 'right', render: (_: unknown, r) => <Link to={`/portal/cases/${r.id}`}>{p('open')}</Link> },
          ]}
        />
      )}
    </Card>
  );
}
