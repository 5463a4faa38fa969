import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { TRADE_MODE_LABELS, type CustomsDeclarationView } from '@returntrace/domain';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/layout/tabs';
import { useLang } from '../../i18n/labels';
import { useDeclaration } from './api';
import './i18n';

type Line = CustomsDeclarationView['lines'][number];

const party = (credit: string, customs: string, name: string) => [name, credit, customs].filter(Boolean).join(' / ') || '—';

/** One declaration of the feed: header (表头) and goods lines (表体). Outside the caller's scope it does not exist. */
export default function DeclarationDetailPage() {
  const { entryId = '' } = useParams();
  const q = useDeclaration(entryId);
  if (!/^\d{18}$/.test(entryId)) return <NotFound />;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {q.data ? <DeclarationView d={q.data} /> : null}
    </QueryState>
  );
}

function DeclarationView({ d }: { d: CustomsDeclarationView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  usePageTitle(d.entryId);
  const mode = TRADE_MODE_LABELS[d.tradeMode];
  const item = (key: string, label: string, children: ReactNode) => ({ key, label, children: children || '—' });
  return (
    <Card
      className="rt-page"
      data-testid="customs-declaration-detail"
      title={(
        <Space>
          <span className="rt-mono">{d.entryId}</span>
          <Tag color={d.direction === 'import' ? 'blue' : 'green'}>{t(`cf.list.${d.direction}`)}</Tag>
          {d.withdrawn ? <Tag color="red">{t('cf.list.withdrawn')}</Tag> : null}
        </Space>
      )}
      extra={<Button onClick={() => navigate('/customs-declarations')}>{t('cf.detail.back')}</Button>}
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        title={t('cf.detail.header')}
        items={[
          item('declarePort', t('cf.list.declarePort'), d.declarePort),
          item('iePort', t('cf.detail.iePort'), d.iePort),
          item('destinationPort', t('cf.detail.destinationPort'), d.destinationPort),
          item('declareDate', t('cf.list.declareDate'), d.declareDate),
          item('ieDate', t('cf.detail.ieDate'), d.ieDate),
          item('tradeMode', t('cf.list.tradeMode'), mode ? `${d.tradeMode} ${mode[lang]}` : d.tradeMode),
          item('trader', t('cf.list.trader'), party(d.traderCreditCode, d.traderCustomsCode, d.traderName)),
          item('traderAddress', t('cf.detail.traderAddress'), d.traderAddress),
          item('declaring', t('cf.list.declaringUnit'), party(d.declaringUnitCreditCode, d.declaringUnitCustomsCode, d.declaringUnitName)),
          item('declarant', t('cf.detail.declarant'), d.declarantName),
          item('owner', t('cf.detail.owner'), party(d.ownerCreditCode, d.ownerCustomsCode, d.ownerName)),
          item('ownerDistrict', t('cf.detail.ownerDistrict'), d.ownerDistrict),
          item('country', t('cf.list.country'), d.countryCode),
          item('billOfLading', t('cf.detail.billOfLading'), d.billOfLading),
          item('updatedAt', t('cf.detail.updatedAt'), new Date(d.updatedAt).toLocaleString()),
        ]}
      />
      <h4 style={{ margin: '16px 0 8px' }}>{t('cf.detail.lines')}</h4>
      <Table<Line>
        size="small"
        rowKey="lineNo"
        dataSource={d.lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="cf-lines"
        columns={[
          { title: t('cf.detail.lineNo'), dataIndex: 'lineNo', width: 60 },
          { title: t('cf.detail.hsCode'), dataIndex: 'hsCode', className: 'rt-mono' },
          { title: t('cf.detail.goodsName'), dataIndex: 'goodsName' },
          { title: t('cf.detail.supervisionCategory'), dataIndex: 'supervisionCategory' },
          { title: t('cf.detail.quantity'), dataIndex: 'quantity', align: 'right' },
          { title: t('cf.detail.unit'), dataIndex: 'unit' },
          { title: t('cf.detail.totalPrice'), dataIndex: 'totalPrice', align: 'right' },
          { title: t('cf.detail.currency'), dataIndex: 'currency' },
          { title: t('cf.detail.originCountry'), dataIndex: 'originCountry' },
        ]}
      />
    </Card>
  );
}
