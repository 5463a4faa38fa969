import { Card, Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';

const BEHAVIOURS = ['evadedExportSupervision', 'misstatedReturnReason', 'productDiffersFromCertified', 'usedReturnModeToEvadeImport'] as const;

/** 3.4.4 企业诚信: each of the four behaviours found or not, with a note. */
export function IntegrityGroup() {
  const { t } = useTranslation();
  const f = (k: string) => t(`inv.f.${k}`);
  return (
    <Card size="small" className="rt-inv-group" title={t('inv.f.g.integrity')} data-testid="fg-integrity">
      {BEHAVIOURS.map((b) => (
        <Row gutter={12} key={b}>
          <Col xs={24} md={12}>
            <Form.Item name={['integrity', b, 'found']} label={f(b)}>
              <Radio.Group aria-label={f(b)} options={[{ value: true, label: f('yes') }, { value: false, label: f('no') }]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['integrity', b, 'note']} label={`${f(b)} · ${f('note')}`}>
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
      ))}
    </Card>
  );
}
