import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { MENU, pageFor } from '../../routes/meta';
import { useCan } from '../../api/session';
import { useTabs } from './tabs';

/** Left menu; entries appear by the session's permissions, never by role names. */
export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const can = useCan();
  const { tabs } = useTabs();
  const selected = pageFor(pathname)?.menuKey ?? '';

  return (
    <Layout.Sider
      collapsible
      collapsed={collapsed}
      trigger={null}
      width={208}
      collapsedWidth={56}
      theme="light"
      className="rt-sider"
      data-testid="side-menu"
      aria-label={t('menu.navigation')}
    >
      <Menu
        mode="inline"
        selectedKeys={[selected]}
        onClick={({ key }) => navigate(tabs.find((tab) => tab.key === key)?.url ?? key)}
        items={MENU.filter((m) => can(m.perm)).map((m) => ({
          key: m.key,
          icon: m.icon,
          label: <span data-menu-key={m.key}>{t(m.titleKey)}</span>,
        }))}
      />
    </Layout.Sider>
  );
}
