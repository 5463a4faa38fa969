import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, List, Popconfirm, Radio, Select, Space, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  GOODS_FLOWS, localizeIssues, NON_QUALITY_KINDS, questionnaireAnswerSchema, type QuestionnaireAnswer, type QuestionnaireView,
} from '@returntrace/domain';
import { isApiError } from '../../api/client';
import { applyFormErrors, problemText } from '../../api/problem';
import { useLang } from '../../i18n/labels';
import { fmtSize, vLabel } from '../investigations/labels';
import { answerFileUrl, answerQuestionnaire, uploadAnswerFile, useRefreshPortal } from './api';

type Values = Omit<QuestionnaireAnswer, 'goodsFlow' | 'correctiveActions' | 'fileIds'> & {
  goodsFlow?: { flow?: QuestionnaireAnswer['goodsFlow'] extends infer G ? G extends { flow: infer F } ? F : never : never; date?: Dayjs | null; explanation?: string };
  correctiveActions?: { action: string; dueOn: Dayjs | null }[];
};

const toName = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** The previous answer (a returned questionnaire) as the starting point of the form. */
function initial(q: QuestionnaireView): Values {
  const a = q.answer;
  return {
    returnReason: a?.returnReason ?? { explanation: '' },
    inspection: a?.inspection ?? '',
    qualitySystem: a?.qualitySystem ?? { explanation: '' },
    goodsFlow: a?.goodsFlow ? { ...a.goodsFlow, date: a.goodsFlow.date ? dayjs(a.goodsFlow.date) : null } : { explanation: '' },
    correctiveActions: (a?.correctiveActions ?? []).map((c) => ({ action: c.action, dueOn: dayjs(c.dueOn) })),
    other: a?.other ?? '',
    answers: q.questions.map((_, i) => a?.answers[i] ?? ''),
  };
}

/** 答复问卷: the fields of each requested section, answers to the free questions, and files. */
export function AnswerForm({ q }: { q: QuestionnaireView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useRefreshPortal();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const category = Form.useWatch(['returnReason', 'category'], form);
  const has = (s: string) => q.sections.includes(s as never);
  const p = (k: string) => t(`portal.${k}`);
  const f = (k: string) => t(`inv.f.${k}`);
  const qn = (k: string) => t(`inv.qn.${k}`);
  const yesNo = [{ value: true, label: f('yesNo.true') }, { value: false, label: f('yesNo.false') }];

  const upload = async (file: File) => {
    setUploading(true);
    try {
      await uploadAnswerFile(q.id, file);
      message.success(p('uploaded'));
      await refresh();
    } catch (e) {
      message.error(`${file.name}: ${problemText(e)}`);
    } finally {
      setUploading(false);
    }
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    // only the requested sections are sent; the schema decides on the rest
    const body = {
      ...(has('return_reason') ? { returnReason: {
        ...v.returnReason, nonQualityKind: v.returnReason?.category === 'non_quality' ? v.returnReason?.nonQualityKind : undefined,
      } } : {}),
      ...(has('inspection') ? { inspection: v.inspection ?? '' } : {}),
      ...(has('quality_system') ? { qualitySystem: v.qualitySystem } : {}),
      ...(has('goods_flow') ? { goodsFlow: { ...v.goodsFlow, date: v.goodsFlow?.date ? v.goodsFlow.date.format('YYYY-MM-DD') : undefined } } : {}),
      ...(has('corrective_actions') ? { correctiveActions: (v.correctiveActions ?? []).map((c) => ({ action: c.action?.trim() ?? '', dueOn: c.dueOn ? c.dueOn.format('YYYY-MM-DD') : '' })) } : {}),
      ...(has('other') ? { other: v.other ?? '' } : {}),
      answers: q.questions.map((_, i) => v.answers?.[i]?.trim() ?? ''),
      fileIds: q.files.map((x) => x.id).slice(0, 20),
    };
    const parsed = questionnaireAnswerSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(localizeIssues(parsed.error.issues).map((i) => ({ name: toName(i.field) as never, errors: [lang === 'zh' ? i.messageZh : i.message] })));
      message.error(p('fix'));
      return;
    }
    setBusy(true);
    try {
      await answerQuestionnaire(q.id, parsed.data);
      message.success(p('submitted'));
      await refresh();
    } catch (e) {
      const unmatched = applyFormErrors(form, e);
      if (!isApiError(e) || e.errors.length === 0 || unmatched.length > 0) message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" name={`answer-${q.id}`} initialValues={initial(q)} data-testid="portal-answer-form">
      {has('return_reason') ? (
        <Card size="small" className="rt-inv-group" title={vLabel('section', 'return_reason')}>
          <Form.Item name={['returnReason', 'category']} label={f('category')}>
            <Radio.Group aria-label={f('category')} options={(['quality', 'non_quality'] as const).map((v) => ({ value: v, label: vLabel('category', v) }))} />
          </Form.Item>
          {category === 'non_quality' ? (
            <Form.Item name={['returnReason', 'nonQualityKind']} label={f('nonQualityKind')}>
              <Select allowClear options={NON_QUALITY_KINDS.map((v) => ({ value: v, label: vLabel('nonQualityKind', v) }))} />
            </Form.Item>
          ) : null}
          <Form.Item name={['returnReason', 'explanation']} label={`${vLabel('section', 'return_reason')} · ${qn('explanation')}`}>
            <Input.TextArea rows={3} maxLength={3000} showCount />
          </Form.Item>
        </Card>
      ) : null}
      {has('inspection') ? (
        <Card size="small" className="rt-inv-group" title={vLabel('section', 'inspection')}>
          <Form.Item name="inspection" label={qn('inspection')}><Input.TextArea rows={3} maxLength={3000} showCount /></Form.Item>
        </Card>
      ) : null}
      {has('quality_system') ? (
        <Card size="small" className="rt-inv-group" title={vLabel('section', 'quality_system')}>
          <Space wrap size="large">
            {(['qmsCertified', 'productCertified', 'destinationStandardsCollected'] as const).map((k) => (
              <Form.Item key={k} name={['qualitySystem', k]} label={qn(k)}><Radio.Group aria-label={qn(k)} options={yesNo} /></Form.Item>
            ))}
          </Space>
          <Form.Item name={['qualitySystem', 'explanation']} label={`${vLabel('section', 'quality_system')} · ${qn('explanation')}`}>
            <Input.TextArea rows={3} maxLength={3000} showCount />
          </Form.Item>
        </Card>
      ) : null}
      {has('goods_flow') ? (
        <Card size="small" className="rt-inv-group" title={vLabel('section', 'goods_flow')}>
          <Space wrap align="start">
            <Form.Item name={['goodsFlow', 'flow']} label={f('flow')} rules={[{ required: true, message: t('common.select', { field: f('flow') }) }]}>
              <Select style={{ width: 240 }} options={GOODS_FLOWS.map((v) => ({ value: v, label: vLabel('flow', v) }))} />
            </Form.Item>
            <Form.Item name={['goodsFlow', 'date']} label={f('flowDate')}><DatePicker /></Form.Item>
          </Space>
          <Form.Item name={['goodsFlow', 'explanation']} label={`${vLabel('section', 'goods_flow')} · ${qn('explanation')}`}>
            <Input.TextArea rows={3} maxLength={3000} showCount />
          </Form.Item>
        </Card>
      ) : null}
      {has('corrective_actions') ? (
        <Card size="small" className="rt-inv-group" title={vLabel('section', 'corrective_actions')}>
          <Form.List name="correctiveActions">
            {(rows, { add, remove }) => (
              <>
                {rows.map(({ key, name }) => (
                  <Space key={key} align="start" wrap>
                    <Form.Item name={[name, 'action']} label={f('action')} style={{ width: 420 }}
                      rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('action') }) }]}>
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[name, 'dueOn']} label={f('dueOn')} rules={[{ required: true, message: t('common.select', { field: f('dueOn') }) }]}>
                      <DatePicker />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} style={{ marginTop: 30 }} aria-label={f('remove')} onClick={() => remove(name)} />
                  </Space>
                ))}
                {rows.length < 20 ? <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ action: '', dueOn: null })}>{f('addAction')}</Button> : null}
              </>
            )}
          </Form.List>
        </Card>
      ) : null}
      {has('other') ? (
        <Card size="small" className="rt-inv-group" title={vLabel('section', 'other')}>
          <Form.Item name="other" label={qn('other')}><Input.TextArea rows={3} maxLength={3000} showCount /></Form.Item>
        </Card>
      ) : null}
      {q.questions.length > 0 ? (
        <Card size="small" className="rt-inv-group" title={qn('questions')}>
          {q.questions.map((question, i) => (
            <Form.Item key={i} name={['answers', i]} label={`${t('inv.qn.question', { n: i + 1 })}: ${question}`}>
              <Input.TextArea rows={2} maxLength={3000} />
            </Form.Item>
          ))}
        </Card>
      ) : null}
      <Card size="small" className="rt-inv-group" title={p('files')}>
        <Upload showUploadList={false} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          beforeUpload={(file) => { void upload(file); return false; }} disabled={q.files.length >= 20}>
          <Button icon={<UploadOutlined />} loading={uploading} data-testid="portal-upload">{p('upload')}</Button>
        </Upload>
        <span style={{ marginLeft: 8, color: '#888' }}>{p('uploadHint')}</span>
        <List size="small" dataSource={q.files} data-testid="portal-files"
          renderItem={(file) => (
            <List.Item>
              <a href={answerFileUrl(q.id, file.id)} target="_blank" rel="noreferrer"><DownloadOutlined /> {file.fileName}</a>
              <span>{fmtSize(file.size)}</span>
            </List.Item>
          )} />
      </Card>
      <Popconfirm title={p('submitConfirm')} onConfirm={() => submit()} okButtonProps={{ 'data-testid': 'portal-submit-confirm' }}>
        <Button type="primary" loading={busy} data-testid="portal-submit">{p('submit')}</Button>
      </Popconfirm>
    </Form>
  );
}
