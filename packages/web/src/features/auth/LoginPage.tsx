import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginResponse } from '@returntrace/domain';
import { ApiError, post } from '../../api/client';
import { problemText } from '../../api/problem';
import { applySavedLanguage, fetchSession, SESSION_KEY, useSession } from '../../api/session';
import { LangSwitch } from '../../components/LangSwitch';
import { TOTP_RULES, TotpCodeInput, TotpEnrol } from '../../components/TotpEnrol';
import { fmtTime } from '../../i18n/format';
import i18n from '../../i18n';

type Step = 'password' | 'totp' | 'enrol';
type LoginStatus = LoginResponse['status'];

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const session = useSession();
  const [step, setStep] = useState<Step>('password');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();
  const next = safeNext(params.get('next'));
  const reason = (location.state as { reason?: string } | null)?.reason;

  const finish = async () => {
    qc.removeQueries({ queryKey: SESSION_KEY });
    const session = await qc.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession });
    await applySavedLanguage(session); // the language saved with the account, whatever this browser had
    navigate(next, { replace: true });
  };

  const afterStatus = async (status: LoginStatus) => {
    if (status === 'mfa_required') setStep('totp');
    else if (status === 'mfa_enrolment_required') setStep('enrol');
    else await finish();
  };

  const login = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await post<LoginResponse>('/auth/login',
        { username: values.username.trim(), password: values.password }, { noAuthRedirect: true });
      await afterStatus(res.status);
    } catch (e) {
      setError(e);
      form.setFieldValue('password', '');
      form.focusField('password');
    } finally {
      setBusy(false);
    }
  };

  const verifyTotp = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await post<LoginResponse | undefined>('/auth/totp', { code: code.trim() }, { noAuthRedirect: true });
      await afterStatus(res?.status ?? 'ok');
    } catch (e) {
      setError(e);
      // the half-finished login has expired: start again
      if (e instanceof ApiError && e.status === 401) setStep('password');
    } finally {
      setBusy(false);
    }
  };

  const backToLogin = () => {
    setError(null);
    setStep('password');
    void post('/auth/logout', {}, { noAuthRedirect: true }).catch(() => undefined);
  };

  // Already logged in (e.g. opened /login in a second tab): go on.
  if (session.data && step === 'password' && !busy) return <Navigate to={next} replace />;

  return (
    <div className="rt-login">
      <div className="rt-login-top">
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          <img src="/favicon.svg" alt="" width={22} height={22} style={{ verticalAlign: -5, marginInlineEnd: 8 }} />
          ReturnTrace
        </Typography.Text>
        <LangSwitch />
      </div>
      <main className="rt-login-main">
        <Card className="rt-login-card" data-testid="login-card">
          <div style={{ textAlign: 'center', marginBottom: 20 }}>
            <Typography.Title level={3} style={{ marginBottom: 4 }}>出口退运追溯与风险预警平台</Typography.Title>
            <Typography.Text type="secondary">ReturnTrace · {t('login.subtitle')}</Typography.Text>
          </div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {step === 'password' ? t('login.title') : step === 'totp' ? t('login.totpTitle') : t('login.enrolTitle')}
          </Typography.Title>

          {reason === 'session_expired' && step === 'password' && !error ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('login.sessionExpired')} data-testid="login-info" />
          ) : null}
          {reason === 'logged_out' && step === 'password' && !error ? (
            <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('login.loggedOut')} data-testid="login-info" />
          ) : null}
          {error ? (
            <div data-testid="login-error" role="alert" style={{ marginBottom: 16 }}>
              <Alert type="error" showIcon title={problemText(error)} description={lockedUntil(error)} />
            </div>
          ) : null}

          {step === 'password' ? (
            <Form form={form} layout="vertical" onFinish={login} requiredMark={false} autoComplete="on">
              <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
                <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" autoFocus size="large" />
              </Form.Item>
              <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
                <Input.Password prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" size="large" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
          ) : null}

          {step === 'totp' ? (
            <Form layout="vertical" onFinish={verifyTotp} requiredMark={false} data-testid="totp-step">
              <Typography.Paragraph type="secondary">{t('login.totpHint')}</Typography.Paragraph>
              <Form.Item name="code" label={t('login.totpCode')} rules={TOTP_RULES(t('totp.codeRequired'))}>
                <TotpCodeInput autoFocus />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="totp-submit">
                {t('login.verify')}
              </Button>
              <Button type="link" block onClick={backToLogin} style={{ marginTop: 8 }}>{t('login.backToLogin')}</Button>
            </Form>
          ) : null}

          {step === 'enrol' ? (
            <div data-testid="enrol-step">
              <Typography.Paragraph type="secondary">{t('login.enrolHint')}</Typography.Paragraph>
              <TotpEnrol onDone={() => void finish().catch(setError)} onCancel={backToLogin} />
            </div>
          ) : null}
          {step === 'password' ? (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Link to="/report" data-testid="login-public-report">{t('login.publicReport')}</Link>
              <Typography.Text type="secondary"> · </Typography.Text>
              <Link to="/report/track">{t('login.publicTrack')}</Link>
            </div>
          ) : null}
        </Card>
      </main>
      <footer className="rt-login-foot">{t('login.footer')}</footer>
    </div>
  );
}

function lockedUntil(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'locked') return undefined;
  const until = error.body.lockedUntil;
  return typeof until === 'string' ? i18n.t('login.lockedUntil', { time: fmtTime(until) }) : undefined;
}
