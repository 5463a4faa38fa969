import { useState } from 'react';
import { Button, Drawer, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskInfoView } from '@returntrace/domain';
import { ProblemAlert } from '../../../components/QueryState';
import { updateRiskInfo } from '../api';
import { RecordFields } from '../form/RecordFields';
import { clearChangedErrors, updateInput, valuesOf, type RecordValues } from '../form/values';
import { useRecordAction } from './useRecordAction';
import { useFormProblems } from '../../../components/useFormProblems';

/** 修改采集表: the whole record in a drawer, saved with If-Match so a concurrent change is not overwritten. */
export function EditDrawer({ record, reload, onClose }: { record: RiskInfoView; reload: () => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RecordValues>();
  const { error, fail, clear, alertExtra } = useFormProblems(form);
  const [busy, setBusy] = useState(false);
  const run = useRecordAction(record, reload);


  const save = async (values: RecordValues) => {
    clear();
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
      <ProblemAlert error={error} extra={alertExtra} />
      <Form<RecordValues> form={form} layout="vertical" initialValues={valuesOf(record)} onFinish={save}
        onValuesChange={(changed) => clearChangedErrors(form, changed)} scrollToFirstError>
        <RecordFields withSource={false} proposedOrg={record.collection.proposedInvestigatingOrg} />
      </Form>
    </Drawer>
  );
}
