import { useEffect, useState } from 'react';
import { Layout, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { groupOf, MENU, pageFor, type MenuEntry } from '../../routes/meta';
import { useCan } from '../../api/session';
import { useTabs } from './tabs';

type Item = Required<MenuProps>['items'][number];

/** Left menu; entries appear by the session's permissions, never by role names. Groups open on their pages. */
export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const can = useCan();
  const { tabs } = useTabs();
  const selected = pageFor(pathname)?.menuKey ?? '';
  const group = groupOf(selected);
  const [openKeys, setOpenKeys] = useState<string[]>(group ? [group] : []);
  useEffect(() => {
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [group]);

  const toItem = (m: MenuEntry): Item => {
    const label = <span data-menu-key={m.key}>{t(m.titleKey)}</span>;
    if (!m.children) return { key: m.key, icon: m.icon, label };
    return { key: m.key, icon: m.icon, label, children: m.children.filter((c) => can(c.perm)).map(toItem) };
  };

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
        {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
        onClick={({ key }) => navigate(tabs.find((tab) => tab.key === key)?.url ?? key)}
        items={MENU.filter((m) => can(m.perm)).map(toItem)}
      />
    </Layout.Sider>
  );
}
