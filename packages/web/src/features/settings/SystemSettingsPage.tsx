import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Space, Switch, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, put } from '../../api/client';
import { problemText } from '../../api/problem';
import { SESSION_KEY } from '../../api/session';
import { QueryState } from '../../components/QueryState';
import { ReportLimitsCard } from '../public-report/ReportLimitsCard';

interface SecuritySettings {
  mfaRequiredForCustoms: boolean;
}

export default function SystemSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<SecuritySettings>();
  const [busy, setBusy] = useState(false);
  const settings = useQuery({
    queryKey: ['settings', 'security'],
    queryFn: () => get<SecuritySettings>('/settings/security'),
  });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (v: SecuritySettings) => {
    setBusy(true);
    try {
      const saved = await put<SecuritySettings | undefined>('/settings/security', { mfaRequiredForCustoms: !!v.mfaRequiredForCustoms });
      qc.setQueryData(['settings', 'security'], saved ?? v);
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
      message.success(t('settings.saved'));
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('settings.security')} className="rt-page" data-testid="settings-page">
        <QueryState isLoading={settings.isLoading} error={settings.error} onRetry={() => void settings.refetch()}>
          <Form form={form} name="settings" layout="vertical" onFinish={save} style={{ maxWidth: 640 }}>
            <Form.Item name="mfaRequiredForCustoms" label={t('settings.mfaRequired')} valuePropName="checked"
              extra={<Typography.Text type="secondary">{t('settings.mfaRequiredHint')}</Typography.Text>}>
              <Switch data-testid="mfa-required-switch" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="settings-save">{t('common.save')}</Button>
          </Form>
        </QueryState>
      </Card>
      <ReportLimitsCard />
    </Space>
  );
}
