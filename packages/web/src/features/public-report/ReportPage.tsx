import { useMemo, useState } from 'react';
import {
  Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, Result, Row, Select, Space, Typography, Upload, type UploadFile,
} from 'antd';
import { CameraOutlined, CopyOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PICTURE_MAX_BYTES, PUBLIC_REPORT_MAX_PICTURES, type PublicReportInput } from '@returntrace/domain';
import { api, type FieldError } from '../../api/client';
import { applyFormErrors, fieldMessage, problemText } from '../../api/problem';
import { useLang } from '../../i18n/labels';
import { usePublicCountries, usePublicOffices } from './api';
import { PublicShell } from './PublicShell';

type Values = Omit<PublicReportInput, 'email' | 'brandOrEnterprise'> & { email?: string; brandOrEnterprise?: string };
const ACCEPT = ['image/jpeg', 'image/png', 'image/webp'];

/** 实名举报: the form anyone may send without logging in; answers the tracking code once. */
export default function ReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const offices = usePublicOffices();
  const countries = usePublicCountries();
  const [pictures, setPictures] = useState<UploadFile[]>([]);
  const [pictureErrors, setPictureErrors] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string | null>(null);

  const officeOptions = useMemo(() => {
    const items = offices.data?.items ?? [];
    const name = (o: { name: { zh: string; en: string } }) => (lang === 'zh' ? o.name.zh : `${o.name.en} (${o.name.zh})`);
    return items.filter((o) => o.kind === 'direct_customs').map((d) => ({
      label: name(d),
      options: [d, ...items.filter((s) => s.parentId === d.id)].map((o) => ({ value: o.id, label: name(o) })),
    }));
  }, [offices.data, lang]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    setUnmatched([]);
    const fd = new FormData();
    const report: Record<string, unknown> = { ...values, email: values.email?.trim() ?? '', brandOrEnterprise: values.brandOrEnterprise ?? '' };
    if (!values.countryCode) delete report.countryCode;
    fd.append('report', JSON.stringify(report));
    for (const p of pictures) if (p.originFileObj) fd.append('pictures', p.originFileObj, p.name);
    try {
      const res = await api<{ trackingCode: string }>('/public/reports', { method: 'POST', body: fd, noAuthRedirect: true });
      setCode(res.trackingCode);
      window.scrollTo({ top: 0 });
    } catch (e) {
      setError(e);
      setUnmatched(applyFormErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code);
      message.success(t('pr.copied'));
    } catch {
      message.info(code);
    }
  };

  if (code) {
    return (
      <PublicShell>
        <Card className="rt-login-card" style={{ width: 640 }} data-testid="report-done">
          <Result
            status="success"
            title={t('pr.doneTitle')}
            subTitle={t('pr.doneHint')}
            extra={(
              <Space orientation="vertical" size={16} align="center">
                <Typography.Text type="secondary">{t('pr.trackingCode')}</Typography.Text>
                <Typography.Text className="rt-mono" strong style={{ fontSize: 32, letterSpacing: 4 }} data-testid="tracking-code">{code}</Typography.Text>
                <Space>
                  <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="copy-tracking-code">{t('pr.copy')}</Button>
                  <Link to={`/report/track?code=${encodeURIComponent(code)}`}><Button type="primary">{t('pr.track')}</Button></Link>
                </Space>
                <Button type="link" onClick={() => { setCode(null); setPictures([]); form.resetFields(); }}>{t('pr.another')}</Button>
              </Space>
            )}
          />
        </Card>
      </PublicShell>
    );
  }

  const req = [{ required: true, whitespace: true, message: t('pr.required') }];
  return (
    <PublicShell>
      <Card className="rt-login-card" style={{ width: 820 }} title={t('pr.title')} data-testid="report-page">
        <Alert type="info" showIcon title={t('pr.intro')} style={{ marginBottom: 16 }} />
        {error ? (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} data-testid="report-error" title={problemText(error)}
            description={unmatched.length ? <ul style={{ margin: 0 }}>{unmatched.map((u) => <li key={u.field + u.code}>{fieldMessage(u)}</li>)}</ul> : undefined} />
        ) : null}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark initialValues={{ consent: false }} scrollToFirstError>
          <Divider titlePlacement="start">{t('pr.reporter')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}><Form.Item name="reporterName" label={t('pr.reporterName')} rules={req}><Input maxLength={50} autoComplete="name" data-testid="report-name" /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="idNumber" label={t('pr.idNumber')} rules={req} normalize={(v: string) => v?.trim().toUpperCase()}><Input maxLength={18} placeholder={t('pr.idNumberPh')} className="rt-mono" data-testid="report-id" /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="phone" label={t('pr.phone')} rules={req}><Input maxLength={30} placeholder={t('pr.phonePh')} autoComplete="tel" data-testid="report-phone" /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="email" label={t('pr.email')}><Input maxLength={100} type="email" autoComplete="email" data-testid="report-email" /></Form.Item></Col>
          </Row>
          <Divider titlePlacement="start">{t('pr.product')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="officeId" label={t('pr.officeId')} rules={[{ required: true, message: t('pr.required') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={officeOptions} loading={offices.isLoading} placeholder={t('pr.officePh')} data-testid="report-office" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}><Form.Item name="productName" label={t('pr.productName')} rules={req}><Input maxLength={200} data-testid="report-product" /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item name="brandOrEnterprise" label={t('pr.brandOrEnterprise')}><Input maxLength={200} data-testid="report-brand" /></Form.Item></Col>
            <Col xs={24} md={12}>
              <Form.Item name="countryCode" label={t('pr.countryCode')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={countries.isLoading} data-testid="report-country"
                  options={(countries.data?.items ?? []).map((c) => ({ value: c.code, label: lang === 'zh' ? `${c.zh}（${c.code}）` : `${c.en} (${c.zh})` }))} />
              </Form.Item>
            </Col>
            <Col span={24}><Form.Item name="whereSeen" label={t('pr.whereSeen')} rules={req}><Input maxLength={300} placeholder={t('pr.whereSeenPh')} data-testid="report-where" /></Form.Item></Col>
            <Col span={24}>
              <Form.Item name="description" label={t('pr.description')} rules={[...req, { min: 10, message: t('pr.descriptionPh') }]}>
                <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('pr.descriptionPh')} data-testid="report-description" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('pr.pictures')}</Divider>
          <Upload
            listType="picture"
            accept={ACCEPT.join(',')}
            multiple
            maxCount={PUBLIC_REPORT_MAX_PICTURES}
            fileList={pictures}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              // the server checks content and size again; this only spares a pointless upload
              const errs: string[] = [];
              const kept = fileList.filter((f) => {
                if ((f.size ?? 0) > PICTURE_MAX_BYTES) errs.push(t('pr.pictureTooLarge', { name: f.name }));
                else if (f.type && !ACCEPT.includes(f.type)) errs.push(t('pr.pictureType', { name: f.name }));
                else return true;
                return false;
              });
              setPictureErrors(errs);
              setPictures(kept.slice(0, PUBLIC_REPORT_MAX_PICTURES));
            }}
            data-testid="report-pictures"
          >
            <Button icon={<CameraOutlined />} disabled={pictures.length >= PUBLIC_REPORT_MAX_PICTURES}>{t('pr.addPicture')}</Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('pr.picturesHint')}</Typography.Paragraph>
          {pictureErrors.map((e) => <Alert key={e} type="warning" showIcon title={e} style={{ marginBottom: 8 }} />)}
          <Form.Item name="consent" valuePropName="checked"
            rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('pr.consentRequired')))) }]}>
            <Checkbox data-testid="report-consent">{t('pr.consent')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" icon={<SendOutlined />} loading={busy} block data-testid="report-submit">{t('pr.submit')}</Button>
        </Form>
      </Card>
    </PublicShell>
  );
}
