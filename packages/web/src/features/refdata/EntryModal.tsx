import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { post, put, type FieldError } from '../../api/client';
import { applyFormErrors, fieldMessage } from '../../api/problem';
import { ProblemAlert } from '../../components/QueryState';
import { labelOf, useLang } from '../../i18n/labels';
import type { Dataset, DatasetColumn, Entry } from './api';

type Kind = 'text' | 'nullableText' | 'integer' | 'boolean';

/** Column type: the server's, else what the existing rows hold. */
export function columnKind(col: DatasetColumn, sample: Entry[]): Kind {
  if (col.type) return col.type;
  const v = sample.map((r) => r[col.field]).find((x) => x !== null && x !== undefined);
  return typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'integer' : 'nullableText';
}

/** Add / edit one entry; the form is generated from the dataset's columns and the server validates. */
export function EntryModal({ dataset, entry, sample, open, onClose }: {
  dataset: Dataset; entry: Entry | null; sample: Entry[]; open: boolean; onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Entry>();
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const editing = !!entry;

  useEffect(() => {
    if (!open) return;
    setError(null);
    setUnmatched([]);
    form.resetFields();
    if (entry) form.setFieldsValue(entry);
  }, [open, entry, form]);

  const save = async (values: Entry) => {
    setBusy(true);
    setError(null);
    const body: Entry = {};
    for (const col of dataset.columns) {
      const v = values[col.field];
      const kind = columnKind(col, sample);
      if (kind === 'boolean') body[col.field] = !!v;
      else if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) body[col.field] = kind === 'text' ? '' : null;
      else body[col.field] = typeof v === 'string' ? v.trim() : v;
    }
    try {
      if (editing) {
        const key = String(entry[dataset.key]);
        await put(`/refdata/${dataset.id}/${encodeURIComponent(key)}`, body);
      } else {
        await post(`/refdata/${dataset.id}`, body);
      }
      message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['refdata'] });
      onClose();
    } catch (e) {
      setUnmatched(applyFormErrors(form, e));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`${editing ? t('refdata.edit') : t('refdata.add')} · ${labelOf(dataset, lang)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'entry-save' } as Record<string, string>}
    >
      <ProblemAlert error={error} extra={unmatched.map((u) => ({ field: u.field, text: fieldMessage(u) }))} />
      <Form form={form} name="entry" layout="vertical" onFinish={save} data-testid="entry-form">
        {dataset.columns.map((col, i) => {
          const kind = columnKind(col, sample);
          const isKey = col.field === dataset.key;
          return (
            <Form.Item
              key={col.field}
              name={col.field}
              label={labelOf(col, lang)}
              valuePropName={kind === 'boolean' ? 'checked' : 'value'}
              rules={isKey || kind === 'text' ? [{ required: true, message: t('common.required', { field: labelOf(col, lang) }) }] : undefined}
            >
              {kind === 'boolean' ? <Switch />
                : kind === 'integer' ? <InputNumber style={{ width: '100%' }} precision={0} />
                : <Input disabled={editing && isKey} autoFocus={i === 0 && !editing} className={isKey ? 'rt-mono' : undefined} />}
            </Form.Item>
          );
        })}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
