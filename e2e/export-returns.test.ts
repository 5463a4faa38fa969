// Export returns (出口退货) clicked through in the system Chromium: the enterprise declares, the competent customs
// office audits, the enterprise follows the receipts; keyboard shortcuts; red field messages in both languages.
//
// Demo data used (docs/API.md "Demo declarations"): the fixed import declarations of the customs feed. The demo
// already holds an approved return on 530120251000000011 (ent.huaxin) and a queued one on 530120251000000021
// (ent.pengcheng), so the flows use the agent imports 5301…012 and 5301…022, which have no accepted return. Both
// are lodged at 皇岗海关 (5301): hg.auditor is the competent auditor.
import { describe, expect, test } from 'vitest';
import { expectHidden, expectVisible, login, screenshot, withPage } from './support/browser';
import {
  backfill, confirmDialog, expectFieldError, expectFocus, expectValue, fieldError, fillYellowFields, findInQuery,
  focusedUncovered, MANUFACTURER, openFromAuditQueue, openMenu, saveNewByKeyboard, STATUS, submitDeclaration, toast,
  wrongCheckChar,
} from './support/export-returns';
import { DEMO_PASSWORD } from './support/server';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const FLOW_TIMEOUT = 240_000;

describe('export returns', () => {
  test('enterprise backfills, fills, saves and submits; the auditor approves; the enterprise sees the return number and receipts', async () => {
    await withPage(suite.browser, suite.server.url, 'er-approve-enterprise', async (ent) => {
      await login(ent, 'ent.huaxin', DEMO_PASSWORD);
      await openMenu(ent, '出口退货信息录入');
      await expectVisible(ent.getByTestId('er-form-page'), 'the declaration form');

      await backfill(ent, '530120251000000012');
      // declared by 华信 as agent (报关单位) for an outside consignee
      await expectValue(ent.getByTestId('er-declaring-unit'), /深圳华信电子有限公司/, 'the declaring unit (申报单位, grey)');
      await expectValue(ent.getByTestId('er-return-country'), /\S/, 'the country of departure (grey)');
      expect(await ent.getByTestId('er-goods').locator('tbody tr.ant-table-row').count()).toBe(3);
      // Enter took the user on to the next field
      await expectFocus(ent, 'er_consigneeAddress', 'the consignee address after Enter');
      await screenshot(ent, 'er-backfilled');

      await fillYellowFields(ent, {
        contact: '陈晓东', phone: '0755-83216688', exportNos: '530120250000000011',
        manufacturer: MANUFACTURER, explanation: '境外客户抽检发现安全项目不合格，订单取消后整批退回',
      });
      const no = await saveNewByKeyboard(ent);
      await screenshot(ent, 'er-saved');

      await submitDeclaration(ent, STATUS.queued);
      await screenshot(ent, 'er-submitted');

      await withPage(suite.browser, suite.server.url, 'er-approve-auditor', async (aud) => {
        await login(aud, 'hg.auditor', DEMO_PASSWORD);
        await openFromAuditQueue(aud, no);
        await expectValue(aud.getByTestId('er-status'), STATUS.queued, 'the status seen by the auditor');
        await screenshot(aud, 'er-audit-open');
        await aud.getByTestId('er-decision-approve').click();
        await aud.getByTestId('er-decision-opinion').fill('单证齐全，准予登记');
        await aud.getByTestId('er-decision-submit').click();
        await confirmDialog(aud, '确认审核通过');
        await expectValue(aud.getByTestId('er-status'), STATUS.approved, 'the status after approval');
        const returnNo = await expectValue(aud.getByTestId('er-return-no'), /^5301\d{8}$/, 'the return number (退货编号)');
        await expectVisible(toast(aud, `已审核通过，退货编号 ${returnNo}`), 'the approval message');
        await expectHidden(aud.getByTestId('er-decision'), 'the decision card once decided');
        await screenshot(aud, 'er-audit-approved');

        // the enterprise follows it in 出口退货信息查询
        const row = await findInQuery(ent, no);
        await expectVisible(row.getByText(returnNo, { exact: true }), `the return number ${returnNo} in the row`);
        await row.getByTestId('er-row-status').click();
        const receipts = ent.getByTestId('er-receipts');
        await expectVisible(receipts, 'the receipts panel');
        await expectVisible(receipts.getByText(`统一编号[${no}]的回执信息`), 'the receipts title with the unified number');
        for (const s of [STATUS.approved, STATUS.queued, STATUS.received]) {
          await expectVisible(receipts.locator('tbody td').getByText(s, { exact: true }), `the receipt ${s}`);
        }
        await expectVisible(receipts.getByText('出口退货登记办理成功'), 'the text of the approval receipt');
        await screenshot(ent, 'er-query-receipts');
      });
    });
  }, FLOW_TIMEOUT);

  test('the auditor rejects with a reason; the enterprise sees it, corrects and submits again; back in the queue', async () => {
    const reason = '原生产企业名称与出口报关单不一致，请核实后重新申报';
    await withPage(suite.browser, suite.server.url, 'er-reject-enterprise', async (ent) => {
      await login(ent, 'ent.pengcheng', DEMO_PASSWORD);
      await openMenu(ent, '出口退货信息录入');
      await backfill(ent, '530120251000000022');
      await fillYellowFields(ent, {
        contact: '王海', phone: '0755-27771234', exportNos: '530120250000000021',
        manufacturer: { ...MANUFACTURER, name: '深圳某玩具厂' }, explanation: '安全项目检测不合格，客户取消订单',
      });
      const no = await saveNewByKeyboard(ent);
      await submitDeclaration(ent, STATUS.queued);

      await withPage(suite.browser, suite.server.url, 'er-reject-auditor', async (aud) => {
        await login(aud, 'hg.auditor', DEMO_PASSWORD);
        await openFromAuditQueue(aud, no);
        await aud.getByTestId('er-decision-reject').click();
        // a rejection without its reason is refused beside the field
        await aud.getByTestId('er-decision-submit').click();
        await expectVisible(aud.getByTestId('er-decision').locator('.ant-form-item-explain-error'), 'the missing-reason message');
        await aud.getByTestId('er-decision-reason').fill(reason);
        await aud.getByTestId('er-decision-submit').click();
        await confirmDialog(aud, '确认退单');
        await expectValue(aud.getByTestId('er-status'), STATUS.rejected, 'the status after the rejection');
        await screenshot(aud, 'er-audit-rejected');

        // the enterprise sees the rejection and its reason
        const row = await findInQuery(ent, no);
        await expectVisible(row.getByTestId('er-row-status').getByText(STATUS.rejected), 'the rejected status in the row');
        await row.getByTestId('er-row-status').click();
        await expectVisible(ent.getByTestId('er-receipts').getByText(reason, { exact: false }), 'the reason in the receipts');
        await row.getByTestId('er-row-link').click();
        await expectVisible(ent.getByTestId('er-rejection').getByText(reason, { exact: false }), 'the reason above the form');
        await expectValue(ent.getByTestId('er-status'), STATUS.rejected, 'the status on the form');
        await screenshot(ent, 'er-rejected-enterprise');

        // corrects the manufacturer's name and submits again (saved and submitted at once)
        const name = ent.locator('#er_manufacturer_name');
        await name.fill('深圳鹏程玩具制造有限公司');
        await submitDeclaration(ent, STATUS.queued);
        await screenshot(ent, 'er-resubmitted');

        // back in the auditor's queue
        await openMenu(aud, '出口退货信息查询'); // leave the detail page, then come back to the queue
        await openFromAuditQueue(aud, no);
        await expectValue(aud.locator('#er_manufacturer_name'), '深圳鹏程玩具制造有限公司', 'the corrected name seen by the auditor');
        await screenshot(aud, 'er-audit-requeued');
      });
    });
  }, FLOW_TIMEOUT);

  test('keyboard: Alt+K shortcut list, Enter / Shift+Enter between fields, Alt+U attachments, Alt+R delete with confirmation', async () => {
    await withPage(suite.browser, suite.server.url, 'er-keyboard', async (page) => {
      await login(page, 'ent.jinghua', DEMO_PASSWORD);
      await openMenu(page, '出口退货信息录入');
      await expectVisible(page.getByTestId('er-form-page'), 'the declaration form');

      await page.keyboard.press('Alt+k');
      const keys = page.getByTestId('er-shortcuts-modal');
      await expectVisible(keys, 'the shortcut list after Alt+K');
      for (const k of ['Alt+S', 'Alt+R', 'Alt+P', 'Alt+K', 'Alt+U', 'Shift+Enter']) {
        await expectVisible(keys.locator('kbd').getByText(k, { exact: true }), `${k} in the shortcut list`);
      }
      await screenshot(page, 'er-shortcuts');
      await page.keyboard.press('Escape');
      await expectHidden(keys, 'the shortcut list after Escape');

      // Enter on the import number fetches it and moves on; Enter / Shift+Enter walk the fields
      await backfill(page, '010120251000000042');
      await expectFocus(page, 'er_consigneeAddress', 'the field after the import number');
      await expectVisible(page.getByTestId('er-hint').getByText('系统返填进口报关单表头注册地海关所在地址'), 'the hint of the focused field');
      await page.keyboard.press('Enter');
      await expectFocus(page, 'er_consigneeContact', 'the next field after Enter');
      await page.keyboard.press('Enter');
      await expectFocus(page, 'er_consigneePhone', 'the next field after a second Enter');
      await page.keyboard.press('Shift+Enter');
      await expectFocus(page, 'er_consigneeContact', 'the previous field after Shift+Enter');
      await page.keyboard.type('赵磊');

      // walking on down the form (goods lines, then 其他) scrolls each field clear of the sticky bars, and back up
      for (const key of [...Array<string>(24).fill('Enter'), ...Array<string>(24).fill('Shift+Enter')]) {
        await page.keyboard.press(key);
        const f = await focusedUncovered(page);
        expect(f.covered, `#${f.id} after ${key} is covered by ${f.covered}`).toBe('');
      }

      // attachments before the first save: asks to save first
      await page.keyboard.press('Alt+u');
      const drawer = page.getByTestId('er-attachments');
      await expectVisible(drawer, 'the attachments drawer after Alt+U');
      await expectVisible(drawer.getByText('请先暂存'), 'the hint to save first');
      await drawer.locator('.ant-drawer-close').click();
      await expectHidden(page.locator('.ant-drawer-open'), 'the attachments drawer once closed');

      await saveNewByKeyboard(page);
      const id = new URL(page.url()).pathname.split('/').pop()!;

      // a saved draft takes attachments
      await page.keyboard.press('Alt+u');
      await expectVisible(drawer.getByTestId('er-att-upload'), 'the upload button in the drawer');
      await drawer.locator('input[type=file]').setInputFiles({
        name: '检验报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      });
      await expectVisible(drawer.getByText('检验报告.pdf'), 'the uploaded file in the list');
      // a program named .pdf is refused in the browser by the domain's content check, before any upload
      await drawer.locator('input[type=file]').setInputFiles({
        name: '发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00'),
      });
      await expectVisible(toast(page, '文件 发票.pdf 未上传：该文件是可执行程序'), 'the refusal of a program named .pdf');
      expect(await drawer.getByTestId('er-att-table').getByText('发票.pdf').count()).toBe(0);
      // the long message sits over the drawer's close button until it goes (it stays while the pointer is over it)
      await page.mouse.move(10, 890);
      await expectHidden(toast(page, '发票.pdf'), 'the refusal message once it timed out');
      await screenshot(page, 'er-attachments');
      await drawer.locator('.ant-drawer-close').click();
      await expectHidden(page.locator('.ant-drawer-open'), 'the attachments drawer once closed');

      // Alt+R asks first; cancelling keeps the draft
      await page.keyboard.press('Alt+r');
      await confirmDialog(page, '是否删除当前数据？', 'cancel');
      expect((await page.request.get(`/api/v1/export-returns/${id}`)).status()).toBe(200);
      await page.keyboard.press('Alt+r');
      await expectVisible(page.getByText('已被删除的数据将不可恢复'), 'the warning that deleting is irreversible');
      await screenshot(page, 'er-delete-confirm');
      await confirmDialog(page, '是否删除当前数据？');
      await expectVisible(toast(page, '删除成功'), 'the message 删除成功');
      await page.waitForURL(/\/export-returns\/new$/);
      expect((await page.request.get(`/api/v1/export-returns/${id}`)).status()).toBe(404);
    });
  }, FLOW_TIMEOUT);

  test('bad input: a red message beside the field, in Chinese and, after switching, in English', async () => {
    await withPage(suite.browser, suite.server.url, 'er-bad-input', async (page) => {
      await login(page, 'ent.qianhai', DEMO_PASSWORD);
      await openMenu(page, '出口退货信息录入');
      await expectVisible(page.getByTestId('er-form-page'), 'the declaration form');

      // an export declaration number in the import number field
      const importNo = page.getByTestId('er-import-no');
      await importNo.fill('531620250000000031');
      await importNo.press('Enter');
      await expectFieldError(page, 'er_importDeclarationNo', '该号码为出口报关单号');
      expect(await page.getByTestId('er-goods').locator('tbody tr.ant-table-row').count()).toBe(0);

      // a credit code whose check character is wrong
      await page.locator('#er_manufacturer_creditCode').fill(wrongCheckChar(MANUFACTURER.creditCode));
      await page.locator('#er_manufacturer_customsCode').fill(MANUFACTURER.customsCode);
      await page.locator('#er_manufacturer_name').fill(MANUFACTURER.name);
      await page.locator('#er_manufacturerContact').click();
      await expectFieldError(page, 'er_manufacturer_creditCode', '统一社会信用代码校验位（第 18 位）不正确');
      await screenshot(page, 'er-bad-input-zh');

      await page.getByTestId('lang-switch').click();
      await expectVisible(page.getByTestId('side-menu').getByText(/Export return entry/), 'the English menu');
      await expectFieldError(page, 'er_importDeclarationNo', 'This is an export declaration number');
      await expectFieldError(page, 'er_manufacturer_creditCode', 'The check character (the 18th) of the unified social credit code is wrong');
      await expectHidden(fieldError(page, 'er_importDeclarationNo').filter({ hasText: '出口报关单号' }), 'the Chinese message');
      await screenshot(page, 'er-bad-input-en');

      // corrected input clears the message
      await page.locator('#er_manufacturer_creditCode').fill(MANUFACTURER.creditCode);
      await page.locator('#er_manufacturerContact').click();
      await expectHidden(fieldError(page, 'er_manufacturer_creditCode'), 'the credit-code message once corrected');
    });
  }, FLOW_TIMEOUT);
});
