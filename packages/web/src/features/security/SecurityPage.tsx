import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, del, post, type FieldError } from '../../api/client';
import { applyFormErrors, fieldMessage, problemText } from '../../api/problem';
import { SESSION_KEY, useAuthedSession } from '../../api/session';
import { ProblemAlert } from '../../components/QueryState';
import { TOTP_RULES, TotpCodeInput, TotpEnrol } from '../../components/TotpEnrol';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function SecurityPage() {
  return (
    <Row gutter={12} className="rt-page" data-testid="security-page">
      <Col xs={24} xl={12}><ChangePassword /></Col>
      <Col xs={24} xl={12}><SecondFactor /></Col>
    </Row>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const save = async (v: PasswordValues) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    try {
      await post('/me/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.changed'));
      form.resetFields();
    } catch (e) {
      setUnmatched(applyFormErrors(form, e));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('password.change')} data-testid="change-password" style={{ marginBottom: 12 }}>
      <ProblemAlert error={error} extra={unmatched.map((u) => ({ field: u.field, text: fieldMessage(u) }))} />
      <Form form={form} name="password" layout="vertical" onFinish={save} style={{ maxWidth: 420 }}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.policy')}
          rules={[{ required: true, message: t('common.required', { field: t('password.new') }) }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('password.confirm')} dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || getFieldValue('newPassword') === value
                ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-save">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}

function SecondFactor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { mfa } = useAuthedSession();
  const [enrolling, setEnrolling] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const refresh = () => qc.invalidateQueries({ queryKey: SESSION_KEY });

  const disable = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await del('/me/totp', { code: code.trim() });
      message.success(t('totp.disabled'));
      form.resetFields();
      await refresh();
    } catch (e) {
      const unmatched = applyFormErrors(form, e);
      setError(e instanceof ApiError && e.errors.length > 0 && unmatched.length === 0 ? null : e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('totp.status')} data-testid="second-factor"
      extra={mfa.enrolled ? <Tag color="success">{t('common.enabled')}</Tag> : <Tag>{t('totp.notEnrolled')}</Tag>}>
      {mfa.enrolled ? (
        <>
          <Alert type="success" showIcon title={t('totp.enrolled')} style={{ marginBottom: 16 }} />
          {mfa.required ? (
            <Alert type="info" showIcon title={t('totp.mandatory')} />
          ) : (
            <Form form={form} name="totpDisable" layout="vertical" onFinish={disable} requiredMark={false}>
              {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problemText(error)} /> : null}
              <Typography.Paragraph type="secondary">{t('totp.disableHint')}</Typography.Paragraph>
              <Form.Item name="code" label={t('totp.code')} rules={TOTP_RULES(t('totp.codeRequired'))}>
                <TotpCodeInput />
              </Form.Item>
              <Button danger htmlType="submit" loading={busy} data-testid="totp-disable">{t('totp.disable')}</Button>
            </Form>
          )}
        </>
      ) : enrolling ? (
        <TotpEnrol
          onDone={() => { setEnrolling(false); message.success(t('totp.enrolled')); void refresh(); }}
          onCancel={() => setEnrolling(false)}
        />
      ) : (
        <Space orientation="vertical">
          {mfa.required ? <Alert type="warning" showIcon title={t('layout.mfaBanner')} /> : null}
          <Typography.Paragraph>{t('totp.enrolIntro')}</Typography.Paragraph>
          <Button type="primary" onClick={() => setEnrolling(true)} data-testid="totp-start">{t('totp.start')}</Button>
        </Space>
      )}
    </Card>
  );
}
