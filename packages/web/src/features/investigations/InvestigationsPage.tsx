import { Button, Card, Checkbox, Form, Input, Select, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INVESTIGATION_STATES, INVESTIGATION_TYPES, investigationListQuerySchema, localizeIssues } from '@returntrace/domain';
import { LoadError } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { fmtDate, fmtTime } from '../../i18n/format';
import { useLang } from '../../i18n/labels';
import { useInvestigationList, type InvestigationListItem } from './api';
import { OverdueTag, StateTag, TypeTag, orgLabel, stateLabel, typeLabel } from './labels';
import './i18n';
import './investigations.css';

const FILTERS = ['q', 'state', 'type', 'overdue', 'mine'] as const;

interface Values { q?: string; state?: string; type?: string; overdue?: boolean; mine?: boolean }

/** 追溯调查 list: cases in the caller's scope or where she is a member; overdue rows in red with the days overdue. */
export default function InvestigationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const { page, pageSize, filters, setFilters, pagination } = useListParams(FILTERS);
  const list = useInvestigationList({
    page, pageSize, q: filters.q || undefined, state: filters.state || undefined, type: filters.type || undefined,
    overdue: filters.overdue === 'true' ? 'true' : undefined, mine: filters.mine === 'true' ? 'true' : undefined,
  });
  const l = (k: string) => t(`inv.list.${k}`);

  const search = (v: Values) => {
    const next = {
      q: v.q?.trim() || undefined, state: v.state || undefined, type: v.type || undefined,
      overdue: v.overdue ? 'true' as const : undefined, mine: v.mine ? 'true' as const : undefined,
    };
    const parsed = investigationListQuerySchema.safeParse(next);
    if (!parsed.success) {
      form.setFields(localizeIssues(parsed.error.issues).map((i) => ({
        name: i.field as keyof Values, errors: [lang === 'zh' ? i.messageZh : i.message],
      })));
      return;
    }
    setFilters(next);
  };
  const reset = () => {
    form.setFieldsValue({ q: undefined, state: undefined, type: undefined, overdue: false, mine: false });
    setFilters({ q: '', state: '', type: '', overdue: '', mine: '' });
  };

  return (
    <Card className="rt-page" title={l('title')} data-testid="inv-list-page">
      <Form<Values> form={form} layout="inline" className="rt-filters" onFinish={search}
        initialValues={{
          q: filters.q, state: filters.state || undefined, type: filters.type || undefined,
          overdue: filters.overdue === 'true', mine: filters.mine === 'true',
        }}>
        <Form.Item name="q" label={l('q')}>
          <Input allowClear maxLength={100} placeholder={l('qPh')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="state" label={l('state')}>
          <Select allowClear placeholder={l('anyState')} style={{ width: 170 }}
            options={INVESTIGATION_STATES.map((s) => ({ value: s, label: stateLabel(s, lang) }))} />
        </Form.Item>
        <Form.Item name="type" label={l('type')}>
          <Select allowClear placeholder={l('anyType')} style={{ width: 170 }}
            options={INVESTIGATION_TYPES.map((s) => ({ value: s, label: typeLabel(s, lang) }))} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox data-testid="inv-filter-overdue">{l('overdueOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="mine" valuePropName="checked">
          <Checkbox data-testid="inv-filter-mine">{l('mine')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="inv-search">{t('common.search')}</Button>
            <Button onClick={reset}>{t('common.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<InvestigationListItem>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={pagination(list.data?.total)}
          // fixed layout keeps the due-date column wide enough for its overdue tag
          tableLayout="fixed"
          scroll={{ x: 1550 }}
          data-testid="inv-table"
          rowClassName={(r) => (r.overdue ? 'rt-inv-overdue' : '')}
          columns={[
            { title: l('caseNo'), dataIndex: 'caseNo', width: 170,
              render: (v: string, r) => <Link to={`/investigations/${r.id}`} className="rt-mono" data-testid="inv-link">{v}</Link> },
            { title: l('type'), dataIndex: 'type', width: 130, render: (v: string) => <TypeTag type={v} lang={lang} /> },
            { title: l('state'), dataIndex: 'state', width: 130, render: (v: string) => <StateTag state={v} lang={lang} /> },
            { title: l('dueAt'), dataIndex: 'dueAt', width: 190,
              render: (v: string, r) => <Space size={4}><span>{fmtDate(v)}</span>{r.overdue ? <OverdueTag due={v} /> : null}</Space> },
            { title: l('riskInfo'), key: 'risk', width: 220, ellipsis: true,
              render: (_: unknown, r) => <span><span className="rt-mono">{r.riskInfo.infoNo}</span> {r.riskInfo.title}</span> },
            { title: l('enterprise'), key: 'ent', width: 180, ellipsis: true, render: (_: unknown, r) => orgLabel(r.enterprise, lang) || '—' },
            { title: l('investigatingOrg'), key: 'org', width: 180, ellipsis: true, render: (_: unknown, r) => orgLabel(r.investigatingOrg, lang) },
            { title: l('lead'), key: 'lead', width: 110, render: (_: unknown, r) => r.leadInvestigator?.displayName ?? '—' },
            { title: l('openedAt'), dataIndex: 'openedAt', width: 160, render: (v: string) => fmtTime(v) },
            { title: t('common.actions'), key: 'op', width: 80, fixed: 'right',
              render: (_: unknown, r) => <Link to={`/investigations/${r.id}`}>{l('open')}</Link> },
          ]}
        />
      )}
    </Card>
  );
}
