import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Space, Steps } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { normalizeTrackingCode, type PublicReportStatus, type PublicReportStatusView } from '@returntrace/domain';
import { isNotFound } from '../../api/client';
import { problemText } from '../../api/problem';
import { fmtTime } from '../../i18n/format';
import { bilingual, useLang } from '../../i18n/labels';
import { fetchReportStatus } from './api';
import { PublicShell } from './PublicShell';

const STEPS = ['received', 'under_review', 'transferred', 'investigating', 'closed'] as const;

/** 举报办理进度查询: the reporter enters the tracking code and sees the coarse status, nothing else. */
export default function TrackPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ code: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [view, setView] = useState<PublicReportStatusView | null>(null);

  const lookUp = async (raw: string) => {
    setBusy(true);
    setError(null);
    setView(null);
    try {
      setView(await fetchReportStatus(raw.trim()));
      setParams({ code: raw.trim() }, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const initial = params.get('code');
  useEffect(() => {
    if (initial) {
      form.setFieldValue('code', initial);
      void lookUp(initial);
    }
    // only the code the page was opened with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const current = view ? Math.max(0, STEPS.indexOf(view.status as (typeof STEPS)[number])) : 0;
  const dismissed = view?.status === ('dismissed' satisfies PublicReportStatus);

  return (
    <PublicShell>
      <Card className="rt-login-card" style={{ width: 720 }} title={t('pr.trackTitle')} data-testid="track-page">
        <Form form={form} layout="vertical" onFinish={({ code }) => void lookUp(code)} requiredMark={false}>
          <Form.Item label={t('pr.trackHint')} required={false}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="code"
                noStyle
                rules={[{
                  validator: (_r, v: string | undefined) => (v && normalizeTrackingCode(v) ? Promise.resolve() : Promise.reject(new Error(t('pr.trackHint')))),
                }]}
              >
                <Input size="large" className="rt-mono" maxLength={20} placeholder="XXXX-XXXX-XXXX" autoFocus data-testid="track-code" />
              </Form.Item>
              <Button size="large" type="primary" htmlType="submit" icon={<SearchOutlined />} loading={busy} data-testid="track-submit">{t('pr.trackSubmit')}</Button>
            </Space.Compact>
          </Form.Item>
        </Form>
        {error ? (
          <Alert type={isNotFound(error) ? 'warning' : 'error'} showIcon role="alert" data-testid="track-error"
            title={isNotFound(error) ? t('pr.trackNotFound') : problemText(error)} />
        ) : null}
        {view ? (
          <div data-testid="track-result">
            {dismissed ? (
              <Result status="info" title={bilingual(view.label, lang, view.status)} />
            ) : (
              <Steps
                current={current}
                titlePlacement="vertical"
                size="small"
                status={view.status === 'closed' ? 'finish' : 'process'}
                style={{ margin: '16px 0 24px' }}
                items={STEPS.map((s) => ({ title: t(`pr.steps.${s}`) }))}
              />
            )}
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('pr.status')}><span data-testid="track-status">{bilingual(view.label, lang, view.status)}</span></Descriptions.Item>
              <Descriptions.Item label={t('pr.office')}>{bilingual(view.office, lang, '')}</Descriptions.Item>
              <Descriptions.Item label={t('pr.receivedAt')}>{fmtTime(view.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('pr.updatedAt')}>{fmtTime(view.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </div>
        ) : null}
      </Card>
    </PublicShell>
  );
}
