import { Button, Card, Empty, Checkbox, Col, DatePicker, Form, Input, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** 纠正措施 proposed to the enterprise, each with a due date; marked done when the enterprise has carried it out. */
export function CorrectiveActionsGroup({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`inv.f.${k}`);
  return (
    <Card size="small" className="rt-inv-group" title={t('inv.f.g.corrective')} data-testid="fg-corrective">
      <Form.List name="correctiveActions">
        {(rows, { add, remove }) => (
          <>
            {rows.length === 0 && !editable ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            {rows.map(({ key, name }) => (
              <Row gutter={12} key={key} className="rt-inv-row" data-testid="corrective-row">
                <Col xs={24} md={14}>
                  <Form.Item name={[name, 'action']} label={f('action')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('action') }) }]}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[name, 'dueOn']} label={f('dueOn')} rules={[{ required: true, message: t('common.select', { field: f('dueOn') }) }]}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={3}>
                  <Form.Item name={[name, 'done']} label={f('done')} valuePropName="checked"><Checkbox /></Form.Item>
                </Col>
                <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                  {editable ? <Button type="text" danger icon={<DeleteOutlined />} aria-label={f('remove')} onClick={() => remove(name)} /> : null}
                </Col>
              </Row>
            ))}
            {editable && rows.length < 20 ? (
              <Button type="dashed" icon={<PlusOutlined />} data-testid="add-corrective"
                onClick={() => add({ action: '', dueOn: null, done: false })}>
                {f('addAction')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </Card>
  );
}
