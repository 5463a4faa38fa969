import { useState } from 'react';
import { App, Button, Card, Flex, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ProblemAlert } from '../../components/QueryState';
import { useLeavePage } from '../../components/layout/tabs';
import { createRiskInfo, RI_KEY } from './api';
import { RecordFields } from './form/RecordFields';
import { clearChangedErrors, createInput, emptyValues, type RecordValues } from './form/values';
import './i18n';
import { useFormProblems } from '../../components/useFormProblems';

/**
 * /risk-info/new: a record entered by hand for any manual source. The shared schema checks the input first; the
 * server's field errors land beside the same inputs. A duplicate import declaration opens the existing record.
 */
export default function NewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const leave = useLeavePage();
  const qc = useQueryClient();
  const [form] = Form.useForm<RecordValues>();
  const { error, fail, clear, alertExtra } = useFormProblems(form);
  const [busy, setBusy] = useState(false);


  const save = async (values: RecordValues) => {
    clear();
    const checked = createInput(values);
    if (!checked.ok) {
      fail(checked.problem);
      message.error(t('ri.new.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const r = await createRiskInfo(checked.input);
      await qc.invalidateQueries({ queryKey: [...RI_KEY, 'list'] });
      qc.setQueryData([...RI_KEY, 'detail', r.record.id], r.record);
      // a duplicate opens the existing record, which says so in a banner
      if (!r.duplicate) message.success(t('ri.new.created', { no: r.record.infoNo }));
      // the form's tab closes; Back does not return to a filled form
      leave(`/risk-info/${r.record.id}${r.duplicate ? '?duplicate=1' : ''}`, { replace: true });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="rt-page" title={t('ri.new.title')} data-testid="ri-new-page">
      <ProblemAlert error={error} extra={alertExtra} />
      <Form<RecordValues> form={form} layout="vertical" initialValues={emptyValues()} onFinish={save}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        scrollToFirstError style={{ maxWidth: 1200 }}>
        <RecordFields withSource />
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Space>
            <Button onClick={() => leave('/risk-info')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="ri-save">{t('common.save')}</Button>
          </Space>
        </Flex>
      </Form>
    </Card>
  );
}
