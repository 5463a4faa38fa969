/**
 * Texts of the risk-information pages (风险信息), registered under `ri.` when the feature's chunk loads. Menu and tab
 * titles live in the shared i18n files because they are needed before the chunk is fetched. Source, state and
 * investigation-type labels come from @returntrace/domain.
 */
import i18n from '../../i18n';

const zh = {
  f: {
    infoNo: '风险信息编号', source: '信息来源', state: '状态', title: '标题', description: '退运货物信息详情',
    sourceRef: '来源编号或链接', occurredOn: '发生或发布日期', importDeclarationNo: '进口报关单号',
    enterpriseCreditCode: '企业统一社会信用代码', enterpriseName: '企业名称', brand: '品牌或商标', countryCode: '国家（地区）',
    reasonCodes: '退运原因', factors: '调查方式判定因素', collectedOn: '信息收集日期', collectorName: '信息收集人',
    collectingOrg: '信息收集机构', proposedOrg: '拟调查机构', contactName: '调查联系人', contactPhone: '联系电话',
    reviewOpinion: '审核意见', reviewedBy: '审核人', reviewedAt: '审核时间', investigatingOrg: '调查机构',
    office: '所属海关', batchValueUsd: '单批退运金额（美元）', exportReturn: '出口退货申报', createdAt: '创建时间',
    effectiveType: '调查方式', crimeLead: '涉案线索', enterprise: '企业', goods: '退运货物', dismissReason: '不予调查理由',
  },
  ph: {
    title: '简要概括风险信息', sourceRef: '投诉编号、通报编号或报道链接', creditCode: '18 位统一社会信用代码',
    importNo: '18 位进口报关单号', country: '输入代码或名称检索', reasons: '可多选', org: '选择拟调查机构',
    description: '退运货物的情况、问题和已知事实',
  },
  goods: {
    name: '货物名称', hsCode: 'HS 编码', quantity: '数量', unit: '单位', amount: '金额', currency: '币制',
    add: '添加货物', remove: '删除', none: '未填写货物',
  },
  factor: {
    inspectedAtExport: { label: '出口时实施检验检疫', help: '虽未列入法检目录，但出口时实施了检验检疫（援外物资、双边协议产品等），关系国家声誉，纳入现场调查。' },
    foreignOfficial: { label: '境外官方强制退回', help: '被境外官方（如美国 CPSC、欧盟 RAPEX）以召回、下架或通报等方式强制退回，纳入现场调查。' },
    technicalBarrier: { label: '涉及技术性贸易壁垒', help: '境外客户的退运理由涉及技术性贸易壁垒，纳入现场调查。' },
    safetyHealthEnv: { label: '安全、卫生、环保和健康不合格', help: '退运原因涉及安全、卫生、环保和健康等不合格项目，纳入现场调查，且不适用书面调查。' },
    warningInForce: { label: '警示通报仍在有效期内', help: '国家主管部门发布的与出口退货有关且仍在有效期内的警示通报所涉产品，纳入现场调查。' },
    higherRiskAssessed: { label: '经风险评估为较大风险', help: '引入风险评估，将较大风险的货物纳入现场调查（按本关政策是否适用）。' },
    overseasProjectEquipment: { label: '对外承包工程复运进境设备物资', help: '对外承包工程结束后复运进境的原出口设备、物资，不列入现场调查和书面调查，列入备案调查。' },
  },
  factorsHint: '法检目录和单批金额由系统根据货物自动判断；下列情况请按事实勾选（000 §3.3）。',
  sec: { basic: '基本信息', enterprise: '企业与国家', goods: '退运货物', reasons: '退运原因与判定因素', collection: '采集表' },
  list: {
    title: '风险信息查询', all: '全部', incoming: '移送本单位待受理', q: '关键字', qPh: '编号、标题、企业、报关单号',
    range: '信息收集日期', anySource: '全部来源', anyState: '全部状态', anyType: '全部调查方式', anyLead: '不限',
    yes: '是', no: '否', exportLeads: '导出涉案线索', new: '新建', overridden: '已人工调整',
  },
  new: {
    title: '新建风险信息', created: '已创建风险信息 {{no}}', fixErrors: '录入内容有误，请根据字段旁的红色提示修改',
    duplicate: '该进口报关单在本直属海关已有风险信息 {{no}}，已关联为重复信息，未重复创建。',
  },
  d: {
    collectionForm: '出口退运货物追溯调查信息采集表', decision: '拟定调查方式', ruleDecision: '规则判定',
    decidedBy: '决定规则', decidedAt: '判定时间', fired: '触发的规则', clause: '依据条款', reason: '理由', figures: '数据',
    outcome: '结论', suppressed: '已排除', suppressedWhy: '对外承包工程项下复运进境的设备、物资不列入现场调查和书面调查（000 §3.3.1、§3.3.2）',
    policyVersion: '政策版本', policyDefault: '文件默认值（本关尚未发布政策）', policyV: '第 {{v}} 版',
    valueUnknown: '单批退运金额未知（金额或汇率缺失），金额区间规则未参与判定。',
    override: '人工调整', overrideReason: '调整理由', overrideBy: '调整人', overrideAt: '调整时间', effective: '最终调查方式',
    noDecision: '尚未判定', exclude: '排除', links: '关联与重复', transfers: '移送记录', files: '附件',
    upload: '上传附件', uploaded: '已上传', fileName: '文件名', size: '大小', uploadedAt: '上传时间', noFactors: '无',
    crimeLeadNote: '涉案线索说明', crimeLeadBy: '标记人', investigation: '调查案件', view: '查看',
    linkKind: { duplicate_declaration: '同一进口报关单重复', duplicate_notification: '同一境外通报重复', related_return: '关联出口退货' },
    linkTarget: '关联对象', kind: '类别', note: '说明', at: '时间', foreignNotification: '境外通报',
    transferStatus: { pending: '待受理', accepted: '已受理', declined: '已退回' },
    toOrg: '调查机构', by: '移送人', decidedByUser: '处理人', decisionAt: '处理时间',
  },
  act: {
    edit: '修改采集表', review: '审核', dismiss: '不予调查', reopen: '重新启用', transfer: '移送调查机构', accept: '受理',
    decline: '退回', override_type: '调整调查方式', mark_crime_lead: '标记涉案线索', unmark_crime_lead: '取消涉案线索',
    redecide: '重新判定', print: '打印采集表', open_case: '立案调查', viewCase: '查看调查案件',
  },
  m: {
    opinion: '审核意见', reason: '理由', toOrg: '调查机构', note: '备注', type: '调查方式', crimeNote: '涉案线索说明',
    orgPh: '输入名称或代码检索', redecideConfirm: '按现行有效的调查方式政策重新判定？', acceptConfirm: '受理该风险信息？',
    openCaseConfirm: '对该风险信息立案调查？', unmarkConfirm: '取消该风险信息的涉案线索标记？',
    staleTitle: '数据已被修改', stale: '该风险信息已由其他人修改，您看到的不是最新内容。已重新加载，请核对后再操作。',
  },
  msg: {
    edit: '已保存', review: '已审核', dismiss: '已作不予调查处理', reopen: '已重新启用', transfer: '已移送',
    accept: '已受理', decline: '已退回', override_type: '已调整调查方式', mark_crime_lead: '已标记涉案线索',
    unmark_crime_lead: '已取消涉案线索', redecide: '已重新判定', open_case: '已立案调查',
  },
  er: { link: '由本申报生成的风险信息：', none: '尚未生成风险信息' },
};

const en: typeof zh = {
  f: {
    infoNo: 'Risk info no. (风险信息编号)', source: 'Source (信息来源)', state: 'State', title: 'Title',
    description: 'Details of the returned goods', sourceRef: 'Source reference or link', occurredOn: 'Occurred or published on',
    importDeclarationNo: 'Import declaration no.', enterpriseCreditCode: 'Enterprise credit code (统一社会信用代码)',
    enterpriseName: 'Enterprise name', brand: 'Brand or trademark', countryCode: 'Country or region',
    reasonCodes: 'Return reasons', factors: 'Facts for the investigation type', collectedOn: 'Collected on (信息收集日期)',
    collectorName: 'Collected by', collectingOrg: 'Collecting organisation', proposedOrg: 'Proposed investigating organisation (拟调查机构)',
    contactName: 'Investigation contact (调查联系人)', contactPhone: 'Contact phone', reviewOpinion: 'Review opinion (审核意见)',
    reviewedBy: 'Reviewed by', reviewedAt: 'Reviewed at', investigatingOrg: 'Investigating organisation', office: 'Customs office',
    batchValueUsd: 'Batch value (USD)', exportReturn: 'Export-return declaration', createdAt: 'Created at',
    effectiveType: 'Investigation type (调查方式)', crimeLead: 'Crime lead (涉案线索)', enterprise: 'Enterprise', goods: 'Returned goods',
    dismissReason: 'Reason for dismissal (不予调查理由)',
  },
  ph: {
    title: 'A short summary', sourceRef: 'Complaint no., notification no. or article link', creditCode: '18-character credit code',
    importNo: '18-digit import declaration no.', country: 'Type a code or name', reasons: 'Choose one or more',
    org: 'Choose the proposed organisation', description: 'What happened to the goods, the problem, known facts',
  },
  goods: {
    name: 'Goods name', hsCode: 'HS code', quantity: 'Quantity', unit: 'Unit', amount: 'Amount', currency: 'Currency',
    add: 'Add goods', remove: 'Remove', none: 'No goods entered',
  },
  factor: {
    inspectedAtExport: { label: 'Inspected at export (出口时实施检验检疫)', help: 'Outside the catalogue but inspected at export (aid materials, bilateral-agreement goods): national reputation is at stake, so on-site investigation.' },
    foreignOfficial: { label: 'Forced return by a foreign official body (境外官方强制退回)', help: 'Recalled, removed or notified by a foreign official body (e.g. CPSC, RAPEX): on-site investigation.' },
    technicalBarrier: { label: 'Technical barrier to trade (技术性贸易壁垒)', help: 'The foreign customer returned the goods for a technical-barrier reason: on-site investigation.' },
    safetyHealthEnv: { label: 'Safety, health or environment non-conformity (安全卫生环保健康)', help: 'The reason involves safety, hygiene, environment or health: on-site investigation; written investigation does not apply.' },
    warningInForce: { label: 'Warning notice still in force (警示通报)', help: 'A warning notice about such returns published by the authorities is still in force: on-site investigation.' },
    higherRiskAssessed: { label: 'Higher risk assessed (较大风险)', help: 'A risk assessment found a higher risk: on-site investigation where the customs policy says so.' },
    overseasProjectEquipment: { label: 'Overseas contracted-project equipment (对外承包工程设备物资)', help: 'Equipment and materials coming back after an overseas contracted project: neither on-site nor written investigation, filing only.' },
  },
  factorsHint: 'Catalogue membership and the batch value are worked out from the goods; tick what the facts say (000 §3.3).',
  sec: { basic: 'Basic information', enterprise: 'Enterprise and country', goods: 'Returned goods', reasons: 'Reasons and facts', collection: 'Collection form (采集表)' },
  list: {
    title: 'Risk information query', all: 'All', incoming: 'Transferred to us, awaiting acceptance', q: 'Keyword',
    qPh: 'Number, title, enterprise, declaration no.', range: 'Collected on', anySource: 'Any source', anyState: 'Any state',
    anyType: 'Any type', anyLead: 'Any', yes: 'Yes', no: 'No', exportLeads: 'Export crime leads', new: 'New',
    overridden: 'Overridden',
  },
  new: {
    title: 'New risk information', created: 'Risk information {{no}} created', fixErrors: 'Please correct the fields marked in red',
    duplicate: 'This import declaration already has risk information {{no}} in this customs district; it was linked as a duplicate, nothing new was created.',
  },
  d: {
    collectionForm: 'Collection form (出口退运货物追溯调查信息采集表)', decision: 'Proposed investigation type (拟定调查方式)',
    ruleDecision: 'Rule decision', decidedBy: 'Deciding rule', decidedAt: 'Decided at', fired: 'Rules that fired',
    clause: 'Clause', reason: 'Reason', figures: 'Figures', outcome: 'Outcome', suppressed: 'Excluded',
    suppressedWhy: 'Overseas contracted-project equipment is excluded from on-site and written investigation (000 §3.3.1, §3.3.2)',
    policyVersion: 'Policy version', policyDefault: 'Document defaults (no policy published by this customs)', policyV: 'version {{v}}',
    valueUnknown: 'The batch value is unknown (an amount or a rate is missing); the value-band rules were not evaluated.',
    override: 'Override (人工调整)', overrideReason: 'Reason', overrideBy: 'By', overrideAt: 'At', effective: 'Effective type',
    noDecision: 'Not decided yet', exclude: 'Exclusion', links: 'Links and duplicates', transfers: 'Transfers', files: 'Files',
    upload: 'Upload a file', uploaded: 'Uploaded', fileName: 'File', size: 'Size', uploadedAt: 'Uploaded at', noFactors: 'None',
    crimeLeadNote: 'Crime lead note', crimeLeadBy: 'Marked by', investigation: 'Investigation case', view: 'Open',
    linkKind: { duplicate_declaration: 'Duplicate: same import declaration', duplicate_notification: 'Duplicate: same foreign notification', related_return: 'Related export return' },
    linkTarget: 'Linked to', kind: 'Kind', note: 'Note', at: 'At', foreignNotification: 'Foreign notification',
    transferStatus: { pending: 'Pending', accepted: 'Accepted', declined: 'Declined' },
    toOrg: 'Investigating organisation', by: 'Transferred by', decidedByUser: 'Decided by', decisionAt: 'Decided at',
  },
  act: {
    edit: 'Edit the collection form', review: 'Review (审核)', dismiss: 'Dismiss (不予调查)', reopen: 'Reopen',
    transfer: 'Transfer (移送)', accept: 'Accept (受理)', decline: 'Decline (退回)', override_type: 'Override the type',
    mark_crime_lead: 'Mark as crime lead', unmark_crime_lead: 'Unmark crime lead', redecide: 'Decide again',
    print: 'Print the collection form', open_case: 'Open investigation (立案调查)', viewCase: 'Open the investigation case',
  },
  m: {
    opinion: 'Review opinion', reason: 'Reason', toOrg: 'Investigating organisation', note: 'Note', type: 'Investigation type',
    crimeNote: 'Why this is a crime lead', orgPh: 'Type a name or code', redecideConfirm: 'Decide the type again with the policy now in force?',
    acceptConfirm: 'Accept this risk information?', openCaseConfirm: 'Open an investigation for this risk information?',
    unmarkConfirm: 'Remove the crime-lead mark?', staleTitle: 'Changed meanwhile',
    stale: 'Someone else changed this record; the page has been reloaded. Check it and try again.',
  },
  msg: {
    edit: 'Saved', review: 'Reviewed', dismiss: 'Dismissed', reopen: 'Reopened', transfer: 'Transferred', accept: 'Accepted',
    decline: 'Declined', override_type: 'Type overridden', mark_crime_lead: 'Marked as crime lead',
    unmark_crime_lead: 'Crime-lead mark removed', redecide: 'Decided again', open_case: 'Investigation opened',
  },
  er: { link: 'Risk record made from this declaration (风险信息): ', none: 'No risk record yet' },
};

i18n.addResourceBundle('zh', 'translation', { ri: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { ri: en }, true, false);
