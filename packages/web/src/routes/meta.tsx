import type { ReactNode } from 'react';
import { matchPath } from 'react-router';
import {
  AlertOutlined, GlobalOutlined, PlusCircleOutlined, UnorderedListOutlined, ReconciliationOutlined, SolutionOutlined,
  AuditOutlined, ApartmentOutlined, ControlOutlined, CloudUploadOutlined, ContainerOutlined, DatabaseOutlined, FileDoneOutlined, FileSearchOutlined, FormOutlined, HomeOutlined,
  PieChartOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined,
} from '@ant-design/icons';

/** A page of the authenticated area: its route pattern, tab title and the permission that opens it. */
export interface PageMeta {
  pattern: string;
  titleKey: string;
  /** permission from GET /api/v1/session; absent = every logged-in user */
  perm?: string;
  /** the side-menu entry this page belongs to */
  menuKey: string;
}

/** Most specific first: matchPath takes the first hit. */
export const PAGES: PageMeta[] = [
  { pattern: '/', titleKey: 'menu.home', menuKey: '/' },
  { pattern: '/orgs', titleKey: 'menu.orgs', perm: 'orgs.read', menuKey: '/orgs' },
  { pattern: '/orgs/new', titleKey: 'page.orgNew', perm: 'orgs.manage', menuKey: '/orgs' },
  { pattern: '/orgs/:id/edit', titleKey: 'page.orgEdit', perm: 'orgs.manage', menuKey: '/orgs' },
  { pattern: '/orgs/:id', titleKey: 'page.orgDetail', perm: 'orgs.read', menuKey: '/orgs' },
  { pattern: '/users', titleKey: 'menu.users', perm: 'users.read', menuKey: '/users' },
  { pattern: '/users/new', titleKey: 'page.userNew', perm: 'users.manage', menuKey: '/users' },
  { pattern: '/users/:id', titleKey: 'page.userDetail', perm: 'users.read', menuKey: '/users' },
  { pattern: '/refdata', titleKey: 'menu.refdata', perm: 'refdata.read', menuKey: '/refdata' },
  { pattern: '/refdata/:dataset', titleKey: 'page.refdataset', perm: 'refdata.read', menuKey: '/refdata' },
  { pattern: '/customs-declarations', titleKey: 'menu.customsDeclarations', perm: 'customs_feed.read', menuKey: '/customs-declarations' },
  { pattern: '/customs-declarations/:entryId', titleKey: 'page.customsDeclaration', perm: 'customs_feed.read', menuKey: '/customs-declarations' },
  { pattern: '/customs-feed', titleKey: 'menu.customsFeed', perm: 'customs_feed.load', menuKey: '/customs-feed' },
  { pattern: '/audit', titleKey: 'menu.audit', perm: 'audit.read', menuKey: '/audit' },
  { pattern: '/security', titleKey: 'menu.security', menuKey: '/security' },
  { pattern: '/settings', titleKey: 'menu.settings', perm: 'settings.manage', menuKey: '/settings' },
  { pattern: '/settings/policies', titleKey: 'menu.policies', perm: 'policies.read', menuKey: '/settings/policies' },
  { pattern: '/export-returns/new', titleKey: 'menu.erDeclare', perm: 'export_returns.declare', menuKey: '/export-returns/new' },
  { pattern: '/export-returns/dashboard', titleKey: 'menu.erDashboard', perm: 'export_returns.read', menuKey: '/export-returns/dashboard' },
  { pattern: '/export-returns/audit', titleKey: 'menu.erAudit', perm: 'export_returns.audit', menuKey: '/export-returns/audit' },
  { pattern: '/export-returns/audit/:id', titleKey: 'page.erAuditDetail', perm: 'export_returns.audit', menuKey: '/export-returns/audit' },
  { pattern: '/export-returns/:id', titleKey: 'page.erDetail', perm: 'export_returns.read', menuKey: '/export-returns' },
  { pattern: '/export-returns', titleKey: 'menu.erQuery', perm: 'export_returns.read', menuKey: '/export-returns' },
  // static /risk-info/<name> pages go above /risk-info/:id
  { pattern: '/risk-info/new', titleKey: 'menu.riskInfoNew', perm: 'risk_info.collect', menuKey: '/risk-info/new' },
  { pattern: '/risk-info/foreign-notifications', titleKey: 'menu.foreignNotifications', perm: 'risk_info.collect', menuKey: '/risk-info/foreign-notifications' },
  { pattern: '/risk-info/:id', titleKey: 'page.riskInfoDetail', perm: 'risk_info.read', menuKey: '/risk-info' },
  { pattern: '/risk-info', titleKey: 'menu.riskInfoList', perm: 'risk_info.read', menuKey: '/risk-info' },
  { pattern: '/investigations/:id', titleKey: 'page.investigation', perm: 'investigations.read', menuKey: '/investigations' },
  { pattern: '/investigations', titleKey: 'menu.investigations', perm: 'investigations.read', menuKey: '/investigations' },
  { pattern: '/portal/cases/:id', titleKey: 'page.portalCase', perm: 'investigations.respond', menuKey: '/portal/cases' },
  { pattern: '/portal/cases', titleKey: 'menu.portalCases', perm: 'investigations.respond', menuKey: '/portal/cases' },
];

export function pageFor(pathname: string): PageMeta | undefined {
  return PAGES.find((p) => matchPath({ path: p.pattern, end: true }, pathname));
}

export interface MenuEntry {
  key: string;
  titleKey: string;
  icon: ReactNode;
  perm?: string;
  /** also shown as a shortcut on the home page */
  shortcut?: boolean;
  /** a group: the key is not a route, the children are the entries */
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  { key: '/', titleKey: 'menu.home', icon: <HomeOutlined /> },
  { key: '/export-returns/new', titleKey: 'menu.erDeclare', icon: <FormOutlined />, perm: 'export_returns.declare', shortcut: true },
  { key: '/export-returns', titleKey: 'menu.erQuery', icon: <FileSearchOutlined />, perm: 'export_returns.read', shortcut: true },
  { key: '/export-returns/audit', titleKey: 'menu.erAudit', icon: <FileDoneOutlined />, perm: 'export_returns.audit', shortcut: true },
  { key: '/export-returns/dashboard', titleKey: 'menu.erDashboard', icon: <PieChartOutlined />, perm: 'export_returns.read', shortcut: true },
  {
    key: 'group:risk-info', titleKey: 'menu.riskInfo', icon: <AlertOutlined />, perm: 'risk_info.read',
    children: [
      { key: '/risk-info', titleKey: 'menu.riskInfoList', icon: <UnorderedListOutlined />, perm: 'risk_info.read', shortcut: true },
      { key: '/risk-info/new', titleKey: 'menu.riskInfoNew', icon: <PlusCircleOutlined />, perm: 'risk_info.collect' },
      { key: '/risk-info/foreign-notifications', titleKey: 'menu.foreignNotifications', icon: <GlobalOutlined />, perm: 'risk_info.collect' },
    ],
  },
  { key: '/investigations', titleKey: 'menu.investigations', icon: <ReconciliationOutlined />, perm: 'investigations.read', shortcut: true },
  { key: '/portal/cases', titleKey: 'menu.portalCases', icon: <SolutionOutlined />, perm: 'investigations.respond', shortcut: true },
  { key: '/orgs', titleKey: 'menu.orgs', icon: <ApartmentOutlined />, perm: 'orgs.read', shortcut: true },
  { key: '/users', titleKey: 'menu.users', icon: <TeamOutlined />, perm: 'users.read', shortcut: true },
  { key: '/refdata', titleKey: 'menu.refdata', icon: <DatabaseOutlined />, perm: 'refdata.read', shortcut: true },
  { key: '/customs-declarations', titleKey: 'menu.customsDeclarations', icon: <ContainerOutlined />, perm: 'customs_feed.read', shortcut: true },
  { key: '/customs-feed', titleKey: 'menu.customsFeed', icon: <CloudUploadOutlined />, perm: 'customs_feed.load', shortcut: true },
  { key: '/audit', titleKey: 'menu.audit', icon: <AuditOutlined />, perm: 'audit.read', shortcut: true },
  { key: '/security', titleKey: 'menu.security', icon: <SafetyCertificateOutlined />, shortcut: true },
  { key: '/settings', titleKey: 'menu.settings', icon: <SettingOutlined />, perm: 'settings.manage', shortcut: true },
  { key: '/settings/policies', titleKey: 'menu.policies', icon: <ControlOutlined />, perm: 'policies.read' },
];

/** Every routable entry, groups flattened (home-page shortcuts). */
export const menuEntries = (menu: MenuEntry[] = MENU): MenuEntry[] =>
  menu.flatMap((m) => (m.children ? menuEntries(m.children) : [m]));

/** The group holding a menu key, to open it when one of its pages is shown. */
export const groupOf = (key: string): string | undefined =>
  MENU.find((m) => m.children?.some((c) => c.key === key))?.key;
