import { TreeSelect } from 'antd';
import type { Lang } from '../../i18n';
import { kindShort, orgName, useLang } from '../../i18n/labels';
import { useOrgTree, type OrgNode } from './api';

interface TreeSelectNode {
  value: string;
  title: string;
  label: string;
  children?: TreeSelectNode[];
}

const toNodes = (nodes: OrgNode[], lang: Lang): TreeSelectNode[] =>
  nodes.map((n) => ({
    value: n.id,
    title: `${orgName(n, lang)} · ${kindShort(n.kind, lang)} ${n.code}`,
    label: orgName(n, lang),
    children: n.children?.length ? toNodes(n.children, lang) : undefined,
  }));

/** Organisation picker over the caller's scoped tree (GET /api/v1/orgs/tree). */
export function OrgTreeSelect(props: {
  id?: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  /** hide these ids and their subtrees (an organisation cannot move under itself) */
  exclude?: string;
}) {
  const lang = useLang();
  const { data, isLoading } = useOrgTree();
  const prune = (nodes: OrgNode[]): OrgNode[] =>
    nodes.filter((n) => n.id !== props.exclude).map((n) => ({ ...n, children: n.children ? prune(n.children) : undefined }));
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      disabled={props.disabled}
      style={{ width: '100%', ...props.style }}
      loading={isLoading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      treeNodeLabelProp="label"
      treeData={toNodes(prune(data ?? []), lang)}
      popupMatchSelectWidth={false}
    />
  );
}
