import { Button, Card, Flex, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ROLES } from '@returntrace/domain';
import { useCan } from '../../api/session';
import { LoadError } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { orgName, roleLabel, roleShort, useLang } from '../../i18n/labels';
import { fmtTime } from '../../i18n/format';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect';
import { indexTree, useOrgTree } from '../orgs/api';
import { isLocked, userOrg, useUserList, type User } from './api';
import { useUserActions } from './useUserActions';

export default function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { page, pageSize, filters, setFilters, pagination } = useListParams(['q', 'orgId', 'role', 'active'] as const);
  const list = useUserList({ ...filters, page, pageSize });
  const tree = useOrgTree(can('orgs.read'));
  const byId = indexTree(tree.data);
  const actions = useUserActions();
  const manage = can('users.manage');

  const orgOf = (u: User) => orgName(u.orgNameZh ? userOrg(u) : byId.get(u.orgId), lang) || u.orgId;

  return (
    <Card
      title={t('menu.users')}
      className="rt-page"
      data-testid="users-page"
      extra={manage ? (
        <Button type="primary" icon={<PlusOutlined />} data-testid="user-new"
          onClick={() => navigate(filters.orgId ? `/users/new?orgId=${filters.orgId}` : '/users/new')}>
          {t('users.new')}
        </Button>
      ) : null}
    >
      <Form form={form} name="userFilters" layout="inline" className="rt-filters"
        initialValues={{ q: filters.q, orgId: filters.orgId || undefined, role: filters.role || undefined, active: filters.active || undefined }}
        onFinish={(v: { q?: string; orgId?: string; role?: string; active?: string }) =>
          setFilters({ q: v.q?.trim(), orgId: v.orgId, role: v.role, active: v.active })}>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('users.searchPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        {can('orgs.read') ? (
          <Form.Item name="orgId" label={t('users.org')}>
            <OrgTreeSelect allowClear placeholder={t('users.anyOrg')} style={{ width: 240 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="role" label={t('users.roles')}>
          <Select allowClear placeholder={t('users.anyRole')} style={{ width: 220 }} popupMatchSelectWidth={false}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r, lang) }))} />
        </Form.Item>
        <Form.Item name="active" label={t('users.active')}>
          <Select allowClear placeholder={t('users.anyStatus')} style={{ width: 120 }}
            options={[{ value: 'true', label: t('common.active') }, { value: 'false', label: t('common.inactive') }]} />
        </Form.Item>
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" data-testid="user-search">{t('common.search')}</Button>
            <Button onClick={() => { form.setFieldsValue({ q: undefined, orgId: undefined, role: undefined, active: undefined }); setFilters({ q: '', orgId: '', role: '', active: '' }); }}>
              {t('common.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<User>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={pagination(list.data?.total)}
          data-testid="user-table"
          scroll={{ x: 1240 }}
          columns={[
            { title: t('users.username'), dataIndex: 'username', width: 150,
              render: (v: string, u) => <Link to={`/users/${u.id}`}>{v}</Link> },
            { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
            { title: t('users.org'), dataIndex: 'orgId', width: 220, render: (_: unknown, u) => orgOf(u) },
            { title: t('users.roles'), dataIndex: 'roles', width: 210,
              render: (roles: string[]) => <Flex gap={4} wrap>{roles.map((r) => <Tag key={r} color="blue" className="rt-tag-wrap">{roleShort(r, lang)}</Tag>)}</Flex> },
            { title: t('users.active'), dataIndex: 'active', width: 110,
              render: (a: boolean, u) => (
                <Space size={4}>
                  <Tag color={a ? 'success' : 'default'}>{a ? t('common.active') : t('common.inactive')}</Tag>
                  {isLocked(u) ? <Tooltip title={t('users.isLocked')}><LockOutlined style={{ color: '#cf1322' }} aria-label={t('users.isLocked')} /></Tooltip> : null}
                </Space>
              ) },
            { title: t('users.totp'), dataIndex: 'totpEnabled', width: 110,
              render: (v?: boolean) => (v ? <Tag color="green">{t('common.enabled')}</Tag> : <Tag>{t('common.disabled')}</Tag>) },
            { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 170, render: (v?: string) => fmtTime(v) },
            ...(manage ? [{
              title: t('common.actions'), key: 'actions', width: 230, fixed: 'right' as const,
              render: (_: unknown, u: User) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => navigate(`/users/${u.id}`)}>{t('common.edit')}</Button>
                  {isLocked(u) ? (
                    <Button type="link" size="small" onClick={() => actions.unlock(u)}>{t('users.unlock')}</Button>
                  ) : null}
                  {u.totpEnabled ? (
                    <Button type="link" size="small" danger onClick={() => actions.resetTotp(u)}>{t('users.resetTotp')}</Button>
                  ) : null}
                </Space>
              ),
            }] : []),
          ]}
        />
      )}
    </Card>
  );
}
