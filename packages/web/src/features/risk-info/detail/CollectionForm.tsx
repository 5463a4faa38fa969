import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RiskGoodsLine, RiskInfoView } from '@returntrace/domain';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { useCountries, useReturnReasons } from '../api';
import { countryName, reasonLabel } from '../form/pickers';
import { FACTOR_KEYS, fmtUsd, sourceLabel } from '../labels';

/** 出口退运货物追溯调查信息采集表 (000 §3.1.2) as the record shows it, with the goods and the stated facts. */
export function CollectionForm({ record }: { record: RiskInfoView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const countries = useCountries();
  const reasons = useReturnReasons();
  const f = (k: string) => t(`ri.f.${k}`);
  const g = (k: string) => t(`ri.goods.${k}`);
  const c = record.collection;
  const name = (o: { name: { zh: string; en: string } } | null) => (o ? o.name[lang] || o.name.zh : '-');
  const factors = FACTOR_KEYS.filter((k) => record.factors[k]);

  return (
    <Card size="small" title={t('ri.d.collectionForm')} style={{ marginTop: 12 }} data-testid="ri-collection-form">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={f('collectedOn')}>{c.collectedOn}</Descriptions.Item>
        <Descriptions.Item label={f('collectorName')}>{c.collectorName || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('collectingOrg')}>{name(c.collectingOrg)}</Descriptions.Item>
        <Descriptions.Item label={f('source')}>{sourceLabel(record.source, lang)}</Descriptions.Item>
        <Descriptions.Item label={f('sourceRef')}>{record.sourceRef || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('occurredOn')}>{record.occurredOn ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={f('title')} span="filled">{record.title}</Descriptions.Item>
        <Descriptions.Item label={f('description')} span="filled">
          <span style={{ whiteSpace: 'pre-wrap' }}>{record.description || '-'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={f('importDeclarationNo')}><span className="rt-mono">{record.importDeclarationNo ?? '-'}</span></Descriptions.Item>
        <Descriptions.Item label={f('exportReturn')}>
          {record.exportReturn ? (
            <Link to={`/export-returns/${record.exportReturn.id}`} className="rt-mono" data-testid="ri-export-return">
              {record.exportReturn.returnNo ?? record.exportReturn.unifiedNo}
            </Link>
          ) : '-'}
        </Descriptions.Item>
        <Descriptions.Item label={f('office')}>{name(record.office)}</Descriptions.Item>
        <Descriptions.Item label={f('enterpriseCreditCode')}><span className="rt-mono">{record.enterpriseCreditCode ?? '-'}</span></Descriptions.Item>
        <Descriptions.Item label={f('enterpriseName')}>{record.enterpriseName || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('brand')}>{record.brand || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('countryCode')}>{countryName(countries.data, record.countryCode, lang)}</Descriptions.Item>
        <Descriptions.Item label={f('batchValueUsd')}>{fmtUsd(record.batchValueUsd)}</Descriptions.Item>
        <Descriptions.Item label={f('reasonCodes')}>
          {record.reasonCodes.length ? (
            <Space size={4} wrap>{record.reasonCodes.map((r) => <Tag key={r}>{reasonLabel(reasons.data, r, lang)}</Tag>)}</Space>
          ) : '-'}
        </Descriptions.Item>
        <Descriptions.Item label={f('factors')} span="filled">
          {factors.length ? (
            <Space size={4} wrap data-testid="ri-factors">{factors.map((k) => <Tag key={k} color="orange">{t(`ri.factor.${k}.label`)}</Tag>)}</Space>
          ) : t('ri.d.noFactors')}
        </Descriptions.Item>
        <Descriptions.Item label={f('proposedOrg')}>{name(c.proposedInvestigatingOrg)}</Descriptions.Item>
        <Descriptions.Item label={f('contactName')}>{c.contactName || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('contactPhone')}>{c.contactPhone || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('reviewOpinion')} span="filled">
          <span style={{ whiteSpace: 'pre-wrap' }} data-testid="ri-review-opinion">{c.reviewOpinion || '-'}</span>
          {c.reviewedBy ? <Typography.Text type="secondary"> — {c.reviewedBy} {fmtTime(c.reviewedAt)}</Typography.Text> : null}
        </Descriptions.Item>
        {record.dismissReason ? (
          <Descriptions.Item label={f('dismissReason')} span="filled">
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="ri-dismiss-reason">{record.dismissReason}</span>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={f('investigatingOrg')}>
          <span data-testid="ri-investigating-org">{name(record.investigatingOrg)}</span>
        </Descriptions.Item>
        {record.crimeLead.marked ? (
          <Descriptions.Item label={t('ri.d.crimeLeadNote')} span="filled">
            <span style={{ whiteSpace: 'pre-wrap' }}>{record.crimeLead.note}</span>
            {record.crimeLead.by ? <Typography.Text type="secondary"> — {record.crimeLead.by} {fmtTime(record.crimeLead.at)}</Typography.Text> : null}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>{f('goods')}</Typography.Title>
      <Table<RiskGoodsLine & { i: number }> size="small" rowKey="i" pagination={false} data-testid="ri-goods"
        dataSource={record.goods.map((x, i) => ({ ...x, i }))}
        columns={[
          { key: 'i', title: '#', dataIndex: 'i', width: 50, render: (i: number) => i + 1 },
          { key: 'name', title: g('name'), dataIndex: 'name' },
          { key: 'hs', title: g('hsCode'), dataIndex: 'hsCode', render: (v?: string) => <span className="rt-mono">{v ?? '-'}</span> },
          { key: 'q', title: g('quantity'), dataIndex: 'quantity', align: 'right', render: (v?: number) => v ?? '-' },
          { key: 'u', title: g('unit'), dataIndex: 'unit', render: (v?: string) => v ?? '-' },
          { key: 'a', title: g('amount'), dataIndex: 'amount', align: 'right', render: (v?: number) => (v === undefined ? '-' : v.toLocaleString('en-US', { minimumFractionDigits: 2 })) },
          { key: 'c', title: g('currency'), dataIndex: 'currency', render: (v?: string) => v ?? '-' },
        ]} />
    </Card>
  );
}
