import { useState } from 'react';
import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import {
  crimeLeadSchema, investigationTypeOverrideSchema, riskInfoReasonSchema, riskInfoReviewSchema, riskInfoTransferSchema,
  localizeIssues, INVESTIGATION_TYPES, type RiskInfoView,
} from '@returntrace/domain';
import { ApiError } from '../../../api/client';
import { ProblemAlert } from '../../../components/QueryState';
import { useLang } from '../../../i18n/labels';
import { act, type ActionPath } from '../api';
import { TargetOrgSelect } from '../form/pickers';
import { typeLabel } from '../labels';
import { useRecordAction } from './useRecordAction';
import { useFormProblems } from '../../../components/useFormProblems';

export type ModalKind = 'review' | 'dismiss' | 'reopen' | 'decline' | 'transfer' | 'override_type' | 'mark_crime_lead';

interface Spec {
  path: ActionPath;
  schema: z.ZodType;
  toBody: (v: Record<string, unknown>) => unknown;
}

const trim = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const opt = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const SPECS: Record<ModalKind, Spec> = {
  review: { path: 'review', schema: riskInfoReviewSchema, toBody: (v) => ({ opinion: trim(v.opinion) ?? '' }) },
  dismiss: { path: 'dismiss', schema: riskInfoReasonSchema, toBody: (v) => ({ reason: trim(v.reason) ?? '' }) },
  reopen: { path: 'reopen', schema: riskInfoReasonSchema, toBody: (v) => ({ reason: trim(v.reason) ?? '' }) },
  decline: { path: 'decline', schema: riskInfoReasonSchema, toBody: (v) => ({ reason: trim(v.reason) ?? '' }) },
  transfer: {
    path: 'transfer', schema: riskInfoTransferSchema,
    toBody: (v) => ({ toOrgId: v.toOrgId ?? '', contactName: opt(v.contactName), contactPhone: opt(v.contactPhone), note: trim(v.note) ?? '' }),
  },
  override_type: { path: 'type-override', schema: investigationTypeOverrideSchema, toBody: (v) => ({ type: v.type, reason: trim(v.reason) ?? '' }) },
  mark_crime_lead: { path: 'crime-lead', schema: crimeLeadSchema, toBody: (v) => ({ crimeLead: true, note: trim(v.note) ?? '' }) },
};

/** One action of a record that needs input (opinion, reason, target organisation, type), checked by its schema. */
export function ActionModal({ kind, record, reload, onClose }: {
  kind: ModalKind; record: RiskInfoView; reload: () => Promise<unknown>; onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Record<string, unknown>>();
  const { error, fail, clear, alertExtra } = useFormProblems(form);
  const [busy, setBusy] = useState(false);
  const run = useRecordAction(record, reload);
  const navigate = useNavigate();
  const spec = SPECS[kind];
  const m = (k: string) => t(`ri.m.${k}`);


  const submit = async () => {
    clear();
    const body = spec.toBody(form.getFieldsValue(true));
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      fail(new ApiError(400, { title: 'Validation failed', titleZh: '数据校验未通过', errors: localizeIssues(parsed.error.issues) }));
      return;
    }
    setBusy(true);
    try {
      // the body is the schema's own output for this path; a stale version reloads the page, so close either way
      const done = await run(kind, () => act(record, spec.path, parsed.data as never));
      onClose();
      // a declining body no longer sees the record: back to its incoming box
      if (done && kind === 'decline') navigate('/risk-info?box=incoming');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: string, label: string, required: boolean, max = 1000) => (
    <Form.Item name={name} label={label} required={required}>
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={max} showCount data-testid={`ri-m-${name}`} />
    </Form.Item>
  );

  const c = record.collection;
  return (
    <Modal open title={kind === 'override_type' ? t('ri.act.override_type') : t(`ri.act.${kind}`)} onCancel={onClose}
      onOk={() => void submit()} confirmLoading={busy} okText={t('common.confirm')} cancelText={t('common.cancel')}
      okButtonProps={{ danger: kind === 'dismiss' || kind === 'decline' }}
      destroyOnHidden width={640}
      // the dialog's own root has no box of its own (its children are fixed), so the test id goes on the panel
      modalRender={(node) => <div data-testid={`ri-modal-${kind}`}>{node}</div>}>
      <ProblemAlert error={error} extra={alertExtra} />
      <Form form={form} layout="vertical" preserve={false} initialValues={kind === 'transfer' ? {
        toOrgId: c.proposedInvestigatingOrg?.id, contactName: c.contactName, contactPhone: c.contactPhone, note: '',
      } : kind === 'override_type' ? { type: record.typeDecision?.type } : {}}>
        {kind === 'review' ? text('opinion', m('opinion'), true) : null}
        {kind === 'dismiss' || kind === 'reopen' || kind === 'decline' ? text('reason', m('reason'), true) : null}
        {kind === 'transfer' ? (
          <>
            <Form.Item name="toOrgId" label={m('toOrg')} required>
              <TargetOrgSelect placeholder={m('orgPh')} current={c.proposedInvestigatingOrg} data-testid="ri-m-to-org" />
            </Form.Item>
            <Form.Item name="contactName" label={t('ri.f.contactName')}><Input maxLength={50} data-testid="ri-m-contact" /></Form.Item>
            <Form.Item name="contactPhone" label={t('ri.f.contactPhone')}><Input maxLength={40} data-testid="ri-m-phone" /></Form.Item>
            {text('note', m('note'), false)}
          </>
        ) : null}
        {kind === 'override_type' ? (
          <>
            <Form.Item name="type" label={m('type')} required>
              <Radio.Group data-testid="ri-m-type">
                {INVESTIGATION_TYPES.map((ty) => <Radio key={ty} value={ty} data-testid={`ri-m-type-${ty}`}>{typeLabel(ty, lang)}</Radio>)}
              </Radio.Group>
            </Form.Item>
            {text('reason', m('reason'), true)}
          </>
        ) : null}
        {kind === 'mark_crime_lead' ? text('note', m('crimeNote'), true) : null}
      </Form>
    </Modal>
  );
}
