// Steps of the export-return (出口退货) pages as a user takes them: menu, form fields, selects, confirmations.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { makeCreditCode } from '@returntrace/domain';
import { expectHidden, expectVisible, UI_TIMEOUT } from './browser';

/** The status labels of the manual (003 §4.2) as the Chinese UI shows them. */
export const STATUS = {
  draft: '暂存',
  received: '海关接收成功',
  queued: '电子审核完成，待人工审核',
  approved: '人工审核通过',
  rejected: '人工审核退单',
} as const;

/** A valid manufacturer (原生产企业) of the Shenzhen area: the credit code's check character is computed. */
export const MANUFACTURER = {
  creditCode: makeCreditCode('91440300MA5FT7R2Q'),
  customsCode: '4403160888',
  name: '深圳示范电子制造有限公司',
};

/** The same credit code with a wrong check character (the 18th). */
export function wrongCheckChar(code: string): string {
  const last = code.slice(-1);
  return code.slice(0, 17) + (last === '1' ? '2' : '1');
}

export async function openMenu(page: Page, label: string): Promise<void> {
  const item = page.getByTestId('side-menu').getByText(label, { exact: true });
  await expectVisible(item, `the menu entry ${label}`);
  await item.click();
}

/** The form item (label, control and its red message) that holds the input with this id. */
export function formItem(page: Page, id: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.locator(`[id="${id}"]`) }).last();
}

/** The red message beside the field whose input has this id. */
export function fieldError(page: Page, id: string): Locator {
  return formItem(page, id).locator('.ant-form-item-explain-error');
}

/** Waits (bounded) until the text of the field's red message contains `text`. */
export async function expectFieldError(page: Page, id: string, text: string): Promise<void> {
  await expectVisible(fieldError(page, id).filter({ hasText: text }), `the red message "${text}" beside #${id}`);
}

/** Waits (bounded) until a read-only (grey) input shows the value. */
export async function expectValue(locator: Locator, value: string | RegExp, what: string, timeout = UI_TIMEOUT): Promise<string> {
  let last = '';
  await expect.poll(async () => {
    last = await locator.inputValue({ timeout }).catch(() => '');
    return typeof value === 'string' ? last === value : value.test(last);
  }, { timeout, interval: 200, message: `${what} shows ${value}` }).toBe(true);
  return last;
}

/** The id of the element holding the keyboard focus. */
export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

export async function expectFocus(page: Page, id: string, what: string): Promise<void> {
  await expect.poll(() => focusedId(page), { timeout: UI_TIMEOUT, message: `focus on ${what}` }).toBe(id);
}

/**
 * The id of the focused control, or a description of what covers it: the control's own hit point (its centre, at
 * most 20px in from the left) must belong to the control's form item, not to a sticky bar over it.
 */
export const focusedUncovered = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return { id: '', covered: '' };
  const b = el.getBoundingClientRect();
  const hit = document.elementFromPoint(b.left + Math.min(b.width / 2, 20), b.top + b.height / 2);
  const mine = !!hit && (el.contains(hit) || hit.contains(el) || !!hit.closest('.ant-form-item, td')?.contains(el));
  return { id: el.id, covered: mine ? '' : String(hit?.className || hit?.tagName || 'outside the window') };
});

/** A toast of antd's message API. */
export const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message-notice').filter({ hasText: text });

/** The OK button of the open confirmation dialog (modal.confirm) whose title contains `title`. */
export async function confirmDialog(page: Page, title: string | RegExp, answer: 'ok' | 'cancel' = 'ok'): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm').filter({ hasText: title });
  await expectVisible(dialog, `the confirmation "${title}"`);
  const buttons = dialog.locator('.ant-modal-confirm-btns button');
  await (answer === 'ok' ? buttons.last() : buttons.first()).click();
  await expectHidden(dialog, `the confirmation "${title}"`);
}

/** Picks an option of an antd select by typing into it (the list is searched on the server for reference data). */
export async function pickOption(page: Page, id: string, typed: string, option: string | RegExp): Promise<void> {
  const input = page.locator(`[id="${id}"]`);
  await input.click();
  if (typed) await input.pressSequentially(typed, { delay: 20 });
  const entry = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option }).first();
  await expectVisible(entry, `the option ${option} under #${id}`);
  await entry.click();
  await expectHidden(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'), `the option list of #${id}`);
}

/** Ticks check boxes of a check-box group by their labels. */
export async function tick(group: Locator, labels: string[]): Promise<void> {
  for (const l of labels) {
    const box = group.locator('label.ant-checkbox-wrapper').filter({ hasText: l }).first();
    await expectVisible(box, `the check box ${l}`);
    await box.click();
    await expectVisible(box.locator('.ant-checkbox-checked'), `the check box ${l} ticked`);
  }
}

/** Types the import declaration number and presses Enter: the grey fields and the goods lines are filled. */
export async function backfill(page: Page, importNo: string): Promise<void> {
  const field = page.getByTestId('er-import-no');
  await field.fill(importNo);
  await field.press('Enter');
  await expectVisible(toast(page, '已返填进口报关单数据'), 'the backfill message');
  await expectValue(page.getByTestId('er-consignee'), /\S/, 'the consignee (收货人, grey)');
  await expectVisible(page.getByTestId('er-goods').locator('tbody tr.ant-table-row'), 'the backfilled goods lines');
}

export interface YellowFields {
  contact: string;
  phone: string;
  exportNos: string;
  manufacturer: { creditCode: string; customsCode: string; name: string };
  explanation: string;
}

/** Fills every yellow (required) field the backfill leaves empty, as the enterprise would. */
export async function fillYellowFields(page: Page, v: YellowFields): Promise<void> {
  // backfilled from the import declaration; an outside consignee's declaration may leave it empty
  const address = page.locator('#er_consigneeAddress');
  if (!(await address.inputValue()).trim()) await address.fill('深圳市福田区福华路88号');
  await page.locator('#er_consigneeContact').fill(v.contact);
  await page.locator('#er_consigneePhone').fill(v.phone);
  await tick(page.locator('#er_disposals'), ['内销']);
  await page.locator('#er_originalExportDeclarationNos').fill(v.exportNos);
  await page.locator('#er_manufacturer_creditCode').fill(v.manufacturer.creditCode);
  await page.locator('#er_manufacturer_customsCode').fill(v.manufacturer.customsCode);
  await page.locator('#er_manufacturer_name').fill(v.manufacturer.name);
  await page.locator('#er_manufacturerContact').fill('刘洋');
  await page.locator('#er_manufacturerPhone').fill('0755-26681234');
  await pickOption(page, 'er_manufacturerDivision', '440304', /^440304/);
  await pickOption(page, 'er_manufacturerOffice', '5301', /^5301/);
  await pickOption(page, 'er_exportInspected', '', /是/);
  await tick(page.locator('#er_originalTradeMode'), ['一般贸易']);
  await tick(page.locator('#er_reasonCategories'), ['质量原因', '贸易原因']);
  const reasons = page.getByTestId('er-reasons');
  await tick(reasons.getByRole('group', { name: '质量原因' }), ['安全项目不合格']);
  await tick(reasons.getByRole('group', { name: '贸易原因' }), ['订单取消']);
  await page.locator('#er_reasonExplanation').fill(v.explanation);
}

/** Clicks 申报 (submit), confirms, and waits for the status the customs processing answers. */
export async function submitDeclaration(page: Page, expected: string): Promise<void> {
  const submit = page.locator('[data-testid=er-submit]:not([disabled])');
  await expectVisible(submit, 'the submit button (enabled)');
  await submit.click();
  await confirmDialog(page, '');
  await expectVisible(toast(page, `提交成功，当前状态：${expected}`), `the message that the submit answered ${expected}`, 30_000);
  await expectValue(page.getByTestId('er-status'), expected, 'the status (状态)');
}

/**
 * Alt+S on a new declaration: 暂存成功, and the page becomes the saved record's (/export-returns/<id>); waits for
 * that page as a user would before going on. Returns the unified number (统一编号).
 */
export async function saveNewByKeyboard(page: Page): Promise<string> {
  // the form that saved carries on as the record's page: the same element, never a second form mounted after it
  await page.getByTestId('er-form-page').evaluate((el) => { (el as unknown as Record<string, unknown>).e2eNewForm = true; });
  await page.keyboard.press('Alt+s');
  await expectVisible(toast(page, '暂存成功'), 'the message 暂存成功 after Alt+S');
  await page.waitForURL(/\/export-returns\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT });
  // the receipts panel exists only on the saved record's page
  await expectVisible(page.getByTestId('er-receipts'), 'the saved record\'s page (its receipts panel)');
  await expectValue(page.getByTestId('er-status'), STATUS.draft, 'the status of the saved draft');
  expect(await page.getByTestId('er-form-page')
    .evaluate((el) => (el as unknown as Record<string, unknown>).e2eNewForm === true)).toBe(true);
  return unifiedNo(page);
}

/** The unified number (统一编号) of the declaration on the form, once it has been saved. */
export async function unifiedNo(page: Page): Promise<string> {
  return expectValue(page.getByTestId('er-unified-no'), /^\d{18}$/, 'the unified number (统一编号)');
}

/** The auditor opens her queue and the declaration with this unified number. */
export async function openFromAuditQueue(page: Page, no: string): Promise<void> {
  await openMenu(page, '出口退货审核');
  await expectVisible(page.getByTestId('er-audit-page'), 'the audit queue');
  const link = page.getByTestId('er-audit-table').getByTestId('er-audit-link').filter({ hasText: no });
  await expectVisible(link, `the declaration ${no} in the audit queue`);
  await link.click();
  await expectVisible(page.getByTestId('er-decision'), 'the decision card (审核决定)');
  await expectValue(page.getByTestId('er-unified-no'), no, 'the unified number of the opened declaration');
}

/** The enterprise looks its declaration up in 出口退货信息查询 by unified number; returns the table row. */
export async function findInQuery(page: Page, no: string): Promise<Locator> {
  await openMenu(page, '出口退货信息查询');
  const query = page.getByTestId('er-query-page');
  await expectVisible(query, 'the query page');
  await query.locator('#unifiedNo').fill(no);
  await page.getByTestId('er-q-search').click();
  const row = page.getByTestId('er-table').locator('tbody tr.ant-table-row').filter({ hasText: no });
  await expectVisible(row, `the row of ${no} in the query result`);
  return row;
}
