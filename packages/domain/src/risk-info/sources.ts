/**
 * Sources of risk information (风险信息来源): 000 §3.1.1, 001 art. 8-10, 004 art. 10-12. `export_return` records are
 * created by the platform from declarations that passed manual audit; `public_report` records come from the public
 * real-name report page (实名举报); `foreign_notification` records also come from bulk imports. Every other source is
 * entered by hand by a customs officer.
 * `complaintOrMedia` marks the sources that 000 §3.3.1 sends to on-site investigation ("被投诉举报、媒体公布").
 */
export const RISK_SOURCES = [
  'export_return', 'complaint_report', 'public_report', 'media', 'foreign_notification', 'inspection_result',
  'certification_supervision', 'testing_institution', 'government_notice', 'injury_report', 'traffic_accident',
  'fire_accident', 'product_accident', 'technical_regulation', 'enterprise_self_report', 'consumer_complaint', 'other',
] as const;
export type RiskSource = (typeof RISK_SOURCES)[number];

export interface RiskSourceInfo {
  label: { zh: string; en: string };
  /** 000 §3.3.1: complained about, reported or published by media → on-site investigation */
  complaintOrMedia: boolean;
  /** may a customs officer create a record of this source by hand */
  manual: boolean;
  clause: string;
}

export const RISK_SOURCE_INFO: Record<RiskSource, RiskSourceInfo> = {
  export_return: { label: { zh: '出口退运申报', en: 'Export-return declaration' }, complaintOrMedia: false, manual: false, clause: '001 art. 8 出口退运信息' },
  complaint_report: { label: { zh: '投诉举报', en: 'Complaint or report' }, complaintOrMedia: true, manual: true, clause: '000 §3.1.1' },
  public_report: { label: { zh: '实名举报', en: 'Public real-name report' }, complaintOrMedia: true, manual: false, clause: '001 art. 9; 004 art. 11' },
  media: { label: { zh: '媒体舆情', en: 'Media report' }, complaintOrMedia: true, manual: true, clause: '000 §3.1.1; 001 art. 8' },
  foreign_notification: { label: { zh: '境外通报召回', en: 'Foreign official notification or recall' }, complaintOrMedia: false, manual: true, clause: '001 art. 8 境外通报召回信息' },
  inspection_result: { label: { zh: '检验监管结果', en: 'Inspection and supervision result' }, complaintOrMedia: false, manual: true, clause: '001 art. 8 进出口检验监管信息' },
  certification_supervision: { label: { zh: '认证监管信息', en: 'Certification supervision' }, complaintOrMedia: false, manual: true, clause: '001 art. 8 进出口认证监管信息' },
  testing_institution: { label: { zh: '检验检测机构报告', en: 'Testing institution report' }, complaintOrMedia: false, manual: true, clause: '001 art. 8, 10' },
  government_notice: { label: { zh: '政府部门及行业协会通报', en: 'Government or association notice' }, complaintOrMedia: false, manual: true, clause: '001 art. 8' },
  injury_report: { label: { zh: '医院伤害报告', en: 'Hospital injury report' }, complaintOrMedia: false, manual: true, clause: '001 art. 8' },
  traffic_accident: { label: { zh: '交通事故信息', en: 'Traffic accident report' }, complaintOrMedia: false, manual: true, clause: '001 art. 8' },
  fire_accident: { label: { zh: '消防事故信息', en: 'Fire accident report' }, complaintOrMedia: false, manual: true, clause: '001 art. 8' },
  product_accident: { label: { zh: '产品安全事故信息', en: 'Product safety accident' }, complaintOrMedia: false, manual: true, clause: '001 art. 8' },
  technical_regulation: { label: { zh: '技术法规标准变化', en: 'Technical regulation or standard change' }, complaintOrMedia: false, manual: true, clause: '001 art. 8' },
  enterprise_self_report: { label: { zh: '生产经营者报告', en: 'Enterprise self-report' }, complaintOrMedia: false, manual: true, clause: '001 art. 10; 004 art. 12' },
  consumer_complaint: { label: { zh: '消费者投诉', en: 'Consumer complaint' }, complaintOrMedia: true, manual: true, clause: '001 art. 8' },
  other: { label: { zh: '其他', en: 'Other' }, complaintOrMedia: false, manual: true, clause: '001 art. 8 其它风险信息' },
};

export const MANUAL_RISK_SOURCES = RISK_SOURCES.filter((s) => RISK_SOURCE_INFO[s].manual) as [RiskSource, ...RiskSource[]];
