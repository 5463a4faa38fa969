import { Card, Col, Empty, List, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EXPORT_RETURN_STATUSES } from '@returntrace/domain';
import { QueryState } from '../../components/QueryState';
import { fmtTime } from '../../i18n/format';
import { useLang } from '../../i18n/labels';
import { useDashboard } from './api';
import { statusLabel, STATUS_COLORS } from './labels';
import './i18n';

/** The enterprise's own export returns at a glance (customs users: their jurisdiction, with the audit queue). */
export default function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useDashboard();
  const d = q.data;
  const count = (s: number) => d?.byStatus.find((x) => x.status === s)?.count ?? 0;
  const max = Math.max(1, ...EXPORT_RETURN_STATUSES.map(count));

  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {d ? (
        <div className="rt-page" data-testid="er-dashboard">
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <Card><Statistic title={t('er.d.total')} value={d.total} data-testid="er-d-total" /></Card>
            </Col>
            {d.queue ? (
              <>
                <Col xs={12} md={8}>
                  <Card><Statistic title={t('er.d.waiting')} value={d.queue.waiting} data-testid="er-d-waiting" /></Card>
                </Col>
                <Col xs={12} md={8}>
                  <Card>
                    <Statistic title={t('er.d.overdue')} value={d.queue.overdue} data-testid="er-d-overdue"
                      styles={{ content: { color: d.queue.overdue > 0 ? '#cf1322' : undefined } }} />
                  </Card>
                </Col>
              </>
            ) : null}
            <Col xs={24} lg={12}>
              <Card title={t('er.d.byStatus')} size="small" data-testid="er-d-by-status">
                {EXPORT_RETURN_STATUSES.map((s) => (
                  <Row key={s} align="middle" gutter={8} style={{ marginBottom: 6 }}>
                    <Col flex="220px"><Tag color={STATUS_COLORS[s]} className="rt-tag-wrap">{statusLabel(s, lang, true)}</Tag></Col>
                    <Col flex="auto">
                      <Progress percent={Math.round((count(s) / max) * 100)} showInfo={false} size="small"
                        status={STATUS_COLORS[s] === 'error' ? 'exception' : STATUS_COLORS[s] === 'success' ? 'success' : 'normal'} />
                    </Col>
                    <Col flex="48px" style={{ textAlign: 'right' }}>{count(s)}</Col>
                  </Row>
                ))}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('er.d.recent')} size="small" data-testid="er-d-rejections">
                {d.recentRejections.length === 0 ? <Empty description={t('er.d.none')} /> : (
                  <List
                    size="small"
                    dataSource={d.recentRejections}
                    renderItem={(r) => (
                      <List.Item key={r.id}>
                        <List.Item.Meta
                          title={<><Link to={`/export-returns/${r.id}`} className="rt-mono">{r.unifiedNo}</Link>{' '}
                            <Tag color="error">{statusLabel(r.status, lang)}</Tag></>}
                          description={<Typography.Text type="danger">{lang === 'zh' ? r.messageZh : r.messageEn}</Typography.Text>}
                        />
                        <span style={{ whiteSpace: 'nowrap' }}>{fmtTime(r.at)}</span>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          </Row>
        </div>
      ) : null}
    </QueryState>
  );
}
