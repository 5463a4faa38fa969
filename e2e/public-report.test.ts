// The public real-name report in the browser, without logging in: a bad identity number is shown on its field, the
// report is sent with a picture, the tracking code shown and looked up. Then an officer imports foreign
// notifications, sees the per-row errors of a bad file, imports a good one and confirms a proposed match.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { expectVisible, login, screenshot, withPage } from './support/browser';
import { DEMO_PASSWORD } from './support/server';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();
const dir = mkdtempSync(join(tmpdir(), 'rt-e2e-public-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'country,date,product,hsCode,enterpriseOrBrand,measure,reason,reference';
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('public real-name report', () => {
  test('anyone reports a product from the login page link and follows it with the tracking code', async () => {
    const photo = file('现场.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 jpeg body')]));
    await withPage(suite.browser, suite.server.url, 'public-report', async (page) => {
      await page.goto('/login');
      await page.getByTestId('login-public-report').click();
      await expectVisible(page.getByTestId('report-page'), 'the report form');
      await page.getByTestId('report-name').fill('王小明');
      await page.getByTestId('report-id').fill('110105199001011230');
      await page.getByTestId('report-phone').fill('13800138000');
      await page.getByTestId('report-office').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '皇岗海关' }).click();
      await page.getByTestId('report-product').fill('蒸汽电熨斗');
      await page.getByTestId('report-where').fill('深圳华强北某商铺');
      await page.getByTestId('report-description').fill('从美国退回后在国内销售，插头发热冒烟。');
      await page.getByTestId('report-consent').check();
      await page.locator('input[type=file]').setInputFiles(photo);
      await page.getByTestId('report-submit').click();
      await expectVisible(page.getByText('身份证号码校验位（第 18 位）不正确'), 'the server\'s check-character error on the field');
      await screenshot(page, 'public-report-id-error');

      await page.getByTestId('report-id').fill('11010519491231002X');
      await page.getByTestId('report-submit').click();
      await expectVisible(page.getByTestId('tracking-code'), 'the tracking code');
      const code = (await page.getByTestId('tracking-code').innerText()).trim();
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await screenshot(page, 'public-report-done');

      await page.goto('/report/track');
      await page.getByTestId('track-code').fill(code.toLowerCase());
      await page.getByTestId('track-submit').click();
      await expectVisible(page.getByTestId('track-status').getByText('已受理登记'), 'the status of the report');
      await expectVisible(page.getByText('皇岗海关'), 'the office');
      await screenshot(page, 'public-report-track');
    });
  });
});

describe('foreign notifications', () => {
  test('an officer imports notifications, sees row errors, then confirms a proposed match', async () => {
    const bad = file('bad.csv', `${HEADER}\nNarnia,2026-03-01,Kettle,8,X,,Burns,R-1\n`);
    const good = file('good.csv', `${HEADER}\nUS,2026-03-01,蒸汽电熨斗,851640,华信电子,召回,电击风险,CPSC-26-101\n`);
    await withPage(suite.browser, suite.server.url, 'foreign-notifications', async (page) => {
      await login(page, 'hg.officer', DEMO_PASSWORD);
      await page.getByTestId('side-menu').getByText('风险信息', { exact: true }).click();
      await page.getByTestId('side-menu').getByText('境外通报召回', { exact: true }).click();
      await expectVisible(page.getByTestId('fn-page'), 'the foreign notifications page');

      await page.locator('input[type=file]').setInputFiles(bad);
      await page.getByTestId('fn-upload-submit').click();
      await expectVisible(page.getByTestId('fn-upload-errors').getByText('国家（地区）“Narnia”不存在'), 'the unknown country error');
      await expectVisible(page.getByTestId('fn-upload-errors').getByText('HS 编码或其前缀应为 2 至 10 位数字'), 'the HS code error');
      await screenshot(page, 'foreign-notifications-errors');

      await page.locator('input[type=file]').setInputFiles(good);
      await page.getByTestId('fn-upload-submit').click();
      await expectVisible(page.getByTestId('fn-result').getByText('新建', { exact: true }), 'the batch result');
      await page.getByTestId('fn-list').locator('.ant-table-row-expand-icon').first().click();
      const confirm = page.locator('[data-testid^=fn-confirm-]').first();
      await expectVisible(confirm, 'a proposed match');
      await confirm.click();
      await expectVisible(page.getByText('已确认，风险信息已关联该出口退运申报'), 'the confirmation');
      await expectVisible(page.locator('[data-testid^=fn-match-status-]').getByText('已确认'), 'the confirmed match');
      await screenshot(page, 'foreign-notifications-confirmed');
    });
  });
});
