import { lazy, Suspense } from 'react';
import { createBrowserRouter, useRouteError } from 'react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { onUnauthenticated } from '../api/client';
import { queryClient } from '../queryClient';
import { SESSION_KEY } from '../api/session';
import { AppLayout } from '../components/layout/AppLayout';
import { Loading } from '../components/QueryState';
import { NotFound } from '../components/NotFound';
import { problemText } from '../api/problem';
import { RequireAuth } from './RequireAuth';

const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const PublicReportPage = lazy(() => import('../features/public-report/ReportPage'));
const PublicTrackPage = lazy(() => import('../features/public-report/TrackPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const OrgsPage = lazy(() => import('../features/orgs/OrgsPage'));
const OrgDetailPage = lazy(() => import('../features/orgs/OrgDetailPage'));
const OrgFormPage = lazy(() => import('../features/orgs/OrgFormPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const UserNewPage = lazy(() => import('../features/users/UserNewPage'));
const UserDetailPage = lazy(() => import('../features/users/UserDetailPage'));
const RefdataListPage = lazy(() => import('../features/refdata/RefdataListPage'));
const DatasetPage = lazy(() => import('../features/refdata/DatasetPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const SecurityPage = lazy(() => import('../features/security/SecurityPage'));
const SystemSettingsPage = lazy(() => import('../features/settings/SystemSettingsPage'));
const PoliciesPage = lazy(() => import('../features/settings/PoliciesPage'));
const ErDeclarationPage = lazy(() => import('../features/export-returns/DeclarationPage'));
const ErAuditDetailPage = lazy(() => import('../features/export-returns/DeclarationPage').then((m) => ({ default: m.AuditDeclarationPage })));
const ErQueryPage = lazy(() => import('../features/export-returns/query/QueryPage'));
const ErDashboardPage = lazy(() => import('../features/export-returns/DashboardPage'));
const ErAuditQueuePage = lazy(() => import('../features/export-returns/audit/AuditQueuePage'));
const CustomsDeclarationsPage = lazy(() => import('../features/customs-feed/DeclarationsPage'));
const CustomsDeclarationDetailPage = lazy(() => import('../features/customs-feed/DeclarationDetailPage'));
const CustomsFeedLoadPage = lazy(() => import('../features/customs-feed/FeedLoadPage'));
const RiskInfoListPage = lazy(() => import('../features/risk-info/ListPage'));
const RiskInfoNewPage = lazy(() => import('../features/risk-info/NewPage'));
const RiskInfoDetailPage = lazy(() => import('../features/risk-info/DetailPage'));
const ForeignNotificationsPage = lazy(() => import('../features/foreign-notifications/ForeignNotificationsPage'));
const InvestigationsPage = lazy(() => import('../features/investigations/InvestigationsPage'));
const InvestigationPage = lazy(() => import('../features/investigations/InvestigationPage'));
const PortalCasesPage = lazy(() => import('../features/portal/PortalCasesPage'));
const PortalCasePage = lazy(() => import('../features/portal/PortalCasePage'));

function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('error.title')}
      subTitle={problemText(error)}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('common.retry')}</Button>}
    />
  );
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: <Suspense fallback={<Loading />}><LoginPage /></Suspense>,
    errorElement: <RouteError />,
  },
  // the public real-name report (实名举报): no login
  { path: '/report', element: <Suspense fallback={<Loading />}><PublicReportPage /></Suspense>, errorElement: <RouteError /> },
  { path: '/report/track', element: <Suspense fallback={<Loading />}><PublicTrackPage /></Suspense>, errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireAuth><AppLayout /></RequireAuth>,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'orgs', element: <OrgsPage /> },
      { path: 'orgs/new', element: <OrgFormPage /> },
      { path: 'orgs/:id', element: <OrgDetailPage /> },
      { path: 'orgs/:id/edit', element: <OrgFormPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'users/new', element: <UserNewPage /> },
      { path: 'users/:id', element: <UserDetailPage /> },
      { path: 'refdata', element: <RefdataListPage /> },
      { path: 'refdata/:dataset', element: <DatasetPage /> },
      { path: 'customs-declarations', element: <CustomsDeclarationsPage /> },
      { path: 'customs-declarations/:entryId', element: <CustomsDeclarationDetailPage /> },
      { path: 'customs-feed', element: <CustomsFeedLoadPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'security', element: <SecurityPage /> },
      { path: 'settings', element: <SystemSettingsPage /> },
      { path: 'settings/policies', element: <PoliciesPage /> },
      { path: 'export-returns', element: <ErQueryPage /> },
      { path: 'export-returns/new', element: <ErDeclarationPage /> },
      { path: 'export-returns/dashboard', element: <ErDashboardPage /> },
      { path: 'export-returns/audit', element: <ErAuditQueuePage /> },
      { path: 'export-returns/audit/:id', element: <ErAuditDetailPage /> },
      { path: 'export-returns/:id', element: <ErDeclarationPage /> },
      { path: 'risk-info', element: <RiskInfoListPage /> },
      { path: 'risk-info/new', element: <RiskInfoNewPage /> },
      { path: 'risk-info/foreign-notifications', element: <ForeignNotificationsPage /> },
      { path: 'risk-info/:id', element: <RiskInfoDetailPage /> },
      { path: 'investigations', element: <InvestigationsPage /> },
      { path: 'investigations/:id', element: <InvestigationPage /> },
      { path: 'portal/cases', element: <PortalCasesPage /> },
      { path: 'portal/cases/:id', element: <PortalCasePage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

// A request that finds the session gone sends the user to the login page, keeping where she was.
onUnauthenticated((code) => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  queryClient.removeQueries({ queryKey: SESSION_KEY });
  const next = pathname + search;
  void router.navigate(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`, {
    replace: true,
    state: { reason: code },
  }).then(() => queryClient.clear());
});
