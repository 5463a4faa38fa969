import { Button, Card, Descriptions, Flex, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isUuid } from '../../api/client';
import { useCan } from '../../api/session';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/layout/tabs';
import { kindLabel, kindShort, orgName, roleShort, useLang } from '../../i18n/labels';
import { fmtTime } from '../../i18n/format';
import { indexTree, useOrg, useOrgTree, type Org, type OrgUser } from './api';

export default function OrgDetailPage() {
  const { id } = useParams();
  return isUuid(id) ? <OrgDetail id={id!} /> : <NotFound />;
}

function OrgDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const { data: org, error, isLoading, refetch } = useOrg(id);
  const tree = useOrgTree();
  // the detail does not name the parent: the scoped tree does (a parent above the caller's jurisdiction is not in it)
  const parent = org?.parent ?? (org?.parentId ? indexTree(tree.data).get(org.parentId) : undefined);
  usePageTitle(org ? orgName(org, lang) : undefined);

  const codeLabel = org?.kind === 'enterprise' ? t('orgs.codeEnterprise')
    : org && ['gacc', 'direct_customs', 'sub_customs'].includes(org.kind) ? t('orgs.codeCustoms') : t('orgs.code');

  return (
    <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()}>
      {org ? (
        <div className="rt-page" data-testid="org-detail">
          <Card
            title={<Space><span data-testid="org-name">{orgName(org, lang)}</span><Tag color="geekblue">{kindShort(org.kind, lang)}</Tag></Space>}
            extra={can('orgs.manage') ? (
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => navigate(`/orgs/new?parentId=${org.id}`)}>{t('orgs.addChild')}</Button>
                <Button type="primary" icon={<EditOutlined />} data-testid="org-edit" onClick={() => navigate(`/orgs/${org.id}/edit`)}>
                  {t('orgs.edit')}
                </Button>
              </Space>
            ) : null}
          >
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('orgs.nameZh')}>{org.nameZh}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.nameEn')}>{org.nameEn || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.kind')}>{kindLabel(org.kind, lang)}</Descriptions.Item>
              <Descriptions.Item label={codeLabel}><span className="rt-mono" data-testid="org-code">{org.code}</span></Descriptions.Item>
              {org.kind === 'enterprise' ? (
                <Descriptions.Item label={t('orgs.customsCode')}><span className="rt-mono">{org.customsCode || '—'}</span></Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('orgs.parent')}>
                {parent ? <Link to={`/orgs/${parent.id}`}>{orgName(parent, lang)}</Link>
                  : org.parentId ? t('orgs.parentOutOfScope') : t('orgs.noParent')}
              </Descriptions.Item>
              <Descriptions.Item label={t('orgs.division')}>{org.divisionCode || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.address')}>{org.address || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.contact')}>{org.contact || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.phone')}>{org.phone || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.active')}>
                <Tag color={org.active ? 'success' : 'default'}>{org.active ? t('common.active') : t('common.inactive')}</Tag>
              </Descriptions.Item>
              {org.updatedAt ? <Descriptions.Item label={t('orgs.updatedAt')}>{fmtTime(org.updatedAt)}</Descriptions.Item> : null}
            </Descriptions>
          </Card>

          <Card title={`${t('orgs.children')} (${org.children?.length ?? 0})`} size="small" data-testid="org-children">
            <Table<Org>
              size="small"
              rowKey="id"
              dataSource={org.children ?? []}
              pagination={(org.children?.length ?? 0) > 10 ? { pageSize: 10, showTotal: (n) => t('common.total', { total: n }) } : false}
              columns={[
                { title: t('orgs.name'), dataIndex: 'nameZh', render: (_: unknown, c) => <Link to={`/orgs/${c.id}`}>{orgName(c, lang)}</Link> },
                { title: t('orgs.kind'), dataIndex: 'kind', width: 160, render: (k: string) => kindShort(k, lang) },
                { title: t('orgs.code'), dataIndex: 'code', width: 200, className: 'rt-mono' },
              ]}
            />
          </Card>

          <Card
            title={`${t('orgs.users')} (${org.users?.length ?? 0})`}
            size="small"
            data-testid="org-users"
            extra={can('users.manage') ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => navigate(`/users/new?orgId=${org.id}`)}>{t('orgs.addUser')}</Button>
            ) : null}
          >
            <Table<OrgUser>
              size="small"
              rowKey="id"
              dataSource={org.users ?? []}
              pagination={(org.users?.length ?? 0) > 10 ? { pageSize: 10, showTotal: (n) => t('common.total', { total: n }) } : false}
              columns={[
                { title: t('users.username'), dataIndex: 'username',
                  render: (v: string, u) => (can('users.read') ? <Link to={`/users/${u.id}`}>{v}</Link> : v) },
                { title: t('users.displayName'), dataIndex: 'displayName' },
                { title: t('users.roles'), dataIndex: 'roles',
                  render: (roles: string[]) => <Flex gap={4} wrap>{(roles ?? []).map((r) => <Tag key={r} className="rt-tag-wrap">{roleShort(r, lang)}</Tag>)}</Flex> },
                { title: t('users.active'), dataIndex: 'active', width: 90,
                  render: (a: boolean) => <Tag color={a ? 'success' : 'default'}>{a ? t('common.active') : t('common.inactive')}</Tag> },
              ]}
            />
          </Card>
        </div>
      ) : null}
    </QueryState>
  );
}
