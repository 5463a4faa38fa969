import { Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CurrencySelect } from './pickers';

/** Goods lines (name, HS, quantity, unit, amount, currency); the amounts give the batch value in USD. */
export function GoodsList() {
  const { t } = useTranslation();
  const g = (k: string) => t(`ri.goods.${k}`);
  return (
    <Form.List name="goods">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 ? <Typography.Text type="secondary">{g('none')}</Typography.Text> : null}
          {fields.map((field, i) => (
            <Row key={field.key} gutter={8} align="top" data-testid={`ri-goods-${i}`}>
              <Col xs={24} md={6}>
                <Form.Item name={[field.name, 'name']} label={g('name')} required>
                  <Input maxLength={200} data-testid={`ri-goods-${i}-name`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[field.name, 'hsCode']} label={g('hsCode')}>
                  <Input maxLength={10} className="rt-mono" data-testid={`ri-goods-${i}-hs`} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name={[field.name, 'quantity']} label={g('quantity')}>
                  <InputNumber min={0} style={{ width: '100%' }} data-testid={`ri-goods-${i}-qty`} />
                </Form.Item>
              </Col>
              <Col xs={8} md={2}>
                <Form.Item name={[field.name, 'unit']} label={g('unit')}>
                  <Input maxLength={20} data-testid={`ri-goods-${i}-unit`} />
                </Form.Item>
              </Col>
              <Col xs={8} md={4}>
                <Form.Item name={[field.name, 'amount']} label={g('amount')}>
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid={`ri-goods-${i}-amount`} />
                </Form.Item>
              </Col>
              <Col xs={6} md={4}>
                <Form.Item name={[field.name, 'currency']} label={g('currency')}>
                  <CurrencySelect data-testid={`ri-goods-${i}-currency`} />
                </Form.Item>
              </Col>
              <Col xs={2} md={1}>
                <Form.Item label=" " colon={false}>
                  <Button icon={<DeleteOutlined />} aria-label={g('remove')} onClick={() => remove(field.name)} danger type="text" />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="ri-goods-add">{g('add')}</Button>
        </>
      )}
    </Form.List>
  );
}
