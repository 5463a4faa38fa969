import { Button, Card, Empty, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INSPECTION_BODIES, INSPECTION_RESULTS } from '@returntrace/domain';
import { vLabel } from '../labels';

/** 3.4.2 货物检验情况: one row per inspection by customs, a third party or a foreign official. */
export function InspectionsGroup({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`inv.f.${k}`);
  return (
    <Card size="small" className="rt-inv-group" title={t('inv.f.g.inspections')} data-testid="fg-inspections">
      <Form.List name="inspections">
        {(rows, { add, remove }) => (
          <>
            {rows.length === 0 && !editable ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            {rows.map(({ key, name }) => (
              <div key={key} className="rt-inv-row" data-testid="inspection-row">
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item name={[name, 'by']} label={f('by')} rules={[{ required: true, message: t('common.select', { field: f('by') }) }]}>
                      <Select options={INSPECTION_BODIES.map((v) => ({ value: v, label: vLabel('by', v) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[name, 'institution']} label={f('institution')}><Input maxLength={200} /></Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[name, 'date']} label={f('date')}><DatePicker style={{ width: '100%' }} /></Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[name, 'result']} label={f('result')} rules={[{ required: true, message: t('common.select', { field: f('result') }) }]}>
                      <Select options={INSPECTION_RESULTS.map((v) => ({ value: v, label: vLabel('result', v) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={1} style={{ paddingTop: 30 }}>
                    {editable ? <Button type="text" danger icon={<DeleteOutlined />} aria-label={f('remove')} onClick={() => remove(name)} /> : null}
                  </Col>
                  <Col span={24}>
                    <Form.Item name={[name, 'details']} label={f('details')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
                  </Col>
                </Row>
              </div>
            ))}
            {editable && rows.length < 20 ? (
              <Button type="dashed" icon={<PlusOutlined />} data-testid="add-inspection"
                onClick={() => add({ by: undefined, institution: '', date: null, result: undefined, details: '' })}>
                {f('addInspection')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </Card>
  );
}
