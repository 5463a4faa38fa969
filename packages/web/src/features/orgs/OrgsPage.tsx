import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Table, Tag, Tree, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ORG_KINDS } from '@returntrace/domain';
import { useCan } from '../../api/session';
import { LoadError } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { kindLabel, kindShort, orgName, useLang } from '../../i18n/labels';
import type { Lang } from '../../i18n';
import { indexTree, useOrgList, useOrgTree, type Org, type OrgNode } from './api';

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children?: TreeItem[];
}

/** Keeps nodes that match the search and their ancestors. */
function filterTree(nodes: OrgNode[], q: string): OrgNode[] {
  if (!q) return nodes;
  const needle = q.toLowerCase();
  return nodes.flatMap((n) => {
    const kids = filterTree(n.children ?? [], q);
    const hit = [n.nameZh, n.nameEn, n.code].some((s) => s?.toLowerCase().includes(needle));
    return hit || kids.length ? [{ ...n, children: kids }] : [];
  });
}

const toTreeItems = (nodes: OrgNode[], lang: Lang): TreeItem[] =>
  nodes.map((n) => ({
    key: n.id,
    title: (
      <span>
        {orgName(n, lang)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.code}</Typography.Text>
      </span>
    ),
    children: n.children?.length ? toTreeItems(n.children, lang) : undefined,
  }));

export default function OrgsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const tree = useOrgTree();
  const [treeQ, setTreeQ] = useState('');
  const { page, pageSize, filters, setFilters, pagination } = useListParams(['q', 'kind', 'parentId'] as const);
  const list = useOrgList({ ...filters, page, pageSize });
  const byId = useMemo(() => indexTree(tree.data), [tree.data]);
  const [form] = Form.useForm();

  const visible = useMemo(() => filterTree(tree.data ?? [], treeQ.trim()), [tree.data, treeQ]);
  const defaultExpanded = useMemo(() => (tree.data ?? []).flatMap((n) => [n.id, ...(n.children ?? []).map((c) => c.id)]), [tree.data]);
  const selected = filters.parentId ? byId.get(filters.parentId) : undefined;

  return (
    <Row gutter={12} className="rt-page" data-testid="orgs-page">
      <Col xs={24} lg={8} xl={7}>
        <Card title={t('orgs.tree')} size="small" data-testid="org-tree"
          extra={<Button type="text" size="small" icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void tree.refetch()} />}>
          <Input.Search allowClear placeholder={t('orgs.treeSearch')} onChange={(e) => setTreeQ(e.target.value)} style={{ marginBottom: 8 }} />
          {tree.error ? <LoadError error={tree.error} onRetry={() => void tree.refetch()} /> : null}
          {!tree.error && !tree.isLoading && visible.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
          {visible.length > 0 ? (
            <Tree
              key={treeQ ? 'search' : 'all'}
              blockNode
              showLine
              defaultExpandedKeys={treeQ ? undefined : defaultExpanded}
              defaultExpandAll={!!treeQ}
              selectedKeys={filters.parentId ? [filters.parentId] : []}
              onSelect={(keys) => setFilters({ parentId: keys[0] ? String(keys[0]) : undefined })}
              treeData={toTreeItems(visible, lang)}
              style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}
            />
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={16} xl={17}>
        <Card
          title={t('orgs.list')}
          size="small"
          extra={can('orgs.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} data-testid="org-new"
              onClick={() => navigate(filters.parentId ? `/orgs/new?parentId=${filters.parentId}` : '/orgs/new')}>
              {t('orgs.new')}
            </Button>
          ) : null}
        >
          <Form form={form} layout="inline" className="rt-filters" name="orgFilters"
            initialValues={{ q: filters.q, kind: filters.kind || undefined }}
            onFinish={(v: { q?: string; kind?: string }) => setFilters({ q: v.q?.trim(), kind: v.kind })}>
            <Form.Item name="q" label={t('common.keyword')}>
              <Input allowClear placeholder={t('orgs.searchPlaceholder')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('orgs.kind')}>
              <Select allowClear placeholder={t('orgs.allKinds')} style={{ width: 220 }}
                options={ORG_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))} />
            </Form.Item>
            <Form.Item>
              <Flex gap={8}>
                <Button type="primary" htmlType="submit" data-testid="org-search">{t('common.search')}</Button>
                <Button onClick={() => { form.resetFields(); form.setFieldsValue({ q: undefined, kind: undefined }); setFilters({ q: '', kind: '', parentId: '' }); }}>
                  {t('common.reset')}
                </Button>
              </Flex>
            </Form.Item>
          </Form>
          {selected ? (
            <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
              <Tag color="blue">{t('orgs.selectedParent', { name: orgName(selected, lang) })}</Tag>
              <Link to={`/orgs/${selected.id}`}>{t('common.detail')}</Link>
              <Button size="small" type="link" onClick={() => setFilters({ parentId: '' })}>{t('orgs.clearSelection')}</Button>
            </Flex>
          ) : null}
          {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
            <Table<Org>
              size="small"
              rowKey="id"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              pagination={pagination(list.data?.total)}
              data-testid="org-table"
              scroll={{ x: 760 }}
              columns={[
                { title: t('orgs.name'), dataIndex: 'nameZh', render: (_: unknown, o) => <Link to={`/orgs/${o.id}`}>{orgName(o, lang)}</Link> },
                { title: t('orgs.kind'), dataIndex: 'kind', width: 150, render: (k: string) => kindShort(k, lang) },
                { title: t('orgs.code'), dataIndex: 'code', width: 190, className: 'rt-mono' },
                { title: t('orgs.parent'), dataIndex: 'parentId', width: 180,
                  render: (p: string | null) => (p && byId.get(p) ? orgName(byId.get(p), lang) : '—') },
                { title: t('orgs.active'), dataIndex: 'active', width: 90,
                  render: (a: boolean) => <Tag color={a ? 'success' : 'default'}>{a ? t('common.active') : t('common.inactive')}</Tag> },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
