import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post, type Page } from '../../api/client';
import { problemText } from '../../api/problem';
import { useCan } from '../../api/session';
import { LoadError } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { actionLabel, resultColor, resultLabel, useLang } from '../../i18n/labels';
import { fmtTime } from '../../i18n/format';
import { zh } from '../../i18n/zh';

interface AuditRow {
  id: number | string;
  at: string;
  username: string;
  action: string;
  objectType: string;
  objectId: string;
  result: string;
  clientIp: string;
  detail?: unknown;
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | string | null;
  reason: string | null;
  reasonZh?: string | null;
}

const KEYS = ['from', 'to', 'action', 'result', 'username', 'objectType', 'objectId'] as const;
type Filters = { range?: [Dayjs | null, Dayjs | null] | null; action?: string; result?: string; username?: string; objectType?: string; objectId?: string };

export default function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const { page, pageSize, filters, setFilters, pagination } = useListParams(KEYS);
  const [verifying, setVerifying] = useState(false);
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => get<Page<AuditRow>>('/audit', query),
    placeholderData: (prev) => prev,
  });

  const search = (v: Filters) => {
    const [from, to] = v.range ?? [];
    setFilters({
      from: from ? from.toISOString() : '', to: to ? to.toISOString() : '',
      action: v.action?.trim(), result: v.result, username: v.username?.trim(),
      objectType: v.objectType?.trim(), objectId: v.objectId?.trim(),
    });
  };

  const verify = async () => {
    setVerifying(true);
    try {
      const r = await post<VerifyResult>('/audit/verify', {});
      modal.info({
        title: t('audit.verifyTitle'),
        icon: <SafetyOutlined />,
        okText: t('common.ok'),
        content: (
          <div data-testid="verify-result">
            <Alert
              type={r.ok ? 'success' : 'error'}
              showIcon
              title={r.ok ? t('audit.verifyOk', { checked: r.checked }) : t('audit.verifyBroken', { id: String(r.firstBrokenId ?? '?'), checked: r.checked })}
              description={r.reason ? t('audit.verifyReason', { reason: lang === 'zh' ? (r.reasonZh ?? r.reason) : r.reason }) : undefined}
            />
          </div>
        ),
      });
    } catch (e) {
      modal.error({ title: t('audit.verifyTitle'), content: problemText(e), okText: t('common.ok') });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Card
      title={t('menu.audit')}
      className="rt-page"
      data-testid="audit-page"
      extra={can('audit.verify') ? (
        <Button icon={<SafetyOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">{t('audit.verify')}</Button>
      ) : null}
    >
      <Form form={form} name="auditFilters" layout="inline" className="rt-filters" onFinish={search}
        initialValues={{
          range: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : undefined,
          action: filters.action || undefined, result: filters.result || undefined, username: filters.username || undefined,
          objectType: filters.objectType || undefined, objectId: filters.objectId || undefined,
        }}>
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <AutoComplete allowClear style={{ width: 200 }} popupMatchSelectWidth={false}
            options={Object.keys(zh.actions).map((a) => ({ value: a, label: `${actionLabel(a, lang)} · ${a}` }))}
            showSearch={{ filterOption: (input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase()) }} />
        </Form.Item>
        <Form.Item name="result" label={t('audit.result')}>
          <Select allowClear placeholder={t('audit.anyResult')} style={{ width: 120 }}
            options={['success', 'failure', 'denied'].map((r) => ({ value: r, label: resultLabel(r, lang) }))} />
        </Form.Item>
        <Form.Item name="username" label={t('audit.username')}>
          <Input allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="objectType" label={t('audit.objectType')}>
          <Input allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="objectId" label={t('audit.objectId')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" data-testid="audit-search">{t('common.search')}</Button>
            <Button onClick={() => { form.setFieldsValue({ range: null, action: undefined, result: undefined, username: undefined, objectType: undefined, objectId: undefined }); setFilters(Object.fromEntries(KEYS.map((k) => [k, '']))); }}>
              {t('common.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<AuditRow>
          size="small"
          rowKey={(r) => String(r.id)}
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={pagination(list.data?.total)}
          scroll={{ x: 1000 }}
          data-testid="audit-table"
          expandable={{
            rowExpandable: (r) => !!r.detail && typeof r.detail === 'object' && Object.keys(r.detail).length > 0,
            expandedRowRender: (r) => (
              <Typography.Paragraph className="rt-mono" style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 12 }}>
                {JSON.stringify(r.detail, null, 2)}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            { title: 'ID', dataIndex: 'id', width: 80 },
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => fmtTime(v) },
            { title: t('audit.username'), dataIndex: 'username', width: 130, render: (v: string) => v || '—' },
            { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <span title={v}>{actionLabel(v, lang)}</span> },
            { title: t('audit.objectType'), dataIndex: 'objectType', width: 120, render: (v: string) => v || '—' },
            { title: t('audit.objectId'), dataIndex: 'objectId', width: 200, ellipsis: true, render: (v: string) => v || '—' },
            { title: t('audit.result'), dataIndex: 'result', width: 90, render: (v: string) => <Tag color={resultColor(v)}>{resultLabel(v, lang)}</Tag> },
            { title: t('audit.clientIp'), dataIndex: 'clientIp', width: 140 },
          ]}
        />
      )}
    </Card>
  );
}
