import { Alert, Card, Col, Descriptions, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskInfoView } from '@returntrace/domain';
import { fmtTime } from '../../../i18n/format';
import { useLang } from '../../../i18n/labels';
import { TYPE_COLORS, typeLabel } from '../labels';

type Fired = NonNullable<RiskInfoView['typeDecision']>['fired'][number];

/**
 * 拟定调查方式 (000 §3.3): the rule decision with every rule that fired — clause, reason and figures; the ones the
 * contracted-project exclusion suppressed struck through — and an officer's override beside it.
 */
export function TypeDecisionPanel({ record }: { record: RiskInfoView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = (k: string) => t(`ri.d.${k}`);
  const dec = record.typeDecision;
  const ov = record.typeOverride;
  const outcome = (o: Fired['outcome']) => (o === 'exclude'
    ? <Tag>{d('exclude')}</Tag>
    : <Tag color={TYPE_COLORS[o]}>{typeLabel(o, lang)}</Tag>);
  const strike = (r: Fired, node: React.ReactNode) => (r.suppressed ? <del>{node}</del> : node);

  const columns = [
    { key: 'outcome', title: d('outcome'), width: 150, render: (_: unknown, r: Fired) => (
      <span data-testid={`ri-rule-outcome-${r.id}`}>
        {strike(r, outcome(r.outcome))}
        {r.suppressed ? <Tooltip title={d('suppressedWhy')}><Tag color="default" data-testid="ri-rule-suppressed">{d('suppressed')}</Tag></Tooltip> : null}
      </span>
    ) },
    { key: 'clause', title: d('clause'), dataIndex: 'clause', width: 200, render: (v: string, r: Fired) => strike(r, v) },
    { key: 'reason', title: d('reason'), render: (_: unknown, r: Fired) => (
      <div>
        {strike(r, r.reason[lang] || r.reason.zh)}
        {r.suppressed ? <div><Typography.Text type="secondary">{d('suppressedWhy')}</Typography.Text></div> : null}
      </div>
    ) },
    { key: 'figures', title: d('figures'), width: 260, render: (_: unknown, r: Fired) => (r.detail ? strike(r, r.detail[lang] || r.detail.zh) : '-') },
  ];

  const decisionBlock = dec ? (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={d('ruleDecision')}>
          <Tag color={TYPE_COLORS[dec.type]} data-testid="ri-rule-type">{typeLabel(dec.type, lang)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={d('decidedBy')}>
          <span className="rt-mono" data-testid="ri-decided-by">{dec.decidedBy}</span>
          {(() => {
            const by = dec.fired.find((f) => f.id === dec.decidedBy);
            return by ? <> · {by.clause}</> : null;
          })()}
        </Descriptions.Item>
        <Descriptions.Item label={d('policyVersion')}>
          {dec.policyVersion === null ? d('policyDefault') : t('ri.d.policyV', { v: dec.policyVersion })}
        </Descriptions.Item>
        <Descriptions.Item label={d('decidedAt')}>{fmtTime(dec.decidedAt)}</Descriptions.Item>
      </Descriptions>
      {dec.valueUnknown ? <Alert type="warning" showIcon style={{ marginTop: 8 }} title={d('valueUnknown')} data-testid="ri-value-unknown" /> : null}
      <Typography.Title level={5} style={{ marginTop: 12 }}>{d('fired')}</Typography.Title>
      <Table<Fired> size="small" rowKey="id" pagination={false} dataSource={dec.fired} columns={columns}
        data-testid="ri-fired-rules" rowClassName={(r) => (r.id === dec.decidedBy ? 'ri-deciding-rule' : '')} />
    </>
  ) : <Typography.Text type="secondary">{d('noDecision')}</Typography.Text>;

  return (
    <Card size="small" title={d('decision')} style={{ marginTop: 12 }} data-testid="ri-decision"
      extra={record.effectiveType ? (
        <span>{d('effective')}: <Tag color={TYPE_COLORS[record.effectiveType]} data-testid="ri-effective-type">{typeLabel(record.effectiveType, lang)}</Tag></span>
      ) : null}>
      <Row gutter={16}>
        <Col xs={24} xl={ov ? 16 : 24}>{decisionBlock}</Col>
        {ov ? (
          <Col xs={24} xl={8}>
            <Card size="small" type="inner" title={d('override')} data-testid="ri-override">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('ri.m.type')}><Tag color={TYPE_COLORS[ov.type]}>{typeLabel(ov.type, lang)}</Tag></Descriptions.Item>
                <Descriptions.Item label={d('overrideReason')}><span style={{ whiteSpace: 'pre-wrap' }}>{ov.reason}</span></Descriptions.Item>
                <Descriptions.Item label={d('overrideBy')}>{ov.by}</Descriptions.Item>
                <Descriptions.Item label={d('overrideAt')}>{fmtTime(ov.at)}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
