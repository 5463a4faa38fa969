import { Suspense, useState } from 'react';
import { Alert, App, Button, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { post } from '../../api/client';
import { useAuthedSession } from '../../api/session';
import { problemText } from '../../api/problem';
import { Loading } from '../QueryState';
import { NotFound } from '../NotFound';
import { pageFor } from '../../routes/meta';
import { useCan } from '../../api/session';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';
import { PageTabs } from './PageTabs';
import { TabsProvider } from './tabs';

const COLLAPSE_KEY = 'rt.siderCollapsed';

/** The authenticated workbench: header, left menu, the tab strip and the active page. */
export function AppLayout() {
  const session = useAuthedSession();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const toggle = () => setCollapsed((c) => {
    localStorage.setItem(COLLAPSE_KEY, c ? '0' : '1');
    return !c;
  });
  const logout = useLogout(session.user.id);

  return (
    <TabsProvider userId={session.user.id}>
      <Layout className="rt-shell">
        <Layout.Header className="rt-header-wrap">
          <HeaderBar collapsed={collapsed} onToggle={toggle} onLogout={logout} />
        </Layout.Header>
        <Layout>
          <SideMenu collapsed={collapsed} />
          <Layout className="rt-main">
            <PageTabs />
            <Layout.Content className="rt-content" id="main-content" tabIndex={-1}>
              <MfaBanner />
              <Suspense fallback={<Loading />}>
                <Guarded />
              </Suspense>
            </Layout.Content>
          </Layout>
        </Layout>
      </Layout>
    </TabsProvider>
  );
}

/** Pages the caller may not open look exactly like missing ones (the server answers 404 anyway). */
function Guarded() {
  const { pathname } = useLocation();
  const can = useCan();
  const meta = pageFor(pathname);
  if (meta && !can(meta.perm)) return <NotFound />;
  return <Outlet />;
}

function MfaBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { mfa } = useAuthedSession();
  if (!mfa.required || mfa.enrolled || pathname === '/security') return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('layout.mfaBanner')}
      action={<Button size="small" onClick={() => navigate('/security')}>{t('layout.goSecurity')}</Button>}
    />
  );
}

function useLogout(userId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  return async () => {
    try {
      await post('/auth/logout', {}, { noAuthRedirect: true });
    } catch (e) {
      // an expired session is logged out already; anything else is worth telling
      if (!(e && typeof e === 'object' && 'status' in e && (e as { status: number }).status === 401)) {
        message.error(problemText(e));
      }
    }
    qc.clear();
    sessionStorage.removeItem(`rt.tabs.${userId}`);
    navigate('/login', { replace: true, state: { reason: 'logged_out' } });
  };
}
