import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Form, Input, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../api/client';
import { applyFormErrors, problemText } from '../api/problem';
import { Loading } from './QueryState';

export const TOTP_RULES = (message: string) => [
  { required: true, message },
  { pattern: /^\d{6}$/, message },
];

/** A 6-digit one-time code field: plain input so that keyboards, password managers and tests can fill it. */
export function TotpCodeInput(props: { autoFocus?: boolean; id?: string; disabled?: boolean }) {
  return (
    <Input
      {...props}
      data-testid="totp-code"
      maxLength={6}
      inputMode="numeric"
      autoComplete="one-time-code"
      placeholder="000000"
      style={{ fontSize: 20, letterSpacing: 6, textAlign: 'center', maxWidth: 220 }}
    />
  );
}

interface Enrolment {
  secret: string;
  otpauthUri: string;
}

/**
 * TOTP set-up: POST /me/totp/enrol gives the secret and otpauth URI (shown as a QR code and as text);
 * POST /me/totp/confirm with the first code activates it.
 */
export function TotpEnrol({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  const start = () => {
    setError(null);
    post<Enrolment>('/me/totp/enrol', {}, { noAuthRedirect: true })
      .then(setEnrolment)
      .catch(setError);
  };
  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice; one secret only
    started.current = true;
    start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post('/me/totp/confirm', { code: code.trim() }, { noAuthRedirect: true });
      onDone();
    } catch (e) {
      // a wrong code shows under the field; only problems that name no field need the banner
      const unmatched = applyFormErrors(form, e);
      const onField = e instanceof ApiError && e.errors.length > 0 && unmatched.length === 0;
      setError(onField ? null : e);
    } finally {
      setBusy(false);
    }
  };

  if (!enrolment) {
    return error ? (
      <Alert type="error" showIcon title={problemText(error)} data-testid="totp-error"
        action={<Button size="small" onClick={start}>{t('common.retry')}</Button>} />
    ) : <Loading />;
  }

  return (
    <div data-testid="totp-enrol">
      <Flex gap={20} wrap align="center">
        <QRCode value={enrolment.otpauthUri} size={168} bordered data-testid="totp-qr" />
        <div style={{ minWidth: 200, flex: 1 }}>
          <Typography.Text type="secondary">{t('totp.secret')}</Typography.Text>
          <Typography.Paragraph copyable={{ text: enrolment.secret }} className="rt-mono" data-testid="totp-secret"
            style={{ fontSize: 15, marginBottom: 8 }}>
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Typography.Paragraph>
          <Typography.Text type="secondary" className="rt-mono" style={{ fontSize: 11 }} data-testid="totp-uri">
            {enrolment.otpauthUri}
          </Typography.Text>
        </div>
      </Flex>
      <Form form={form} name="totpEnrol" layout="vertical" onFinish={confirm} style={{ marginTop: 16 }} requiredMark={false}>
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problemText(error)} data-testid="totp-error" /> : null}
        <Form.Item name="code" label={t('totp.code')} rules={TOTP_RULES(t('totp.codeRequired'))}>
          <TotpCodeInput autoFocus />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">{t('totp.confirm')}</Button>
          {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
        </Flex>
      </Form>
    </div>
  );
}
