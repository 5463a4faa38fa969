import { Alert, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISPOSAL_LABELS, GOODS_FLOWS, type Disposal, type InvestigationView } from '@returntrace/domain';
import { bilingual, useLang } from '../../../i18n/labels';
import { vLabel } from '../labels';

/** 3.4.5 货物流向, checked against the intended disposal (拟处理方式) of the declaration as the server last saw it. */
export function GoodsFlowGroup({ check }: { check: InvestigationView['disposalCheck'] }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`inv.f.${k}`);
  const flow = Form.useWatch(['goodsFlow', 'flow']);
  const lang = useLang();
  // the declaration's vocabulary (拟处理方式), the same the export-return form uses
  const disposal = (d: string) => bilingual(DISPOSAL_LABELS[d as Disposal], lang, d);
  return (
    <Card size="small" className="rt-inv-group" title={t('inv.f.g.goodsFlow')} data-testid="fg-goodsFlow">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['goodsFlow', 'flow']} label={f('flow')}>
            <Select allowClear options={GOODS_FLOWS.map((v) => ({ value: v, label: vLabel('flow', v) }))} />
          </Form.Item>
        </Col>
        {flow === 'other' ? (
          <Col xs={24} md={8}>
            <Form.Item name={['goodsFlow', 'otherText']} label={f('otherText')}><Input maxLength={200} /></Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={8}>
          <Form.Item name={['goodsFlow', 'date']} label={f('flowDate')}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['goodsFlow', 'evidence']} label={f('evidence')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </Col>
      </Row>
      <Alert
        data-testid="disposal-check"
        data-matches={check ? String(check.matches) : 'none'}
        type={!check ? 'info' : check.matches ? 'success' : 'warning'}
        showIcon
        title={f('disposal')}
        description={!check ? f('noCheck') : (
          <Space wrap>
            <span>{f('intended')}:</span>
            {check.intended.map((d) => <Tag key={d}>{disposal(d)}</Tag>)}
            <span>{f('actual')}:</span>
            <Tag>{disposal(check.actual)}</Tag>
            <Tag color={check.matches ? 'success' : 'warning'}>{check.matches ? f('matches') : f('differs')}</Tag>
          </Space>
        )}
      />
    </Card>
  );
}
