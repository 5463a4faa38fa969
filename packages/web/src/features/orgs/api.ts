import { useQuery } from '@tanstack/react-query';
import { get, type Page } from '../../api/client';

export interface OrgNode {
  id: string;
  kind: string;
  code: string;
  nameZh: string;
  nameEn: string;
  active?: boolean;
  children?: OrgNode[];
}

export interface Org {
  id: string;
  kind: string;
  code: string;
  customsCode?: string | null;
  nameZh: string;
  nameEn: string;
  parentId?: string | null;
  divisionCode?: string | null;
  address?: string;
  contact?: string;
  phone?: string;
  active: boolean;
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface OrgUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
}

export interface OrgDetail extends Org {
  parent?: Pick<Org, 'id' | 'kind' | 'code' | 'nameZh' | 'nameEn'> | null;
  children: Org[];
  users: OrgUser[];
}

/** The tree endpoint answers either the root node(s) as an array or one root object. */
const asArray = (x: OrgNode | OrgNode[] | { items: OrgNode[] }): OrgNode[] =>
  Array.isArray(x) ? x : 'items' in x && Array.isArray(x.items) ? x.items : [x as OrgNode];

export function useOrgTree(enabled = true) {
  return useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: () => get<OrgNode | OrgNode[]>('/orgs/tree').then(asArray),
    enabled,
    staleTime: 60_000,
  });
}

export function useOrgList(params: { q?: string; kind?: string; parentId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['orgs', 'list', params],
    queryFn: () => get<Page<Org>>('/orgs', params),
    placeholderData: (prev) => prev,
  });
}

export function useOrg(id: string | undefined) {
  return useQuery({
    queryKey: ['orgs', 'detail', id],
    queryFn: () => get<OrgDetail>(`/orgs/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

/** id → node, for the kind of a chosen organisation and for names. */
export function indexTree(nodes: OrgNode[] | undefined): Map<string, OrgNode> {
  const map = new Map<string, OrgNode>();
  const walk = (list: OrgNode[]) => list.forEach((n) => { map.set(n.id, n); if (n.children) walk(n.children); });
  walk(nodes ?? []);
  return map;
}
