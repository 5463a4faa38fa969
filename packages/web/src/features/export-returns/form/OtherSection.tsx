import { Alert, Checkbox, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  MAX_EXPORT_DECLARATIONS, ORIGINAL_TRADE_MODES, ORIGINAL_TRADE_MODE_LABELS, REASON_CATEGORIES, splitExportDeclarationNos,
  type ReasonCategory, type ReturnReason,
} from '@returntrace/domain';
import type { Lang } from '../../../i18n';
import { problemText } from '../../../api/problem';
import { categoryLabel, reasonName } from '../labels';
import { Cell, type FieldKit } from './kit';
import { RefSelect } from './RefSelect';

interface Props {
  kit: FieldKit;
  lang: Lang;
  reasons: ReturnReason[];
  reasonsError: unknown;
  categories: ReasonCategory[];
  nos: string | undefined;
}

const countNos = (s: string | undefined) => (s?.trim() ? splitExportDeclarationNos(s).filter(Boolean).length : 0);

/** 其他 (003 §4.1.1): original export declarations, the manufacturer and the return reasons. */
export function OtherSection({ kit, lang, reasons, reasonsError, categories, nos }: Props) {
  const { t } = useTranslation();
  const f = (k: string) => t(`er.f.${k}`);
  const n = countNos(nos);
  return (
    <Row gutter={12}>
      <Cell span={24} hint="originalExportDeclarationNos">
        <Form.Item name="originalExportDeclarationNos" label={f('originalExportDeclarationNos')}
          rules={kit.rules('originalExportDeclarationNos')}
          extra={<span data-testid="er-nos-count" style={{ color: n > MAX_EXPORT_DECLARATIONS ? '#cf1322' : undefined }}>
            {t('er.nosCount', { n, max: MAX_EXPORT_DECLARATIONS })}</span>}>
          <Input className={kit.cls('originalExportDeclarationNos')} placeholder={t('er.ph.nos')} autoComplete="off" />
        </Form.Item>
      </Cell>
      <Cell span={16}>
        <Form.Item label={f('manufacturer')}>
          <Space.Compact style={{ width: '100%' }}>
            <span data-hint="manufacturerCreditCode" style={{ width: '32%' }}>
              <Form.Item name={['manufacturer', 'creditCode']} noStyle rules={kit.rules('manufacturer.creditCode')}>
                <Input className={kit.cls('manufacturer')} placeholder={t('er.ph.creditCode')} maxLength={18}
                  aria-label={`${f('manufacturer')} ${f('manufacturerCreditCode')}`} />
              </Form.Item>
            </span>
            <span data-hint="manufacturerCustomsCode" style={{ width: '24%' }}>
              <Form.Item name={['manufacturer', 'customsCode']} noStyle rules={kit.rules('manufacturer.customsCode')}>
                <Input className={kit.cls('manufacturer')} placeholder={t('er.ph.customsCode')} maxLength={10}
                  aria-label={`${f('manufacturer')} ${f('manufacturerCustomsCode')}`} />
              </Form.Item>
            </span>
            <span data-hint="manufacturerName" style={{ width: '44%' }}>
              <Form.Item name={['manufacturer', 'name']} noStyle rules={kit.rules('manufacturer.name')}>
                <Input className={kit.cls('manufacturer')} placeholder={t('er.ph.name')} maxLength={100}
                  aria-label={`${f('manufacturer')} ${f('manufacturerName')}`} />
              </Form.Item>
            </span>
          </Space.Compact>
        </Form.Item>
      </Cell>
      <Cell hint="manufacturerContact">
        <Form.Item name="manufacturerContact" label={f('manufacturerContact')} rules={kit.rules('manufacturerContact')}>
          <Input className={kit.cls('manufacturerContact')} maxLength={50} />
        </Form.Item>
      </Cell>
      <Cell hint="manufacturerPhone">
        <Form.Item name="manufacturerPhone" label={f('manufacturerPhone')} rules={kit.rules('manufacturerPhone')}>
          <Input className={kit.cls('manufacturerPhone')} maxLength={40} />
        </Form.Item>
      </Cell>
      <Cell hint="manufacturerDivision">
        <Form.Item name="manufacturerDivision" label={f('manufacturerDivision')} rules={kit.rules('manufacturerDivision')}
          validateTrigger="onChange">
          <RefSelect dataset="divisions" lang={lang} className={kit.cls('manufacturerDivision')} placeholder={t('er.ph.search')}
            aria-label={f('manufacturerDivision')} disabled={!kit.editable} />
        </Form.Item>
      </Cell>
      <Cell hint="manufacturerOffice">
        <Form.Item name="manufacturerOffice" label={f('manufacturerOffice')} rules={kit.rules('manufacturerOffice')}
          validateTrigger="onChange">
          <RefSelect dataset="customs-districts" subordinateOnly lang={lang} className={kit.cls('manufacturerOffice')}
            placeholder={t('er.ph.search')} aria-label={f('manufacturerOffice')} disabled={!kit.editable} />
        </Form.Item>
      </Cell>
      <Cell hint="exportInspected">
        <Form.Item name="exportInspected" label={f('exportInspected')} rules={kit.rules('exportInspected')} validateTrigger="onChange">
          <Select className={kit.cls('exportInspected')} aria-label={f('exportInspected')} allowClear showSearch
            options={[{ value: 'Y', label: t('er.v.yes') }, { value: 'N', label: t('er.v.no') }]} />
        </Form.Item>
      </Cell>
      <Cell hint="originalTradeMode">
        <Form.Item name="originalTradeMode" label={f('originalTradeMode')} rules={kit.rules('originalTradeMode')} validateTrigger="onChange">
          <Checkbox.Group className="rt-f-box" aria-label={f('originalTradeMode')}
            options={ORIGINAL_TRADE_MODES.map((m) => ({ value: m, label: ORIGINAL_TRADE_MODE_LABELS[m][lang] }))} />
        </Form.Item>
      </Cell>
      <Cell span={24} hint="reasonCategories">
        <Form.Item name="reasonCategories" label={f('reasonCategories')} rules={kit.rules('reasonCategories')} validateTrigger="onChange">
          <Checkbox.Group className="rt-f-box" aria-label={f('reasonCategories')} data-testid="er-reason-categories"
            options={REASON_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))} />
        </Form.Item>
      </Cell>
      <Cell span={24} hint="reasons">
        <Form.Item name="reasons" label={f('reasons')} rules={kit.rules('reasons')} validateTrigger="onChange"
          dependencies={['reasonCategories']}>
          <ReasonPicker reasons={reasons} categories={categories} lang={lang} error={reasonsError} />
        </Form.Item>
      </Cell>
      <Cell span={24} hint="reasonExplanation">
        <Form.Item name="reasonExplanation" label={f('reasonExplanation')} rules={kit.rules('reasonExplanation')}
          dependencies={['reasonCategories']}>
          <Input.TextArea className={kit.cls('reasonExplanation')} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </Form.Item>
      </Cell>
    </Row>
  );
}

interface PickerProps {
  value?: string[];
  onChange?: (v: string[]) => void;
  reasons: ReturnReason[];
  categories: ReasonCategory[];
  lang: Lang;
  error: unknown;
  disabled?: boolean;
}

/** Under each chosen category, the check boxes of its specific reasons (catalogue from GET /export-returns/reasons). */
function ReasonPicker({ value = [], onChange, reasons, categories, lang, error, disabled }: PickerProps) {
  const { t } = useTranslation();
  if (error) return <Alert type="error" showIcon title={problemText(error)} />;
  if (categories.length === 0) return <Typography.Text type="secondary">{t('er.hint.reasons')}</Typography.Text>;
  return (
    <div className="rt-er-reasons" data-testid="er-reasons">
      {categories.map((c) => {
        const own = reasons.filter((r) => r.category === c && r.active).sort((a, b) => a.sortOrder - b.sortOrder);
        const codes = new Set(own.map((r) => r.code));
        return (
          <div key={c} className="rt-er-reason-group rt-f-box" role="group" aria-label={categoryLabel(c, lang)}>
            <b>{categoryLabel(c, lang)}</b>
            <Checkbox.Group
              disabled={disabled}
              value={value.filter((v) => codes.has(v))}
              onChange={(picked) => onChange?.([...value.filter((v) => !codes.has(v)), ...(picked as string[])])}
              options={own.map((r) => ({ value: r.code, label: reasonName(r, lang) }))}
            />
          </div>
        );
      })}
    </div>
  );
}
