import { Avatar, Button, Dropdown, Flex, Tag, Tooltip, Typography } from 'antd';
import {
  HistoryOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateOutlined, UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LangSwitch } from '../LangSwitch';
import { useAuthedSession } from '../../api/session';
import { fmtTime } from '../../i18n/format';
import { kindShort, orgName, useLang } from '../../i18n/labels';

export function HeaderBar({ collapsed, onToggle, onLogout }: {
  collapsed: boolean; onToggle: () => void; onLogout: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const session = useAuthedSession();

  const userMenu = {
    items: [
      // the login before this one, so a user notices a login that was not hers
      {
        key: 'previous-login', icon: <HistoryOutlined />, disabled: true,
        label: (
          <span data-testid="user-menu-previous-login">
            {t('layout.previousLogin', {
              time: session.user.previousLoginAt ? fmtTime(session.user.previousLoginAt) : t('home.never'),
            })}
          </span>
        ),
      },
      { type: 'divider' as const },
      { key: 'security', icon: <SafetyCertificateOutlined />, label: <span data-testid="user-menu-security">{t('layout.security')}</span> },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('layout.logout')}</span> },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'security') navigate('/security');
      else if (key === 'logout') onLogout();
    },
  };

  return (
    <Flex align="center" gap={12} className="rt-header">
      <Tooltip title={collapsed ? t('layout.expand') : t('layout.collapse')}>
        <Button
          type="text"
          className="rt-header-btn"
          data-testid="menu-collapse"
          aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
          aria-expanded={!collapsed}
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={onToggle}
        />
      </Tooltip>
      <Flex align="center" gap={10} className="rt-brand" onClick={() => navigate('/')}>
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span className="rt-brand-name">{t('app.productName')}</span>
        <span className="rt-brand-short">ReturnTrace</span>
      </Flex>
      <div style={{ flex: 1 }} />
      <Flex align="center" gap={6} className="rt-header-org" data-testid="header-org">
        <Tag color="geekblue" variant="filled" style={{ marginInlineEnd: 0 }}>{kindShort(session.org.kind, lang)}</Tag>
        <Typography.Text className="rt-header-text" ellipsis style={{ maxWidth: 260 }}>
          {orgName(session.org, lang)}
        </Typography.Text>
      </Flex>
      <LangSwitch className="rt-header-btn" />
      <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
        <Button type="text" className="rt-header-btn" data-testid="user-menu" aria-label={t('layout.userMenu')}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#3a78c3' }} />
          <span>{session.user.displayName}</span>
        </Button>
      </Dropdown>
    </Flex>
  );
}
