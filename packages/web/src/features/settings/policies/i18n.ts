/**
 * Texts of the policy versions page (政策版本) beyond the shared `policies.` keys, registered under `pol.` when the
 * page's chunk loads: the kind tabs, editing and withdrawing drafts, and the investigation-type policy form.
 */
import i18n from '../../../i18n';

const zh = {
  tabsLabel: '政策类别',
  inForceLine: '{{name}}：第 {{version}} 版现行',
  inForceDefault: '{{name}}：尚未发布版本，按默认政策执行',
  edit: '修改', editing: '修改草稿：第 {{version}} 版', cancelEdit: '取消修改', saveEdit: '保存修改', edited: '草稿已修改',
  withdraw: '撤回', withdrawConfirm: '撤回后该草稿不再生效，也不能再修改，确定撤回？', withdrawn: '草稿已撤回',
  stale: '该草稿已被他人修改，已重新加载，请核对后再保存',
  it: {
    band: '书面调查金额区间（美元）', lower: '下限', upper: '上限', bandHint: '单批退运金额在区间内（含上下限）且不涉及安全、卫生、环保和健康问题的，列入书面调查（000 §3.3.2）',
    aboveBand: '高于区间上限且无其他因素时', aboveBandHint: '文件未作规定，由本关政策确定',
    higherRisk: '经风险评估为较大风险的列入现场调查', higherRiskShort: '较大风险→现场',
    deadlines: '调查期限（自然日）', questionnaire: '书面调查问卷', answerDays: '企业答复期限（天）',
    reminderDays: '到期前提醒（天）', deadlineCell: '现场 {{on_site}} / 书面 {{written}} / 备案 {{filing_only}} 天',
    questionnaireCell: '答复 {{answer}} 天，提前 {{reminder}} 天提醒', on: '是', off: '否',
  },
};

const en: typeof zh = {
  tabsLabel: 'Policy kinds',
  inForceLine: '{{name}}: version {{version}} in force',
  inForceDefault: '{{name}}: no version published yet; the default policy applies',
  edit: 'Edit', editing: 'Editing draft version {{version}}', cancelEdit: 'Cancel editing', saveEdit: 'Save changes', edited: 'Draft changed',
  withdraw: 'Withdraw', withdrawConfirm: 'A withdrawn draft never takes effect and cannot be edited again. Withdraw?', withdrawn: 'Draft withdrawn',
  stale: 'Someone else changed this draft; it was reloaded, check it and save again',
  it: {
    band: 'Written-investigation band (USD, 书面调查金额区间)', lower: 'Lower bound', upper: 'Upper bound',
    bandHint: 'A batch within the band (bounds included) without a safety, health or environment reason gets a written investigation (000 §3.3.2)',
    aboveBand: 'Above the band with no other factor', aboveBandHint: 'The document leaves this open; the customs policy decides',
    higherRisk: 'A higher assessed risk sends the record on-site', higherRiskShort: 'Higher risk → on-site',
    deadlines: 'Investigation deadlines (calendar days, 调查期限)', questionnaire: 'Written questionnaire (书面调查问卷)',
    answerDays: 'Days the enterprise has to answer', reminderDays: 'Remind days before the due date',
    deadlineCell: 'on-site {{on_site}} / written {{written}} / filing {{filing_only}} days',
    questionnaireCell: 'answer in {{answer}} days, reminder {{reminder}} days before', on: 'Yes', off: 'No',
  },
};

i18n.addResourceBundle('zh', 'translation', { pol: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { pol: en }, true, false);
