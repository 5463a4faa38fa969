import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { TRADE_MODE_LABELS, type CustomsDeclarationRow } from '@returntrace/domain';
import { LoadError } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { useLang } from '../../i18n/labels';
import { useDeclarations } from './api';
import './i18n';

const FILTERS = ['entryId', 'direction', 'partyCode', 'declarePort', 'from', 'to'] as const;

interface FilterForm {
  entryId?: string;
  direction?: string;
  partyCode?: string;
  declarePort?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** 报关单数据: the declarations of the feed that the caller's jurisdiction covers, server-paged. */
export default function DeclarationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { page, pageSize, filters, setFilters, pagination } = useListParams(FILTERS);
  const query = useDeclarations({ ...filters, page, pageSize });
  const [form] = Form.useForm<FilterForm>();

  const apply = (v: FilterForm) => setFilters({
    entryId: v.entryId?.trim(), direction: v.direction, partyCode: v.partyCode?.trim(), declarePort: v.declarePort?.trim(),
    from: v.dates?.[0]?.format('YYYY-MM-DD'), to: v.dates?.[1]?.format('YYYY-MM-DD'),
  });
  const reset = () => {
    form.resetFields();
    setFilters({ entryId: null, direction: null, partyCode: null, declarePort: null, from: null, to: null });
  };
  const tradeMode = (code: string) => {
    const l = TRADE_MODE_LABELS[code];
    return l ? `${code} ${l[lang]}` : code || '—';
  };

  return (
    <Card className="rt-page" title={t('cf.list.title')} data-testid="customs-declarations-page">
      <Form<FilterForm>
        form={form}
        layout="inline"
        onFinish={apply}
        initialValues={{
          entryId: filters.entryId, direction: filters.direction || undefined, partyCode: filters.partyCode,
          declarePort: filters.declarePort,
          dates: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
        }}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="entryId" label={t('cf.list.entryId')}>
          <Input allowClear maxLength={18} placeholder={t('cf.list.entryIdPh')} style={{ width: 200 }} data-testid="cf-filter-entry" />
        </Form.Item>
        <Form.Item name="direction" label={t('cf.list.direction')}>
          <Select allowClear placeholder={t('cf.list.anyDirection')} style={{ width: 110 }}
            options={[{ value: 'import', label: t('cf.list.import') }, { value: 'export', label: t('cf.list.export') }]} />
        </Form.Item>
        <Form.Item name="partyCode" label={t('cf.list.partyCode')}>
          <Input allowClear maxLength={18} placeholder={t('cf.list.partyCodePh')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="declarePort" label={t('cf.list.declarePort')}>
          <Input allowClear maxLength={4} placeholder={t('cf.list.declarePortPh')} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="dates" label={t('cf.list.dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="cf-search">{t('cf.list.search')}</Button>
          <Button onClick={reset}>{t('cf.list.reset')}</Button>
        </Space>
      </Form>
      {query.error ? <LoadError error={query.error} onRetry={() => void query.refetch()} /> : (
        <Table<CustomsDeclarationRow>
          size="small"
          rowKey="entryId"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          pagination={pagination(query.data?.total)}
          scroll={{ x: 'max-content' }}
          data-testid="cf-table"
          columns={[
            {
              title: t('cf.list.entryId'), dataIndex: 'entryId', className: 'rt-mono',
              render: (v: string) => <Link to={`/customs-declarations/${v}`}>{v}</Link>,
            },
            {
              title: t('cf.list.direction'), dataIndex: 'direction',
              render: (v: string) => <Tag color={v === 'import' ? 'blue' : 'green'}>{t(`cf.list.${v}`)}</Tag>,
            },
            { title: t('cf.list.declarePort'), dataIndex: 'declarePort', className: 'rt-mono' },
            { title: t('cf.list.declareDate'), dataIndex: 'declareDate' },
            { title: t('cf.list.trader'), key: 'trader', render: (_: unknown, r) => r.traderName || r.traderCreditCode || '—' },
            { title: t('cf.list.declaringUnit'), key: 'declaring', render: (_: unknown, r) => r.declaringUnitName || r.declaringUnitCreditCode || '—' },
            { title: t('cf.list.country'), dataIndex: 'countryCode' },
            { title: t('cf.list.tradeMode'), dataIndex: 'tradeMode', render: tradeMode },
            { title: t('cf.list.lines'), dataIndex: 'lineCount', align: 'right' },
            {
              title: t('cf.list.status'), dataIndex: 'withdrawn',
              render: (v: boolean) => (v ? <Tag color="red">{t('cf.list.withdrawn')}</Tag> : <Tag>{t('cf.list.valid')}</Tag>),
            },
          ]}
        />
      )}
    </Card>
  );
}
