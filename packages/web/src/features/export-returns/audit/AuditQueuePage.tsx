import { Button, Card, Checkbox, Form, Input, Space, Table, Tag } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditQueueQuerySchema, localizeIssues, type ExportReturnRow } from '@returntrace/domain';
import { LoadError } from '../../../components/QueryState';
import { useListParams } from '../../../components/useListParams';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { useAuditQueue } from '../api';
import { RefSelect } from '../form/RefSelect';
import '../i18n';
import '../export-returns.css';

const FILTERS = ['overdueOnly', 'office', 'importDeclarationNo', 'enterprise'] as const;

interface Values {
  overdueOnly?: boolean;
  office?: string;
  importDeclarationNo?: string;
  enterprise?: string;
}

/** The auditor's queue: declarations waiting for manual audit in her jurisdiction, oldest first; overdue in red. */
export default function AuditQueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const { page, pageSize, filters, setFilters, pagination } = useListParams(FILTERS);
  const list = useAuditQueue({
    page, pageSize,
    overdueOnly: filters.overdueOnly === 'true' ? 'true' : undefined,
    office: filters.office || undefined,
    importDeclarationNo: filters.importDeclarationNo || undefined,
    enterprise: filters.enterprise || undefined,
  });
  const a = (k: string) => t(`er.a.${k}`);

  const search = (v: Values) => {
    const next = {
      overdueOnly: v.overdueOnly ? 'true' as const : undefined,
      office: v.office || undefined,
      importDeclarationNo: v.importDeclarationNo?.trim() || undefined,
      enterprise: v.enterprise?.trim() || undefined,
    };
    const parsed = auditQueueQuerySchema.safeParse(next);
    if (!parsed.success) {
      form.setFields(localizeIssues(parsed.error.issues).map((i) => ({
        name: i.field as keyof Values, errors: [lang === 'zh' ? i.messageZh : i.message],
      })));
      return;
    }
    setFilters(next);
  };

  return (
    <Card className="rt-page" title={a('title')} data-testid="er-audit-page">
      <Form<Values> form={form} layout="inline" className="rt-filters" onFinish={search}
        initialValues={{
          overdueOnly: filters.overdueOnly === 'true', office: filters.office || undefined,
          importDeclarationNo: filters.importDeclarationNo, enterprise: filters.enterprise,
        }}>
        <Form.Item name="importDeclarationNo" label={t('er.q.importNo')}>
          <Input allowClear maxLength={18} style={{ width: 190 }} />
        </Form.Item>
        <Form.Item name="enterprise" label={a('enterprise')}>
          <Input allowClear maxLength={100} placeholder={a('enterprisePh')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="office" label={a('office')}>
          <RefSelect dataset="customs-districts" lang={lang} aria-label={a('office')} width={220} />
        </Form.Item>
        <Form.Item name="overdueOnly" valuePropName="checked">
          <Checkbox data-testid="er-audit-overdue-only">{a('overdueOnly')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="er-audit-search">{t('common.search')}</Button>
            <Button onClick={() => { form.resetFields(); form.setFieldsValue({ overdueOnly: false, office: undefined, importDeclarationNo: undefined, enterprise: undefined }); setFilters({ overdueOnly: '', office: '', importDeclarationNo: '', enterprise: '' }); }}>
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<ExportReturnRow>
          size="small"
          rowKey="id"
          bordered
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={pagination(list.data?.total)}
          scroll={{ x: 'max-content' }}
          data-testid="er-audit-table"
          rowClassName={(r) => (r.overdue ? 'rt-overdue' : '')}
          columns={[
            { title: t('er.q.unifiedNo'), dataIndex: 'unifiedNo', width: 180,
              render: (v: string, r) => <Link to={`/export-returns/audit/${r.id}`} className="rt-mono" data-testid="er-audit-link">{v}</Link> },
            { title: t('er.q.importNo'), dataIndex: 'importDeclarationNo', width: 180, render: (v: string) => <span className="rt-mono">{v}</span> },
            { title: t('er.q.enterprise'), dataIndex: 'enterpriseName', width: 200, ellipsis: true },
            { title: t('er.q.consigneeName'), dataIndex: 'consigneeName', width: 200, ellipsis: true },
            { title: t('er.q.manufacturerName'), dataIndex: 'manufacturerName', width: 200, ellipsis: true },
            { title: t('er.q.totalAmount'), dataIndex: 'totalAmount', width: 120, align: 'right' },
            { title: a('queuedAt'), dataIndex: 'queuedAt', width: 165, render: (v: string | null) => fmtTime(v) },
            { title: a('overdue'), dataIndex: 'overdue', width: 90,
              render: (o: boolean) => (o ? <Tag color="error" icon={<WarningOutlined />} data-testid="er-overdue">{a('overdue')}</Tag> : '-') },
            { title: t('common.actions'), key: 'op', width: 90, fixed: 'right',
              render: (_: unknown, r) => <Link to={`/export-returns/audit/${r.id}`}>{a('open')}</Link> },
          ]}
        />
      )}
    </Card>
  );
}
