import { App, Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemText } from '../api/problem';
import { changeLanguage } from '../api/session';
import { useLang } from '../i18n/labels';

/**
 * Toggles zh ⇄ en; the label names the OTHER language ("English" / "中文"). When logged in the choice is saved
 * with the account, so it follows the user to other browsers.
 */
export function LangSwitch({ type = 'text', className }: { type?: 'text' | 'default' | 'link'; className?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  return (
    <Button
      type={type}
      className={className}
      data-testid="lang-switch"
      icon={<TranslationOutlined />}
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      title={t('lang.switchHint')}
      onClick={() => {
        changeLanguage(qc, lang === 'zh' ? 'en' : 'zh')
          .catch((e: unknown) => message.warning(`${t('lang.saveFailed')}: ${problemText(e)}`));
      }}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
