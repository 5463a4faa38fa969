import { and, asc, auditLog, count, eq, riskInfoLinks, riskInfos } from '@returntrace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrg } from '../../test/factories/risk-info';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

const API = '/api/v1/risk-info';
let t: TestApp;
let hgOfficer: Client;
let hgAuditor: Client;
let hgInvestigator: Client;
let skOfficer: Client;
let bjOfficer: Client;
let market: Client;
const org: Record<string, string> = {};

const body = (over: Record<string, unknown> = {}) => ({
  source: 'complaint_report', title: '消费者投诉电水壶漏电', description: '境外消费者投诉使用中漏电，\n要求退货。',
  enterpriseName: '深圳华信电子有限公司', countryCode: 'DEU',
  // no HS code: the catalogue rule stays out, so the value band decides for the non-complaint sources
  goods: [{ name: '电水壶', quantity: 200, unit: '台', amount: 60000, currency: 'USD' }],
  collection: { collectedOn: '2026-03-02', contactName: '陈调查', contactPhone: '0755-12345678' },
  ...over,
});
/** the same content as a PUT body (source is not editable) */
const form = (over: Record<string, unknown> = {}) => {
  const { source: _s, ...rest } = body(over);
  return rest;
};
const create = async (c: Client, over: Record<string, unknown> = {}) => {
  const res = await c.post(API, body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().record as { id: string; version: number; infoNo: string; state: string };
};
const counts = async () => ({
  records: Number((await t.db.db.select({ n: count() }).from(riskInfos))[0]!.n),
  audits: Number((await t.db.db.select({ n: count() }).from(auditLog))[0]!.n),
});

beforeAll(async () => {
  t = await createTestApp();
  [hgOfficer, hgAuditor, hgInvestigator, skOfficer, bjOfficer, market] = (await Promise.all(
    ['hg.officer', 'hg.auditor', 'hg.investigator', 'sk.officer', 'bj.officer', 'szscjg.investigator'].map((u) => loginAs(t.app, u)),
  )) as [Client, Client, Client, Client, Client, Client];
  for (const slug of ['hg', 'sk', 'sz', 'szscjg', 'huaxin']) org[slug] = (await demoOrg(t.db.db, slug)).id;
}, 120_000);
afterAll(() => t.close());

describe('manual entry', () => {
  it('creates records for every kind of manual source, numbered, with the collector and the rule decision', async () => {
    const expected: Record<string, string> = {
      complaint_report: 'on_site', media: 'on_site', consumer_complaint: 'on_site', foreign_notification: 'on_site',
      inspection_result: 'written', enterprise_self_report: 'written', other: 'written',
    };
    const me = (await hgOfficer.get('/api/v1/session')).json().user.displayName;
    for (const [source, type] of Object.entries(expected)) {
      const res = await hgOfficer.post(API, body({ source, title: `来源 ${source}` }));
      expect(res.statusCode, res.body).toBe(201);
      const { duplicate, record } = res.json();
      expect(duplicate).toBe(false);
      expect(record).toMatchObject({
        source, state: 'collected', batchValueUsd: '60000.00', effectiveType: type, typeOverride: null,
        collection: { collectorName: me, collectedOn: '2026-03-02', contactName: '陈调查', collectingOrg: { id: org.hg } },
        office: { id: org.hg }, description: '境外消费者投诉使用中漏电，\n要求退货。',
      });
      expect(record.infoNo).toMatch(/^R530126\d{6}$/);
      expect(record.typeDecision.fired.length).toBeGreaterThan(0);
      expect(res.headers.etag).toBe(`"${record.version}"`);
    }
  });

  it('links an entry on an import declaration that already has a record in the same directly-affiliated customs', async () => {
    const importDeclarationNo = '530120261000123456';
    const first = await create(hgOfficer, { importDeclarationNo });
    const again = await hgOfficer.post(API, body({ importDeclarationNo, title: '同一报关单再次录入', source: 'media' }));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, record: { id: first.id, links: [{ kind: 'duplicate_declaration', exportReturn: null }] } });
    expect(await t.db.db.select().from(riskInfos).where(eq(riskInfos.importDeclarationNo, importDeclarationNo))).toHaveLength(1);
    // another office of the same customs cannot see the record: refused without revealing it
    const sk = await skOfficer.post(API, body({ importDeclarationNo }));
    expect(sk.statusCode).toBe(409);
    expect(sk.json().detailZh).toContain('同一直属海关');
    expect(await t.db.db.select().from(riskInfoLinks).where(eq(riskInfoLinks.riskInfoId, first.id))).toHaveLength(1);
    // another directly-affiliated customs keeps its own record
    expect((await bjOfficer.post(API, body({ importDeclarationNo }))).statusCode).toBe(201);
  });

  it('refuses bad input with 4xx naming the field, and writes nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [body({ description: '详见 <img src=x onerror=alert(1)>' }), 'description'],
      [body({ surprise: true }), ''],
      [body({ source: 'export_return' }), 'source'],
      [body({ source: 'public_report' }), 'source'],
      [body({ goods: [{ name: '电水壶', amount: 100 }] }), 'goods.0.currency'],
      [body({ officeId: org.sk }), 'officeId'],
      [body({ collection: { collectedOn: '2026-03-02', proposedInvestigatingOrgId: org.huaxin } }), 'collection.proposedInvestigatingOrgId'],
    ];
    for (const [payload, field] of cases) {
      const res = await hgOfficer.post(API, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const p = res.json();
      expect(p.detailZh).toBeTruthy();
      if (field) expect(p.errors.map((e: { field: string }) => e.field)).toContain(field);
      else expect(p.errors.length).toBeGreaterThan(0);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('review, transfer and acceptance between organisations', () => {
  it('walks a record from collection to acceptance by market regulation, with refusals on the way', async () => {
    const r = await create(hgOfficer);
    const url = `${API}/${r.id}`;
    // the market-regulation bureau does not see it before the transfer
    expect((await market.get(url)).statusCode).toBe(404);
    // transitions out of order: 409 with both languages
    const early = await hgAuditor.post(`${url}/transfer`, { toOrgId: org.szscjg });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/Cannot transfer/);
    expect(early.json().detailZh).toContain('不允许移送调查机构');
    // the officer collects but does not review
    expect((await hgOfficer.post(`${url}/review`, { opinion: '同意' })).statusCode).toBe(403);
    const reviewed = await hgAuditor.post(`${url}/review`, { opinion: '情况属实，建议移送市场监管部门调查' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ state: 'reviewed', collection: { reviewOpinion: '情况属实，建议移送市场监管部门调查', reviewedBy: expect.any(String) } });
    expect(reviewed.json().allowedActions).toEqual(expect.arrayContaining(['transfer', 'dismiss', 'override_type', 'mark_crime_lead']));
    // a stale If-Match is refused
    expect((await hgAuditor.request({ method: 'POST', url: `${url}/transfer`, payload: { toOrgId: org.szscjg }, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    // never to an enterprise
    const toEnt = await hgAuditor.post(`${url}/transfer`, { toOrgId: org.huaxin });
    expect(toEnt.statusCode).toBe(400);
    expect(toEnt.json().errors[0].field).toBe('toOrgId');
    const sent = await hgAuditor.post(`${url}/transfer`, { toOrgId: org.szscjg, note: '请核查生产企业', contactName: '刘联络' });
    expect(sent.json()).toMatchObject({ state: 'transferred', investigatingOrg: { id: org.szscjg }, transfers: [{ status: 'pending', toOrg: { id: org.szscjg } }] });
    // now visible to the target, and in its incoming box
    const seen = (await market.get(url)).json();
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['accept', 'decline']));
    expect(seen.allowedActions).not.toContain('transfer');
    expect((await market.get(`${API}?box=incoming`)).json().items.map((i: { id: string }) => i.id)).toContain(r.id);
    // accept/decline only by the target organisation
    expect((await hgInvestigator.post(`${url}/accept`)).statusCode).toBe(403);
    const noReason = await market.post(`${url}/decline`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const declined = await market.post(`${url}/decline`, { reason: '不属于本局管辖，请移送生态环境部门' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ state: 'declined', investigatingOrg: null, transfers: [{ status: 'declined', reason: '不属于本局管辖，请移送生态环境部门' }] });
    expect((await market.get(url)).statusCode).toBe(404);
    // transferred again and accepted
    expect((await hgAuditor.post(`${url}/transfer`, { toOrgId: org.szscjg })).statusCode).toBe(200);
    const accepted = await market.post(`${url}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', investigatingOrg: { id: org.szscjg } });
    expect(accepted.json().transfers.map((x: { status: string }) => x.status)).toEqual(['declined', 'accepted']);
    expect((await market.get(`${API}?box=incoming`)).json().items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    expect((await market.get(API)).json().items.map((i: { id: string }) => i.id)).toContain(r.id);
    expect((await market.post(`${url}/accept`)).statusCode).toBe(409);
    const actions = (await t.db.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.objectId, r.id)).orderBy(asc(auditLog.id))).map((x) => x.a);
    expect(actions).toEqual(['risk_info.create', 'risk_info.review', 'risk_info.transfer', 'risk_info.decline', 'risk_info.transfer', 'risk_info.accept']);
  });

  it('a transfer to the record\'s own office is accepted at once', async () => {
    const r = await create(hgOfficer);
    await hgAuditor.post(`${API}/${r.id}/review`, { opinion: '本关调查' });
    const res = await hgAuditor.post(`${API}/${r.id}/transfer`, { toOrgId: org.hg });
    expect(res.json()).toMatchObject({ state: 'accepted', investigatingOrg: { id: org.hg }, transfers: [{ status: 'accepted' }] });
  });

  it('another office\'s record answers 404 everywhere', async () => {
    const r = await create(hgOfficer);
    for (const res of [
      await skOfficer.get(`${API}/${r.id}`), await skOfficer.put(`${API}/${r.id}`, form()),
      await skOfficer.get(`${API}/${r.id}/collection-form.pdf`), await skOfficer.get(`${API}/${r.id}/files`),
    ]) expect(res.statusCode).toBe(404);
    expect((await (await loginAs(t.app, 'ent.huaxin')).get(`${API}/${r.id}`)).statusCode).toBe(403);
  });

  it('dismisses with a reason and reopens', async () => {
    const r = await create(hgOfficer);
    expect((await hgAuditor.post(`${API}/${r.id}/dismiss`, {})).json().errors[0].field).toBe('reason');
    expect((await hgAuditor.post(`${API}/${r.id}/dismiss`, { reason: '信息不实' })).json()).toMatchObject({ state: 'dismissed', dismissReason: '信息不实' });
    expect((await hgAuditor.post(`${API}/${r.id}/type-override`, { type: 'written', reason: '金额' })).statusCode).toBe(409);
    expect((await hgAuditor.post(`${API}/${r.id}/reopen`, { reason: '收到新证据' })).json()).toMatchObject({ state: 'collected', dismissReason: '' });
  });
});

describe('editing and the investigation type', () => {
  it('edits with If-Match, deciding the value and the type again', async () => {
    const r = await create(hgOfficer);
    expect((await hgOfficer.put(`${API}/${r.id}`, form())).statusCode).toBe(428);
    const edited = await hgOfficer.request({
      method: 'PUT', url: `${API}/${r.id}`, headers: { 'if-match': `"${r.version}"` },
      payload: form({ goods: [{ name: '电水壶', amount: 20000, currency: 'USD' }] }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ batchValueUsd: '20000.00', version: r.version + 1 });
  });

  it('overrides the type only with a reason; the rule decision stays beside it; redecide keeps the override', async () => {
    const r = await create(hgOfficer);
    const before = await counts();
    const none = await hgAuditor.post(`${API}/${r.id}/type-override`, { type: 'filing_only' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const blank = await hgAuditor.post(`${API}/${r.id}/type-override`, { type: 'filing_only', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const res = await hgAuditor.post(`${API}/${r.id}/type-override`, { type: 'filing_only', reason: '企业已主动召回，现场核查意义不大' });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ effectiveType: 'filing_only', typeOverride: { type: 'filing_only', reason: '企业已主动召回，现场核查意义不大' }, typeDecision: { type: 'on_site' } });
    const [row] = await t.db.db.select().from(auditLog).where(and(eq(auditLog.objectId, r.id), eq(auditLog.action, 'risk_info.type_override')));
    expect(row!.detail).toMatchObject({ ruleType: 'on_site', type: 'filing_only' });
    const again = await hgOfficer.post(`${API}/${r.id}/redecide`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ effectiveType: 'filing_only', typeDecision: { type: 'on_site' } });
    expect((await hgOfficer.get(`${API}?type=filing_only`)).json().items.find((i: { id: string }) => i.id === r.id)).toMatchObject({ overridden: true });
  });
});

describe('API description', () => {
  it('describes the risk-information endpoints in OpenAPI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/risk-info', '/api/v1/risk-info/{id}', '/api/v1/risk-info/{id}/transfer', '/api/v1/risk-info/{id}/type-override',
      '/api/v1/risk-info/crime-leads.xlsx', '/api/v1/risk-info/{id}/collection-form.pdf', '/api/v1/risk-info/{id}/files/{fileId}',
    ]));
  });
});
