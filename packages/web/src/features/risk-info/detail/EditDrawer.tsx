import { useState } from 'react';
import { Button, Drawer, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskInfoView } from '@returntrace/domain';
import { isApiError, type FieldError } from '../../../api/client';
import { applyFormErrors, fieldMessage } from '../../../api/problem';
import { ProblemAlert } from '../../../components/QueryState';
import { updateRiskInfo } from '../api';
import { RecordFields } from '../form/RecordFields';
import { clearChangedErrors, updateInput, valuesOf, type RecordValues } from '../form/values';
import { useRecordAction } from './useRecordAction';

/** 修改采集表: the whole record in a drawer, saved with If-Match so a concurrent change is not overwritten. */
export function EditDrawer({ record, reload, onClose }: { record: RiskInfoView; reload: () => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecordValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const run = useRecordAction(record, reload);

  // field errors go beside their inputs; the alert is for the rest
  const fail = (e: unknown) => {
    const rest = applyFormErrors(form, e);
    setUnmatched(rest);
    setError(isApiError(e) && e.errors.length > 0 && rest.length === 0 ? null : e);
  };

  const save = async (values: RecordValues) => {
    setError(null);
    setUnmatched([]);
    const checked = updateInput(values);
    if (!checked.ok) {
      fail(checked.problem);
      return;
    }
    setBusy(true);
    try {
      await run('edit', () => updateRiskInfo(record.id, record.version, checked.input));
      onClose();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open title={`${t('ri.act.edit')} · ${record.infoNo}`} onClose={onClose} size={1100}
      destroyOnHidden data-testid="ri-edit-drawer"
      extra={(
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="ri-edit-save">{t('common.save')}</Button>
        </Space>
      )}>
      <ProblemAlert error={error} extra={unmatched.map((u) => ({ field: u.field, text: fieldMessage(u) }))} />
      <Form<RecordValues> form={form} layout="vertical" initialValues={valuesOf(record)} onFinish={save}
        onValuesChange={(changed) => clearChangedErrors(form, changed)} scrollToFirstError>
        <RecordFields withSource={false} proposedOrg={record.collection.proposedInvestigatingOrg} />
      </Form>
    </Drawer>
  );
}
