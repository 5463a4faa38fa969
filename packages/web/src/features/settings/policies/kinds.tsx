/**
 * What the policy versions page knows about each policy kind: the form fields of its body, how form values become a
 * body and back, how a server error's field maps onto the form, and the columns summarising a version.
 */
import type { ReactNode } from 'react';
import { Form, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import {
  CUSTOMS_RULES, DEFAULT_EXPORT_RETURN_AUDIT_POLICY, DEFAULT_INVESTIGATION_TYPE_POLICY, EXPORT_RETURN_AUDIT_POLICY_KIND,
  INVESTIGATION_TYPE_LABELS, INVESTIGATION_TYPE_POLICY_KIND, INVESTIGATION_TYPES,
  type ExportReturnAuditPolicy, type InvestigationTypePolicy, type PolicyKind,
} from '@returntrace/domain';

export type Lang = 'zh' | 'en';
export type FormValues = Record<string, unknown> & { jurisdictionId?: string; effectiveFrom?: string; note?: string };

export interface PolicyKindUi {
  kind: PolicyKind;
  /** antd form name (ids of its fields) and prefix of test ids; distinct per kind since several tabs stay mounted */
  formName: string;
  defaults: () => FormValues;
  fromBody: (body: Record<string, unknown>) => FormValues;
  toBody: (values: FormValues) => Record<string, unknown>;
  /** a server error field (`body.…`) as the form's name path */
  formField: (field: string) => string;
  Fields: (props: { t: TFunction; lang: Lang }) => ReactNode;
  columns: (t: TFunction, lang: Lang) => { key: string; title: string; render: (body: Record<string, unknown>) => ReactNode }[];
}

const SWITCHABLE = CUSTOMS_RULES.filter((r) => r.switchable);

const auditPolicy: PolicyKindUi = {
  kind: EXPORT_RETURN_AUDIT_POLICY_KIND,
  formName: 'policy',
  defaults: () => auditPolicy.fromBody(DEFAULT_EXPORT_RETURN_AUDIT_POLICY as unknown as Record<string, unknown>),
  fromBody: (b) => {
    const p = b as unknown as ExportReturnAuditPolicy;
    return { rules: { ...DEFAULT_EXPORT_RETURN_AUDIT_POLICY.rules, ...p.rules }, overdueDays: p.overdueDays, overdueUnit: p.overdueUnit };
  },
  toBody: (v) => ({ rules: v.rules, overdueDays: v.overdueDays, overdueUnit: v.overdueUnit }),
  formField: (f) => f.replace(/^body\./, ''),
  Fields: ({ t, lang }) => (
    <>
      {SWITCHABLE.map((rule) => (
        <Form.Item key={rule.id} name={['rules', rule.id]} label={rule.reason[lang]} valuePropName="checked">
          <Switch />
        </Form.Item>
      ))}
      <Space>
        <Form.Item name="overdueDays" label={t('policies.overdue')} rules={[{ required: true, message: t('common.required', { field: t('policies.overdue') }) }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="overdueUnit" label={t('policies.unitLabel')}>
          <Select style={{ width: 160 }} options={(['working', 'calendar'] as const).map((u) => ({ value: u, label: t(`policies.unit.${u}`) }))} />
        </Form.Item>
      </Space>
    </>
  ),
  columns: (t, lang) => [
    {
      key: 'rules', title: t('policies.rules'),
      render: (b) => SWITCHABLE.filter((rule) => (b as unknown as ExportReturnAuditPolicy).rules?.[rule.id]).map((rule) => <Tag key={rule.id}>{rule.reason[lang]}</Tag>),
    },
    {
      key: 'overdue', title: t('policies.overdue'),
      render: (b) => { const p = b as unknown as ExportReturnAuditPolicy; return `${p.overdueDays} ${t(`policies.unit.${p.overdueUnit}`)}`; },
    },
  ],
};

const usd = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const typeLabel = (lang: Lang, type: string) => {
  const l = INVESTIGATION_TYPE_LABELS[type as keyof typeof INVESTIGATION_TYPE_LABELS];
  return l ? (lang === 'en' ? `${l.en} (${l.zh})` : l.zh) : type;
};

function InvestigationTypeFields({ t, lang }: { t: TFunction; lang: Lang }) {
  const req = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const days = (name: (string | number)[], label: string, min = 1, max = 365) => (
    <Form.Item name={['body', ...name]} label={label} rules={req(label)}>
      <InputNumber min={min} max={max} precision={0} style={{ width: 120 }} />
    </Form.Item>
  );
  return (
    <>
      <div><Typography.Text strong>{t('pol.it.band')}</Typography.Text></div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('pol.it.bandHint')}</Typography.Paragraph>
      <Space wrap>
        {(['lower', 'upper'] as const).map((k) => (
          <Form.Item key={k} name={['body', 'writtenBandUsd', k]} label={t(`pol.it.${k}`)} rules={req(t(`pol.it.${k}`))}>
            <InputNumber min={0} max={1e12} precision={2} step={1000} prefix="USD" style={{ width: 200 }} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name={['body', 'aboveBand']} label={t('pol.it.aboveBand')} extra={t('pol.it.aboveBandHint')} rules={req(t('pol.it.aboveBand'))}>
        <Select style={{ width: 280 }} options={INVESTIGATION_TYPES.map((v) => ({ value: v, label: typeLabel(lang, v) }))} />
      </Form.Item>
      <Form.Item name={['body', 'higherRiskOnSite']} label={t('pol.it.higherRisk')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <div><Typography.Text strong>{t('pol.it.deadlines')}</Typography.Text></div>
      <Space wrap style={{ marginTop: 8 }}>
        {INVESTIGATION_TYPES.map((type) => <span key={type}>{days(['deadlineDays', type], typeLabel(lang, type))}</span>)}
      </Space>
      <div><Typography.Text strong>{t('pol.it.questionnaire')}</Typography.Text></div>
      <Space wrap style={{ marginTop: 8 }}>
        {days(['questionnaire', 'answerDays'], t('pol.it.answerDays'))}
        {days(['questionnaire', 'reminderDaysBefore'], t('pol.it.reminderDays'), 0, 60)}
      </Space>
    </>
  );
}

const investigationTypePolicy: PolicyKindUi = {
  kind: INVESTIGATION_TYPE_POLICY_KIND,
  formName: 'itpolicy',
  defaults: () => ({ body: structuredClone(DEFAULT_INVESTIGATION_TYPE_POLICY) }),
  fromBody: (b) => ({ body: structuredClone(b) }),
  toBody: (v) => v.body as Record<string, unknown>,
  formField: (f) => f,
  Fields: InvestigationTypeFields,
  columns: (t, lang) => [
    { key: 'band', title: t('pol.it.band'), render: (b) => { const p = b as unknown as InvestigationTypePolicy; return `${usd(p.writtenBandUsd.lower)} – ${usd(p.writtenBandUsd.upper)}`; } },
    { key: 'above', title: t('pol.it.aboveBand'), render: (b) => typeLabel(lang, (b as unknown as InvestigationTypePolicy).aboveBand) },
    { key: 'risk', title: t('pol.it.higherRiskShort'), render: (b) => t((b as unknown as InvestigationTypePolicy).higherRiskOnSite ? 'pol.it.on' : 'pol.it.off') },
    { key: 'deadlines', title: t('pol.it.deadlines'), render: (b) => t('pol.it.deadlineCell', { ...(b as unknown as InvestigationTypePolicy).deadlineDays }) },
    {
      key: 'questionnaire', title: t('pol.it.questionnaire'),
      render: (b) => { const q = (b as unknown as InvestigationTypePolicy).questionnaire; return t('pol.it.questionnaireCell', { answer: q.answerDays, reminder: q.reminderDaysBefore }); },
    },
  ],
};

export const POLICY_KIND_UIS: readonly PolicyKindUi[] = [auditPolicy, investigationTypePolicy];
