import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Radio, Table, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { problemText } from '../../api/problem';
import { labelOf, useLang } from '../../i18n/labels';
import type { Dataset } from './api';
import { SpreadsheetPicker } from '../../components/SpreadsheetPicker';

interface RowError {
  key: number;
  row: string;
  field: string;
  message: string;
}

/** Import errors name the row and the field: `row` member, or a field path like `rows.12.code` / `12.code`. */
function rowErrors(e: ApiError, zh: boolean): RowError[] {
  const raw = Array.isArray(e.body.errors) ? (e.body.errors as Record<string, unknown>[]) : [];
  return raw.map((x, i) => {
    const field = typeof x.field === 'string' ? x.field : '';
    const m = /^(?:rows?\.)?(\d+)\.(.+)$/.exec(field);
    const row = x.row !== undefined && x.row !== null ? String(x.row) : m ? m[1]! : '';
    const msg = zh ? (x.messageZh ?? x.message) : (x.message ?? x.messageZh);
    return { key: i, row, field: m && x.row === undefined ? m[2]! : field, message: typeof msg === 'string' ? msg : '' };
  });
}

function summary(res: unknown): string {
  if (!res || typeof res !== 'object') return '';
  return Object.entries(res as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

export function ImportModal({ dataset, open, onClose }: { dataset: Dataset; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [mode, setMode] = useState<'upsert' | 'replace'>('upsert');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) { setFiles([]); setMode('upsert'); setError(null); }
  }, [open]);

  const submit = async () => {
    const file = files[0]?.originFileObj;
    if (!file) { setError(new Error(t('refdata.fileRequired'))); return; }
    setBusy(true);
    setError(null);
    const fd = new FormData();
    fd.append('mode', mode); // before the file: streaming multipart parsers see fields in order
    fd.append('file', file, file.name);
    try {
      const res = await api(`/refdata/${dataset.id}/import`, { method: 'POST', body: fd });
      message.success(t('refdata.importDone', { summary: summary(res) }));
      await qc.invalidateQueries({ queryKey: ['refdata'] });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const errs = error instanceof ApiError ? rowErrors(error, lang === 'zh') : [];

  return (
    <Modal
      open={open}
      width={720}
      title={t('refdata.importTitle', { name: labelOf(dataset, lang) })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('refdata.import')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'import-submit' } as Record<string, string>}
    >
      <Form layout="vertical" name="import">
        <Form.Item label={t('refdata.mode')}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'upsert' | 'replace')}
            options={[{ value: 'upsert', label: t('refdata.upsert') }, { value: 'replace', label: t('refdata.replace') }]} />
        </Form.Item>
        {mode === 'replace' ? <Alert type="warning" showIcon title={t('refdata.replaceWarn')} style={{ marginBottom: 16 }} /> : null}
        <Form.Item label={t('refdata.file')} required>
          <SpreadsheetPicker files={files} onChange={(f) => { setFiles(f); setError(null); }} label={t('refdata.selectFile')} testId="import-upload" />
        </Form.Item>
      </Form>
      {error ? (
        <div data-testid="import-errors">
          <Alert type="error" showIcon style={{ marginBottom: 8 }}
            title={errs.length ? t('refdata.importErrors') : problemText(error)}
            description={errs.length ? problemText(error) : undefined} />
          {errs.length ? (
            <Table<RowError>
              size="small"
              rowKey="key"
              dataSource={errs}
              pagination={errs.length > 10 ? { pageSize: 10, showTotal: (n) => t('common.total', { total: n }) } : false}
              columns={[
                { title: t('refdata.row'), dataIndex: 'row', width: 80 },
                { title: t('refdata.field'), dataIndex: 'field', width: 160 },
                { title: t('refdata.message'), dataIndex: 'message' },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
