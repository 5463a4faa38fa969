import { Col, DatePicker, Divider, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n/labels';
import { FACTOR_KEYS, sourceOptions } from '../labels';
import { GoodsList } from './GoodsList';
import { CountrySelect, ReasonSelect, TargetOrgSelect } from './pickers';

/**
 * The inputs of a risk-information record and its collection form (采集表, 000 §3.1.2), shared by the new-record
 * page and the edit drawer. The source is chosen only when creating.
 */
export function RecordFields({ withSource, proposedOrg }: {
  withSource: boolean;
  proposedOrg?: { id: string; name: { zh: string; en: string } } | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = (k: string) => t(`ri.f.${k}`);
  const ph = (k: string) => t(`ri.ph.${k}`);
  return (
    <>
      <Divider titlePlacement="start">{t('ri.sec.basic')}</Divider>
      <Row gutter={16}>
        {withSource ? (
          <Col xs={24} md={8}>
            <Form.Item name="source" label={f('source')} required>
              <Select options={sourceOptions(lang, true)} showSearch={{ optionFilterProp: 'label' }} data-testid="ri-source" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={withSource ? 16 : 24}>
          <Form.Item name="title" label={f('title')} required>
            <Input maxLength={200} placeholder={ph('title')} data-testid="ri-title" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={f('description')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount placeholder={ph('description')} data-testid="ri-description" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sourceRef" label={f('sourceRef')}>
            <Input maxLength={300} placeholder={ph('sourceRef')} data-testid="ri-source-ref" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="occurredOn" label={f('occurredOn')}>
            <DatePicker style={{ width: '100%' }} data-testid="ri-occurred-on" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="importDeclarationNo" label={f('importDeclarationNo')}>
            <Input maxLength={18} className="rt-mono" placeholder={ph('importNo')} data-testid="ri-import-no" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('ri.sec.enterprise')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="enterpriseCreditCode" label={f('enterpriseCreditCode')}>
            <Input maxLength={18} className="rt-mono" placeholder={ph('creditCode')} data-testid="ri-credit-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="enterpriseName" label={f('enterpriseName')}>
            <Input maxLength={200} data-testid="ri-enterprise-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="brand" label={f('brand')}>
            <Input maxLength={100} data-testid="ri-brand" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="countryCode" label={f('countryCode')}>
            <CountrySelect placeholder={ph('country')} data-testid="ri-country" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('ri.sec.goods')}</Divider>
      <GoodsList />

      <Divider titlePlacement="start">{t('ri.sec.reasons')}</Divider>
      <Form.Item name="reasonCodes" label={f('reasonCodes')}>
        <ReasonSelect placeholder={ph('reasons')} data-testid="ri-reasons" />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('ri.factorsHint')}</Typography.Paragraph>
      <Row gutter={[16, 0]}>
        {FACTOR_KEYS.map((k) => (
          <Col xs={24} md={12} key={k}>
            <Form.Item name={['factors', k]} valuePropName="checked" style={{ marginBottom: 8 }}
              label={t(`ri.factor.${k}.label`)}
              extra={t(`ri.factor.${k}.help`)}>
              <Switch data-testid={`ri-factor-${k}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>

      <Divider titlePlacement="start">{t('ri.sec.collection')}</Divider>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name={['collection', 'collectedOn']} label={f('collectedOn')} required>
            <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="ri-collected-on" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['collection', 'proposedInvestigatingOrgId']} label={f('proposedOrg')}>
            <TargetOrgSelect placeholder={ph('org')} allowClear current={proposedOrg} data-testid="ri-proposed-org" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={['collection', 'contactName']} label={f('contactName')}>
            <Input maxLength={50} data-testid="ri-contact-name" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={['collection', 'contactPhone']} label={f('contactPhone')}>
            <Input maxLength={40} data-testid="ri-contact-phone" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
