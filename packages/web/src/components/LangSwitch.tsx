import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n';
import { useLang } from '../i18n/labels';

/** Toggles zh ⇄ en; the label names the OTHER language ("English" / "中文"). */
export function LangSwitch({ type = 'text', className }: { type?: 'text' | 'default' | 'link'; className?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Button
      type={type}
      className={className}
      data-testid="lang-switch"
      icon={<TranslationOutlined />}
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      title={t('lang.switchHint')}
      onClick={() => void setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
