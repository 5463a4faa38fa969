// Risk information (风险信息) and traceability investigations (追溯调查) clicked through in the system Chromium: a
// declaration passes manual audit at 皇岗海关 and becomes a risk record; the auditor overrides the proposed
// investigation type, reviews, transfers and opens a case; the investigator sends a questionnaire; the enterprise
// answers it in its portal; the investigator records the findings; the auditor reviews and closes. Then the public
// real-name report (实名举报) without login.
//
// Set-up through the API (not the subject): ent.huaxin lodges and submits a return of the demo import
// 530120251000000012, so that it waits in hg.auditor's manual-audit queue.
import { describe, expect, test } from 'vitest';
import { expectHidden, expectVisible, login, screenshot, withPage } from './support/browser';
import { confirmDialog, expectValue, openFromAuditQueue, openMenu, STATUS, toast } from './support/export-returns';
import {
  caseAction, chooseRadio, dialog, expectCaseState, expectRecordState, okDialog, okPopconfirm, openCaseTab, PDF,
  queuedDeclarationOfHuaxin, selectById,
} from './support/investigations';
import { DEMO_PASSWORD } from './support/server';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

// a bound for a whole multi-user flow on a busy machine, not a timing assertion
const FLOW_TIMEOUT = 480_000;

const OVERRIDE_REASON = '货值较低且企业配合度高，先以书面调查核实退运原因';
const ANSWER = {
  reason: '境外客户抽检发现插头绝缘距离不足，已追溯到注塑模具磨损',
  flow: '退运货物已在厂内拆解，元器件降级内销',
  question: '是否已更换注塑模具？',
  reply: '已于2026年3月更换全部模具并复检合格',
};
const SUMMARY = '退运原因为生产环节模具磨损导致的质量问题，企业已整改，货物流向与申报一致。';

describe('risk information and investigations', () => {
  test('audited declaration → risk record (rules, override) → case → questionnaire answered in the portal → findings → closed', async () => {
    const no = await queuedDeclarationOfHuaxin(suite.server.url);
    await withPage(suite.browser, suite.server.url, 'inv-auditor', async (aud) => {
      // 1. hg.auditor approves the declaration in the UI; the page links to the risk record made from it
      await login(aud, 'hg.auditor', DEMO_PASSWORD);
      await openFromAuditQueue(aud, no);
      await screenshot(aud, 'inv-01-audit-open');
      await aud.getByTestId('er-decision-approve').click();
      await aud.getByTestId('er-decision-opinion').fill('单证齐全，准予登记');
      await aud.getByTestId('er-decision-submit').click();
      await confirmDialog(aud, '确认审核通过');
      await expectValue(aud.getByTestId('er-status'), STATUS.approved, 'the status after approval');
      const link = aud.getByTestId('er-risk-record-link');
      await expectVisible(link, 'the link to the risk record (风险信息) of the approved declaration');
      const infoNo = (await link.innerText()).trim();
      expect(infoNo).toMatch(/^R5301\d{8}$/);
      await screenshot(aud, 'inv-01-approved-risk-link');

      // 2. the record: the proposed type and why, the override beside it, review, transfer, open the case
      await link.click();
      await expectVisible(aud.getByTestId('ri-detail-page'), 'the risk record page');
      await expectVisible(aud.getByTestId('ri-info-no').getByText(infoNo, { exact: true }), `the record number ${infoNo}`);
      await expectRecordState(aud, '已采集待审核');
      const decision = aud.getByTestId('ri-decision');
      await expectVisible(decision.getByTestId('ri-rule-type').getByText('现场调查'), 'the rule decision 现场调查');
      const fired = decision.getByTestId('ri-fired-rules');
      await expectVisible(fired.getByText('000 §3.3.1 (安全、卫生、环保和健康)'), 'the safety rule with its clause');
      await expectVisible(fired.getByText('000 §3.3.1 (出口时实施检验检疫)'), 'the inspected-at-export rule with its clause');
      await screenshot(aud, 'inv-02-risk-record');

      await aud.getByTestId('ri-act-override_type').click();
      const override = dialog(aud, '调整调查方式');
      await chooseRadio(override, '书面调查');
      // no reason: refused beside the field, nothing changes
      await override.locator('.ant-modal-footer .ant-btn-primary').click();
      await expectVisible(override.locator('.ant-form-item-explain-error'), 'the missing-reason message');
      await override.getByTestId('ri-m-reason').fill(OVERRIDE_REASON);
      await okDialog(aud, '调整调查方式');
      const beside = aud.getByTestId('ri-override');
      await expectVisible(beside.getByText('书面调查'), 'the overriding type 书面调查');
      await expectVisible(beside.getByText(OVERRIDE_REASON), 'the reason of the override');
      await expectVisible(decision.getByTestId('ri-rule-type').getByText('现场调查'), 'the rule decision still shown beside the override');
      await expectVisible(aud.getByTestId('ri-effective-type').getByText('书面调查'), 'the effective type 书面调查');
      await screenshot(aud, 'inv-02-override');

      await aud.getByTestId('ri-act-review').click();
      await dialog(aud, '审核').getByTestId('ri-m-opinion').fill('信息属实，建议由本关开展书面调查');
      await okDialog(aud, '审核');
      await expectRecordState(aud, '已审核待移送');

      await aud.getByTestId('ri-act-transfer').click();
      await expectVisible(dialog(aud, '移送调查机构'), 'the transfer dialog');
      await aud.getByTestId('ri-m-to-org').click();
      await aud.keyboard.type('皇岗');
      // a list of bodies (GET /risk-info/transfer-targets) or, where that is unavailable, the own organisation tree
      const target = aud.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper').filter({ hasText: /^皇岗海关/ }).first();
      await expectVisible(target, '皇岗海关 among the investigating organisations');
      await target.click();
      await okDialog(aud, '移送调查机构');
      // transferred to its own office: accepted at once
      await expectRecordState(aud, '已受理');
      await screenshot(aud, 'inv-02-transferred');

      await aud.getByTestId('ri-act-open-case').click();
      await confirmDialog(aud, '对该风险信息立案调查？');
      await aud.waitForURL(/\/investigations\/[0-9a-f-]{36}$/);
      await expectCaseState(aud, 'opened');
      await expectVisible(aud.getByTestId('inv-header').locator('[data-testid=inv-type][data-type=written]'), 'the case type 书面调查');
      const caseNo = (await aud.getByTestId('inv-case-no').innerText()).trim();
      expect(caseNo).not.toBe('');
      await screenshot(aud, 'inv-02-case-opened');

      // 3. assigned to hg.investigator
      await aud.getByTestId('inv-act-assign').click();
      await selectById(aud, 'transition_leadInvestigatorId', /\(hg\.investigator\)/);
      await okDialog(aud, '分派');
      await expectCaseState(aud, 'assigned');
      await expectVisible(aud.getByTestId('inv-lead').getByText(/hg\.investigator/), 'the lead investigator');
      await screenshot(aud, 'inv-03-assigned');

      await withPage(suite.browser, suite.server.url, 'inv-investigator', async (inv) => {
        await login(inv, 'hg.investigator', DEMO_PASSWORD);
        await openMenu(inv, '追溯调查');
        const caseLink = inv.getByTestId('inv-table').getByTestId('inv-link').filter({ hasText: caseNo });
        await expectVisible(caseLink, `the case ${caseNo} in the investigator's list`);
        await caseLink.click();
        await expectCaseState(inv, 'assigned');
        await caseAction(inv, 'start', 'in_progress');

        await openCaseTab(inv, '书面调查问卷');
        await inv.getByTestId('qn-send').click();
        const send = dialog(inv, '发送调查问卷');
        await expectVisible(send, 'the questionnaire dialog');
        await send.locator('label.ant-checkbox-wrapper').filter({ hasText: '质量体系情况' }).click();
        await send.getByTestId('qn-add-question').click();
        await send.locator('#questionnaire_questions_0').fill(ANSWER.question);
        await send.locator('#questionnaire_message').fill('请如实填写并上传整改报告。');
        await okDialog(inv, '发送调查问卷');
        await expectVisible(toast(inv, '问卷已发送'), 'the message that the questionnaire was sent');
        await expectVisible(inv.getByTestId('qn-item').locator('[data-testid=qn-state][data-state=sent]'), 'the questionnaire awaiting the answer');
        await screenshot(inv, 'inv-03-questionnaire-sent');

        // 4. ent.huaxin answers in 我的调查 with fields and a file
        await withPage(suite.browser, suite.server.url, 'inv-enterprise', async (ent) => {
          await login(ent, 'ent.huaxin', DEMO_PASSWORD);
          await openMenu(ent, '我的调查');
          const row = ent.getByTestId('portal-cases-table').locator('tbody tr.ant-table-row').filter({ hasText: caseNo });
          await expectVisible(row, `the case ${caseNo} in 我的调查`);
          await expectVisible(row.getByTestId('portal-next-due'), 'the due date of the questionnaire');
          await screenshot(ent, 'inv-04-portal-cases');
          await row.getByTestId('portal-case-link').click();
          const qn = ent.getByTestId('portal-questionnaire');
          await expectVisible(qn.getByTestId('portal-due-banner'), 'the due-date banner');
          const qid = await qn.getAttribute('data-id');
          const form = qn.getByTestId('portal-answer-form');
          const field = (name: string) => form.locator(`[id="answer-${qid}_${name}"]`);
          await chooseRadio(field('returnReason_category'), '质量原因');
          await field('returnReason_explanation').fill(ANSWER.reason);
          await chooseRadio(field('qualitySystem_qmsCertified'), '是');
          await field('qualitySystem_explanation').fill('已通过ISO 9001认证');
          await selectById(ent, `answer-${qid}_goodsFlow_flow`, '拆解');
          await field('goodsFlow_explanation').fill(ANSWER.flow);
          await field('answers_0').fill(ANSWER.reply);
          await form.locator('input[type=file]').setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: PDF });
          await expectVisible(form.getByTestId('portal-files').getByText('整改报告.pdf'), 'the uploaded file');
          // what was typed before the upload is still there
          await expectValue(field('returnReason_explanation'), ANSWER.reason, 'the explanation after the upload');
          await screenshot(ent, 'inv-04-portal-answer-filled');
          await form.getByTestId('portal-submit').click();
          await okPopconfirm(ent);
          await expectVisible(toast(ent, '答复已提交'), 'the message that the answer was submitted');
          await expectVisible(qn.locator('[data-testid=qn-state][data-state=answered]'), 'the questionnaire answered');
          await expectVisible(qn.getByTestId('qn-answer').getByText(ANSWER.reason), 'the submitted answer (read-only)');
          await screenshot(ent, 'inv-04-portal-answered');

          // 5. the investigator accepts the answer: it flows into the findings draft
          await inv.reload();
          await openCaseTab(inv, '书面调查问卷');
          const item = inv.getByTestId('inv-questionnaires');
          await expectVisible(item.locator('[data-testid=qn-state][data-state=answered]'), 'the answered questionnaire');
          await expectVisible(item.getByTestId('qn-answer').getByText(ANSWER.reason), 'the answer of the enterprise');
          await expectVisible(item.getByTestId('qn-files').getByText('整改报告.pdf'), 'the file of the enterprise');
          await screenshot(inv, 'inv-05-answer-received');
          await item.getByTestId('qn-accept').click();
          await okPopconfirm(inv);
          await expectVisible(toast(inv, '已采纳，答复已写入调查要素草稿'), 'the message that the answer was accepted');
          await expectVisible(item.locator('[data-testid=qn-state][data-state=accepted]'), 'the accepted questionnaire');

          await openCaseTab(inv, '调查要素');
          await expectValue(inv.locator('#findings_returnReason_analysis'), new RegExp(ANSWER.reason), 'the analysis with the answer');
          await expectValue(inv.locator('#findings_goodsFlow_evidence'), new RegExp(ANSWER.flow), 'the goods-flow evidence with the answer');
          await expectValue(inv.locator('#findings_otherCircumstances_note'), new RegExp(ANSWER.reply), 'the free answer in the other circumstances');
          await expectVisible(inv.locator('#findings_returnReason_category .ant-radio-wrapper-checked').getByText('质量原因'), 'the category from the answer');
          await screenshot(inv, 'inv-05-findings-from-answer');

          // completes the required §3.4 groups
          await inv.locator('#findings_returnReason_rootCauseStages').locator('label.ant-checkbox-wrapper').filter({ hasText: '生产' }).click();
          await selectById(inv, 'findings_qualitySystem_qms_status', '有效');
          await selectById(inv, 'findings_qualitySystem_judgement', '基本完善');
          for (const b of ['evadedExportSupervision', 'misstatedReturnReason', 'productDiffersFromCertified', 'usedReturnModeToEvadeImport']) {
            await chooseRadio(inv.locator(`#findings_integrity_${b}_found`), '不存在');
          }
          await inv.getByTestId('add-corrective').click();
          await inv.locator('#findings_correctiveActions_0_action').fill('建立注塑模具定期检测制度');
          const due = inv.locator('#findings_correctiveActions_0_dueOn');
          await due.click();
          await due.fill('2027-01-31');
          await due.press('Enter');
          await expectValue(due, '2027-01-31', 'the due date of the corrective action');
          await inv.locator('#findings_summary').fill(SUMMARY);
          await inv.getByTestId('findings-save').click();
          await expectVisible(toast(inv, '调查要素草稿已保存'), 'the message that the draft was saved');
          await screenshot(inv, 'inv-05-findings-completed');
          await caseAction(inv, 'submit_findings', 'findings_submitted');
          await expectVisible(inv.getByTestId('findings-readonly'), 'the findings read-only once submitted');
          await screenshot(inv, 'inv-05-findings-submitted');

          // the auditor reviews and closes; the record is closed; the portal shows the outcome
          await aud.reload();
          await expectCaseState(aud, 'findings_submitted');
          await caseAction(aud, 'review', 'reviewed');
          await caseAction(aud, 'close', 'closed');
          await screenshot(aud, 'inv-05-case-closed');
          await aud.getByTestId('inv-risk-link').click();
          await expectVisible(aud.getByTestId('ri-detail-page'), 'the risk record page');
          await expectRecordState(aud, '已办结');
          await expectHidden(aud.getByTestId('ri-act-open-case'), 'the open-case action on a closed record');
          await screenshot(aud, 'inv-05-risk-record-closed');

          await ent.reload();
          await expectVisible(ent.getByTestId('portal-case-page').locator('[data-testid=inv-state][data-state=closed]'), 'the closed case in the portal');
          const outcome = ent.getByTestId('portal-outcome');
          await expectVisible(outcome.getByText(SUMMARY), 'the outcome (调查结论)');
          await expectVisible(outcome.getByText('建立注塑模具定期检测制度'), 'the corrective action');
          await screenshot(ent, 'inv-05-portal-outcome');
        });
      });
    });
  }, FLOW_TIMEOUT);
});
