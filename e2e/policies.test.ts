// Policy versions in the browser: a warning office drafts and publishes a version of the e-audit policy of its
// directly-affiliated customs, and drafts, edits and withdraws an investigation-type version; an officer only reads.
import { describe, test } from 'vitest';
import { expectHidden, expectVisible, login, screenshot, withPage } from './support/browser';
import { DEMO_PASSWORD } from './support/server';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

describe('policy versions', () => {
  test('warning office: drafts a version and publishes it', async () => {
    await withPage(suite.browser, suite.server.url, 'policies-warning-office', async (page) => {
      await login(page, 'sz.warning', DEMO_PASSWORD);
      await page.getByTestId('side-menu').getByText('政策版本', { exact: true }).click();
      await expectVisible(page.getByTestId('policies-page'), 'the policy versions page');
      await expectVisible(page.getByText('现行', { exact: true }), 'the version in force');
      await page.locator('#policy_jurisdictionId').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '深圳海关' }).click();
      await page.locator('#policy_effectiveFrom').fill('2030-01-01');
      await page.locator('#policy_overdueDays').fill('5');
      await page.locator('#policy_note').fill('延长审核期限');
      await page.getByTestId('policy-create').click();
      await expectVisible(page.getByText('草稿已保存'), 'the draft saved message');
      await expectVisible(page.getByText('延长审核期限'), 'the new draft in the list');
      await page.getByTestId('policy-publish-2').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
      await expectHidden(page.getByTestId('policy-publish-2'), 'the publish button after publishing');
      await screenshot(page, 'policies-published');
    });
  });

  test('warning office: drafts an investigation-type version, is told a bad band, edits and withdraws it', async () => {
    await withPage(suite.browser, suite.server.url, 'policies-investigation-type', async (page) => {
      await login(page, 'sz.warning', DEMO_PASSWORD);
      await page.goto('/settings/policies');
      await page.getByTestId('policy-tab-investigations.type').click();
      await expectVisible(page.getByTestId('itpolicy-in-force').getByText('深圳海关：第 1 版现行'), 'version 1 in force');
      await page.locator('#itpolicy_jurisdictionId').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '深圳海关' }).last().click();
      await page.locator('#itpolicy_effectiveFrom').fill('2031-01-01');
      await page.locator('#itpolicy_body_writtenBandUsd_lower').fill('120000');
      await page.locator('#itpolicy_note').fill('书面调查区间调整');
      await page.getByTestId('itpolicy-create').click();
      await expectVisible(page.getByText('书面调查金额下限不得高于上限'), 'the band error on its field');
      await page.locator('#itpolicy_body_writtenBandUsd_lower').fill('30000');
      await page.getByTestId('itpolicy-create').click();
      await expectVisible(page.getByText('书面调查区间调整'), 'the new draft in the list');
      await expectVisible(page.getByText('30,000 – 100,000'), 'the band of the draft');
      await page.getByTestId('itpolicy-edit-2').click();
      await page.locator('#itpolicy_body_deadlineDays_written').fill('20');
      await page.getByTestId('itpolicy-save').click();
      await expectVisible(page.getByText('草稿已修改'), 'the draft changed message');
      await expectVisible(page.getByText('现场 30 / 书面 20 / 备案 10 天'), 'the edited deadlines');
      await page.getByTestId('itpolicy-withdraw-2').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
      await expectVisible(page.getByText('已撤回', { exact: true }), 'the withdrawn status');
      await expectHidden(page.getByTestId('itpolicy-edit-2'), 'the edit button of a withdrawn draft');
      await screenshot(page, 'policies-investigation-type');
    });
  });

  test('customs officer: reads the policy of her directly-affiliated customs without the form', async () => {
    await withPage(suite.browser, suite.server.url, 'policies-officer', async (page) => {
      await login(page, 'hg.officer', DEMO_PASSWORD);
      await page.goto('/settings/policies');
      await expectVisible(page.getByTestId('policies-page'), 'the policy versions page');
      await expectVisible(page.getByText('深圳海关').first(), 'the policy of 深圳海关');
      await expectHidden(page.getByTestId('policy-create'), 'the draft form');
    });
  });
});
