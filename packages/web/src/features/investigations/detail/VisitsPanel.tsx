import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { localizeIssues, visitSchema, type InvestigationView } from '@returntrace/domain';
import { isApiError } from '../../../api/client';
import { applyFormErrors, problemText } from '../../../api/problem';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { addVisit, useRefreshCase } from '../api';
import { CaseUpload, FileTable } from './FilesPanel';

interface Values { visitedOn?: Dayjs; place?: string; people?: string; observations?: string }

/** 现场调查记录: date, place, people and what was seen, each with its photos. */
export function VisitsPanel({ view }: { view: InvestigationView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useRefreshCase(view.id);
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const canAdd = view.allowedActions.includes('add_visit');
  const canUpload = view.allowedActions.includes('upload');
  const v = (k: string) => t(`inv.visit.${k}`);

  const submit = async (values: Values) => {
    const parsed = visitSchema.safeParse({
      visitedOn: values.visitedOn?.format('YYYY-MM-DD') ?? '', place: values.place?.trim() ?? '',
      people: values.people?.trim() ?? '', observations: values.observations?.trim() ?? '',
    });
    if (!parsed.success) {
      form.setFields(localizeIssues(parsed.error.issues).map((i) => ({ name: i.field as keyof Values, errors: [lang === 'zh' ? i.messageZh : i.message] })));
      return;
    }
    setBusy(true);
    try {
      await addVisit(view.id, parsed.data);
      message.success(v('added'));
      form.resetFields();
      setAdding(false);
      await refresh();
    } catch (e) {
      const unmatched = applyFormErrors(form, e);
      if (!isApiError(e) || e.errors.length === 0 || unmatched.length > 0) message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="inv-visits">
      {canAdd && !adding ? <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 12 }} data-testid="inv-visit-add">{v('add')}</Button> : null}
      {adding ? (
        <Card size="small" title={v('add')} style={{ marginBottom: 12 }}>
          <Form<Values> form={form} layout="vertical" name="visit" onFinish={(x) => void submit(x)}>
            <Space wrap align="start">
              <Form.Item name="visitedOn" label={v('visitedOn')} rules={[{ required: true, message: t('common.select', { field: v('visitedOn') }) }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="place" label={v('place')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: v('place') }) }]}>
                <Input maxLength={200} style={{ width: 280 }} />
              </Form.Item>
              <Form.Item name="people" label={v('people')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: v('people') }) }]}>
                <Input maxLength={500} style={{ width: 320 }} />
              </Form.Item>
            </Space>
            <Form.Item name="observations" label={v('observations')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: v('observations') }) }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="inv-visit-save">{t('common.save')}</Button>
              <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      ) : null}
      {view.visits.length === 0 && !adding ? <Empty description={v('none')} /> : null}
      {view.visits.map((visit) => (
        <Card key={visit.id} size="small" style={{ marginBottom: 12 }} data-testid="inv-visit"
          title={`${visit.visitedOn} · ${visit.place}`}
          extra={canUpload ? <CaseUpload caseId={view.id} kind="photo" visitId={visit.id} label={v('uploadPhoto')} testId="inv-visit-photo" /> : null}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={v('people')}>{visit.people}</Descriptions.Item>
            <Descriptions.Item label={v('observations')}><span style={{ whiteSpace: 'pre-wrap' }}>{visit.observations}</span></Descriptions.Item>
            <Descriptions.Item label={t('inv.hist.by')}>{visit.createdBy} · {fmtTime(visit.createdAt)}</Descriptions.Item>
          </Descriptions>
          <FileTable caseId={view.id} files={view.files.filter((f) => f.visitId === visit.id)} />
        </Card>
      ))}
    </div>
  );
}
