// Platform foundation, clicked through as a user would in the system Chromium.
import { describe, expect, test } from 'vitest';
import {
  apiLogin, expectHidden, expectVisible, login, screenshot, submitLogin, withPage,
} from './support/browser';
import { DEMO_PASSWORD } from './support/server';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

describe('platform foundation', () => {
  test('enterprise operator: Chinese UI, switch to English, log out', async () => {
    await withPage(suite.browser, suite.server.url, 'foundation-lang-logout', async (page) => {
      await login(page, 'ent.huaxin', DEMO_PASSWORD);
      const menu = page.getByTestId('side-menu');
      await expectVisible(menu.getByText('首页', { exact: true }), 'the Chinese menu label 首页');
      await expectVisible(page.getByText(/您好/), 'the Chinese welcome on the home page');
      await screenshot(page, 'foundation-home-zh');

      await page.getByTestId('lang-switch').click();
      await expectVisible(menu.getByText('Home', { exact: true }), 'the English menu label Home');
      await expectVisible(page.getByText(/Hello/), 'the English welcome on the home page');
      await expectHidden(menu.getByText('首页', { exact: true }), 'the Chinese menu label 首页');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, 'foundation-home-en');

      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL((u) => u.pathname === '/login', { timeout: 15_000 });
      await expectVisible(page.locator('#username'), 'the login form after logging out');
      await expectHidden(page.getByTestId('user-menu'), 'the user menu after logging out');
      // the session is really gone on the server
      const session = await page.request.get('/api/v1/session');
      expect(session.status()).toBe(401);
    });
  });

  test('customs officer cannot open an organisation of another customs district: not found', async () => {
    // the id of Beijing Customs (北京海关, 0100), looked up by the General Administration
    const gacc = await apiLogin(suite.server.url, 'gacc.admin', DEMO_PASSWORD);
    let beijingId: string;
    try {
      const res = await gacc.get('/api/v1/orgs', { params: { q: '0100', pageSize: 200 } });
      expect(res.status(), await res.text()).toBe(200);
      const body = (await res.json()) as { items: { id: string | number; code: string; nameZh?: string }[] };
      const beijing = body.items.find((o) => o.code === '0100');
      expect(beijing, `no organisation with code 0100 in ${JSON.stringify(body.items)}`).toBeTruthy();
      beijingId = String(beijing!.id);
    } finally {
      await gacc.dispose();
    }

    await withPage(suite.browser, suite.server.url, 'foundation-out-of-scope', async (page) => {
      await login(page, 'sz.officer', DEMO_PASSWORD);
      const api = await page.request.get(`/api/v1/orgs/${beijingId}`);
      expect(api.status()).toBe(404);

      await page.goto(`/orgs/${beijingId}`);
      await expectVisible(page.getByTestId('not-found'), 'the not-found page for Beijing Customs');
      await expectVisible(page.getByTestId('user-menu'), 'the application shell (still logged in)');
      await screenshot(page, 'foundation-org-not-found');
    });
  });

  test('the chosen language is saved with the account and follows the user to another browser', async () => {
    await withPage(suite.browser, suite.server.url, 'foundation-lang-saved', async (page) => {
      await login(page, 'ent.pengcheng', DEMO_PASSWORD);
      await expectVisible(page.getByTestId('side-menu').getByText('首页', { exact: true }), 'the Chinese menu label 首页');
      const saved = page.waitForResponse(
        (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === '/api/v1/me/preferences',
        { timeout: 30_000 },
      );
      await page.getByTestId('lang-switch').click();
      expect((await saved).status()).toBe(200);
    });
    // a new browser context: nothing remembered locally, the login page starts in Chinese
    await withPage(suite.browser, suite.server.url, 'foundation-lang-follows', async (page) => {
      await page.goto('/login');
      await expectVisible(page.locator('#username'), 'the login form');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await login(page, 'ent.pengcheng', DEMO_PASSWORD);
      await expectVisible(page.getByTestId('side-menu').getByText('Home', { exact: true }), 'the saved English UI');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByTestId('user-menu').click();
      await expectVisible(page.getByTestId('user-menu-previous-login').getByText(/Previous login: \d{4}-\d{2}-\d{2}/),
        'the previous login time in the user menu');
      await screenshot(page, 'foundation-user-menu-previous-login');
    });
  });

  // Locks sz.officer for 15 minutes: keep it last in this file (the server is per file).
  test('five wrong passwords lock the user name, even the right password is refused', async () => {
    await withPage(suite.browser, suite.server.url, 'foundation-lockout', async (page) => {
      await page.goto('/login');
      const error = page.getByTestId('login-error');
      // each attempt waits for the server's answer, so exactly six logins reach the server
      const attempt = async (password: string) => {
        const answered = page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/auth/login',
          { timeout: 30_000 },
        );
        await submitLogin(page, 'sz.officer', password);
        return (await answered).status();
      };
      for (let i = 1; i <= 5; i++) {
        const status = await attempt(`Wrong-Password-${i}!`);
        expect([401, 423], `wrong password #${i} answered ${status}`).toContain(status);
        await expectVisible(error, `the login error after wrong password #${i}`);
        expect(page.url()).toContain('/login');
      }
      expect(await attempt(DEMO_PASSWORD)).toBe(423);
      await expectVisible(error.getByText(/锁定|locked/i), 'the lock message in [data-testid=login-error]');
      expect(page.url()).toContain('/login');
      await expectHidden(page.getByTestId('user-menu'), 'the application shell');
      await screenshot(page, 'foundation-login-locked');
    });
  });
});
