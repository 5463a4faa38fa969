import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tooltip, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  INVESTIGATION_EVENTS, INVESTIGATION_TRANSITIONS, type InvestigationEvent, type InvestigationView,
} from '@returntrace/domain';
import { isApiError } from '../../../api/client';
import { problemText } from '../../../api/problem';
import { useCan } from '../../../api/session';
import { useLang } from '../../../i18n/labels';
import { transition, useAssignees, useRefreshCase } from '../api';
import { eventLabel } from '../labels';
import { showIssues, type useFindingsSave } from '../findings/FindingsForm';
import type { FindingsValues } from '../findings/values';

interface Props {
  view: InvestigationView;
  findingsForm: FormInstance<FindingsValues>;
  saver: ReturnType<typeof useFindingsSave>;
  /** brings the findings tab forward when the server names findings fields */
  showFindings: () => void;
}

const DANGER = new Set<InvestigationEvent>(['suspend', 'return_for_rework']);

/** The state changes the server allows the caller now (`allowedActions`), each with the input its event needs. */
export function ActionsBar({ view, findingsForm, saver, showFindings }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useRefreshCase(view.id);
  const [dialog, setDialog] = useState<InvestigationEvent | null>(null);
  const [busy, setBusy] = useState<InvestigationEvent | null>(null);
  const events = INVESTIGATION_EVENTS.filter((e) => view.allowedActions.includes(e));
  if (events.length === 0) return null;

  const run = async (event: InvestigationEvent, extra: { reason?: string; leadInvestigatorId?: string } = {}) => {
    setBusy(event);
    try {
      if (event === 'submit_findings' && view.allowedActions.includes('edit_findings')) {
        const saved = await saver.save(true);
        if (!saved) { showFindings(); return false; }
      }
      await transition(view.id, { event, ...extra });
      message.success(t('inv.act.done', { action: eventLabel(event, lang) }));
      await refresh();
      return true;
    } catch (e) {
      // a submission the server finds incomplete names the findings fields (e.g. integrity.misstatedReturnReason.found)
      if (event === 'submit_findings' && isApiError(e) && e.errors.length > 0) {
        showFindings();
        showIssues(findingsForm, e.errors, lang);
        message.error(t('inv.act.fixFindings'));
      } else {
        message.error(problemText(e));
      }
      return false;
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap data-testid="inv-actions">
      {events.map((e) => {
        const needsInput = INVESTIGATION_TRANSITIONS[e].needsReason || e === 'assign' || e === 'reassign';
        const btn = (
          <Button key={e} type={e === 'submit_findings' || e === 'close' || e === 'close_on_review' || e === 'review' ? 'primary' : 'default'}
            danger={DANGER.has(e)} loading={busy === e} data-testid={`inv-act-${e}`}
            onClick={needsInput ? () => setDialog(e) : undefined}>
            {eventLabel(e, lang)}
          </Button>
        );
        if (needsInput) return btn;
        return (
          <Popconfirm key={e} title={t('inv.act.confirm', { action: eventLabel(e, lang) })} onConfirm={() => run(e)}
            okButtonProps={{ 'data-testid': 'inv-act-confirm' }}>
            {e === 'submit_findings' ? <Tooltip title={t('inv.act.submitHint')}>{btn}</Tooltip> : btn}
          </Popconfirm>
        );
      })}
      {dialog ? (
        <TransitionDialog event={dialog} view={view} onCancel={() => setDialog(null)}
          onSubmit={async (extra) => { if (await run(dialog, extra)) setDialog(null); }} busy={busy === dialog} />
      ) : null}
    </Space>
  );
}

interface DialogValues { reason?: string; leadInvestigatorId?: string }

/** Reason and/or lead investigator for the events that need them. */
function TransitionDialog({ event, view, onCancel, onSubmit, busy }: {
  event: InvestigationEvent; view: InvestigationView; busy: boolean;
  onCancel: () => void; onSubmit: (v: DialogValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [form] = Form.useForm<DialogValues>();
  const needsLead = event === 'assign' || event === 'reassign';
  const assignees = useAssignees(view.id, view.investigatingOrg.id, needsLead, can('users.read'));
  const a = (k: string) => t(`inv.act.${k}`);
  return (
    <Modal open title={eventLabel(event, lang)} onCancel={onCancel} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'inv-dialog-ok' }}
      onOk={() => form.validateFields().then((v) => onSubmit({ ...v, reason: v.reason?.trim() || undefined }), () => undefined)}>
      <Form<DialogValues> form={form} layout="vertical" name="transition"
        initialValues={{ leadInvestigatorId: view.leadInvestigator?.id }}>
        {needsLead ? (
          assignees.data ? (
            <Form.Item name="leadInvestigatorId" label={a('lead')} rules={[{ required: true, message: a('leadRequired') }]}>
              <Select showSearch optionFilterProp="label" loading={assignees.isLoading} data-testid="inv-lead-select"
                options={assignees.data.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))} />
            </Form.Item>
          ) : (
            <Form.Item name="leadInvestigatorId" label={a('leadId')}
              rules={[{ required: true, message: a('leadRequired') }, { pattern: /^[0-9a-f-]{36}$/i, message: a('leadIdPh') }]}>
              <Input placeholder={a('leadIdPh')} disabled={assignees.isLoading} />
            </Form.Item>
          )
        ) : null}
        {INVESTIGATION_TRANSITIONS[event].needsReason ? (
          <Form.Item name="reason" label={a('reason')} rules={[{ required: true, whitespace: true, message: a('reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
