import { Checkbox, DatePicker, Form, Input, Row, Spin, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISPOSALS, type Backfill, type ExportReturnFilled, type ExportReturnView } from '@returntrace/domain';
import type { Lang } from '../../../i18n';
import { fmtTime } from '../../../i18n/format';
import { disposalLabel, partyText, statusLabel } from '../labels';
import { Cell, SysField, type FieldKit } from './kit';
import { RefSelect } from './RefSelect';

interface Props {
  kit: FieldKit;
  lang: Lang;
  record: ExportReturnView | null;
  filled: ExportReturnFilled | null;
  /** 主管海关: the office that will audit, known from the backfill before the first save */
  office: Backfill['competentOffice'];
  /** shown as 采集人 / 采集机构 before the first save */
  collector: { name: string; org: string };
  backfilling: boolean;
  otherChosen: boolean;
}

/** 表头 (003 §4.1.1): system fields, the import declaration number and what it fills, the enterprise's own entries. */
export function HeaderSection({ kit, lang, record, filled, office, collector, backfilling, otherChosen }: Props) {
  const { t } = useTranslation();
  const f = (k: string) => t(`er.f.${k}`);
  const orgText = record ? partyText(record.enterprise) : collector.org;
  return (
    <>
      <Row gutter={12}>
        <Cell><SysField label={f('unifiedNo')} value={record?.unifiedNo} testId="er-unified-no" /></Cell>
        <Cell><SysField label={f('returnNo')} value={record?.returnNo} testId="er-return-no" /></Cell>
        <Cell><SysField label={f('status')} value={record ? statusLabel(record.status, lang) : ''} testId="er-status" /></Cell>
        <Cell><SysField label={f('collectorName')} value={record?.collectorName ?? collector.name} /></Cell>
        <Cell><SysField label={f('collectorOrg')} value={orgText} /></Cell>
        <Cell><SysField label={f('source')} value={t('er.v.source')} /></Cell>
        <Cell><SysField label={f('collectorType')} value={t('er.v.enterprise')} /></Cell>
        <Cell><SysField label={f('collectedAt')} value={record?.collectedAt ? fmtTime(record.collectedAt) : ''} /></Cell>
        <Cell>
          <SysField
            label={f('competentOffice')}
            value={office ? `${office.code} ${lang === 'zh' ? office.nameZh : office.nameEn}` : ''}
          />
        </Cell>
      </Row>
      <Row gutter={12}>
        <Cell hint="importDeclarationNo">
          <Form.Item name="importDeclarationNo" label={f('importDeclarationNo')} rules={kit.rules('importDeclarationNo')}>
            <Input
              className={kit.cls('importDeclarationNo')}
              placeholder={t('er.ph.importNo')}
              maxLength={18}
              inputMode="numeric"
              autoComplete="off"
              data-testid="er-import-no"
              data-backfill="1"
              suffix={backfilling ? <Spin size="small" /> : <span />}
            />
          </Form.Item>
        </Cell>
        <Cell><SysField label={f('declaringUnit')} value={partyText(filled?.declaringUnit)} testId="er-declaring-unit" /></Cell>
        <Cell><SysField label={f('consignee')} value={partyText(filled?.consignee)} testId="er-consignee" /></Cell>
        <Cell><SysField label={f('declarantName')} value={filled?.declarantName} /></Cell>
        <Cell hint="consigneeAddress">
          <Form.Item name="consigneeAddress" label={f('consigneeAddress')} rules={kit.rules('consigneeAddress')}>
            <Input className={kit.cls('consigneeAddress')} maxLength={200} />
          </Form.Item>
        </Cell>
        <Cell>
          <Form.Item label={f('consigneeContactPhone')} required={false}>
            <Space.Compact style={{ width: '100%' }}>
              <span data-hint="consigneeContact" style={{ width: '45%' }}>
                <Form.Item name="consigneeContact" noStyle rules={kit.rules('consigneeContact')}>
                  <Input className={kit.cls('consigneeContact')} placeholder={t('er.ph.contact')} aria-label={f('consigneeContact')} maxLength={50} />
                </Form.Item>
              </span>
              <span data-hint="consigneePhone" style={{ width: '55%' }}>
                <Form.Item name="consigneePhone" noStyle rules={kit.rules('consigneePhone')}>
                  <Input className={kit.cls('consigneePhone')} placeholder={t('er.ph.phone')} aria-label={f('consigneePhone')} maxLength={40} />
                </Form.Item>
              </span>
            </Space.Compact>
          </Form.Item>
        </Cell>
        <Cell hint="consumerDistrict">
          <Form.Item name="consumerDistrict" label={f('consumerDistrict')} rules={kit.rules('consumerDistrict')}>
            <RefSelect dataset="customs-districts" lang={lang} className={kit.cls('consumerDistrict')}
              placeholder={t('er.ph.search')} aria-label={f('consumerDistrict')} disabled={!kit.editable} />
          </Form.Item>
        </Cell>
        <Cell><SysField label={f('consumerUnit')} value={partyText(filled?.consumerUnit)} /></Cell>
        <Cell hint="returnAgreementDate">
          <Form.Item name="returnAgreementDate" label={f('returnAgreementDate')} rules={kit.rules('returnAgreementDate')}
            validateTrigger="onChange">
            <DatePicker className={kit.cls('returnAgreementDate')} placeholder={t('er.ph.date')} style={{ width: '100%' }}
              aria-label={f('returnAgreementDate')} />
          </Form.Item>
        </Cell>
        <Cell><SysField label={f('declareDate')} value={filled?.declareDate} /></Cell>
        <Cell><SysField label={f('arrivalDate')} value={filled?.arrivalDate} /></Cell>
        <Cell><SysField label={f('returnCountry')} value={filled?.returnCountry} testId="er-return-country" /></Cell>
        <Cell><SysField label={f('acceptingCustoms')} value={filled?.acceptingCustoms} /></Cell>
        <Cell><SysField label={f('tradeMode')} value={filled?.tradeMode} /></Cell>
        <Cell><SysField label={f('billOfLading')} value={filled?.billOfLading} /></Cell>
        <Cell><SysField label={f('destinationCustoms')} value={filled?.destinationCustoms} /></Cell>
        <Cell span={8} hint="disposals">
          <Form.Item name="disposals" label={f('disposals')} rules={kit.rules('disposals')} validateTrigger="onChange">
            <Checkbox.Group className="rt-f-box" aria-label={f('disposals')}
              options={DISPOSALS.map((d) => ({ value: d, label: disposalLabel(d, lang) }))} />
          </Form.Item>
        </Cell>
        <Cell span={8} hint="disposalOther">
          <Form.Item name="disposalOther" label={f('disposalOther')} rules={kit.rules('disposalOther')} dependencies={['disposals']}>
            <Input className={otherChosen ? 'rt-f-req' : 'rt-f-opt'} disabled={!otherChosen} maxLength={200}
              placeholder={t('er.ph.disposalOther')} />
          </Form.Item>
        </Cell>
      </Row>
    </>
  );
}
