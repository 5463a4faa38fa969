import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LangSwitch } from '../../components/LangSwitch';
import './i18n';

/** The frame of the pages anyone may open without logging in: brand, language, links between them. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="rt-login">
      <div className="rt-login-top">
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          <img src="/favicon.svg" alt="" width={22} height={22} style={{ verticalAlign: -5, marginInlineEnd: 8 }} />
          {t('pr.brand')}
        </Typography.Text>
        <Space size={4}>
          <Link to="/report" style={{ color: '#fff' }} data-testid="public-nav-report">{t('pr.toReport')}</Link>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.6)' }}>|</Typography.Text>
          <Link to="/report/track" style={{ color: '#fff' }} data-testid="public-nav-track">{t('pr.toTrack')}</Link>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.6)' }}>|</Typography.Text>
          <Link to="/login" style={{ color: '#fff' }}>{t('pr.toLogin')}</Link>
          <LangSwitch />
        </Space>
      </div>
      <main className="rt-login-main" style={{ alignItems: 'flex-start' }}>{children}</main>
      <footer className="rt-login-foot">{t('pr.footer')}</footer>
    </div>
  );
}
