import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

const API = '/api/v1/risk-info/transfer-targets';
let t: TestApp;
let hgAuditor: Client;
let hgOfficer: Client;
let enterprise: Client;

beforeAll(async () => {
  t = await createTestApp();
  [hgAuditor, hgOfficer, enterprise] = (await Promise.all(['hg.auditor', 'hg.officer', 'ent.huaxin'].map((u) => loginAs(t.app, u)))) as [Client, Client, Client];
}, 120_000);
afterAll(() => t.close());

type Target = { id: string; kind: string; code: string; nameZh: string; nameEn: string };

describe('GET /risk-info/transfer-targets', () => {
  it('lists investigating bodies beyond the caller\'s own jurisdiction, never enterprises', async () => {
    const res = await hgAuditor.get(API);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Target[];
    const names = items.map((o) => o.nameZh);
    // 皇岗海关's auditor reaches the city's market regulation and testing academy, which sit under 深圳海关, not 皇岗
    expect(names).toEqual(expect.arrayContaining(['皇岗海关', '深圳海关', '深圳市市场监督管理局', '深圳市检验检疫科学研究院']));
    expect(items.every((o) => o.kind !== 'enterprise')).toBe(true);
    expect(names).not.toContain('深圳华信电子有限公司');
  });

  it('matches names and codes; the collector may use it to propose an organisation', async () => {
    const res = await hgOfficer.get(`${API}?q=${encodeURIComponent('市场监督')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Target[]).map((o) => o.nameZh)).toEqual(['深圳市市场监督管理局']);
    const byCode = await hgOfficer.get(`${API}?q=5316`);
    expect((byCode.json().items as Target[]).map((o) => o.nameZh)).toEqual(['蛇口海关']);
    // a LIKE wildcard in the text is taken literally
    expect((await hgOfficer.get(`${API}?q=%25`)).json().items).toEqual([]);
  });

  it('refuses users without risk_info.read and unknown parameters', async () => {
    expect((await enterprise.get(API)).statusCode).toBe(403);
    expect((await hgAuditor.get(`${API}?kind=enterprise`)).statusCode).toBe(400);
  });
});
