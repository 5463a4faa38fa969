/**
 * Return reasons (退货原因): four categories (003 §4.1.1 其他) and the specific reasons under each. The catalogue
 * is reference data (`ref_return_reasons`, editable by administrators); this list is its initial content. A reason
 * code starts with its category's prefix, so "does this reason belong to the chosen category" needs no lookup.
 * Tags carry what later rules need (000 §3.3: safety/health/environment, technical barrier, foreign official,
 * the exclusion for equipment of overseas contracted projects).
 */
export const REASON_CATEGORIES = ['quality', 'trade', 'transport', 'other'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export const REASON_CATEGORY_LABELS: Record<ReasonCategory, { zh: string; en: string }> = {
  quality: { zh: '质量原因', en: 'Quality' },
  trade: { zh: '贸易原因', en: 'Trade' },
  transport: { zh: '运输原因', en: 'Transport' },
  other: { zh: '其他原因', en: 'Other' },
};

export const REASON_PREFIX: Record<ReasonCategory, string> = { quality: 'QUA', trade: 'TRD', transport: 'TRN', other: 'OTH' };

export const REASON_CODE_RE = /^(QUA|TRD|TRN|OTH)-\d{2}$/;

export function categoryOfReason(code: string): ReasonCategory | undefined {
  const prefix = code.slice(0, 3);
  return REASON_CATEGORIES.find((c) => REASON_PREFIX[c] === prefix);
}

export interface ReturnReason {
  code: string;
  category: ReasonCategory;
  nameZh: string;
  nameEn: string;
  safetyHealthEnv: boolean;
  technicalBarrier: boolean;
  foreignOfficial: boolean;
  overseasProjectEquipment: boolean;
  sortOrder: number;
  active: boolean;
}

type Tag = 'she' | 'tbt' | 'foreign' | 'project';
const r = (code: string, nameZh: string, nameEn: string, tags: Tag[] = []): ReturnReason => ({
  code,
  category: categoryOfReason(code)!,
  nameZh,
  nameEn,
  safetyHealthEnv: tags.includes('she'),
  technicalBarrier: tags.includes('tbt'),
  foreignOfficial: tags.includes('foreign'),
  overseasProjectEquipment: tags.includes('project'),
  sortOrder: Number(code.slice(4)),
  active: true,
});

export const DEFAULT_RETURN_REASONS: readonly ReturnReason[] = [
  r('QUA-01', '安全项目不合格', 'Safety non-conformity', ['she']),
  r('QUA-02', '卫生项目不合格', 'Hygiene non-conformity', ['she']),
  r('QUA-03', '环保项目不合格', 'Environmental non-conformity', ['she']),
  r('QUA-04', '性能不符合要求', 'Performance below requirements'),
  r('QUA-05', '标签标识不合格', 'Labelling non-conformity', ['tbt']),
  r('QUA-06', '认证不符合要求', 'Certification not met', ['tbt']),
  r('QUA-07', '包装不合格', 'Packaging non-conformity'),
  r('QUA-08', '外观或做工缺陷', 'Appearance or workmanship defect'),
  r('QUA-09', '其他质量原因', 'Other quality reason'),
  r('TRD-01', '客户需求变化', 'Customer demand changed'),
  r('TRD-02', '订单取消', 'Order cancelled'),
  r('TRD-03', '客户拖欠货款', 'Customer in arrears'),
  r('TRD-04', '贸易地位不对等被无条件退货', 'Unconditional return under an unequal trade position'),
  r('TRD-05', '知识产权纠纷', 'Intellectual-property dispute'),
  r('TRD-06', '其他贸易原因', 'Other trade reason'),
  r('TRN-01', '运输途中损坏', 'Damaged in transport'),
  r('TRN-02', '运输延误', 'Transport delay'),
  r('TRN-03', '错发货', 'Wrong shipment'),
  r('TRN-04', '其他运输原因', 'Other transport reason'),
  r('OTH-01', '目的国技术性贸易措施', 'Technical trade measure of the destination', ['tbt']),
  r('OTH-02', '境外官方召回或通报', 'Foreign official recall or notification', ['foreign']),
  r('OTH-03', '境外官方强制退运', 'Forced return ordered by a foreign authority', ['foreign']),
  r('OTH-04', '境外承包工程设备回运', 'Returning equipment of an overseas contracted project', ['project']),
  r('OTH-05', '其他原因', 'Other reason'),
];

/** 拟处理方式 (intended disposal), multi-select. */
export const DISPOSALS = ['domestic_sale', 'dismantle', 'destroy', 're_export', 'other'] as const;
export type Disposal = (typeof DISPOSALS)[number];
export const DISPOSAL_LABELS: Record<Disposal, { zh: string; en: string }> = {
  domestic_sale: { zh: '内销', en: 'Domestic sale' },
  dismantle: { zh: '拆解他用', en: 'Dismantle for other use' },
  destroy: { zh: '销毁', en: 'Destroy' },
  re_export: { zh: '转口', en: 'Re-export' },
  other: { zh: '其他', en: 'Other' },
};

/** 关联报关单原出口监管方式: the manual offers one choice, general trade (一般贸易, code 0110). */
export const ORIGINAL_TRADE_MODES = ['0110'] as const;
export const ORIGINAL_TRADE_MODE_LABELS = { '0110': { zh: '一般贸易', en: 'General trade' } } as const;
