import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMS_RULES, DEFAULT_EXPORT_RETURN_AUDIT_POLICY, EXPORT_RETURN_AUDIT_POLICY_KIND, POLICY_STATUS_LABELS,
  type ExportReturnAuditPolicy, type PolicyVersionView,
} from '@returntrace/domain';
import { get, post } from '../../api/client';
import { problemText } from '../../api/problem';
import { useCan } from '../../api/session';
import { QueryState } from '../../components/QueryState';

interface PolicyList {
  items: PolicyVersionView[];
  inForce: { jurisdictionId: string; jurisdictionName: { zh: string; en: string }; versionId: string | null; version: number | null }[];
}

interface DraftForm {
  jurisdictionId: string;
  effectiveFrom: string;
  rules: Record<string, boolean>;
  overdueDays: number;
  overdueUnit: ExportReturnAuditPolicy['overdueUnit'];
  note?: string;
}

const KIND = EXPORT_RETURN_AUDIT_POLICY_KIND;
const KEY = ['policies', KIND];
const SWITCHABLE = CUSTOMS_RULES.filter((r) => r.switchable);

/** Versions of the export-return electronic audit policy (电子审核政策) per directly-affiliated customs. */
export default function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const can = useCan();
  const [form] = Form.useForm<DraftForm>();
  const [busy, setBusy] = useState(false);
  const list = useQuery({ queryKey: KEY, queryFn: () => get<PolicyList>('/policies', { kind: KIND }) });
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const inForce = new Set((list.data?.inForce ?? []).map((j) => j.versionId));

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      await qc.invalidateQueries({ queryKey: KEY });
      message.success(done);
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  const create = (v: DraftForm) => run(() => post('/policies', {
    kind: KIND, jurisdictionId: v.jurisdictionId, effectiveFrom: v.effectiveFrom, note: v.note ?? '',
    body: { rules: v.rules, overdueDays: v.overdueDays, overdueUnit: v.overdueUnit },
  }), t('policies.created'));

  const publish = (id: string) => run(() => post(`/policies/${id}/publish`), t('policies.published'));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} className="rt-page" data-testid="policies-page">
      <Card title={t('policies.title')}>
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
          <Table<PolicyVersionView> rowKey="id" size="small" pagination={false} dataSource={list.data?.items ?? []}
            columns={[
              { title: t('policies.jurisdiction'), render: (_, r) => r.jurisdictionName[lang] || r.jurisdictionName.zh },
              { title: t('policies.version'), dataIndex: 'version' },
              {
                title: t('common.status'),
                render: (_, r) => (
                  <Space>
                    <Tag color={r.status === 'published' ? 'green' : 'default'}>{POLICY_STATUS_LABELS[r.status][lang]}</Tag>
                    {inForce.has(r.id) && <Tag color="blue">{t('policies.inForce')}</Tag>}
                  </Space>
                ),
              },
              { title: t('policies.effectiveFrom'), dataIndex: 'effectiveFrom' },
              {
                title: t('policies.rules'),
                render: (_, r) => SWITCHABLE.filter((rule) => (r.body as ExportReturnAuditPolicy).rules?.[rule.id])
                  .map((rule) => <Tag key={rule.id}>{rule.reason[lang]}</Tag>),
              },
              { title: t('policies.overdue'), render: (_, r) => { const b = r.body as ExportReturnAuditPolicy; return `${b.overdueDays} ${t(`policies.unit.${b.overdueUnit}`)}`; } },
              { title: t('policies.note'), dataIndex: 'note' },
              { title: t('policies.createdBy'), render: (_, r) => `${r.createdBy ?? ''} ${r.createdAt.slice(0, 10)}` },
              { title: t('policies.publishedBy'), render: (_, r) => (r.publishedAt ? `${r.publishedBy ?? ''} ${r.publishedAt.slice(0, 10)}` : '') },
              {
                title: t('common.actions'),
                render: (_, r) => r.allowedActions.includes('publish') && (
                  <Popconfirm title={t('policies.publishConfirm')} onConfirm={() => void publish(r.id)}>
                    <Button size="small" type="link" disabled={busy} data-testid={`policy-publish-${r.version}`}>{t('policies.publish')}</Button>
                  </Popconfirm>
                ),
              },
            ]} />
        </QueryState>
      </Card>
      {can('policies.manage') && (
        <Card title={t('policies.newDraft')}>
          <Form form={form} name="policy" layout="vertical" onFinish={create} style={{ maxWidth: 640 }}
            initialValues={{ rules: DEFAULT_EXPORT_RETURN_AUDIT_POLICY.rules, overdueDays: DEFAULT_EXPORT_RETURN_AUDIT_POLICY.overdueDays, overdueUnit: DEFAULT_EXPORT_RETURN_AUDIT_POLICY.overdueUnit }}>
            <Form.Item name="jurisdictionId" label={t('policies.jurisdiction')} rules={[{ required: true, message: t('common.select', { field: t('policies.jurisdiction') }) }]}>
              <Select options={(list.data?.inForce ?? []).map((j) => ({ value: j.jurisdictionId, label: j.jurisdictionName[lang] || j.jurisdictionName.zh }))} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('policies.effectiveFrom')} rules={[{ required: true, message: t('common.required', { field: t('policies.effectiveFrom') }) }]}>
              <Input type="date" />
            </Form.Item>
            {SWITCHABLE.map((rule) => (
              <Form.Item key={rule.id} name={['rules', rule.id]} label={rule.reason[lang]} valuePropName="checked">
                <Switch />
              </Form.Item>
            ))}
            <Space>
              <Form.Item name="overdueDays" label={t('policies.overdue')} rules={[{ required: true, message: t('common.required', { field: t('policies.overdue') }) }]}>
                <InputNumber min={1} max={60} />
              </Form.Item>
              <Form.Item name="overdueUnit" label={t('policies.unitLabel')}>
                <Select style={{ width: 160 }} options={(['working', 'calendar'] as const).map((u) => ({ value: u, label: t(`policies.unit.${u}`) }))} />
              </Form.Item>
            </Space>
            <Form.Item name="note" label={t('policies.note')}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="policy-create">{t('policies.createDraft')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
