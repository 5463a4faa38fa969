import { Card, Col, List, Row, Space, Statistic, Tag } from 'antd';
import { ClockCircleOutlined, ReconciliationOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../api/session';
import { LoadError } from '../../components/QueryState';
import { useInvestigationSummary } from './api';
import './i18n';

/**
 * Home-page cards from GET /investigations/summary: an officer's open and overdue cases and overdue questionnaires,
 * or the questionnaires an enterprise still has to answer. Each links to the list it counts.
 */
export function InvestigationHomeCards() {
  const { t } = useTranslation();
  const can = useCan();
  const officer = can('investigations.read');
  const enterprise = can('investigations.respond');
  const summary = useInvestigationSummary(officer || enterprise);
  const h = (k: string) => t(`inv.home.${k}`);
  if (!officer && !enterprise) return null;
  if (summary.error) return <Card><LoadError error={summary.error} onRetry={() => void summary.refetch()} /></Card>;
  const s = summary.data;

  if (officer) {
    const cards = [
      { key: 'mine', title: h('mineOpen'), value: s?.mineOpen, to: '/investigations?mine=true', icon: <ReconciliationOutlined />, danger: false },
      { key: 'overdue', title: h('overdue'), value: s?.overdue, to: '/investigations?overdue=true', icon: <WarningOutlined />, danger: (s?.overdue ?? 0) > 0 },
      { key: 'qOverdue', title: h('qOverdue'), value: s?.questionnairesOverdue, to: '/investigations?type=written', icon: <ClockCircleOutlined />, danger: (s?.questionnairesOverdue ?? 0) > 0 },
    ];
    return (
      <Card title={t('menu.investigations')} data-testid="home-investigations">
        <Row gutter={[12, 12]}>
          {cards.map((c) => (
            <Col key={c.key} xs={24} sm={8}>
              <Link to={c.to} data-testid={`home-inv-${c.key}`} style={{ display: 'block' }}>
                <Card hoverable size="small" loading={summary.isLoading}>
                  <Statistic title={c.title} value={c.value ?? 0} prefix={c.icon}
                    styles={{ content: { color: c.danger ? '#cf1322' : undefined } }} />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    );
  }

  return (
    <Card title={h('openQuestionnaires')} extra={<Link to="/portal/cases">{t('menu.portalCases')}</Link>} data-testid="home-questionnaires">
      <List size="small" loading={summary.isLoading} dataSource={s?.openQuestionnaires ?? []} locale={{ emptyText: h('none') }}
        renderItem={(q) => (
          <List.Item actions={[<Link key="go" to={`/portal/cases/${q.caseId}`} data-testid="home-qn-link">{h('answer')}</Link>]}>
            <Space wrap>
              <span className="rt-mono">{q.caseNo}</span>
              <span>{h('dueOn')}: {q.dueOn}</span>
              {q.overdue ? <Tag color="error" icon={<WarningOutlined />}>{t('inv.qn.overdue')}</Tag> : null}
            </Space>
          </List.Item>
        )} />
    </Card>
  );
}
