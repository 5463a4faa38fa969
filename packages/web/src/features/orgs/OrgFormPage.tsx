import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ORG_KINDS, isCustomsKind } from '@returntrace/domain';
import { ifMatch, isUuid, patch, post, type FieldError } from '../../api/client';
import { applyFormErrors, fieldMessage } from '../../api/problem';
import { ProblemAlert, QueryState } from '../../components/QueryState';
import { NotFound } from '../../components/NotFound';
import { useLeavePage, usePageTitle } from '../../components/layout/tabs';
import { kindLabel, orgName, useLang } from '../../i18n/labels';
import { useOrg, type Org } from './api';
import { OrgTreeSelect } from './OrgTreeSelect';

interface OrgValues {
  kind: string;
  code: string;
  customsCode?: string;
  nameZh: string;
  nameEn?: string;
  parentId?: string;
  divisionCode?: string;
  address?: string;
  contact?: string;
  phone?: string;
  active?: boolean;
}

const FIELDS: (keyof OrgValues)[] = [
  'kind', 'code', 'customsCode', 'nameZh', 'nameEn', 'parentId', 'divisionCode', 'address', 'contact', 'phone', 'active',
];
/** PATCH /orgs/:id takes these; kind, code and parent are fixed once created. */
const EDITABLE: (keyof OrgValues)[] = ['nameZh', 'nameEn', 'customsCode', 'divisionCode', 'address', 'contact', 'phone', 'active'];

/** Create (/orgs/new?parentId=…) and edit (/orgs/:id/edit); the server validates the codes. */
export default function OrgFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const editing = !!id;
  const existing = useOrg(isUuid(id) ? id : undefined);
  if (editing && !isUuid(id)) return <NotFound />;
  return (
    <QueryState isLoading={editing && existing.isLoading} error={editing ? existing.error : null} onRetry={() => void existing.refetch()}>
      {!editing || existing.data ? <OrgForm org={existing.data} parentId={params.get('parentId') ?? undefined} /> : null}
    </QueryState>
  );
}

function OrgForm({ org, parentId }: { org?: Org; parentId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const leave = useLeavePage();
  const [form] = Form.useForm<OrgValues>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(org ? `${t('orgs.edit')} · ${orgName(org, lang)}` : undefined);

  useEffect(() => {
    if (org) form.setFieldsValue({ ...org, parentId: org.parentId ?? undefined } as OrgValues);
    else form.setFieldsValue({ parentId, active: true });
  }, [org, parentId, form]);

  const codeLabel = kind === 'enterprise' ? t('orgs.codeEnterprise') : kind && isCustomsKind(kind) ? t('orgs.codeCustoms') : t('orgs.code');
  const codeHint = kind === 'enterprise' ? t('orgs.codeHintEnterprise') : kind && isCustomsKind(kind) ? t('orgs.codeHintCustoms') : undefined;

  const save = async (values: OrgValues) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const body: Record<string, unknown> = {};
    for (const f of org ? EDITABLE : FIELDS) {
      const v = values[f];
      if (f === 'customsCode' && values.kind !== 'enterprise') continue;
      if (org) {
        const before = (org as unknown as Record<string, unknown>)[f] ?? undefined;
        if ((v ?? '') === (before ?? '') && f !== 'active') continue;
        if (f === 'active' && v === org.active) continue;
        body[f] = v === undefined || v === '' ? (f === 'customsCode' || f === 'divisionCode' ? null : '') : v;
      } else if (v !== undefined && v !== '') {
        body[f] = typeof v === 'string' ? v.trim() : v;
      }
    }
    try {
      if (org) {
        await patch<Org>(`/orgs/${org.id}`, body, ifMatch(org.version));
        message.success(t('orgs.updated'));
        await qc.invalidateQueries({ queryKey: ['orgs'] });
        leave(`/orgs/${org.id}`);
      } else {
        const created = await post<Org>('/orgs', body);
        message.success(t('orgs.created'));
        await qc.invalidateQueries({ queryKey: ['orgs'] });
        leave(created?.id ? `/orgs/${created.id}` : '/orgs');
      }
    } catch (e) {
      setUnmatched(applyFormErrors(form, e));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={org ? t('page.orgEdit') : t('page.orgNew')} className="rt-page" data-testid="org-form">
      <ProblemAlert error={error} extra={unmatched.map((u) => ({ field: u.field, text: fieldMessage(u) }))} />
      <Form form={form} name="org" layout="vertical" onFinish={save} scrollToFirstError style={{ maxWidth: 900 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true, message: t('common.select', { field: t('orgs.kind') }) }]}>
              <Select disabled={!!org} showSearch={{ optionFilterProp: 'label' }}
                options={ORG_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="parentId" label={t('orgs.parent')} rules={[{ required: !org, message: t('common.select', { field: t('orgs.parent') }) }]}>
              <OrgTreeSelect exclude={org?.id} disabled={!!org} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="code" label={codeLabel} extra={codeHint} rules={[{ required: true, whitespace: true, message: t('common.required', { field: codeLabel }) }]}>
              <Input className="rt-mono" maxLength={18} disabled={!!org} />
            </Form.Item>
          </Col>
          {kind === 'enterprise' ? (
            <Col xs={24} md={12}>
              <Form.Item name="customsCode" label={t('orgs.customsCode')} extra={t('orgs.customsCodeHint')}
                rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('orgs.customsCode') }) }]}>
                <Input className="rt-mono" maxLength={10} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item name="nameZh" label={t('orgs.nameZh')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('orgs.nameZh') }) }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('orgs.nameEn')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="divisionCode" label={t('orgs.division')} extra={t('orgs.divisionHint')}>
              <Input className="rt-mono" maxLength={6} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label={t('orgs.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contact" label={t('orgs.contact')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('orgs.phone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          {org ? (
            <Col xs={24} md={12}>
              <Form.Item name="active" label={t('orgs.active')} valuePropName="checked">
                <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="org-save">{t('common.save')}</Button>
          <Button onClick={() => leave(org ? `/orgs/${org.id}` : '/orgs')}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
