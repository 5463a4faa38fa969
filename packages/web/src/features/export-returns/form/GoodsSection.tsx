import { Form, InputNumber, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportReturnLine } from '@returntrace/domain';
import type { FieldKit } from './kit';

/**
 * 商品信息: the import declaration's lines, grey except the returned weight (optional) and whether the goods are an
 * industrial product (Y/N).
 */
export function GoodsSection({ kit, lines }: { kit: FieldKit; lines: ExportReturnLine[] }) {
  const { t } = useTranslation();
  const g = (k: string) => t(`er.goods.${k}`);
  return (
    <Table<ExportReturnLine>
      className="rt-er-goods"
      size="small"
      bordered
      rowKey="lineNo"
      pagination={false}
      dataSource={lines}
      data-testid="er-goods"
      locale={{ emptyText: g('empty') }}
      scroll={{ x: 1250 }}
      columns={[
        { title: g('lineNo'), dataIndex: 'lineNo', width: 56 },
        { title: g('hsCode'), dataIndex: 'hsCode', width: 110, render: (v: string) => <span className="rt-mono">{v}</span> },
        { title: g('supervisionCategory'), dataIndex: 'supervisionCategory', width: 110 },
        { title: g('goodsName'), dataIndex: 'goodsName', width: 180 },
        { title: g('amount'), dataIndex: 'amount', width: 110, align: 'right' },
        { title: g('currency'), dataIndex: 'currency', width: 90 },
        { title: g('quantity'), dataIndex: 'quantity', width: 100, align: 'right' },
        { title: g('unit'), dataIndex: 'unit', width: 80 },
        {
          title: g('weightKg'), key: 'weightKg', width: 150,
          render: (_: unknown, l, i) => (
            <div data-hint="weightKg">
              <Form.Item name={['lines', i, 'weightKg']} rules={kit.rules(`lines.${i}.weightKg`)}>
                <InputNumber className="rt-f-opt" min={0} step={0.001} style={{ width: '100%' }} disabled={!kit.editable}
                  aria-label={`${g('weightKg')} ${l.lineNo}`} data-testid={`er-line-weight-${l.lineNo}`} />
              </Form.Item>
            </div>
          ),
        },
        { title: g('weightUnit'), key: 'weightUnit', width: 80, render: () => t('er.v.kg') },
        {
          title: g('industrial'), key: 'industrial', width: 110,
          render: (_: unknown, l, i) => (
            <div data-hint="industrial">
              <Form.Item name={['lines', i, 'industrial']} rules={kit.rules(`lines.${i}.industrial`)} validateTrigger="onChange">
                <Select className="rt-f-req" disabled={!kit.editable} aria-label={`${g('industrial')} ${l.lineNo}`} data-testid={`er-line-industrial-${l.lineNo}`}
                  options={[{ value: 'Y', label: t('er.v.yes') }, { value: 'N', label: t('er.v.no') }]} />
              </Form.Item>
            </div>
          ),
        },
      ]}
    />
  );
}
