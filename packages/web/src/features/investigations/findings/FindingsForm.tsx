import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, type FormInstance } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { InvestigationView, LocalizedIssue } from '@returntrace/domain';
import { isApiError } from '../../../api/client';
import { applyFormErrors, fieldMessage, problemText } from '../../../api/problem';
import { ProblemAlert } from '../../../components/QueryState';
import { useLang } from '../../../i18n/labels';
import { INV_KEY, saveFindings } from '../api';
import { fromFormValues, toFormValues, type FindingsValues } from './values';
import { ReturnReasonGroup } from './ReturnReasonGroup';
import { InspectionsGroup } from './InspectionsGroup';
import { QualitySystemGroup } from './QualitySystemGroup';
import { IntegrityGroup } from './IntegrityGroup';
import { GoodsFlowGroup } from './GoodsFlowGroup';
import { OtherCircumstancesGroup } from './OtherCircumstancesGroup';
import { CorrectiveActionsGroup } from './CorrectiveActionsGroup';

const toName = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Puts localised issues (from the domain schema or the server) onto the findings form. */
export function showIssues(form: FormInstance<FindingsValues>, issues: Pick<LocalizedIssue, 'field' | 'message' | 'messageZh'>[], lang: 'zh' | 'en') {
  form.setFields(issues.map((i) => ({ name: toName(i.field) as never, errors: [lang === 'zh' ? i.messageZh : i.message] })));
  if (issues[0]) form.scrollToField(toName(issues[0].field) as never, { block: 'center' });
}

/**
 * Saves the draft (PUT /findings with If-Match: findingsVersion) after the domain schema accepted it. Resolves to
 * false when nothing was saved; the reason is shown on the fields or in `error`.
 */
export function useFindingsSave(view: InvestigationView, form: FormInstance<FindingsValues>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lang = useLang();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<{ field: string; text: string }[]>([]);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async (quiet = false): Promise<boolean> => {
    setError(null); setUnmatched([]);
    const parsed = fromFormValues(form.getFieldsValue(true) as FindingsValues);
    if (!parsed.ok) {
      showIssues(form, parsed.issues, lang);
      message.error(t('inv.f.fix'));
      return false;
    }
    setSaving(true);
    try {
      const next = await saveFindings(view.id, view.findingsVersion, parsed.findings);
      if (next && typeof next === 'object' && 'findingsVersion' in next) qc.setQueryData([...INV_KEY, 'detail', view.id], next);
      else await qc.invalidateQueries({ queryKey: [...INV_KEY, 'detail', view.id] });
      if (!quiet) message.success(t('inv.f.saved'));
      return true;
    } catch (e) {
      if (isApiError(e) && (e.status === 412 || e.status === 409)) { setStale(true); return false; }
      setError(e);
      setUnmatched(applyFormErrors(form, e).map((fe) => ({ field: fe.field, text: fieldMessage(fe) })));
      if (!isApiError(e) || e.errors.length === 0) message.error(problemText(e));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { save, saving, error, unmatched, stale, clearStale: () => setStale(false) };
}

interface Props {
  view: InvestigationView;
  form: FormInstance<FindingsValues>;
  saver: ReturnType<typeof useFindingsSave>;
}

/** 调查要素 (000 §3.4) organised by its groups; read-only unless the caller may edit the findings now. */
export function FindingsForm({ view, form, saver }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const editable = view.allowedActions.includes('edit_findings');

  // the form follows the saved draft whenever the server's findings change (save, accepted questionnaire, reload)
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormValues(view.findings));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.id, view.findingsVersion]);

  const reload = async () => {
    saver.clearStale();
    await qc.invalidateQueries({ queryKey: [...INV_KEY, 'detail', view.id] });
  };

  return (
    <div data-testid="findings-form">
      {saver.stale ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('inv.f.stale')} data-testid="findings-stale"
          action={<Button size="small" onClick={() => void reload()}>{t('inv.f.reload')}</Button>} />
      ) : null}
      {!editable ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="findings-readonly"
          title={view.access === 'read' ? t('inv.head.readOnly') : t('inv.f.locked')} />
      ) : null}
      <ProblemAlert error={saver.error} extra={saver.unmatched} />
      <Form<FindingsValues> form={form} layout="vertical" disabled={!editable} name="findings" scrollToFirstError>
        <ReturnReasonGroup />
        <InspectionsGroup editable={editable} />
        <QualitySystemGroup />
        <IntegrityGroup />
        <GoodsFlowGroup check={view.disposalCheck} />
        <OtherCircumstancesGroup />
        <CorrectiveActionsGroup editable={editable} />
        <Card size="small" className="rt-inv-group" title={t('inv.f.g.summary')} data-testid="fg-summary">
          <Form.Item name="summary" label={t('inv.f.summary')}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        </Card>
      </Form>
      {editable ? (
        <Space>
          <Button type="primary" icon={<SaveOutlined />} loading={saver.saving} onClick={() => void saver.save()} data-testid="findings-save">
            {t('inv.f.save')}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}
