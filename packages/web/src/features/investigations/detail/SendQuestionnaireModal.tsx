import { useState } from 'react';
import { Button, Checkbox, DatePicker, Form, Input, Modal, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { localizeIssues, QUESTION_SECTIONS, questionnaireSendSchema } from '@returntrace/domain';
import { isApiError } from '../../../api/client';
import { applyFormErrors, problemText } from '../../../api/problem';
import { useLang } from '../../../i18n/labels';
import { sendQuestionnaire } from '../api';
import { vLabel } from '../labels';

interface Values { sections: string[]; questions: string[]; dueOn?: Dayjs | null; message?: string }

/** 书面调查: the sections of §3.4 the enterprise must answer, free questions, the due date and a message. */
export function SendQuestionnaireModal({ caseId, onClose, onSent }: { caseId: string; onClose: () => void; onSent: () => Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const q = (k: string) => t(`inv.qn.${k}`);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the messages are on the fields
    const parsed = questionnaireSendSchema.safeParse({
      sections: v.sections ?? [], questions: (v.questions ?? []).map((s) => s?.trim() ?? ''),
      ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}), message: v.message?.trim() ?? '',
    });
    if (!parsed.success) {
      form.setFields(localizeIssues(parsed.error.issues).map((i) => ({
        name: i.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [lang === 'zh' ? i.messageZh : i.message],
      })));
      return;
    }
    setBusy(true); setError(null);
    try {
      await sendQuestionnaire(caseId, parsed.data);
      await onSent();
    } catch (e) {
      const unmatched = applyFormErrors(form, e);
      if (unmatched.length > 0 || !isApiError(e) || e.errors.length === 0) setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={640} title={q('send')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'qn-send-ok' }}>
      {error ? <div role="alert" style={{ color: '#cf1322', marginBottom: 8 }} data-testid="qn-send-error">{error}</div> : null}
      <Form<Values> form={form} layout="vertical" name="questionnaire"
        initialValues={{ sections: ['return_reason', 'goods_flow'], questions: [], message: '' }}>
        <Form.Item name="sections" label={q('sections')} rules={[{ required: true, type: 'array', min: 1, message: t('common.select', { field: q('sections') }) }]}>
          <Checkbox.Group aria-label={q('sections')} options={QUESTION_SECTIONS.map((s) => ({ value: s, label: vLabel('section', s) }))} />
        </Form.Item>
        <Form.List name="questions">
          {(rows, { add, remove }) => (
            <Form.Item label={q('questions')}>
              {rows.map(({ key, name }) => (
                <Space key={key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={name} label={t('inv.qn.question', { n: name + 1 })} style={{ width: 520 }}
                    rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('inv.qn.question', { n: name + 1 }) }) }]}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('inv.f.remove')} />
                </Space>
              ))}
              {rows.length < 20 ? <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} data-testid="qn-add-question">{q('addQuestion')}</Button> : null}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="dueOn" label={q('dueOn')} extra={q('dueOnHint')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="message" label={q('message')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
