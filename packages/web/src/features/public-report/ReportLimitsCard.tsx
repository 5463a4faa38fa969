import { useEffect, useState } from 'react';
import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicReportLimits } from '@returntrace/domain';
import { get, put } from '../../api/client';
import { applyFormErrors, problemText } from '../../api/problem';
import { QueryState } from '../../components/QueryState';
import './i18n';

const KEY = ['settings', 'public-reports'];

/** The administrator's limits of the public report (实名举报): per client address per hour, per identity per day. */
export function ReportLimitsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PublicReportLimits>();
  const [busy, setBusy] = useState(false);
  const limits = useQuery({ queryKey: KEY, queryFn: () => get<PublicReportLimits>('/settings/public-reports') });

  useEffect(() => {
    if (limits.data) form.setFieldsValue(limits.data);
  }, [limits.data, form]);

  const save = async (v: PublicReportLimits) => {
    setBusy(true);
    try {
      qc.setQueryData(KEY, await put<PublicReportLimits>('/settings/public-reports', v));
      message.success(t('settings.saved'));
    } catch (e) {
      if (!applyFormErrors(form, e).length) message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('pr.limits.title')} className="rt-page" data-testid="report-limits">
      <QueryState isLoading={limits.isLoading} error={limits.error} onRetry={() => void limits.refetch()}>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 640 }}>
          <Typography.Paragraph type="secondary">{t('pr.limits.hint')}</Typography.Paragraph>
          <Form.Item name="perAddressPerHour" label={t('pr.limits.perAddressPerHour')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="perIdentityPerDay" label={t('pr.limits.perIdentityPerDay')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="report-limits-save">{t('common.save')}</Button>
        </Form>
      </QueryState>
    </Card>
  );
}
