import { useState } from 'react';
import { Alert, App, Button, Form, Input, List, Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InvestigationView } from '@returntrace/domain';
import { problemText } from '../../../api/problem';
import { fmtTime } from '../../../i18n/format';
import { addNote, useRefreshCase } from '../api';

/** 内部备注: seen by customs and collaborating bodies only; the enterprise's portal never receives them. */
export function NotesPanel({ view }: { view: InvestigationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCase(view.id);
  const [form] = Form.useForm<{ body: string }>();
  const [busy, setBusy] = useState(false);
  const n = (k: string) => t(`inv.note.${k}`);

  const submit = async ({ body }: { body: string }) => {
    setBusy(true);
    try {
      await addNote(view.id, body.trim());
      form.resetFields();
      message.success(n('added'));
      await refresh();
    } catch (e) {
      form.setFields([{ name: 'body', errors: [problemText(e)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="inv-notes">
      <Alert type="warning" showIcon icon={<LockOutlined />} title={<><Tag color="orange">{n('internal')}</Tag>{n('hint')}</>} style={{ marginBottom: 12 }} />
      {view.allowedActions.includes('add_note') ? (
        <Form form={form} layout="vertical" name="note" onFinish={(v) => void submit(v)}>
          <Form.Item name="body" label={`${n('body')} (${n('internal')})`} rules={[{ required: true, whitespace: true, message: t('common.required', { field: n('body') }) }]}>
            <Input.TextArea rows={3} maxLength={3000} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="inv-note-add" style={{ marginBottom: 12 }}>{n('add')}</Button>
        </Form>
      ) : null}
      <List size="small" dataSource={view.notes} locale={{ emptyText: t('common.empty') }}
        renderItem={(note) => (
          <div className="rt-inv-internal" data-testid="inv-note">
            <div><Tag color="orange">{n('internal')}</Tag><b>{note.by}</b> · {fmtTime(note.at)}</div>
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{note.body}</div>
          </div>
        )} />
    </div>
  );
}
