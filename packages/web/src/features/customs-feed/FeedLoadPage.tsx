import { useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Space, Table, type UploadFile } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { FeedLoadResult, FeedLoadRow, FeedRowError } from '@returntrace/domain';
import { api, ApiError } from '../../api/client';
import { problemText } from '../../api/problem';
import { LoadError } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { useLang } from '../../i18n/labels';
import { templateUrl, useLoads } from './api';
import './i18n';
import { SpreadsheetPicker } from '../../components/SpreadsheetPicker';

type ErrorRow = Pick<FeedRowError, 'row' | 'column' | 'cell'> & { key: number; message: string };

/** Upload errors carry the spreadsheet row, the column as written in the file and the cell. */
function rowErrors(e: ApiError, zh: boolean): ErrorRow[] {
  const raw = Array.isArray(e.body.errors) ? (e.body.errors as Partial<FeedRowError>[]) : [];
  return raw.map((x, i) => ({
    key: i, row: Number(x.row ?? 0), column: x.column || x.field || '', cell: x.cell ?? '',
    message: (zh ? x.messageZh ?? x.message : x.message ?? x.messageZh) ?? '',
  }));
}

function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** 报关单数据装载: spreadsheet upload, templates and load history, for General Administration administrators. */
export default function FeedLoadPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { page, pageSize, pagination } = useListParams([] as const);
  const loads = useLoads(page, pageSize);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setError(new Error(t('cf.load.fileRequired')));
      return;
    }
    setBusy(true);
    setError(null);
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      const res = await api<FeedLoadResult>('/customs-declarations/upload', { method: 'POST', body: fd });
      message.success(t('cf.load.done', res));
      setFiles([]);
      await qc.invalidateQueries({ queryKey: ['customs-declarations'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const errs = error instanceof ApiError ? rowErrors(error, lang === 'zh') : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="customs-feed-page">
      <Card
        className="rt-page"
        title={t('cf.load.title')}
        extra={(
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'xlsx', label: <span data-testid="cf-template-xlsx">{t('cf.load.templateXlsx')}</span> },
                { key: 'csv', label: <span data-testid="cf-template-csv">{t('cf.load.templateCsv')}</span> },
              ],
              onClick: ({ key }) => download(templateUrl(key as 'csv' | 'xlsx')),
            }}
          >
            <Button icon={<DownloadOutlined />} data-testid="cf-templates">{t('cf.load.templates')} <DownOutlined /></Button>
          </Dropdown>
        )}
      >
        <Alert type="info" showIcon title={t('cf.load.hint')} style={{ marginBottom: 16 }} />
        <Space align="start" wrap>
          <SpreadsheetPicker files={files} onChange={(f) => { setFiles(f); setError(null); }} label={t('cf.load.selectFile')} testId="cf-upload" />
          <Button type="primary" icon={<CloudUploadOutlined />} loading={busy} onClick={() => void submit()} data-testid="cf-upload-submit">
            {t('cf.load.start')}
          </Button>
        </Space>
        {error ? (
          <div data-testid="cf-upload-errors" style={{ marginTop: 16 }}>
            <Alert type="error" showIcon style={{ marginBottom: 8 }}
              title={errs.length ? t('cf.load.refused') : problemText(error)}
              description={errs.length ? problemText(error) : undefined} />
            {errs.length ? (
              <Table<ErrorRow>
                size="small"
                rowKey="key"
                dataSource={errs}
                pagination={errs.length > 10 ? { pageSize: 10 } : false}
                columns={[
                  { title: t('cf.load.row'), dataIndex: 'row', width: 70 },
                  { title: t('cf.load.column'), dataIndex: 'column', width: 220 },
                  { title: t('cf.load.cell'), dataIndex: 'cell', width: 80 },
                  { title: t('cf.load.message'), dataIndex: 'message' },
                ]}
              />
            ) : null}
          </div>
        ) : null}
      </Card>
      <Card className="rt-page" title={t('cf.load.history')}>
        {loads.error ? <LoadError error={loads.error} onRetry={() => void loads.refetch()} /> : (
          <Table<FeedLoadRow>
            size="small"
            rowKey="id"
            loading={loads.isFetching}
            dataSource={loads.data?.items ?? []}
            pagination={pagination(loads.data?.total)}
            scroll={{ x: 'max-content' }}
            data-testid="cf-loads"
            columns={[
              { title: '#', dataIndex: 'id', width: 60 },
              { title: t('cf.load.channel'), dataIndex: 'channel', render: (v: string) => t(`cf.load.ch.${v}`, { defaultValue: v }) },
              { title: t('cf.load.fileName'), dataIndex: 'fileName', render: (v: string) => v || '—' },
              { title: t('cf.load.declarations'), dataIndex: 'declarations', align: 'right' },
              { title: t('cf.load.linesCount'), dataIndex: 'lines', align: 'right' },
              { title: t('cf.load.inserted'), dataIndex: 'inserted', align: 'right' },
              { title: t('cf.load.updated'), dataIndex: 'updated', align: 'right' },
              { title: t('cf.load.startedAt'), dataIndex: 'startedAt', render: (v: string) => new Date(v).toLocaleString() },
              { title: t('cf.load.loadedBy'), dataIndex: 'loadedByName', render: (v: string) => v || '—' },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
