// Policy versions in the browser: a warning office drafts and publishes a version of the e-audit policy of its
// directly-affiliated customs; an officer below it only reads.
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
