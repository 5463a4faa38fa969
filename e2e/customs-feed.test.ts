// Customs declaration feed in the browser: an administrator uploads spreadsheets, a customs officer looks a
// declaration up.
import { describe, expect, test } from 'vitest';
import { apiLogin, expectVisible, login, screenshot, withPage } from './support/browser';
import { DEMO_PASSWORD } from './support/server';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

describe('customs declaration feed', () => {
  test('administrator: a bad file is refused naming the row, the filled template is loaded', async () => {
    const api = await apiLogin(suite.server.url, 'gacc.admin', DEMO_PASSWORD);
    const template = await (await api.get('/api/v1/customs-declarations/template.csv')).text();
    await api.dispose();
    const [head, example] = template.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const filled = `${head}\r\n${example!.replace('530120251000000999', '530120241000700001')}\r\n`;
    const bad = `${filled}${example!.replace('530120251000000999', '530120241000700002').replace(',2025-06-16,', ',2025-02-30,')}\r\n`;

    await withPage(suite.browser, suite.server.url, 'customs-feed-upload', async (page) => {
      await login(page, 'gacc.admin', DEMO_PASSWORD);
      await page.goto('/customs-feed');
      await expectVisible(page.getByTestId('customs-feed-page'), 'the declaration feed page');
      await expectVisible(page.getByTestId('cf-loads').getByText('演示数据'), 'the demo load in the history');

      await page.locator('input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await page.getByTestId('cf-upload-submit').click();
      const errors = page.getByTestId('cf-upload-errors');
      await expectVisible(errors.getByText('申报日期 declareDate'), 'the column of the bad cell');
      await expectVisible(errors.getByText('2025-02-30 不是有效的日历日期'), 'the Chinese error message');
      expect(await errors.locator('tbody tr.ant-table-row').first().innerText()).toContain('3');
      await screenshot(page, 'customs-feed-refused');

      await page.locator('input[type=file]').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) });
      await page.getByTestId('cf-upload-submit').click();
      await expectVisible(page.getByText(/装载完成：报关单 1 份（新增 1/), 'the success message');
      await expectVisible(page.getByTestId('cf-loads').getByText('good.csv'), 'the upload in the history');
      await screenshot(page, 'customs-feed-loaded');
    });
  });

  test('customs officer: filters the declarations of her district and opens one', async () => {
    await withPage(suite.browser, suite.server.url, 'customs-declarations-officer', async (page) => {
      await login(page, 'hg.officer', DEMO_PASSWORD);
      await expectVisible(page.getByTestId('side-menu').getByText('报关单数据', { exact: true }), 'the menu entry 报关单数据');
      await page.goto('/customs-declarations');
      await page.getByTestId('cf-filter-entry').fill('530120251000000011');
      await page.getByTestId('cf-search').click();
      const link = page.getByTestId('cf-table').getByRole('link', { name: '530120251000000011' });
      await expectVisible(link, 'the demo return declaration of 深圳华信电子');
      await screenshot(page, 'customs-declarations-list');
      await link.click();
      const detail = page.getByTestId('customs-declaration-detail');
      await expectVisible(detail.getByText('4561 退运货物'), 'the supervision mode 退运货物');
      expect(await detail.getByTestId('cf-lines').locator('tbody tr.ant-table-row').count()).toBe(3);
      await screenshot(page, 'customs-declaration-detail');

      await page.goto('/customs-declarations/010120251000000041');
      await expectVisible(page.getByText(/不存在|not found/i).first(), 'not found for a Beijing declaration');
    });
  });
});
