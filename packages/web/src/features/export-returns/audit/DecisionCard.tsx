import { useState } from 'react';
import { App, Button, Card, Form, Input, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { auditDecisionSchema, localizeIssues, type ExportReturnView } from '@returntrace/domain';
import { isApiError } from '../../../api/client';
import { applyFormErrors, problemText } from '../../../api/problem';
import { decide, ER_KEY, type AuditDecision } from '../api';
import { useLang } from '../../../i18n/labels';

interface Values {
  decision: 'approve' | 'reject';
  opinion?: string;
  reason?: string;
}

/** 审核通过 / 退单 of a declaration waiting for manual audit; offered when the record's allowedActions say so. */
export function DecisionCard({ record, reload }: { record: ExportReturnView; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const lang = useLang();
  const decision = Form.useWatch('decision', form);
  const offered = (['approve', 'reject'] as const).filter((a) => record.allowedActions.includes(a));
  if (offered.length === 0) return null;

  const toBody = (v: Values): AuditDecision => (v.decision === 'approve'
    ? { decision: 'approve', ...(v.opinion?.trim() ? { opinion: v.opinion.trim() } : {}) }
    : { decision: 'reject', reason: (v.reason ?? '').trim() });

  const send = async (body: AuditDecision) => {
    setBusy(true);
    try {
      const r = await decide(record.id, record.version, body);
      qc.setQueryData([...ER_KEY, 'detail', r.id], r);
      await Promise.all([
        qc.invalidateQueries({ queryKey: [...ER_KEY, 'audit-queue'] }),
        qc.invalidateQueries({ queryKey: [...ER_KEY, 'receipts', r.id] }),
        qc.invalidateQueries({ queryKey: [...ER_KEY, 'dashboard'] }),
      ]);
      message.success(r.returnNo ? t('er.a.approved', { no: r.returnNo }) : t('er.a.rejectedMsg'));
    } catch (e) {
      if (isApiError(e) && e.status === 412) {
        modal.confirm({ title: t('er.msg.staleTitle'), content: t('er.msg.stale'), okText: t('er.btn.reload'),
          cancelText: t('common.cancel'), onOk: async () => { await reload(); } });
      } else {
        applyFormErrors(form, e);
        message.error(problemText(e));
      }
    } finally {
      setBusy(false);
    }
  };

  // the decision is checked by the domain's schema (a rejection needs its reason) before asking for confirmation
  const confirm = (v: Values) => {
    const body = toBody(v);
    const parsed = auditDecisionSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(localizeIssues(parsed.error.issues).map((i) => ({
        name: i.field === 'reason' || i.field === 'opinion' ? i.field : 'decision',
        errors: [lang === 'zh' ? i.messageZh : i.message],
      })));
      return;
    }
    modal.confirm({
      title: v.decision === 'approve' ? t('er.a.confirmApprove') : t('er.a.confirmReject'),
      okText: v.decision === 'approve' ? t('er.a.approve') : t('er.a.reject'),
      okButtonProps: { danger: v.decision === 'reject' },
      cancelText: t('common.cancel'),
      onOk: () => send(body),
    });
  };

  return (
    <Card size="small" title={t('er.a.decision')} style={{ marginTop: 12 }} data-testid="er-decision">
      <Form<Values> form={form} layout="vertical" initialValues={{ decision: offered[0] }} onFinish={confirm} style={{ maxWidth: 720 }}>
        <Form.Item name="decision" label={t('er.a.decision')}>
          <Radio.Group>
            {offered.map((a) => <Radio key={a} value={a} data-testid={`er-decision-${a}`}>{t(`er.a.${a}`)}</Radio>)}
          </Radio.Group>
        </Form.Item>
        {decision === 'reject' ? (
          <Form.Item name="reason" label={t('er.a.reason')} required>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount data-testid="er-decision-reason" />
          </Form.Item>
        ) : (
          <Form.Item name="opinion" label={t('er.a.opinion')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount data-testid="er-decision-opinion" />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} danger={decision === 'reject'} data-testid="er-decision-submit">
            {decision === 'reject' ? t('er.a.reject') : t('er.a.approve')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
