import { useState } from 'react';
import { Alert, App, Badge, Button, Card, Dropdown, Input, Space, Table, Tag, type UploadFile } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ForeignNotificationImportResult, ForeignNotificationView } from '@returntrace/domain';
import { api, ApiError } from '../../api/client';
import { problemText } from '../../api/problem';
import { LoadError } from '../../components/QueryState';
import { SpreadsheetPicker } from '../../components/SpreadsheetPicker';
import { useListParams } from '../../components/useListParams';
import { fmtTime } from '../../i18n/format';
import { bilingual, useLang } from '../../i18n/labels';
import { FN_KEY, templateUrl, useNotifications } from './api';
import { MatchesPanel } from './MatchesPanel';
import './i18n';

interface ErrorRow { key: number; row: number; column: string; message: string }

/** Import errors carry the spreadsheet row and the column. */
function rowErrors(e: ApiError, zh: boolean): ErrorRow[] {
  const raw = Array.isArray(e.body.errors) ? (e.body.errors as { row?: number; field?: string; message?: string; messageZh?: string }[]) : [];
  return raw.map((x, i) => ({ key: i, row: Number(x.row ?? 0), column: x.field ?? '', message: (zh ? x.messageZh ?? x.message : x.message) ?? '' }));
}

function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** 境外通报召回: bulk import, the batch result with per-row errors, the list and the review of proposed matches. */
export default function ForeignNotificationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { page, pageSize, filters, setFilters, pagination } = useListParams(['batchId', 'q'] as const);
  const list = useNotifications({ batchId: filters.batchId || undefined, q: filters.q || undefined, page, pageSize });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ForeignNotificationImportResult | null>(null);

  const submit = async () => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setError(new Error(t('fn.fileRequired')));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    const fd = new FormData();
    fd.append('file', file, file.name);
    try {
      const res = await api<ForeignNotificationImportResult>('/foreign-notifications/import', { method: 'POST', body: fd });
      setResult(res);
      message.success(t('fn.done', res));
      setFiles([]);
      setFilters({ batchId: res.batchId });
      await qc.invalidateQueries({ queryKey: FN_KEY });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const errs = error instanceof ApiError ? rowErrors(error, lang === 'zh') : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="fn-page">
      <Card
        className="rt-page"
        title={t('fn.title')}
        extra={(
          <Dropdown
            trigger={['click']}
            menu={{
              items: [{ key: 'xlsx', label: t('fn.templateXlsx') }, { key: 'csv', label: t('fn.templateCsv') }],
              onClick: ({ key }) => download(templateUrl(key as 'csv' | 'xlsx')),
            }}
          >
            <Button icon={<DownloadOutlined />} data-testid="fn-templates">{t('fn.templates')} <DownOutlined /></Button>
          </Dropdown>
        )}
      >
        <Alert type="info" showIcon title={t('fn.hint')} style={{ marginBottom: 16 }} />
        <Space align="start" wrap>
          <SpreadsheetPicker files={files} onChange={(f) => { setFiles(f); setError(null); }} label={t('fn.selectFile')} testId="fn-upload" />
          <Button type="primary" icon={<CloudUploadOutlined />} loading={busy} onClick={() => void submit()} data-testid="fn-upload-submit">{t('fn.start')}</Button>
        </Space>
        {error ? (
          <div data-testid="fn-upload-errors" style={{ marginTop: 16 }}>
            <Alert type="error" showIcon style={{ marginBottom: 8 }}
              title={errs.length ? t('fn.refused') : problemText(error)} description={errs.length ? problemText(error) : undefined} />
            {errs.length ? (
              <Table<ErrorRow>
                size="small" rowKey="key" dataSource={errs} pagination={errs.length > 10 ? { pageSize: 10 } : false}
                columns={[
                  { title: t('fn.row'), dataIndex: 'row', width: 70 },
                  { title: t('fn.column'), dataIndex: 'column', width: 180 },
                  { title: t('fn.message'), dataIndex: 'message' },
                ]}
              />
            ) : null}
          </div>
        ) : null}
        {result ? (
          <div data-testid="fn-result" style={{ marginTop: 16 }}>
            <Alert type="success" showIcon title={t('fn.done', result)} style={{ marginBottom: 8 }} />
            <Table
              size="small" rowKey="row" dataSource={result.items} pagination={result.items.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('fn.row'), dataIndex: 'row', width: 70 },
                { title: t('fn.status'), dataIndex: 'status', render: (s: string) => <Tag color={s === 'created' ? 'green' : 'default'}>{t(`fn.${s}`)}</Tag> },
                { title: t('fn.infoNo'), key: 'info', render: (_v, r) => (r.riskInfo ? <Link to={`/risk-info/${r.riskInfo.id}`}>{r.riskInfo.infoNo}</Link> : '—') },
                { title: t('fn.matches'), dataIndex: 'matches', align: 'right' },
              ]}
            />
          </div>
        ) : null}
      </Card>

      <Card
        className="rt-page"
        title={t('fn.list')}
        extra={(
          <Space>
            {filters.batchId ? <Button onClick={() => setFilters({ batchId: undefined })} data-testid="fn-show-all">{t('fn.showAll')}</Button> : null}
            <Input.Search allowClear defaultValue={filters.q} placeholder={t('fn.search')} style={{ width: 240 }} onSearch={(q) => setFilters({ q })} />
          </Space>
        )}
      >
        {list.error ? <LoadError error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<ForeignNotificationView>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={pagination(list.data?.total)}
            scroll={{ x: 'max-content' }}
            data-testid="fn-list"
            expandable={{ expandedRowRender: (n) => <MatchesPanel notificationId={n.id} />, rowExpandable: (n) => n.matches.proposed + n.matches.confirmed + n.matches.rejected > 0 }}
            columns={[
              { title: t('fn.notifiedOn'), dataIndex: 'notifiedOn', width: 110 },
              { title: t('fn.country'), key: 'country', render: (_v, n) => bilingual(n.countryName, lang, n.countryCode) },
              { title: t('fn.product'), dataIndex: 'product' },
              { title: t('fn.hsCode'), dataIndex: 'hsCode', render: (v: string | null) => <span className="rt-mono">{v ?? '—'}</span> },
              { title: t('fn.enterpriseOrBrand'), dataIndex: 'enterpriseOrBrand', render: (v: string) => v || '—' },
              { title: t('fn.measure'), dataIndex: 'measure' },
              { title: t('fn.reason'), dataIndex: 'reason', ellipsis: true, width: 220 },
              { title: t('fn.reference'), dataIndex: 'reference', render: (v: string) => v || '—' },
              { title: t('fn.infoNo'), key: 'info', render: (_v, n) => (n.riskInfo ? <Link to={`/risk-info/${n.riskInfo.id}`}>{n.riskInfo.infoNo}</Link> : '—') },
              {
                title: t('fn.matches'), key: 'matches',
                render: (_v, n) => (
                  <Space size={4}>
                    <Badge count={n.matches.proposed} color="blue" showZero title={t('fn.proposed')} />
                    <Badge count={n.matches.confirmed} color="green" showZero title={t('fn.confirmed')} />
                    <Badge count={n.matches.rejected} color="gray" showZero title={t('fn.rejected')} />
                  </Space>
                ),
              },
              { title: t('fn.importedAt'), dataIndex: 'importedAt', render: (v: string) => fmtTime(v) },
              { title: t('fn.importedBy'), dataIndex: 'importedBy' },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
