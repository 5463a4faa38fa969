import { useState } from 'react';
import { App, Button, Card, Dropdown, Flex, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { DownloadOutlined, DownOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { del } from '../../api/client';
import { problemText } from '../../api/problem';
import { useCan } from '../../api/session';
import { LoadError, QueryState } from '../../components/QueryState';
import { NotFound } from '../../components/NotFound';
import { usePageTitle } from '../../components/layout/tabs';
import { useListParams } from '../../components/useListParams';
import { labelOf, useLang } from '../../i18n/labels';
import { fileUrl, useDatasets, useEntries, type Dataset, type Entry } from './api';
import { EntryModal } from './EntryModal';
import { ImportModal } from './ImportModal';

export default function DatasetPage() {
  const { dataset: id = '' } = useParams();
  const datasets = useDatasets();
  const dataset = datasets.data?.find((d) => d.id === id);
  return (
    <QueryState isLoading={datasets.isLoading} error={datasets.error} onRetry={() => void datasets.refetch()}>
      {dataset ? <DatasetView dataset={dataset} /> : datasets.data ? <NotFound /> : null}
    </QueryState>
  );
}

function renderCell(v: unknown, yes: string, no: string) {
  if (typeof v === 'boolean') return v ? yes : no;
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

function DatasetView({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const manage = can('refdata.manage');
  const { page, pageSize, filters, setFilters, pagination } = useListParams(['q'] as const);
  const entries = useEntries(dataset.id, { q: filters.q || undefined, page, pageSize });
  const [editing, setEditing] = useState<Entry | null>(null);
  const [entryOpen, setEntryOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  usePageTitle(labelOf(dataset, lang));

  const remove = async (row: Entry) => {
    try {
      await del(`/refdata/${dataset.id}/${encodeURIComponent(String(row[dataset.key]))}`);
      message.success(t('common.deleted'));
      await qc.invalidateQueries({ queryKey: ['refdata'] });
    } catch (e) {
      message.error(problemText(e));
    }
  };

  // Plain GETs with the session cookie; the browser saves the file under the server's name.
  const download = (kind: 'export' | 'template') => ({
    items: (['csv', 'xlsx'] as const).map((f) => ({
      key: f,
      label: <span data-testid={`${kind}-${f}`}>{f.toUpperCase()}</span>,
    })),
    onClick: ({ key }: { key: string }) => {
      const a = document.createElement('a');
      a.href = fileUrl(dataset.id, kind, key as 'csv' | 'xlsx');
      a.download = '';
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
  });

  const columns = [
    ...dataset.columns.map((c) => ({
      title: labelOf(c, lang),
      dataIndex: c.field,
      key: c.field,
      className: c.field === dataset.key ? 'rt-mono' : undefined,
      render: (v: unknown) => renderCell(v, t('common.yes'), t('common.no')),
    })),
    ...(manage ? [{
      title: t('common.actions'), key: '__actions', width: 140, fixed: 'right' as const,
      render: (_: unknown, row: Entry) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => { setEditing(row); setEntryOpen(true); }}>{t('common.edit')}</Button>
          <Popconfirm
            title={t('refdata.deleteConfirm', { code: String(row[dataset.key]) })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(row)}
          >
            <Button type="link" size="small" danger>{t('common.delete')}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <Card
      className="rt-page"
      data-testid="dataset-page"
      title={<Space>{labelOf(dataset, lang)}<Tag>{dataset.id}</Tag>{!manage ? <Tag color="default">{t('refdata.readOnly')}</Tag> : null}</Space>}
      extra={(
        <Space wrap>
          {manage ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} data-testid="entry-add" onClick={() => { setEditing(null); setEntryOpen(true); }}>
                {t('refdata.add')}
              </Button>
              <Button icon={<UploadOutlined />} data-testid="import-open" onClick={() => setImportOpen(true)}>{t('refdata.import')}</Button>
            </>
          ) : null}
          <Dropdown menu={download('export')} trigger={['click']}>
            <Button icon={<DownloadOutlined />} data-testid="export-menu">{t('refdata.export')} <DownOutlined /></Button>
          </Dropdown>
          <Dropdown menu={download('template')} trigger={['click']}>
            <Button data-testid="template-menu">{t('refdata.template')} <DownOutlined /></Button>
          </Dropdown>
        </Space>
      )}
    >
      <Flex style={{ marginBottom: 12 }}>
        <Input.Search
          key={filters.q}
          defaultValue={filters.q}
          allowClear
          enterButton={t('common.search')}
          placeholder={t('refdata.searchPlaceholder')}
          style={{ maxWidth: 360 }}
          onSearch={(q) => setFilters({ q: q.trim() })}
          data-testid="refdata-search"
        />
      </Flex>
      {entries.error ? <LoadError error={entries.error} onRetry={() => void entries.refetch()} /> : (
        <Table<Entry>
          size="small"
          rowKey={(r) => String(r[dataset.key])}
          loading={entries.isFetching}
          dataSource={entries.data?.items ?? []}
          columns={columns}
          pagination={pagination(entries.data?.total)}
          scroll={{ x: 'max-content' }}
          data-testid="entry-table"
        />
      )}
      <EntryModal dataset={dataset} entry={editing} sample={entries.data?.items ?? []} open={entryOpen} onClose={() => setEntryOpen(false)} />
      <ImportModal dataset={dataset} open={importOpen} onClose={() => setImportOpen(false)} />
    </Card>
  );
}
