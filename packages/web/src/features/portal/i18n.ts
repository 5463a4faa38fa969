/** Texts of the enterprise portal (企业端调查), registered under `portal.`; the findings vocabulary is shared with `inv.`. */
import i18n from '../../i18n';
import '../investigations/i18n';

const zh = {
  title: '我的调查', caseNo: '调查编号', type: '调查类型', state: '状态', office: '立案海关', investigatingOrg: '调查机构',
  openedAt: '立案时间', nextDue: '问卷答复期限', outcome: '调查结论', open: '查看', caseTitle: '调查案件 {{no}}',
  requests: '调查问卷', noRequests: '暂无需要答复的问卷', dueOn: '答复期限', overdueBanner: '该问卷已超过答复期限（{{due}}），请尽快答复。',
  dueBanner: '请于 {{due}} 前完成答复。', returnedBanner: '调查人员退回了您的答复，请补充后重新提交。原因：{{reason}}',
  message: '调查人员说明', requested: '需答复内容', answer: '答复', submit: '提交答复', submitConfirm: '提交后在调查人员退回前不能修改，确认提交？',
  submitted: '答复已提交', readOnly: '答复已提交，调查人员退回前不能修改', files: '附件材料', upload: '上传附件',
  uploadHint: 'PDF、JPEG 或 PNG，单个不超过 5 MB', uploaded: '附件已上传', fix: '请根据字段旁的红色提示修改',
  outcomeTitle: '调查结论与纠正措施', correctiveActions: '纠正措施', action: '措施', dueOnAction: '完成期限', done: '已完成',
  none: '暂无调查案件', withdrawn: '该问卷已被调查人员撤回，无需答复',
};
const en: typeof zh = {
  title: 'My investigations (我的调查)', caseNo: 'Case no.', type: 'Type', state: 'State', office: 'Office', investigatingOrg: 'Investigating org',
  openedAt: 'Opened', nextDue: 'Questionnaire due', outcome: 'Conclusion', open: 'View', caseTitle: 'Case {{no}}',
  requests: 'Questionnaires (调查问卷)', noRequests: 'Nothing to answer', dueOn: 'Answer by', overdueBanner: 'This questionnaire is past its due date ({{due}}); answer it as soon as possible.',
  dueBanner: 'Answer by {{due}}.', returnedBanner: 'The investigator returned your answer for more; complete it and submit again. Reason: {{reason}}',
  message: 'Message of the investigator', requested: 'Requested', answer: 'Answer', submit: 'Submit the answer', submitConfirm: 'Once submitted the answer cannot be changed unless the investigator returns it. Submit?',
  submitted: 'Answer submitted', readOnly: 'Answer submitted; it can be changed only if the investigator returns it', files: 'Attachments', upload: 'Upload an attachment',
  uploadHint: 'PDF, JPEG or PNG, at most 5 MB each', uploaded: 'Attachment uploaded', fix: 'Correct the fields marked in red',
  outcomeTitle: 'Conclusion and corrective actions', correctiveActions: 'Corrective actions (纠正措施)', action: 'Action', dueOnAction: 'Due', done: 'Done',
  none: 'No investigations', withdrawn: 'The investigator withdrew this questionnaire; no answer is needed',
};

i18n.addResourceBundle('zh', 'translation', { portal: zh }, true, false);
i18n.addResourceBundle('en', 'translation', { portal: en }, true, false);
