import { Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { QMS_JUDGEMENTS, QMS_STATUSES } from '@returntrace/domain';
import { vLabel } from '../labels';

const ITEMS = ['qms', 'productCertification', 'destinationStandards'] as const;

/** 3.4.3 企业质量体系: QMS, product certification, destination standards, management category and the judgement. */
export function QualitySystemGroup() {
  const { t } = useTranslation();
  const f = (k: string) => t(`inv.f.${k}`);
  const yesNo = [{ value: true, label: f('yesNo.true') }, { value: false, label: f('yesNo.false') }];
  return (
    <Card size="small" className="rt-inv-group" title={t('inv.f.g.qualitySystem')} data-testid="fg-qualitySystem">
      {ITEMS.map((item) => (
        <Row gutter={12} key={item}>
          <Col xs={24} md={8}>
            <Form.Item name={['qualitySystem', item, 'status']} label={`${f(item)} · ${f('status')}`}>
              <Select allowClear options={QMS_STATUSES.map((v) => ({ value: v, label: vLabel('qms', v) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name={['qualitySystem', item, 'note']} label={`${f(item)} · ${f('note')}`}>
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={['qualitySystem', 'managementCategory']} label={f('managementCategory')}>
            <Input maxLength={20} placeholder={f('managementCategoryPh')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['qualitySystem', 'judgement']} label={f('judgement')}>
            <Select allowClear options={QMS_JUDGEMENTS.map((v) => ({ value: v, label: vLabel('judgement', v) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['qualitySystem', 'causedReturn']} label={f('causedReturn')}>
            <Radio.Group aria-label={f('causedReturn')} options={yesNo} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
