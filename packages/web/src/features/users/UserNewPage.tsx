import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { post, type FieldError } from '../../api/client';
import { applyFormErrors, fieldMessage } from '../../api/problem';
import { useAuthedSession } from '../../api/session';
import { ProblemAlert } from '../../components/QueryState';
import { useLeavePage } from '../../components/layout/tabs';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { indexTree, useOrgTree } from '../orgs/api';
import { generatePassword, type User } from './api';
import { allowedRoles, RolesSelect } from './RolesSelect';

interface NewUser {
  username: string;
  displayName: string;
  orgId: string;
  roles: string[];
  email?: string;
  phone?: string;
  password: string;
}

export default function UserNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const leave = useLeavePage();
  const session = useAuthedSession();
  const [params] = useSearchParams();
  const [form] = Form.useForm<NewUser>();
  const tree = useOrgTree();
  const byId = indexTree(tree.data);
  const orgId = Form.useWatch('orgId', form);
  const kind = orgId ? (byId.get(orgId)?.kind ?? (orgId === session.org.id ? session.org.kind : undefined)) : undefined;
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ orgId: params.get('orgId') ?? undefined, roles: [] });
  }, [form, params]);

  // Roles that the newly chosen organisation cannot hold are dropped.
  useEffect(() => {
    const roles = form.getFieldValue('roles') as string[] | undefined;
    const allowed = allowedRoles(kind);
    if (roles?.some((r) => !allowed.includes(r))) form.setFieldValue('roles', roles.filter((r) => allowed.includes(r)));
  }, [kind, form]);

  const save = async (v: NewUser) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    try {
      const body = { ...v, username: v.username.trim(), displayName: v.displayName.trim() };
      if (!body.email) delete body.email;
      if (!body.phone) delete body.phone;
      const created = await post<User>('/users', body);
      message.success(t('users.created'));
      await qc.invalidateQueries({ queryKey: ['users'] });
      await qc.invalidateQueries({ queryKey: ['orgs', 'detail'] });
      leave(created?.id ? `/users/${created.id}` : '/users');
    } catch (e) {
      setUnmatched(applyFormErrors(form, e));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('users.new')} className="rt-page" data-testid="user-form">
      <ProblemAlert error={error} extra={unmatched.map((u) => ({ field: u.field, text: fieldMessage(u) }))} />
      <Form form={form} name="user" layout="vertical" onFinish={save} scrollToFirstError style={{ maxWidth: 900 }} autoComplete="off">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="username" label={t('users.username')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.username') }) }]}>
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orgId" label={t('users.org')} rules={[{ required: true, message: t('common.select', { field: t('users.org') }) }]}>
              <OrgTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="roles" label={t('users.roles')} extra={t('users.rolesHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('common.select', { field: t('users.roles') }) }]}>
              <RolesSelect kind={kind} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email' }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('users.phone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('password.initial')} required extra={t('password.policy')}>
              <Flex gap={8}>
                <Form.Item name="password" noStyle rules={[{ required: true, message: t('common.required', { field: t('password.initial') }) }]}>
                  <Input.Password autoComplete="new-password" style={{ flex: 1 }} />
                </Form.Item>
                <Button onClick={() => form.setFieldValue('password', generatePassword())}>{t('password.generate')}</Button>
              </Flex>
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="user-save">{t('common.save')}</Button>
          <Button onClick={() => leave('/users')}>{t('common.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
