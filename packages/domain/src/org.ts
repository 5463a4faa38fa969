/** Organisation kinds (机构类别) and user roles (角色); labels carry the Chinese term beside the English one. */
export const ORG_KINDS = [
  'gacc', // 海关总署 General Administration of Customs
  'direct_customs', // 直属海关 directly-affiliated customs
  'sub_customs', // 隶属海关 subordinate customs office
  'tech_institution', // 技术机构 risk-assessment technical institution
  'monitoring_centre', // 国家监测中心 national monitoring centre
  'market_regulation', // 市场监管部门
  'ecology_environment', // 生态环境部门
  'public_security', // 公安部门
  'association', // 行业协会
  'enterprise', // 企业
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  gacc: { zh: '海关总署', en: 'General Administration of Customs' },
  direct_customs: { zh: '直属海关', en: 'Directly-affiliated customs' },
  sub_customs: { zh: '隶属海关', en: 'Subordinate customs office' },
  tech_institution: { zh: '技术机构', en: 'Technical institution' },
  monitoring_centre: { zh: '国家监测中心', en: 'National monitoring centre' },
  market_regulation: { zh: '市场监督管理部门', en: 'Market regulation bureau' },
  ecology_environment: { zh: '生态环境部门', en: 'Ecology and environment bureau' },
  public_security: { zh: '公安机关', en: 'Public security' },
  association: { zh: '行业协会', en: 'Industry association' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

export const CUSTOMS_KINDS: readonly OrgKind[] = ['gacc', 'direct_customs', 'sub_customs'];
export const isCustomsKind = (kind: string): boolean => (CUSTOMS_KINDS as readonly string[]).includes(kind);

export const ROLES = [
  'enterprise_operator',
  'customs_officer',
  'customs_auditor',
  'investigator',
  'risk_assessor',
  'warning_office',
  'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  enterprise_operator: { zh: '企业操作员', en: 'Enterprise operator' },
  customs_officer: { zh: '海关采集受理人员', en: 'Customs officer (collection and intake)' },
  customs_auditor: { zh: '海关审核人员', en: 'Customs auditor' },
  investigator: { zh: '调查人员', en: 'Investigator' },
  risk_assessor: { zh: '风险评估人员', en: 'Risk assessor' },
  warning_office: { zh: '预警办公室/监督人员', en: 'Warning office / supervisor' },
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
};

/** Which roles an organisation kind may hold; the server refuses other combinations. */
export const ROLES_BY_ORG_KIND: Record<OrgKind, readonly Role[]> = {
  gacc: ['customs_officer', 'customs_auditor', 'investigator', 'warning_office', 'sysadmin'],
  direct_customs: ['customs_officer', 'customs_auditor', 'investigator', 'warning_office', 'sysadmin'],
  sub_customs: ['customs_officer', 'customs_auditor', 'investigator', 'warning_office', 'sysadmin'],
  tech_institution: ['risk_assessor'],
  monitoring_centre: ['risk_assessor'],
  market_regulation: ['investigator'],
  ecology_environment: ['investigator'],
  public_security: ['investigator'],
  association: ['investigator'],
  enterprise: ['enterprise_operator'],
};

/** Roles for which an administrator can make the second factor mandatory. */
export const MFA_ELIGIBLE_ROLES: readonly Role[] = [
  'customs_officer', 'customs_auditor', 'investigator', 'warning_office', 'sysadmin',
];
