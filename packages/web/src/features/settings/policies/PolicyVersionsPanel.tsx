import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { POLICY_STATUS_LABELS, type PolicyVersionView } from '@returntrace/domain';
import { ApiError, get, ifMatch, post, put, type FieldError } from '../../../api/client';
import { applyFormErrors, fieldMessage, problemText } from '../../../api/problem';
import { useCan } from '../../../api/session';
import { QueryState } from '../../../components/QueryState';
import type { FormValues, Lang, PolicyKindUi } from './kinds';
import './i18n';

interface PolicyList {
  items: PolicyVersionView[];
  inForce: { jurisdictionId: string; jurisdictionName: { zh: string; en: string }; versionId: string | null; version: number | null }[];
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUS_COLOR: Record<PolicyVersionView['status'], string> = { draft: 'default', published: 'green', withdrawn: 'orange' };

/** The versions of one policy kind per directly-affiliated customs, with the draft form (new or editing a draft). */
export function PolicyVersionsPanel({ ui }: { ui: PolicyKindUi }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const can = useCan();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<PolicyVersionView | null>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const key = ['policies', ui.kind];
  const list = useQuery({ queryKey: key, queryFn: () => get<PolicyList>('/policies', { kind: ui.kind }) });
  const lang: Lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const name = (n: { zh: string; en: string }) => n[lang] || n.zh;
  const inForce = new Set((list.data?.inForce ?? []).map((j) => j.versionId));
  const tid = (s: string) => `${ui.formName}-${s}`;

  const reset = () => {
    setEditing(null);
    setUnmatched([]);
    form.resetFields();
    form.setFieldsValue(ui.defaults());
  };

  /** Server field errors onto the form (its body fields may sit at the top of the form). */
  const showErrors = (e: unknown) => {
    if (!(e instanceof ApiError) || e.errors.length === 0) {
      message.error(problemText(e));
      return;
    }
    const mapped = new ApiError(e.status, { ...e.body, errors: e.errors.map((f) => ({ ...f, field: ui.formField(f.field) })) });
    setUnmatched(applyFormErrors(form, mapped));
    message.error(problemText(e));
  };

  const run = async (action: () => Promise<unknown>, done: string, onForm = false) => {
    setBusy(true);
    setUnmatched([]);
    try {
      await action();
      await qc.invalidateQueries({ queryKey: key });
      message.success(done);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        message.warning(t('pol.stale'));
        const fresh = (await qc.fetchQuery({ queryKey: key, queryFn: () => get<PolicyList>('/policies', { kind: ui.kind }) })).items.find((i) => i.id === editing?.id);
        if (fresh) startEdit(fresh);
      } else if (onForm) showErrors(e);
      else message.error(problemText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const startEdit = (v: PolicyVersionView) => {
    setEditing(v);
    setUnmatched([]);
    form.resetFields();
    form.setFieldsValue({ ...ui.fromBody(v.body), jurisdictionId: v.jurisdictionId, effectiveFrom: v.effectiveFrom, note: v.note });
  };

  const submit = async (v: FormValues) => {
    const payload = { effectiveFrom: v.effectiveFrom, note: v.note ?? '', body: ui.toBody(v) };
    const ok = editing
      ? await run(() => put(`/policies/${editing.id}`, payload, ifMatch(editing.revision)), t('pol.edited'), true)
      : await run(() => post('/policies', { kind: ui.kind, jurisdictionId: v.jurisdictionId, ...payload }), t('policies.created'), true);
    if (ok) reset();
  };

  const withdraw = (v: PolicyVersionView) => run(() => post(`/policies/${v.id}/withdraw`, undefined, ifMatch(v.revision)), t('pol.withdrawn'))
    .then((ok) => { if (ok && editing?.id === v.id) reset(); });
  const publish = (v: PolicyVersionView) => run(() => post(`/policies/${v.id}/publish`), t('policies.published'))
    .then((ok) => { if (ok && editing?.id === v.id) reset(); });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap data-testid={tid('in-force')}>
              {(list.data?.inForce ?? []).map((j) => (
                <Tag key={j.jurisdictionId} color={j.version ? 'blue' : 'default'}>
                  {j.version ? t('pol.inForceLine', { name: name(j.jurisdictionName), version: j.version }) : t('pol.inForceDefault', { name: name(j.jurisdictionName) })}
                </Tag>
              ))}
            </Space>
            <Table<PolicyVersionView> rowKey="id" size="small" pagination={false} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }}
              columns={[
                { title: t('policies.jurisdiction'), render: (_, r) => <span style={NOWRAP}>{name(r.jurisdictionName)}</span> },
                { title: t('policies.version'), dataIndex: 'version', width: 64 },
                {
                  title: t('common.status'),
                  render: (_, r) => (
                    <Space size={4} style={NOWRAP}>
                      <Tag color={STATUS_COLOR[r.status]}>{POLICY_STATUS_LABELS[r.status][lang]}</Tag>
                      {inForce.has(r.id) && <Tag color="blue">{t('policies.inForce')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('policies.effectiveFrom'), dataIndex: 'effectiveFrom', render: (d: string) => <span style={NOWRAP}>{d}</span> },
                ...ui.columns(t, lang).map((c) => ({ key: c.key, title: c.title, render: (_: unknown, r: PolicyVersionView) => c.render(r.body) })),
                { title: t('policies.note'), dataIndex: 'note', width: 220 },
                { title: t('policies.createdBy'), render: (_, r) => `${r.createdBy ?? ''} ${r.createdAt.slice(0, 10)}` },
                { title: t('policies.publishedBy'), render: (_, r) => (r.publishedAt ? `${r.publishedBy ?? ''} ${r.publishedAt.slice(0, 10)}` : '') },
                {
                  title: t('common.actions'),
                  render: (_, r) => (
                    <Space size={0} style={NOWRAP}>
                      {r.allowedActions.includes('edit') && (
                        <Button size="small" type="link" disabled={busy} onClick={() => startEdit(r)} data-testid={tid(`edit-${r.version}`)}>{t('pol.edit')}</Button>
                      )}
                      {r.allowedActions.includes('publish') && (
                        <Popconfirm title={t('policies.publishConfirm')} onConfirm={() => void publish(r)}>
                          <Button size="small" type="link" disabled={busy} data-testid={tid(`publish-${r.version}`)}>{t('policies.publish')}</Button>
                        </Popconfirm>
                      )}
                      {r.allowedActions.includes('withdraw') && (
                        <Popconfirm title={t('pol.withdrawConfirm')} onConfirm={() => void withdraw(r)}>
                          <Button size="small" type="link" danger disabled={busy} data-testid={tid(`withdraw-${r.version}`)}>{t('pol.withdraw')}</Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]} />
          </Space>
        </QueryState>
      </Card>
      {can('policies.manage') && (
        <Card title={editing ? t('pol.editing', { version: editing.version }) : t('policies.newDraft')}
          extra={editing && <Button onClick={reset} data-testid={tid('cancel-edit')}>{t('pol.cancelEdit')}</Button>}>
          <Form form={form} name={ui.formName} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 720 }} initialValues={ui.defaults()}>
            <Form.Item name="jurisdictionId" label={t('policies.jurisdiction')} rules={[{ required: true, message: t('common.select', { field: t('policies.jurisdiction') }) }]}>
              <Select disabled={!!editing} options={(list.data?.inForce ?? []).map((j) => ({ value: j.jurisdictionId, label: name(j.jurisdictionName) }))} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('policies.effectiveFrom')} rules={[{ required: true, message: t('common.required', { field: t('policies.effectiveFrom') }) }]}>
              <Input type="date" />
            </Form.Item>
            <ui.Fields t={t} lang={lang} />
            <Form.Item name="note" label={t('policies.note')}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
            {unmatched.length > 0 && (
              <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('common.unsavedErrors')}
                description={unmatched.map((f) => <div key={f.field}><Typography.Text code>{f.field}</Typography.Text> {fieldMessage(f)}</div>)} />
            )}
            <Button type="primary" htmlType="submit" loading={busy} data-testid={tid(editing ? 'save' : 'create')}>
              {editing ? t('pol.saveEdit') : t('policies.createDraft')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
