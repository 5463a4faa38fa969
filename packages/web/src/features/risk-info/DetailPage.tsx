import { useEffect } from 'react';
import { Alert, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { RiskInfoView } from '@returntrace/domain';
import { isUuid } from '../../api/client';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/layout/tabs';
import { fmtTime } from '../../i18n/format';
import { useLang } from '../../i18n/labels';
import { useRiskInfo } from './api';
import { ActionBar } from './detail/ActionBar';
import { CollectionForm } from './detail/CollectionForm';
import { FilesSection, LinksSection, TransfersSection } from './detail/Sections';
import { TypeDecisionPanel } from './detail/TypeDecisionPanel';
import { sourceLabel, STATE_COLORS, stateLabel, TYPE_COLORS, typeLabel } from './labels';
import './i18n';
import './risk-info.css';

/** /risk-info/:id — the record, its collection form, the proposed investigation type and what may be done next. */
export default function DetailPage() {
  const { id } = useParams();
  const q = useRiskInfo(isUuid(id) ? id : undefined);
  usePageTitle(q.data?.infoNo);
  if (!isUuid(id)) return <NotFound />;
  const reload = async () => (await q.refetch()).data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {q.data ? <Record record={q.data} reload={reload} /> : null}
    </QueryState>
  );
}

function Record({ record, reload }: { record: RiskInfoView; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [params] = useSearchParams();
  // set by the new-record page when the import declaration already had this record
  const duplicate = params.get('duplicate') === '1';
  const f = (k: string) => t(`ri.f.${k}`);
  useEffect(() => { window.scrollTo?.(0, 0); }, [record.id]);

  return (
    <div className="rt-page" data-testid="ri-detail-page">
      {duplicate ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="ri-duplicate-notice"
          title={t('ri.new.duplicate', { no: record.infoNo })} />
      ) : null}
      <Card size="small">
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Space orientation="vertical" size={4}>
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }} className="rt-mono" data-testid="ri-info-no">{record.infoNo}</Typography.Title>
              <Tag color={STATE_COLORS[record.state]} data-testid="ri-state">{stateLabel(record.state, lang)}</Tag>
              {record.effectiveType ? <Tag color={TYPE_COLORS[record.effectiveType]}>{typeLabel(record.effectiveType, lang)}</Tag> : null}
              {record.crimeLead.marked ? <Tag color="red" data-testid="ri-crime-lead">{f('crimeLead')}</Tag> : null}
            </Space>
            <Typography.Text strong data-testid="ri-detail-title">{record.title}</Typography.Text>
            <Descriptions size="small" column={{ xs: 1, md: 4 }} colon>
              <Descriptions.Item label={f('source')}>{sourceLabel(record.source, lang)}</Descriptions.Item>
              <Descriptions.Item label={f('office')}>{record.office.name[lang] || record.office.name.zh}</Descriptions.Item>
              <Descriptions.Item label={f('createdAt')}>{fmtTime(record.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={f('investigatingOrg')}>
                {record.investigatingOrg ? record.investigatingOrg.name[lang] || record.investigatingOrg.name.zh : '-'}
              </Descriptions.Item>
            </Descriptions>
          </Space>
        </Flex>
        <div style={{ marginTop: 8 }}><ActionBar record={record} reload={reload} /></div>
      </Card>
      <TypeDecisionPanel record={record} />
      <CollectionForm record={record} />
      <LinksSection record={record} />
      <TransfersSection record={record} />
      <FilesSection record={record} reload={reload} />
    </div>
  );
}
