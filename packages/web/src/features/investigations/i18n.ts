/**
 * Texts of the investigation pages (追溯调查), registered under `inv.` when the feature's chunk loads. State, type and
 * event names come from the domain's label tables; the findings vocabulary of 000 §3.4 lives here.
 */
import i18n from '../../i18n';

const zh = {
  list: {
    title: '追溯调查', caseNo: '调查编号', type: '调查类型', state: '状态', office: '立案海关', investigatingOrg: '调查机构',
    enterprise: '被调查企业', lead: '主办调查人', dueAt: '办结期限', openedAt: '立案时间', riskInfo: '风险信息',
    overdueOnly: '仅看超期', mine: '仅看我的', q: '关键字', qPh: '调查编号、风险信息编号或企业', anyState: '全部状态',
    anyType: '全部类型', overdueDays: '超期 {{n}} 天', overdue: '超期', open: '办理',
  },
  head: {
    title: '调查案件 {{no}}', riskInfo: '风险信息记录', closedAt: '结案时间', access: '我的权限',
    accessManage: '管理', accessEdit: '可编辑', accessRead: '只读', none: '未指定', readOnly: '您对该案件只有查看权限',
  },
  tab: {
    findings: '调查要素', visits: '现场调查', files: '证据材料', notes: '内部备注', questionnaires: '书面调查问卷',
    members: '协查人员', history: '办理记录',
  },
  act: {
    title: '办理', reason: '原因', reasonRequired: '请填写原因', lead: '主办调查人', leadRequired: '请选择主办调查人',
    leadId: '主办调查人用户ID', leadIdPh: '该调查机构用户的ID（UUID）', confirm: '确认{{action}}？', done: '已{{action}}',
    submitHint: '提交前将先保存调查要素草稿', fixFindings: '调查要素不完整，请根据红色提示补充后再提交',
  },
  f: {
    save: '保存草稿', saved: '调查要素草稿已保存', stale: '调查要素已被他人修改，请刷新后再编辑（您未保存的修改将丢失）',
    reload: '刷新', fix: '请根据字段旁的红色提示修改', locked: '当前状态下调查要素不能修改（仅已分派、调查中的案件可编辑）',
    g: {
      returnReason: '一、退运原因', inspections: '二、货物检验情况', qualitySystem: '三、企业质量体系情况',
      integrity: '四、企业诚信情况', goodsFlow: '五、货物流向', other: '六、其他情况', corrective: '七、纠正措施',
      summary: '八、调查结论',
    },
    category: '原因认定', nonQualityKind: '非质量原因类别', rootCauseStages: '质量问题产生环节', analysis: '原因分析',
    by: '检验主体', institution: '检验机构', date: '检验日期', result: '检验结果', details: '检验情况说明',
    addInspection: '添加检验记录', remove: '删除',
    qms: '质量管理体系', productCertification: '产品认证', destinationStandards: '目的国标准收集', status: '状况',
    note: '说明', managementCategory: '企业管理类别', managementCategoryPh: '如：一类、AA、A、B、C、D',
    judgement: '质量体系完善性判定', causedReturn: '是否导致退运',
    evadedExportSupervision: '是否存在逃避出口监管的行为', misstatedReturnReason: '是否存在虚报退运原因的行为',
    productDiffersFromCertified: '是否存在产品与认证/备案不一致的行为', usedReturnModeToEvadeImport: '是否存在利用退运方式逃避进口监管的行为',
    found: '认定', yes: '存在', no: '不存在',
    flow: '货物流向', otherText: '其他流向说明', flowDate: '处置日期', evidence: '流向证据',
    disposal: '与报关单拟处理方式比对', intended: '拟处理方式', actual: '实际处置', matches: '一致', differs: '不一致', noCheck: '尚无比对（无报关单或未填写流向）',
    bigCustomerDemandChange: '客户需求重大变化', unequalTradePosition: '贸易地位不平等', customerArrears: '客户拖欠货款',
    transportLoss: '运输途中损失', technicalBarrier: '遭遇技术性贸易措施', otherNote: '其他情况说明',
    action: '纠正措施', dueOn: '完成期限', done: '已完成', addAction: '添加纠正措施', summary: '调查结论',
    yesNo: { true: '是', false: '否' },
  },
  v: {
    category: { quality: '质量原因', non_quality: '非质量原因' },
    nonQualityKind: { trade: '贸易原因', customer_demand_change: '客户需求变化', technical_trade_measure: '技术性贸易措施', transport_damage: '运输损坏', other: '其他' },
    stage: { design: '设计', production: '生产', testing: '检测', certification: '认证', other: '其他' },
    by: { customs: '海关检验', third_party: '第三方检验', foreign_official: '国外官方检验' },
    result: { conforming: '合格', non_conforming: '不合格', pending: '待定' },
    qms: { effective: '有效运行', deficient: '存在缺陷', absent: '未建立', not_examined: '未核查' },
    judgement: { complete: '完善', partly_complete: '基本完善', incomplete: '不完善' },
    flow: { destroyed: '销毁', re_exported: '复出口', processed_domestic_sale: '加工后内销', dismantled: '拆解', other: '其他' },
    section: { return_reason: '退运原因', inspection: '货物检验情况', quality_system: '质量体系情况', goods_flow: '货物流向', corrective_actions: '纠正措施', other: '其他情况' },
  },
  mem: {
    add: '添加协查', org: '协查机构', user: '协查人员', userPh: '不填则整个机构可协查', access: '权限',
    edit: '可编辑', read: '只读', remove: '移除', removeConfirm: '移除该协查人员？', added: '已添加协查', whole: '整个机构',
  },
  visit: {
    add: '添加现场调查记录', visitedOn: '调查日期', place: '调查地点', people: '参与人员', observations: '现场情况',
    uploadPhoto: '上传照片', added: '现场调查记录已保存', none: '暂无现场调查记录',
  },
  file: {
    upload: '上传证据材料', name: '文件名', kind: '类型', size: '大小', by: '上传人', at: '上传时间',
    evidence: '证据', photo: '现场照片', uploaded: '上传成功',
  },
  note: {
    internal: '内部', hint: '内部备注仅海关及协查机构可见，企业不可见', add: '添加备注', body: '备注内容', added: '备注已添加',
  },
  qn: {
    send: '发送调查问卷', sections: '问卷内容', questions: '补充问题', addQuestion: '添加问题', question: '问题 {{n}}',
    dueOn: '答复期限', dueOnHint: '不填则按政策默认天数', message: '致企业说明', sent: '问卷已发送', needEnterprise: '该案件未关联平台企业，无法发送问卷', oneOpen: '已有未办结的问卷（待答复、已答复或退回补充），采纳或撤回后才能发送新问卷',
    sentAt: '发送时间', state: '状态', reminders: '已提醒 {{n}} 次', overdue: '已逾期', answeredAt: '答复时间',
    accept: '采纳', return: '退回补充', withdraw: '撤回', returnReason: '退回原因',
    accepted: '已采纳，答复已写入调查要素草稿', returned: '已退回企业补充', withdrawn: '问卷已撤回', answer: '企业答复',
    files: '企业上传的材料', noAnswer: '企业尚未答复', withdrawConfirm: '撤回该问卷？',
    qmsCertified: '质量管理体系已认证', productCertified: '产品已认证', destinationStandardsCollected: '已收集目的国标准',
    explanation: '说明', inspection: '货物检验情况', other: '其他情况', none: '暂无问卷',
  },
  hist: { by: '操作人', none: '暂无办理记录' },
  home: {
    mineOpen: '我的在办调查', overdue: '超期调查案件', qOverdue: '逾期未答复问卷', openQuestionnaires: '待答复的调查问卷',
    dueOn: '答复期限', none: '暂无待答复的问卷', answer: '去答复',
  },
};

const en: typeof zh = {
  list: {
    title: 'Investigations (追溯调查)', caseNo: 'Case no.', type: 'Type', state: 'State', office: 'Office', investigatingOrg: 'Investigating org',
    enterprise: 'Enterprise', lead: 'Lead investigator', dueAt: 'Due', openedAt: 'Opened', riskInfo: 'Risk record',
    overdueOnly: 'Overdue only', mine: 'Mine only', q: 'Keyword', qPh: 'Case no., risk record no. or enterprise', anyState: 'Any state',
    anyType: 'Any type', overdueDays: '{{n}} days overdue', overdue: 'Overdue', open: 'Open',
  },
  head: {
    title: 'Case {{no}}', riskInfo: 'Risk record', closedAt: 'Closed', access: 'My access',
    accessManage: 'Manage', accessEdit: 'Edit', accessRead: 'Read only', none: 'Not set', readOnly: 'You may only read this case',
  },
  tab: {
    findings: 'Findings (调查要素)', visits: 'On-site visits (现场调查)', files: 'Evidence (证据材料)', notes: 'Internal notes (内部备注)',
    questionnaires: 'Questionnaires (书面调查问卷)', members: 'Collaborators (协查)', history: 'History',
  },
  act: {
    title: 'Actions', reason: 'Reason', reasonRequired: 'Give the reason', lead: 'Lead investigator', leadRequired: 'Choose the lead investigator',
    leadId: 'Lead investigator user id', leadIdPh: 'Id (UUID) of a user of the investigating org', confirm: 'Confirm: {{action}}?', done: 'Done: {{action}}',
    submitHint: 'The findings draft is saved first', fixFindings: 'The findings are incomplete; complete the fields marked in red, then submit',
  },
  f: {
    save: 'Save draft', saved: 'Findings draft saved', stale: 'Someone else changed the findings; reload before editing (your unsaved changes are lost)',
    reload: 'Reload', fix: 'Correct the fields marked in red', locked: 'The findings cannot be changed in this state (only assigned or in-progress cases)',
    g: {
      returnReason: '1. Return reason (退运原因)', inspections: '2. Inspection of the goods (货物检验)', qualitySystem: '3. Quality system (质量体系)',
      integrity: '4. Integrity (企业诚信)', goodsFlow: '5. Goods flow (货物流向)', other: '6. Other circumstances (其他情况)',
      corrective: '7. Corrective actions (纠正措施)', summary: '8. Conclusion (调查结论)',
    },
    category: 'Reason', nonQualityKind: 'Non-quality kind', rootCauseStages: 'Where the quality problem arose', analysis: 'Analysis',
    by: 'Inspected by', institution: 'Institution', date: 'Date', result: 'Result', details: 'Details',
    addInspection: 'Add an inspection', remove: 'Remove',
    qms: 'Quality management system', productCertification: 'Product certification', destinationStandards: 'Destination standards collected', status: 'Status',
    note: 'Note', managementCategory: 'Management category (企业管理类别)', managementCategoryPh: 'e.g. 一类, AA, A, B, C, D',
    judgement: 'Completeness of the quality system', causedReturn: 'Caused the return',
    evadedExportSupervision: 'Evaded export supervision', misstatedReturnReason: 'Misstated the return reason',
    productDiffersFromCertified: 'Product differs from the certified one', usedReturnModeToEvadeImport: 'Used the return to evade import control',
    found: 'Found', yes: 'Found (存在)', no: 'Not found (不存在)',
    flow: 'Goods flow', otherText: 'Other flow', flowDate: 'Date of disposal', evidence: 'Evidence of the flow',
    disposal: 'Against the intended disposal of the declaration', intended: 'Intended disposal', actual: 'Actual disposal', matches: 'Matches (一致)', differs: 'Differs (不一致)', noCheck: 'No check yet (no declaration or no flow)',
    bigCustomerDemandChange: 'Big change of customer demand', unequalTradePosition: 'Unequal trade position', customerArrears: 'Customer arrears',
    transportLoss: 'Loss in transport', technicalBarrier: 'Technical trade barrier', otherNote: 'Note on other circumstances',
    action: 'Corrective action', dueOn: 'Due date', done: 'Done', addAction: 'Add a corrective action', summary: 'Conclusion',
    yesNo: { true: 'Yes', false: 'No' },
  },
  v: {
    category: { quality: 'Quality (质量原因)', non_quality: 'Non-quality (非质量原因)' },
    nonQualityKind: { trade: 'Trade (贸易原因)', customer_demand_change: 'Customer demand change (客户需求变化)', technical_trade_measure: 'Technical trade measure (技术性贸易措施)', transport_damage: 'Transport damage (运输损坏)', other: 'Other (其他)' },
    stage: { design: 'Design (设计)', production: 'Production (生产)', testing: 'Testing (检测)', certification: 'Certification (认证)', other: 'Other (其他)' },
    by: { customs: 'Customs (海关)', third_party: 'Third party (第三方)', foreign_official: 'Foreign official (国外官方)' },
    result: { conforming: 'Conforming (合格)', non_conforming: 'Non-conforming (不合格)', pending: 'Pending (待定)' },
    qms: { effective: 'Effective (有效运行)', deficient: 'Deficient (存在缺陷)', absent: 'Absent (未建立)', not_examined: 'Not examined (未核查)' },
    judgement: { complete: 'Complete (完善)', partly_complete: 'Partly complete (基本完善)', incomplete: 'Incomplete (不完善)' },
    flow: { destroyed: 'Destroyed (销毁)', re_exported: 'Re-exported (复出口)', processed_domestic_sale: 'Processed, sold domestically (加工后内销)', dismantled: 'Dismantled (拆解)', other: 'Other (其他)' },
    section: { return_reason: 'Return reason (退运原因)', inspection: 'Inspection (货物检验)', quality_system: 'Quality system (质量体系)', goods_flow: 'Goods flow (货物流向)', corrective_actions: 'Corrective actions (纠正措施)', other: 'Other (其他情况)' },
  },
  mem: {
    add: 'Add a collaborator', org: 'Organisation', user: 'User', userPh: 'Empty: the whole organisation', access: 'Access',
    edit: 'Edit', read: 'Read', remove: 'Remove', removeConfirm: 'Remove this collaborator?', added: 'Collaborator added', whole: 'Whole organisation',
  },
  visit: {
    add: 'Add a visit record', visitedOn: 'Visit date', place: 'Place', people: 'People present', observations: 'Observations',
    uploadPhoto: 'Upload a photo', added: 'Visit saved', none: 'No visits yet',
  },
  file: {
    upload: 'Upload evidence', name: 'File', kind: 'Kind', size: 'Size', by: 'Uploaded by', at: 'Uploaded',
    evidence: 'Evidence', photo: 'Photo', uploaded: 'Uploaded',
  },
  note: {
    internal: 'Internal (内部)', hint: 'Internal notes are seen by customs and collaborating bodies only, never by the enterprise', add: 'Add note', body: 'Note', added: 'Note added',
  },
  qn: {
    send: 'Send a questionnaire', sections: 'Sections', questions: 'Additional questions', addQuestion: 'Add a question', question: 'Question {{n}}',
    dueOn: 'Answer by', dueOnHint: 'Empty: the policy default', message: 'Message to the enterprise', sent: 'Questionnaire sent', needEnterprise: 'The case has no enterprise on the platform; no questionnaire can be sent', oneOpen: 'A questionnaire is still open (awaiting, answered or returned); accept or withdraw it before sending another',
    sentAt: 'Sent', state: 'State', reminders: '{{n}} reminders sent', overdue: 'Overdue', answeredAt: 'Answered',
    accept: 'Accept', return: 'Return for more', withdraw: 'Withdraw', returnReason: 'Reason for returning',
    accepted: 'Accepted; the answer went into the findings draft', returned: 'Returned to the enterprise', withdrawn: 'Questionnaire withdrawn', answer: 'Answer of the enterprise',
    files: 'Files of the enterprise', noAnswer: 'Not answered yet', withdrawConfirm: 'Withdraw this questionnaire?',
    qmsCertified: 'QMS certified', productCertified: 'Product certified', destinationStandardsCollected: 'Destination standards collected',
    explanation: 'Explanation', inspection: 'Inspection of the goods', other: 'Other circumstances', none: 'No questionnaires',
  },
  hist: { by: 'By', none: 'No history yet' },
  home: {
    mineOpen: 'My open investigations', overdue: 'Overdue investigations', qOverdue: 'Overdue questionnaires', openQuestionnaires: 'Questionnaires to answer',
    dueOn: 'Answer by', none: 'No questionnaire to answer', answer: 'Answer',
  },
};

i18n.addResourceBundle('zh', 'translation', { inv: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { inv: en }, true, false);
