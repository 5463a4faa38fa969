import { Card, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { NON_QUALITY_KINDS, ROOT_CAUSE_STAGES } from '@returntrace/domain';
import { vLabel } from '../labels';

/** 3.4.1 退运原因: quality or not, the non-quality kind, the stages a quality problem arose in, the analysis. */
export function ReturnReasonGroup() {
  const { t } = useTranslation();
  const f = (k: string) => t(`inv.f.${k}`);
  const category = Form.useWatch(['returnReason', 'category']);
  return (
    <Card size="small" className="rt-inv-group" title={t('inv.f.g.returnReason')} data-testid="fg-returnReason">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['returnReason', 'category']} label={f('category')}>
            <Radio.Group aria-label={f('category')} options={(['quality', 'non_quality'] as const).map((v) => ({ value: v, label: vLabel('category', v) }))} />
          </Form.Item>
        </Col>
        {category === 'non_quality' ? (
          <Col xs={24} md={12}>
            <Form.Item name={['returnReason', 'nonQualityKind']} label={f('nonQualityKind')}>
              <Select allowClear options={NON_QUALITY_KINDS.map((v) => ({ value: v, label: vLabel('nonQualityKind', v) }))} />
            </Form.Item>
          </Col>
        ) : null}
        {category === 'quality' ? (
          <Col xs={24} md={12}>
            <Form.Item name={['returnReason', 'rootCauseStages']} label={f('rootCauseStages')}>
              <Checkbox.Group aria-label={f('rootCauseStages')} options={ROOT_CAUSE_STAGES.map((v) => ({ value: v, label: vLabel('stage', v) }))} />
            </Form.Item>
          </Col>
        ) : null}
        <Col span={24}>
          <Form.Item name={['returnReason', 'analysis']} label={f('analysis')}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
