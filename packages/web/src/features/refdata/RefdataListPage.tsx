import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { labelOf, useLang } from '../../i18n/labels';
import { useDatasets, type Dataset } from './api';

export default function RefdataListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, isLoading, refetch } = useDatasets();
  return (
    <Card title={t('menu.refdata')} className="rt-page" data-testid="refdata-page">
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()}>
        <Table<Dataset>
          size="small"
          rowKey="id"
          dataSource={data ?? []}
          pagination={false}
          data-testid="dataset-table"
          columns={[
            { title: t('refdata.name'), dataIndex: 'labelZh',
              render: (_: unknown, d) => <Link to={`/refdata/${d.id}`} data-testid={`dataset-${d.id}`}>{labelOf(d, lang)}</Link> },
            { title: t('refdata.description'), dataIndex: 'descriptionZh',
              render: (_: unknown, d) => (lang === 'zh' ? d.descriptionZh : d.descriptionEn || d.descriptionZh) || '—' },
            { title: 'ID', dataIndex: 'id', width: 170, render: (v: string) => <Tag>{v}</Tag> },
            { title: t('refdata.count'), dataIndex: 'count', width: 120, align: 'right' },
          ]}
        />
      </QueryState>
    </Card>
  );
}
