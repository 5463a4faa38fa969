import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ifMatch, isUuid, patch, type FieldError } from '../../api/client';
import { NotFound } from '../../components/NotFound';
import { applyFormErrors, fieldMessage } from '../../api/problem';
import { useCan } from '../../api/session';
import { ProblemAlert, QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/layout/tabs';
import { kindShort, orgName, roleLabel, useLang } from '../../i18n/labels';
import { fmtTime } from '../../i18n/format';
import { indexTree, useOrgTree } from '../orgs/api';
import { isLocked, userOrg, useUser, type User } from './api';
import { RolesSelect } from './RolesSelect';
import { useUserActions } from './useUserActions';

interface EditValues {
  displayName: string;
  roles: string[];
  active: boolean;
  email?: string;
  phone?: string;
}

export default function UserDetailPage() {
  const { id } = useParams();
  return isUuid(id) ? <UserDetailLoader id={id!} /> : <NotFound />;
}

function UserDetailLoader({ id }: { id: string }) {
  const { data, error, isLoading, refetch } = useUser(id);
  usePageTitle(data ? `${data.displayName} (${data.username})` : undefined);
  return (
    <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()}>
      {data ? <UserDetail user={data} /> : null}
    </QueryState>
  );
}

function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const actions = useUserActions();
  const tree = useOrgTree(can('orgs.read'));
  const node = indexTree(tree.data).get(user.orgId);
  const org = node ?? (user.orgNameZh ? { ...userOrg(user), kind: '' } : undefined);
  const manage = can('users.manage');
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ displayName: user.displayName, roles: user.roles, active: user.active, email: user.email, phone: user.phone });
  }, [user, form]);

  const save = async (v: EditValues) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const body: Record<string, unknown> = {};
    if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
    if ([...v.roles].sort().join() !== [...user.roles].sort().join()) body.roles = v.roles;
    if (v.active !== user.active) body.active = v.active;
    if ((v.email ?? '') !== (user.email ?? '')) body.email = v.email ?? '';
    if ((v.phone ?? '') !== (user.phone ?? '')) body.phone = v.phone ?? '';
    try {
      await patch(`/users/${user.id}`, body, ifMatch(user.version));
      message.success(t('users.updated'));
      await qc.invalidateQueries({ queryKey: ['users'] });
      await qc.invalidateQueries({ queryKey: ['orgs', 'detail'] });
    } catch (e) {
      setUnmatched(applyFormErrors(form, e));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rt-page" data-testid="user-detail">
      <Card
        title={<Space>{user.displayName}<Tag>{user.username}</Tag></Space>}
        extra={manage ? (
          <Space>
            <Button onClick={() => actions.unlock(user)} data-testid="user-unlock" disabled={!isLocked(user)}>{t('users.unlock')}</Button>
            <Button danger onClick={() => actions.resetTotp(user)} data-testid="user-reset-totp" disabled={user.totpEnabled === false}>
              {t('users.resetTotp')}
            </Button>
          </Space>
        ) : null}
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('users.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('users.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('users.org')}>
            {org ? <Space size={4}>
              {can('orgs.read') ? <Link to={`/orgs/${user.orgId}`}>{orgName(org, lang)}</Link> : orgName(org, lang)}
              {org.kind ? <Tag>{kindShort(org.kind, lang)}</Tag> : null}
            </Space> : user.orgId}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.roles')}>
            <Flex gap={4} wrap>{user.roles.map((r) => <Tag key={r} color="blue" className="rt-tag-wrap">{roleLabel(r, lang)}</Tag>)}</Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('users.active')}>
            <Tag color={user.active ? 'success' : 'default'}>{user.active ? t('common.active') : t('common.inactive')}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('users.locked')}>
            {isLocked(user) ? <Tag color="error">{t('users.isLocked')}{user.lockedUntil ? ` · ${fmtTime(user.lockedUntil)}` : ''}</Tag> : t('users.notLocked')}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.totp')}>{user.totpEnabled ? t('common.enabled') : t('common.disabled')}</Descriptions.Item>
          <Descriptions.Item label={t('users.lastLogin')}>{fmtTime(user.lastLoginAt)}</Descriptions.Item>
          {user.email ? <Descriptions.Item label={t('users.email')}>{user.email}</Descriptions.Item> : null}
          {user.phone ? <Descriptions.Item label={t('users.phone')}>{user.phone}</Descriptions.Item> : null}
        </Descriptions>
      </Card>

      {manage ? (
        <Card title={t('users.edit')} data-testid="user-edit">
          <ProblemAlert error={error} extra={unmatched.map((u) => ({ field: u.field, text: fieldMessage(u) }))} />
          <Form form={form} name="userEdit" layout="vertical" onFinish={save} style={{ maxWidth: 900 }}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.displayName') }) }]}>
                  <Input maxLength={64} />
                </Form.Item>
                <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email' }]}>
                  <Input maxLength={120} />
                </Form.Item>
                <Form.Item name="phone" label={t('users.phone')}>
                  <Input maxLength={30} />
                </Form.Item>
                <Form.Item name="active" label={t('users.active')} valuePropName="checked">
                  <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} data-testid="user-active" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="roles" label={t('users.roles')} extra={t('users.rolesHint')}
                  rules={[{ required: true, type: 'array', min: 1, message: t('common.select', { field: t('users.roles') }) }]}>
                  <RolesSelect kind={org?.kind || 'unknown'} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="user-save">{t('common.save')}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
