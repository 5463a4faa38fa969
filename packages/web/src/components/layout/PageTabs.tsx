import { Button, Dropdown, Tabs } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useTabs } from './tabs';

/** The strip of opened pages, like the Single Window (单一窗口) workbench. */
export function PageTabs() {
  const { t } = useTranslation();
  const { tabs, activeKey, activate, close, closeOthers, closeAll } = useTabs();

  const menu = {
    items: [
      { key: 'current', label: t('layout.closeCurrent'), disabled: activeKey === '/' },
      { key: 'others', label: <span data-testid="tabs-close-others">{t('layout.closeOthers')}</span> },
      { key: 'all', label: <span data-testid="tabs-close-all">{t('layout.closeAll')}</span> },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'current') close(activeKey);
      else if (key === 'others') closeOthers();
      else closeAll();
    },
  };

  return (
    <div className="rt-page-tabs" data-testid="page-tabs">
      <Tabs
        type="editable-card"
        hideAdd
        size="small"
        activeKey={tabs.some((tab) => tab.key === activeKey) ? activeKey : undefined}
        onChange={activate}
        onEdit={(key, action) => {
          if (action === 'remove' && typeof key === 'string') close(key);
        }}
        items={tabs.map((tab) => ({
          key: tab.key,
          label: <span data-tab-key={tab.key}>{tab.title ?? t(tab.titleKey)}</span>,
          closable: tab.key !== '/',
        }))}
        tabBarExtraContent={{
          right: (
            <Dropdown menu={menu} trigger={['click']} placement="bottomRight">
              <Button size="small" type="text" data-testid="tab-actions">
                {t('layout.tabActions')} <DownOutlined />
              </Button>
            </Dropdown>
          ),
        }}
      />
    </div>
  );
}
