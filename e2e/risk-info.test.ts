// Risk information (风险信息) clicked through in the system Chromium: a customs officer of 皇岗海关 enters a consumer
// complaint by hand and sees the proposed investigation type with every rule that fired; the office's auditor
// reviews it, overrides the proposed type with a reason and transfers it to the city's market regulation (深圳市市场监督管理局), which finds it in its incoming
// box and accepts it.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectHidden, expectVisible, login, screenshot, withPage } from './support/browser';
import { confirmDialog, fieldError, openMenu, pickOption, toast } from './support/export-returns';
import { DEMO_PASSWORD } from './support/server';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const FLOW_TIMEOUT = 240_000;
const MARKET = '深圳市市场监督管理局';
const TITLE = '德国消费者投诉电水壶使用中漏电';

/** Clicks the OK button of an action dialog (not a confirmation) once its opening animation is over. */
async function clickOk(page: Page, testId: string): Promise<void> {
  const ok = page.getByTestId(testId).locator('.ant-modal-footer .ant-btn-primary');
  await expectVisible(ok, `the OK button of ${testId}`);
  // a click while the dialog still zooms in can land nowhere
  await page.waitForFunction(() => !document.querySelector('[class*="ant-zoom-appear"], [class*="ant-zoom-enter"]'), undefined, { timeout: 5000 })
    .catch(() => undefined);
  await ok.click();
}

/** Clicks OK and waits until the dialog has closed. */
async function submitModal(page: Page, testId: string): Promise<void> {
  await clickOk(page, testId);
  await expectHidden(page.getByTestId(testId), `the dialog ${testId}`);
}

async function expectState(page: Page, label: string): Promise<void> {
  await expectVisible(page.getByTestId('ri-state').filter({ hasText: label }), `the state ${label}`);
}

describe('risk information', () => {
  test('an officer enters a complaint and sees the proposed type; the auditor reviews and transfers it; market regulation accepts it', async () => {
    let infoNo = '';
    await withPage(suite.browser, suite.server.url, 'ri-officer', async (page) => {
      await login(page, 'hg.officer', DEMO_PASSWORD);
      await openMenu(page, '风险信息');
      await openMenu(page, '新建风险信息');
      await expectVisible(page.getByTestId('ri-new-page'), 'the new risk information form');

      // the shared schema refuses a form without title before anything is sent
      await page.getByTestId('ri-save').click();
      await expectVisible(fieldError(page, 'title'), 'the red message beside the title');

      await pickOption(page, 'source', '', '投诉举报');
      await page.getByTestId('ri-title').fill(TITLE);
      await page.getByTestId('ri-description').fill('境外消费者投诉电水壶使用中漏电，要求整批退货。');
      await page.getByTestId('ri-source-ref').fill('DE-2026-0301');
      await page.getByTestId('ri-credit-code').fill('91440300MA5DHX8K1B');
      await page.getByTestId('ri-enterprise-name').fill('深圳华信电子有限公司');
      await pickOption(page, 'countryCode', 'DEU', /DEU/);
      await page.getByTestId('ri-goods-add').click();
      await page.getByTestId('ri-goods-0-name').fill('电水壶');
      await page.getByTestId('ri-goods-0-qty').fill('200');
      await page.getByTestId('ri-goods-0-unit').fill('台');
      await page.getByTestId('ri-goods-0-amount').fill('60000');
      await pickOption(page, 'goods_0_currency', 'USD', /^USD/);
      await pickOption(page, 'collection_proposedInvestigatingOrgId', '市场监督', MARKET);
      await page.getByTestId('ri-contact-name').fill('陈调查');
      await page.getByTestId('ri-contact-phone').fill('0755-12345678');
      await screenshot(page, 'ri-new-filled');
      await page.getByTestId('ri-save').click();

      await expectVisible(page.getByTestId('ri-detail-page'), 'the record page');
      infoNo = (await page.getByTestId('ri-info-no').innerText()).trim();
      expect(infoNo).toMatch(/^R530126\d{6}$/);
      await expectVisible(toast(page, `已创建风险信息 ${infoNo}`), 'the creation message');
      await expectState(page, '已采集待审核');

      // a complaint goes on-site (000 §3.3.1); the batch of USD 60,000 also lies in the written band (§3.3.2)
      await expectVisible(page.getByTestId('ri-rule-type').filter({ hasText: '现场调查' }), 'the rule decision 现场调查');
      await expectVisible(page.getByTestId('ri-decided-by').filter({ hasText: 'onsite.complaint_or_media' }), 'the deciding rule');
      const rules = page.getByTestId('ri-fired-rules');
      await expectVisible(rules.locator('tr', { hasText: '000 §3.3.1 (投诉举报、媒体公布)' }).filter({ hasText: '被投诉举报或媒体公布' }),
        'the complaint rule with its clause and reason');
      await expectVisible(rules.locator('tr', { hasText: '000 §3.3.2' }).filter({ hasText: 'USD 60,000.00' }),
        'the written-band rule with the batch value');
      await expectVisible(page.getByTestId('ri-effective-type').filter({ hasText: '现场调查' }), 'the effective type');
      await expectVisible(page.getByTestId('ri-collection-form').filter({ hasText: MARKET }), 'the proposed organisation on the collection form');
      // the collector neither reviews nor transfers
      expect(await page.getByTestId('ri-act-review').count()).toBe(0);
      expect(await page.getByTestId('ri-act-transfer').count()).toBe(0);
      await screenshot(page, 'ri-record-collected');
    });

    await withPage(suite.browser, suite.server.url, 'ri-auditor', async (page) => {
      await login(page, 'hg.auditor', DEMO_PASSWORD);
      await openMenu(page, '风险信息');
      await openMenu(page, '风险信息查询');
      await page.getByTestId('ri-q').fill(infoNo);
      await page.getByTestId('ri-q-search').click();
      await page.getByTestId('ri-row-link').filter({ hasText: infoNo }).click();
      await expectVisible(page.getByTestId('ri-detail-page'), 'the record page');

      await page.getByTestId('ri-act-review').click();
      await clickOk(page, 'ri-modal-review');
      // an empty opinion is refused beside the field, the dialog stays open
      await expectVisible(page.getByTestId('ri-modal-review').locator('.ant-form-item-explain-error'), 'the missing opinion');
      await page.getByTestId('ri-m-opinion').fill('投诉事实清楚，同意移送市场监管部门调查');
      await submitModal(page, 'ri-modal-review');
      await expectState(page, '已审核待移送');
      await expectVisible(page.getByTestId('ri-review-opinion').filter({ hasText: '同意移送市场监管部门调查' }), 'the review opinion');

      // the auditor overrides the rule decision; the reason is mandatory and shown beside the rule decision
      await page.getByTestId('ri-act-override_type').click();
      await page.getByTestId('ri-m-type-written').click();
      await clickOk(page, 'ri-modal-override_type');
      await expectVisible(page.getByTestId('ri-modal-override_type').locator('.ant-form-item-explain-error'), 'the missing override reason');
      await page.getByTestId('ri-m-reason').fill('企业已主动召回全部货物，书面调查足以查明原因');
      await submitModal(page, 'ri-modal-override_type');
      const override = page.getByTestId('ri-override');
      await expectVisible(override.filter({ hasText: '书面调查' }).filter({ hasText: '企业已主动召回全部货物' }), 'the override with its reason');
      await expectVisible(page.getByTestId('ri-rule-type').filter({ hasText: '现场调查' }), 'the rule decision kept beside it');
      await expectVisible(page.getByTestId('ri-effective-type').filter({ hasText: '书面调查' }), 'the overridden effective type');

      await page.getByTestId('ri-act-transfer').click();
      const dialog = page.getByTestId('ri-modal-transfer');
      // the proposed organisation is the default target
      await expectVisible(dialog.filter({ hasText: MARKET }), 'the proposed organisation as the target');
      await page.getByTestId('ri-m-note').fill('请依职责调查处理');
      await submitModal(page, 'ri-modal-transfer');
      await expectState(page, '已移送待受理');
      await expectVisible(page.getByTestId('ri-transfers').locator('tr', { hasText: MARKET }).filter({ hasText: '待受理' }), 'the pending transfer');
      await screenshot(page, 'ri-record-transferred');
    });

    await withPage(suite.browser, suite.server.url, 'ri-market', async (page) => {
      await login(page, 'szscjg.investigator', DEMO_PASSWORD);
      await openMenu(page, '风险信息');
      await openMenu(page, '风险信息查询');
      await page.getByTestId('ri-box-incoming').click();
      const row = page.getByTestId('ri-row-link').filter({ hasText: infoNo });
      await expectVisible(row, `${infoNo} in the incoming box`);
      await screenshot(page, 'ri-incoming');
      await row.click();
      await expectVisible(page.getByTestId('ri-detail-page'), 'the record page');
      await page.getByTestId('ri-act-accept').click();
      await confirmDialog(page, '受理该风险信息');
      await expectState(page, '已受理');
      await expectVisible(page.getByTestId('ri-transfers').locator('tr', { hasText: MARKET }).filter({ hasText: '已受理' }), 'the accepted transfer');
      await expectVisible(page.getByTestId('ri-investigating-org').filter({ hasText: MARKET }), 'the investigating organisation');
      await screenshot(page, 'ri-record-accepted');
    });
  }, FLOW_TIMEOUT);
});
