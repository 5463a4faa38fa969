import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  chromium, request, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page,
} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** How long a single expectation waits for the UI (each assertion is bounded). */
export const UI_TIMEOUT = 15_000;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A fresh context (own cookies and storage) per test: Chinese locale, China time, a desktop viewport. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Best effort, bounded: waits until the network is quiet and no antd spinner is showing. */
export async function settle(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout }).catch(() => undefined);
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active'))
      .some((el) => (el as HTMLElement).offsetParent !== null),
    undefined,
    { timeout },
  ).catch(() => undefined);
}

const screenshotPath = (name: string) => `${SCREENSHOT_DIR}${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`;

/** Writes e2e/screenshots/<name>.png once the page has settled. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settle(page);
  const path = screenshotPath(name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs one flow in a new context and page; on failure saves e2e/screenshots/<name>-failure.png and the browser
 * console, then rethrows.
 */
export async function withPage(
  browser: Browser, baseURL: string, name: string, fn: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  rmSync(screenshotPath(`${name}-failure`), { force: true });
  const context = await newContext(browser, baseURL);
  const page = await context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => { if (logs.length < 200) logs.push(`[${m.type()}] ${m.text()}`); });
  page.on('pageerror', (e) => { if (logs.length < 200) logs.push(`[pageerror] ${e.message}`); });
  try {
    await fn(page, context);
  } catch (err) {
    await screenshot(page, `${name}-failure`).catch(() => undefined);
    if (err instanceof Error && logs.length > 0) {
      err.message += `\n--- browser console (${page.url()}) ---\n${logs.slice(-30).join('\n')}`;
    }
    throw err;
  } finally {
    await context.close();
  }
}

/** Waits (bounded) until the locator is visible; the failure names what was expected. */
export async function expectVisible(locator: Locator, what: string, timeout = UI_TIMEOUT): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected to see ${what} within ${timeout} ms (${locator})`);
  }
}

/** Waits (bounded) until no element matches the locator. */
export async function expectHidden(locator: Locator, what: string, timeout = UI_TIMEOUT): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout });
  } catch {
    throw new Error(`expected ${what} to disappear within ${timeout} ms (${locator})`);
  }
}

/** Opens the login page and submits the form, as a user would; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  const user = page.locator('#username');
  await expectVisible(user, 'the login form (#username)');
  await user.fill(username);
  await page.locator('#password').fill(password);
  // a click on a button still spinning from the previous attempt would be ignored by antd
  const submit = page.locator('[data-testid=login-submit]:not(.ant-btn-loading)');
  await expectVisible(submit, 'the login button (not loading)');
  await submit.click();
}

/** Logs in through the form and waits until the application shell (user menu) is there. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await submitLogin(page, username, password);
  await expectVisible(
    page.locator('[data-testid=user-menu], [data-testid=login-error]'),
    `the application shell after logging in as ${username}`,
  );
  const error = page.getByTestId('login-error');
  if (await error.isVisible()) throw new Error(`login as ${username} failed: ${(await error.innerText()).trim()}`);
}

/** An API client (outside any browser) logged in with the CSRF double-submit, like the web UI does. */
export async function apiLogin(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, timeout: 30_000 });
  const csrf = await api.get('/api/v1/auth/csrf');
  if (!csrf.ok()) throw new Error(`GET /api/v1/auth/csrf: ${csrf.status()} ${await csrf.text()}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await api.post('/api/v1/auth/login', {
    data: { username, password },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (!res.ok()) throw new Error(`login ${username} via API: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { status: string };
  if (body.status !== 'ok') throw new Error(`login ${username} via API: status ${body.status}`);
  return api;
}
