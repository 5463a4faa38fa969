// Steps of the risk-information (风险信息) and investigation (追溯调查) pages as users take them, and the set-up that
// is not the subject of a flow (a declaration lodged and submitted through the API).
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_ORGS } from '@returntrace/db/seed';
import { apiLogin, expectHidden, expectVisible } from './browser';
import { DEMO_PASSWORD } from './server';

/** A JSON API session of a demo user that sends the CSRF header as the web UI does. */
export interface ApiSession {
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  dispose(): Promise<void>;
}

export async function apiSession(baseURL: string, username: string): Promise<ApiSession> {
  const api: APIRequestContext = await apiLogin(baseURL, username, DEMO_PASSWORD);
  const cookies = (await api.storageState()).cookies;
  const csrf = cookies.find((c) => c.name === 'rt_csrf')?.value;
  if (!csrf) throw new Error(`no rt_csrf cookie after logging in as ${username}`);
  return {
    async post<T>(path: string, body: unknown, headers: Record<string, string> = {}) {
      const res = await api.post(`/api/v1${path}`, { data: body, headers: { 'X-CSRF-Token': csrf, ...headers } });
      if (!res.ok()) throw new Error(`POST ${path} as ${username}: ${res.status()} ${await res.text()}`);
      return (await res.json()) as T;
    },
    dispose: () => api.dispose(),
  };
}

/** 深圳华信电子: declares the return and made the goods, so the written investigation addresses it. */
const HUAXIN = DEMO_ORGS.find((o) => o.slug === 'huaxin')!;

/**
 * ent.huaxin lodges a return of the demo import 530120251000000012 (declared as agent at 皇岗海关 5301) and submits
 * it: it waits in hg.auditor's manual-audit queue. A safety reason on goods inspected at export makes the rules
 * propose an on-site investigation (000 §3.3.1). Returns the unified number (统一编号).
 */
export async function queuedDeclarationOfHuaxin(baseURL: string): Promise<string> {
  const api = await apiSession(baseURL, 'ent.huaxin');
  try {
    const input = {
      importDeclarationNo: '530120251000000012',
      consigneeAddress: '深圳市福田区华强北路1002号',
      consigneeContact: '陈晓东',
      consigneePhone: '0755-83216688',
      returnAgreementDate: '2025-06-20',
      consumerDistrict: '5301',
      disposals: ['domestic_sale'],
      originalExportDeclarationNos: '530120250000000011',
      manufacturer: { creditCode: HUAXIN.code, customsCode: HUAXIN.customsCode ?? '', name: HUAXIN.nameZh },
      manufacturerContact: '刘洋',
      manufacturerPhone: '0755-26681234',
      manufacturerDivision: '440304',
      manufacturerOffice: '5301',
      exportInspected: true,
      originalTradeMode: '0110',
      reasonCategories: ['quality'],
      reasons: ['QUA-01'],
      reasonExplanation: '境外客户抽检发现电气安全项目不合格，整批退回',
    };
    const draft = await api.post<{ id: string; version: number; unifiedNo: string }>('/export-returns', input);
    const submitted = await api.post<{ status: number }>(`/export-returns/${draft.id}/submit`, input, { 'If-Match': `"${draft.version}"` });
    expect(submitted.status, 'the submitted declaration waits for manual audit (status 5)').toBe(5);
    return draft.unifiedNo;
  } finally {
    await api.dispose();
  }
}

/** The open dialog (antd modal) with this title. */
export const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title, exact: true });

/** Clicks the OK button of the dialog with this title and waits until it has closed. */
export async function okDialog(page: Page, title: string): Promise<void> {
  const d = dialog(page, title);
  await expectVisible(d, `the dialog ${title}`);
  await d.locator('.ant-modal-footer .ant-btn-primary').click();
  await expectHidden(d, `the dialog ${title}`);
}

/** The OK button of the popconfirm that is open now. */
export async function okPopconfirm(page: Page): Promise<void> {
  const buttons = page.locator('.ant-popconfirm-buttons:visible');
  await expectVisible(buttons, 'the confirmation bubble');
  await buttons.locator('.ant-btn-primary').click();
  await expectHidden(buttons, 'the confirmation bubble');
}

/** Clicks a state action of the case (e.g. start, review, close) and confirms it. */
export async function caseAction(page: Page, event: string, stateAfter: string): Promise<void> {
  const btn = page.getByTestId(`inv-act-${event}`);
  await expectVisible(btn, `the case action ${event}`);
  await btn.click();
  await okPopconfirm(page);
  await expectCaseState(page, stateAfter);
}

export async function expectCaseState(page: Page, state: string): Promise<void> {
  await expectVisible(page.getByTestId('inv-header').locator(`[data-testid=inv-state][data-state=${state}]`), `the case state ${state}`);
}

/** The state tag of the risk record shows `label`. */
export async function expectRecordState(page: Page, label: string): Promise<void> {
  await expectVisible(page.getByTestId('ri-state').filter({ hasText: label }), `the record state ${label}`);
}

/** A tab of the case page by its label. */
export async function openCaseTab(page: Page, label: string): Promise<void> {
  const tab = page.getByTestId('inv-tabs').getByRole('tab', { name: label });
  await expectVisible(tab, `the tab ${label}`);
  await tab.click();
}

/** Chooses the radio with this label inside `scope`. */
export async function chooseRadio(scope: Locator, label: string): Promise<void> {
  const radio = scope.locator('label.ant-radio-wrapper').filter({ hasText: label }).first();
  await expectVisible(radio, `the choice ${label}`);
  await radio.click();
  await expectVisible(radio.locator('.ant-radio-checked'), `the choice ${label} taken`);
}

/** Opens the select whose input has this id and picks the option with this text (no typing). */
export async function selectById(page: Page, id: string, option: string | RegExp): Promise<void> {
  await page.locator(`[id="${id}"]`).click();
  const entry = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option }).first();
  await expectVisible(entry, `the option ${option} under #${id}`);
  await entry.click();
  await expectHidden(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'), `the option list of #${id}`);
}

/** A small but real PDF (the server recognises files by their content). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
