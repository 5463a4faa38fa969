import { useEffect } from 'react';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  localizeIssues, riskInfoListQuerySchema, type InvestigationType, type RiskInfoListItem, type RiskInfoState, type RiskSource,
} from '@returntrace/domain';
import { isApiError } from '../../api/client';
import { fieldMessage } from '../../api/problem';
import { useCan } from '../../api/session';
import { LoadError } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { fmtTime } from '../../i18n/format';
import { useLang } from '../../i18n/labels';
import { crimeLeadsXlsxUrl, useRiskInfoList, type ListQuery } from './api';
import {
  fmtUsd, sourceLabel, sourceOptions, STATE_COLORS, stateLabel, stateOptions, TYPE_COLORS, typeLabel, typeOptions,
} from './labels';
import './i18n';

const FILTERS = ['box', 'q', 'source', 'state', 'type', 'crimeLead', 'from', 'to'] as const;

interface Values {
  q?: string;
  source?: RiskSource;
  state?: RiskInfoState;
  type?: InvestigationType;
  crimeLead?: 'true' | 'false';
  range?: [Dayjs, Dayjs] | null;
}

/** 风险信息查询: every record in the caller's jurisdiction, and the box of records transferred to her organisation. */
export default function ListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { page, pageSize, filters, setFilters, pagination } = useListParams(FILTERS);
  const box = filters.box === 'incoming' ? 'incoming' : 'all';
  const query: ListQuery = {
    page, pageSize, box,
    q: filters.q || undefined,
    source: (filters.source || undefined) as RiskSource | undefined,
    state: (filters.state || undefined) as RiskInfoState | undefined,
    type: (filters.type || undefined) as InvestigationType | undefined,
    crimeLead: (filters.crimeLead || undefined) as 'true' | 'false' | undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
  const list = useRiskInfoList(query);
  const l = (k: string) => t(`ri.list.${k}`);
  const f = (k: string) => t(`ri.f.${k}`);

  // the server's refusal of a hand-edited URL goes beside the inputs
  useEffect(() => {
    const e = list.error;
    if (!isApiError(e)) return;
    form.setFields(e.errors.map((x) => ({
      name: (x.field === 'from' || x.field === 'to' ? 'range' : x.field) as keyof Values, errors: [fieldMessage(x)],
    })).filter((x) => ['q', 'source', 'state', 'type', 'crimeLead', 'range'].includes(x.name)));
  }, [list.error, form]);

  const search = (v: Values) => {
    const next = {
      q: v.q?.trim() || undefined, source: v.source, state: v.state, type: v.type, crimeLead: v.crimeLead,
      from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD'),
    };
    const parsed = riskInfoListQuerySchema.safeParse(next);
    if (!parsed.success) {
      form.setFields(localizeIssues(parsed.error.issues).map((i) => ({
        name: (i.field === 'from' || i.field === 'to' ? 'range' : i.field) as keyof Values,
        errors: [lang === 'zh' ? i.messageZh : i.message],
      })));
      return;
    }
    setFilters(next);
  };

  const reset = () => {
    form.resetFields();
    form.setFieldsValue({ q: undefined, source: undefined, state: undefined, type: undefined, crimeLead: undefined, range: null });
    setFilters(Object.fromEntries(FILTERS.filter((k) => k !== 'box').map((k) => [k, ''])));
  };

  const columns = [
    { key: 'infoNo', title: f('infoNo'), dataIndex: 'infoNo', width: 170, fixed: 'left' as const,
      render: (v: string, r: RiskInfoListItem) => <Link to={`/risk-info/${r.id}`} className="rt-mono" data-testid="ri-row-link">{v}</Link> },
    { key: 'title', title: f('title'), dataIndex: 'title', width: 240, ellipsis: true },
    { key: 'source', title: f('source'), dataIndex: 'source', width: 150, render: (s: RiskSource) => sourceLabel(s, lang) },
    { key: 'state', title: f('state'), dataIndex: 'state', width: 160,
      render: (s: RiskInfoState, r: RiskInfoListItem) => (
        <Space size={4} wrap>
          <Tag color={STATE_COLORS[s]} data-testid="ri-row-state">{stateLabel(s, lang)}</Tag>
          {r.crimeLead ? <Tag color="red">{f('crimeLead')}</Tag> : null}
        </Space>
      ) },
    { key: 'type', title: f('effectiveType'), dataIndex: 'effectiveType', width: 150,
      render: (v: InvestigationType | null, r: RiskInfoListItem) => (v ? (
        <Space size={4}>
          <Tag color={TYPE_COLORS[v]}>{typeLabel(v, lang)}</Tag>
          {r.overridden ? <Tag>{l('overridden')}</Tag> : null}
        </Space>
      ) : '-') },
    { key: 'enterprise', title: f('enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: true, render: (v: string) => v || '-' },
    { key: 'importNo', title: f('importDeclarationNo'), dataIndex: 'importDeclarationNo', width: 180,
      render: (v: string | null) => (v ? <span className="rt-mono">{v}</span> : '-') },
    { key: 'value', title: f('batchValueUsd'), dataIndex: 'batchValueUsd', width: 150, align: 'right' as const, render: fmtUsd },
    { key: 'office', title: f('office'), dataIndex: ['office', 'name', lang], width: 140 },
    { key: 'investigatingOrg', title: f('investigatingOrg'), dataIndex: 'investigatingOrg', width: 180,
      render: (v: RiskInfoListItem['investigatingOrg']) => (v ? v.name[lang] || v.name.zh : '-') },
    { key: 'collectedOn', title: f('collectedOn'), dataIndex: 'collectedOn', width: 120 },
    { key: 'createdAt', title: f('createdAt'), dataIndex: 'createdAt', width: 165, render: (v: string) => fmtTime(v) },
  ];

  return (
    <Card className="rt-page" title={l('title')} data-testid="ri-list-page"
      extra={can('risk_info.collect') ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/risk-info/new')} data-testid="ri-new">{l('new')}</Button>
      ) : null}>
      {/* the incoming box is for bodies that accept transfers */}
      {can('risk_info.accept') || box === 'incoming' ? (
        <Tabs activeKey={box} onChange={(k) => setFilters({ box: k === 'incoming' ? 'incoming' : '' })} data-testid="ri-box"
          items={[{ key: 'all', label: l('all') }, { key: 'incoming', label: <span data-testid="ri-box-incoming">{l('incoming')}</span> }]} />
      ) : null}
      <Form<Values> form={form} layout="inline" className="rt-filters" onFinish={search}
        initialValues={{
          q: filters.q, source: filters.source || undefined, state: filters.state || undefined, type: filters.type || undefined,
          crimeLead: filters.crimeLead || undefined,
          range: filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null,
        }}>
        <Form.Item name="q" label={l('q')}><Input allowClear maxLength={100} placeholder={l('qPh')} style={{ width: 240 }} data-testid="ri-q" /></Form.Item>
        <Form.Item name="source" label={f('source')}>
          <Select allowClear placeholder={l('anySource')} options={sourceOptions(lang)} style={{ width: 200 }} popupMatchSelectWidth={false} data-testid="ri-q-source" />
        </Form.Item>
        <Form.Item name="state" label={f('state')}>
          <Select allowClear placeholder={l('anyState')} options={stateOptions(lang)} style={{ width: 190 }} popupMatchSelectWidth={false} data-testid="ri-q-state" />
        </Form.Item>
        <Form.Item name="type" label={f('effectiveType')}>
          <Select allowClear placeholder={l('anyType')} options={typeOptions(lang)} style={{ width: 170 }} popupMatchSelectWidth={false} data-testid="ri-q-type" />
        </Form.Item>
        <Form.Item name="crimeLead" label={f('crimeLead')}>
          <Select allowClear placeholder={l('anyLead')} style={{ width: 100 }}
            options={[{ value: 'true', label: l('yes') }, { value: 'false', label: l('no') }]} data-testid="ri-q-lead" />
        </Form.Item>
        <Form.Item name="range" label={l('range')}><DatePicker.RangePicker data-testid="ri-q-range" /></Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="ri-q-search">{t('common.search')}</Button>
            <Button onClick={reset}>{t('common.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {can('risk_info.export_crime_leads') ? (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button icon={<FileExcelOutlined />} href={crimeLeadsXlsxUrl()} download data-testid="ri-export-leads">{l('exportLeads')}</Button>
        </Flex>
      ) : null}
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<RiskInfoListItem>
          size="small" rowKey="id" bordered loading={list.isFetching} dataSource={list.data?.items ?? []}
          columns={columns} pagination={pagination(list.data?.total)} scroll={{ x: 'max-content' }} data-testid="ri-table"
        />
      )}
    </Card>
  );
}
