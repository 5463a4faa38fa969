import { Card, Col, Form, Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

const SWITCHES = ['bigCustomerDemandChange', 'unequalTradePosition', 'customerArrears', 'transportLoss', 'technicalBarrier'] as const;

/** 3.4.6 其他情况: the five circumstances the document names, and a note. */
export function OtherCircumstancesGroup() {
  const { t } = useTranslation();
  const f = (k: string) => t(`inv.f.${k}`);
  return (
    <Card size="small" className="rt-inv-group" title={t('inv.f.g.other')} data-testid="fg-other">
      <Row gutter={12}>
        {SWITCHES.map((s) => (
          <Col xs={12} md={8} xl={4} key={s}>
            <Form.Item name={['otherCircumstances', s]} label={f(s)} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item name={['otherCircumstances', 'note']} label={f('otherNote')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
