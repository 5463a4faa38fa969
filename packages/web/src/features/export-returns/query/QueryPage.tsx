import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Dropdown, Flex, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { DeleteOutlined, FileExcelOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { exportReturnQuerySchema, localizeIssues, MAX_QUERY_DAYS, type ExportReturnRow } from '@returntrace/domain';
import { useCan } from '../../../api/session';
import { isApiError } from '../../../api/client';
import { fieldMessage } from '../../../api/problem';
import { LoadError } from '../../../components/QueryState';
import { useListParams } from '../../../components/useListParams';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { ER_KEY, exportXlsxUrl, useExportReturnList, type ListQuery } from '../api';
import { beijingToday, statusLabel, statusOptions, STATUS_COLORS } from '../labels';
import { ReceiptsPanel } from '../ReceiptsPanel';
import { COLUMNS_PREF } from '../api';
import { useBatchDelete } from './useBatchDelete';
import { useColumnPrefs } from './useColumnPrefs';
import '../i18n';
import '../export-returns.css';

const FILTERS = ['importDeclarationNo', 'unifiedNo', 'status', 'consignee', 'manufacturer', 'from', 'to'] as const;
const COLUMNS = [
  'unifiedNo', 'returnNo', 'importDeclarationNo', 'consigneeCode', 'consigneeName', 'manufacturerCode', 'manufacturerName',
  'collectorName', 'collectedAt', 'status', 'lastOperatedAt', 'totalAmount', 'enterpriseName',
] as const;
const DEFAULT_COLUMNS = COLUMNS.filter((c) => c !== 'enterpriseName' && c !== 'totalAmount');

interface Values {
  importDeclarationNo?: string;
  unifiedNo?: string;
  status?: number;
  consignee?: string;
  manufacturer?: string;
  range?: [Dayjs, Dayjs] | null;
}

/** 出口退货信息查询 (003 §4.2). */
export default function QueryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { page, pageSize, filters, setFilters, pagination } = useListParams(FILTERS);
  const today = beijingToday();
  const from = filters.from || today;
  const to = filters.to || today;
  const query: ListQuery = {
    page, pageSize, from, to,
    importDeclarationNo: filters.importDeclarationNo || undefined,
    unifiedNo: filters.unifiedNo || undefined,
    status: filters.status === '' ? undefined : Number(filters.status),
    consignee: filters.consignee || undefined,
    manufacturer: filters.manufacturer || undefined,
  };
  const list = useExportReturnList(query);
  const [selected, setSelected] = useState<string[]>([]);
  const [receiptsOf, setReceiptsOf] = useState<ExportReturnRow | null>(null);
  const cols = useColumnPrefs(COLUMNS_PREF, COLUMNS, DEFAULT_COLUMNS);
  const declare = can('export_returns.declare');
  const batch = useBatchDelete(() => setSelected([]));
  const q = (k: string) => t(`er.q.${k}`);

  // the server's refusal of the conditions (e.g. the 30-day rule on a hand-edited URL) goes beside the inputs
  useEffect(() => {
    const e = list.error;
    if (!isApiError(e)) return;
    const own = new Set(['importDeclarationNo', 'unifiedNo', 'status', 'consignee', 'manufacturer', 'range']);
    form.setFields(e.errors
      .map((x) => ({ name: (x.field === 'from' || x.field === 'to' ? 'range' : x.field) as keyof Values, errors: [fieldMessage(x)] }))
      .filter((f) => own.has(f.name)));
  }, [list.error, form]);

  const search = (v: Values) => {
    const next = {
      importDeclarationNo: v.importDeclarationNo?.trim() || undefined,
      unifiedNo: v.unifiedNo?.trim() || undefined,
      status: v.status,
      consignee: v.consignee?.trim() || undefined,
      manufacturer: v.manufacturer?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD') ?? today,
      to: v.range?.[1]?.format('YYYY-MM-DD') ?? today,
    };
    // the conditions are checked by the API's own query schema; its messages go beside the inputs
    const parsed = exportReturnQuerySchema.safeParse(next);
    if (!parsed.success) {
      form.setFields(localizeIssues(parsed.error.issues).map((i) => ({
        name: (i.field === 'from' || i.field === 'to' ? 'range' : i.field) as keyof Values,
        errors: [lang === 'zh' ? i.messageZh : i.message],
      })));
      return;
    }
    setFilters({ ...next, status: next.status === undefined ? '' : String(next.status) });
    void qc.invalidateQueries({ queryKey: [...ER_KEY, 'list'] });
  };

  const reset = () => {
    form.resetFields();
    form.setFieldsValue({ range: [dayjs(today), dayjs(today)] });
    setFilters(Object.fromEntries(FILTERS.map((k) => [k, ''])));
  };

  const monday = dayjs(today).subtract((dayjs(today).day() + 6) % 7, 'day');
  const presets = [
    { label: q('today'), value: [dayjs(today), dayjs(today)] as [Dayjs, Dayjs] },
    { label: q('thisWeek'), value: [monday, dayjs(today)] as [Dayjs, Dayjs] },
    { label: q('thisMonth'), value: [dayjs(today).startOf('month'), dayjs(today)] as [Dayjs, Dayjs] },
  ];

  const all = {
    unifiedNo: { title: q('unifiedNo'), dataIndex: 'unifiedNo', width: 180,
      render: (v: string, r: ExportReturnRow) => <Link to={`/export-returns/${r.id}`} className="rt-mono" data-testid="er-row-link">{v}</Link> },
    returnNo: { title: t('er.f.returnNo'), dataIndex: 'returnNo', width: 130, render: (v: string | null) => v ?? '-' },
    importDeclarationNo: { title: q('importNo'), dataIndex: 'importDeclarationNo', width: 180, render: (v: string) => <span className="rt-mono">{v}</span> },
    consigneeCode: { title: q('consigneeCode'), dataIndex: 'consigneeCode', width: 180 },
    consigneeName: { title: q('consigneeName'), dataIndex: 'consigneeName', width: 200, ellipsis: true },
    manufacturerCode: { title: q('manufacturerCode'), dataIndex: 'manufacturerCode', width: 180 },
    manufacturerName: { title: q('manufacturerName'), dataIndex: 'manufacturerName', width: 200, ellipsis: true },
    collectorName: { title: q('collectorName'), dataIndex: 'collectorName', width: 100 },
    collectedAt: { title: q('collectedAt'), dataIndex: 'collectedAt', width: 165, render: (v: string | null) => fmtTime(v) },
    status: { title: q('status'), dataIndex: 'status', width: 200,
      render: (s: number, r: ExportReturnRow) => (
        <Tooltip title={t('er.r.title', { no: r.unifiedNo })}>
          <Tag color={STATUS_COLORS[s]} className="rt-tag-wrap" style={{ cursor: 'pointer' }} role="button" tabIndex={0}
            data-testid="er-row-status" onClick={() => setReceiptsOf(r)}
            onKeyDown={(e) => { if (e.key === 'Enter') setReceiptsOf(r); }}>
            <a>{statusLabel(s, lang)}</a>
          </Tag>
        </Tooltip>
      ) },
    lastOperatedAt: { title: q('lastOperatedAt'), dataIndex: 'lastOperatedAt', width: 165, render: (v: string) => fmtTime(v) },
    totalAmount: { title: q('totalAmount'), dataIndex: 'totalAmount', width: 120, align: 'right' as const },
    enterpriseName: { title: q('enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: true },
  };
  const columns = cols.visible.map((c) => ({ key: c, ...all[c as keyof typeof all] }));

  const chooser = (
    <Dropdown trigger={['click']} popupRender={() => (
      <div className="ant-dropdown-menu" style={{ padding: 8 }} data-testid="er-columns-menu">
        <Checkbox.Group value={cols.visible} onChange={(v) => cols.update(v as string[])}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={COLUMNS.map((c) => ({ value: c, label: all[c].title }))} />
      </div>
    )}>
      <Tooltip title={q('columns')}>
        <Button icon={<SettingOutlined />} aria-label={q('columns')} data-testid="er-columns" />
      </Tooltip>
    </Dropdown>
  );

  return (
    <Card className="rt-page" title={q('title')} data-testid="er-query-page">
      <Form<Values> form={form} layout="inline" className="rt-filters" onFinish={search}
        initialValues={{
          importDeclarationNo: filters.importDeclarationNo, unifiedNo: filters.unifiedNo,
          status: filters.status === '' ? undefined : Number(filters.status), consignee: filters.consignee,
          manufacturer: filters.manufacturer, range: [dayjs(from), dayjs(to)],
        }}>
        <Form.Item name="importDeclarationNo" label={q('importNo')}><Input allowClear maxLength={18} style={{ width: 190 }} /></Form.Item>
        <Form.Item name="unifiedNo" label={q('unifiedNo')}><Input allowClear maxLength={18} style={{ width: 190 }} /></Form.Item>
        <Form.Item name="status" label={q('status')}>
          <Select allowClear showSearch placeholder={q('anyStatus')} style={{ width: 240 }} popupMatchSelectWidth={false}
            optionFilterProp="label" options={statusOptions(lang)} data-testid="er-q-status" />
        </Form.Item>
        <Form.Item name="consignee" label={q('consignee')}>
          <Input allowClear maxLength={18} placeholder={q('consigneePh')} style={{ width: 210 }} />
        </Form.Item>
        <Form.Item name="manufacturer" label={q('manufacturer')}>
          <Input allowClear maxLength={18} placeholder={q('consigneePh')} style={{ width: 210 }} />
        </Form.Item>
        <Form.Item name="range" label={q('lastOp')} tooltip={q('range30')}>
          <DatePicker.RangePicker allowClear={false} presets={presets} data-testid="er-q-range"
            disabledDate={(d, info) => {
              if (!info?.from) return false;
              return Math.abs(d.diff(info.from, 'day')) > MAX_QUERY_DAYS;
            }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="er-q-search">{t('common.search')}</Button>
            <Button type="primary" ghost onClick={reset} data-testid="er-q-reset">{t('common.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} gap={8}>
        <Space>
          {declare ? (
            <Button icon={<DeleteOutlined />} danger disabled={selected.length === 0} data-testid="er-batch-delete"
              onClick={() => batch.confirm(selected, list.data?.items ?? [])}>
              {q('batchDelete')}{selected.length > 0 ? ` (${selected.length})` : ''}
            </Button>
          ) : null}
          <Button icon={<FileExcelOutlined />} href={exportXlsxUrl(query)} download data-testid="er-export">{q('export')}</Button>
        </Space>
        {chooser}
      </Flex>
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<ExportReturnRow>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={pagination(list.data?.total)}
          scroll={{ x: 'max-content' }}
          data-testid="er-table"
          rowSelection={declare ? {
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            preserveSelectedRowKeys: false,
          } : undefined}
        />
      )}
      {receiptsOf ? (
        <ReceiptsPanel key={receiptsOf.id} id={receiptsOf.id} unifiedNo={receiptsOf.unifiedNo} onClose={() => setReceiptsOf(null)} />
      ) : null}
    </Card>
  );
}
