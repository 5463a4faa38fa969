import { useState } from 'react';
import { Alert, App, Button, Collapse, Descriptions, Empty, Form, Input, Modal, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InvestigationView, QuestionnaireView } from '@returntrace/domain';
import { problemText } from '../../../api/problem';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { acceptQuestionnaire, caseFileUrl, returnQuestionnaire, useRefreshCase, withdrawQuestionnaire } from '../api';
import { QnStateTag, vLabel } from '../labels';
import { AnswerView } from './AnswerView';
import { SendQuestionnaireModal } from './SendQuestionnaireModal';

/** 书面调查问卷: send, follow (due date, overdue, reminders), read the answer, accept / return / withdraw. */
export function QuestionnairesPanel({ view }: { view: InvestigationView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useRefreshCase(view.id);
  const [sending, setSending] = useState(false);
  const [returning, setReturning] = useState<QuestionnaireView | null>(null);
  const q = (k: string) => t(`inv.qn.${k}`);
  const canSend = view.allowedActions.includes('send_questionnaire');
  // one questionnaire at a time: the next one waits until the open one is accepted or withdrawn
  const openOne = view.questionnaires.some((x) => x.state === 'sent' || x.state === 'answered' || x.state === 'returned');

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(q(done));
      await refresh();
    } catch (e) {
      message.error(problemText(e));
    }
  };

  return (
    <div data-testid="inv-questionnaires">
      {canSend ? (
        view.enterprise ? (
          <Tooltip title={openOne ? q('oneOpen') : undefined}>
            <Button type="primary" icon={<SendOutlined />} disabled={openOne} onClick={() => setSending(true)} style={{ marginBottom: 12 }} data-testid="qn-send">{q('send')}</Button>
          </Tooltip>
        ) : <Alert type="info" showIcon title={q('needEnterprise')} style={{ marginBottom: 12 }} />
      ) : null}
      {view.questionnaires.length === 0 ? <Empty description={q('none')} /> : (
        <Collapse defaultActiveKey={view.questionnaires.filter((x) => x.state === 'answered').map((x) => x.id)}
          items={view.questionnaires.map((x) => ({
            key: x.id,
            label: (
              <Space wrap data-testid="qn-item" data-id={x.id}>
                <QnStateTag state={x.state} lang={lang} />
                <span>{q('dueOn')}: {x.dueOn}</span>
                {x.overdue ? <Tag color="error" data-testid="qn-overdue">{q('overdue')}</Tag> : null}
                {x.remindersSent > 0 ? <Tag>{t('inv.qn.reminders', { n: x.remindersSent })}</Tag> : null}
                <span style={{ color: '#888' }}>{q('sentAt')}: {fmtTime(x.sentAt)} · {x.sentBy}</span>
              </Space>
            ),
            extra: (
              <Space onClick={(e) => e.stopPropagation()}>
                {x.allowedActions.includes('accept') ? (
                  <Popconfirm title={`${q('accept')}?`} onConfirm={() => act(() => acceptQuestionnaire(x.id), 'accepted')}>
                    <Button size="small" type="primary" data-testid="qn-accept">{q('accept')}</Button>
                  </Popconfirm>
                ) : null}
                {x.allowedActions.includes('return') ? <Button size="small" danger onClick={() => setReturning(x)} data-testid="qn-return">{q('return')}</Button> : null}
                {x.allowedActions.includes('withdraw') ? (
                  <Popconfirm title={q('withdrawConfirm')} onConfirm={() => act(() => withdrawQuestionnaire(x.id), 'withdrawn')}>
                    <Button size="small" data-testid="qn-withdraw">{q('withdraw')}</Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
            children: (
              <>
                <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={q('sections')}>{x.sections.map((s) => <Tag key={s}>{vLabel('section', s)}</Tag>)}</Descriptions.Item>
                  {x.message ? <Descriptions.Item label={q('message')}><span style={{ whiteSpace: 'pre-wrap' }}>{x.message}</span></Descriptions.Item> : null}
                  {x.returnReason ? <Descriptions.Item label={q('returnReason')}>{x.returnReason}</Descriptions.Item> : null}
                  {x.answeredAt ? <Descriptions.Item label={q('answeredAt')}>{fmtTime(x.answeredAt)} · {x.answeredBy}</Descriptions.Item> : null}
                </Descriptions>
                <AnswerView q={x} fileUrl={(fileId) => caseFileUrl(view.id, fileId)} />
              </>
            ),
          }))} />
      )}
      {sending ? <SendQuestionnaireModal caseId={view.id} onClose={() => setSending(false)}
        onSent={async () => { setSending(false); message.success(q('sent')); await refresh(); }} /> : null}
      {returning ? <ReturnDialog onClose={() => setReturning(null)}
        onSubmit={async (reason) => { await act(() => returnQuestionnaire(returning.id, reason), 'returned'); setReturning(null); }} /> : null}
    </div>
  );
}

function ReturnDialog({ onClose, onSubmit }: { onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title={t('inv.qn.return')} onCancel={onClose} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'qn-return-ok' }}
      onOk={() => form.validateFields().then(async (v) => { setBusy(true); try { await onSubmit(v.reason.trim()); } finally { setBusy(false); } }, () => undefined)}>
      <Form form={form} layout="vertical" name="qnReturn">
        <Form.Item name="reason" label={t('inv.qn.returnReason')} rules={[{ required: true, whitespace: true, message: t('inv.act.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
