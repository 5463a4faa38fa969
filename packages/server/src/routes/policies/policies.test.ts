import { auditLog, asc, eq, inArray, organisations } from '@returntrace/db';
import { DEFAULT_INVESTIGATION_TYPE_POLICY } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationNo, insertCustomsDeclaration } from '../../test/factories/customs-declarations';
import { demoParty, validInput } from '../../test/factories/export-returns';
import { Client, createTestApp, loginAs, type TestApp } from '../../test/helpers';

const API = '/api/v1/policies';
const KIND = 'export_returns.audit';
const FOOD = declarationNo('5301', 5);
const TODAY = '2026-03-02'; // the test clock's Beijing date

let t: TestApp;
let sz = '';
let bj = '';
const c: Record<string, Client> = {};

const body = (rules: Record<string, boolean>, overdueDays = 3) => ({ rules, overdueDays, overdueUnit: 'working' });
const SWITCHED = body({ 'eaudit.no_industrial_goods': false, 'eaudit.export_declarations_unknown': true, 'eaudit.already_approved_for_import': true }, 10);
const draft = (who: Client, jurisdictionId: string, overrides: Record<string, unknown> = {}) =>
  who.post(API, { kind: KIND, jurisdictionId, effectiveFrom: TODAY, body: SWITCHED, note: '试行新规则', ...overrides });

/** Creates and submits a declaration of wine only (no industrial goods); answers the submitted declaration. */
async function submitWine() {
  const input = validInput(FOOD, { lines: [{ lineNo: 1, industrial: false }] } as never);
  const created = await c.huaxin!.post('/api/v1/export-returns', input);
  expect(created.statusCode, created.body).toBe(201);
  const d = created.json();
  const res = await c.huaxin!.request({ method: 'POST', url: `/api/v1/export-returns/${d.id}/submit`, payload: input, headers: { 'if-match': `"${d.version}"` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { status: number; rejection: { reasons: { code: string }[] } | null };
}

beforeAll(async () => {
  t = await createTestApp();
  await insertCustomsDeclaration(t.db.db, { entryId: FOOD, trader: demoParty('huaxin'), lines: [{ hsCode: '2204210000', goodsName: '葡萄酒' }] });
  const orgs = await t.db.db.select({ id: organisations.id, code: organisations.code }).from(organisations).where(inArray(organisations.code, ['5300', '0100']));
  sz = orgs.find((o) => o.code === '5300')!.id;
  bj = orgs.find((o) => o.code === '0100')!.id;
  for (const u of ['sz.warning', 'bj.warning', 'gacc.warning', 'hg.warning', 'hg.officer', 'sz.auditor', 'sz.admin', 'ent.huaxin']) {
    c[u.replace(/^ent\./, '')] = await loginAs(t.app, u);
  }
}, 120_000);
afterAll(() => t.close());

describe('policy versions', () => {
  it('a published audit policy version switches e-audit rules for that customs on the next submit', async () => {
    const before = await submitWine();
    expect(before).toMatchObject({ status: 6, rejection: { reasons: [{ code: 'eaudit.no_industrial_goods' }] } });

    const created = await draft(c['sz.warning']!, sz);
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({ kind: KIND, jurisdictionId: sz, version: 2, status: 'draft', effectiveFrom: TODAY, createdBy: 'sz.warning', publishedAt: null, allowedActions: ['edit', 'publish', 'withdraw'], revision: 0 });
    // a draft changes nothing
    expect((await submitWine()).rejection!.reasons.map((r) => r.code)).toEqual(['eaudit.no_industrial_goods']);

    const published = await c['sz.warning']!.post(`${API}/${v.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedBy: 'sz.warning', allowedActions: [] });
    const after = await submitWine();
    expect(after).toMatchObject({ status: 6, rejection: { reasons: [{ code: 'eaudit.export_declarations_unknown' }] } });

    const list = (await c['hg.officer']!.get(`${API}?kind=${KIND}`)).json();
    expect(list.inForce).toEqual([expect.objectContaining({ jurisdictionId: sz, version: 2, versionId: v.id })]);
    expect(list.items.map((i: { version: number; status: string }) => [i.version, i.status])).toEqual([[1, 'published'], [2, 'published']]);
    const rows = await t.db.db.select({ action: auditLog.action, username: auditLog.username }).from(auditLog).where(eq(auditLog.objectId, v.id)).orderBy(asc(auditLog.id));
    expect(rows).toEqual([{ action: 'policy.create', username: 'sz.warning' }, { action: 'policy.publish', username: 'sz.warning' }]);
  });

  it('refuses to publish a version twice', async () => {
    const v = (await draft(c['bj.warning']!, bj)).json();
    expect((await c['bj.warning']!.post(`${API}/${v.id}/publish`)).statusCode).toBe(200);
    const again = await c['bj.warning']!.post(`${API}/${v.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detailZh).toContain('已发布');
  });

  it('refuses to publish a version whose effective date is already past (Beijing date)', async () => {
    // the investigation-type policy of sz has only its version 1 of 2020, so a draft of yesterday is in order
    const v = (await c['sz.warning']!.post(API, { kind: 'investigations.type', jurisdictionId: sz, effectiveFrom: '2026-03-01', body: DEFAULT_INVESTIGATION_TYPE_POLICY })).json();
    const res = await c['sz.warning']!.post(`${API}/${v.id}/publish`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'effectiveFrom', code: 'in_past' });
    expect(res.json().errors[0].messageZh).toContain('早于今天');
    expect((await c['sz.warning']!.post(`${API}/${v.id}/withdraw`)).statusCode).toBe(200);
    const listed = (await c['sz.warning']!.get(`${API}?kind=investigations.type`)).json().items.find((i: { id: string }) => i.id === v.id);
    expect(listed.status).toBe('withdrawn');
  });

  it('shows each caller the versions of her jurisdiction; the General Administration sees all', async () => {
    const ids = async (who: Client) => [...new Set((await who.get(`${API}?kind=${KIND}`)).json().items.map((i: { jurisdictionId: string }) => i.jurisdictionId))].sort();
    expect(await ids(c['sz.warning']!)).toEqual([sz]);
    expect(await ids(c['hg.officer']!)).toEqual([sz]);
    expect(await ids(c['bj.warning']!)).toEqual([bj]);
    expect(await ids(c['gacc.warning']!)).toEqual([sz, bj].sort());
  });

  it('answers 404 outside the jurisdiction', async () => {
    expect((await draft(c['sz.warning']!, bj)).statusCode).toBe(404);
    const bjDraft = (await draft(c['bj.warning']!, bj, { effectiveFrom: '2026-04-01' })).json();
    expect((await c['sz.warning']!.post(`${API}/${bjDraft.id}/publish`)).statusCode).toBe(404);
    expect((await c['sz.warning']!.post(`${API}/00000000-0000-4000-8000-000000000000/publish`)).statusCode).toBe(404);
    // not a directly-affiliated customs: no policy of its own
    const [hg] = await t.db.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, '5301'));
    expect((await draft(c['gacc.warning']!, hg!.id)).statusCode).toBe(404);
    // the General Administration's warning office manages every jurisdiction
    expect((await c['gacc.warning']!.post(`${API}/${bjDraft.id}/publish`)).statusCode).toBe(200);
  });

  it('answers 403 without policies.manage, or when the jurisdiction is only readable', async () => {
    expect((await draft(c['sz.auditor']!, sz)).statusCode).toBe(403);
    expect((await draft(c['hg.warning']!, sz)).statusCode).toBe(403);
    expect((await c.huaxin!.get(`${API}?kind=${KIND}`)).statusCode).toBe(403);
    expect((await c['sz.admin']!.get(`${API}?kind=${KIND}`)).statusCode).toBe(403);
    const session = (await c['sz.warning']!.get('/api/v1/session')).json();
    expect(JSON.stringify(session)).toContain('policies.manage');
  });

  it.each([
    ['overdueDays out of range', { body: body({}, 0) }, 'body.overdueDays'],
    ['an unknown rule', { body: body({ 'eaudit.nonexistent': true }) }, 'body.rules.eaudit.nonexistent'],
    ['a rule that cannot be switched', { body: body({ 'receipt.import_declaration_missing': false }) }, 'body.rules.receipt.import_declaration_missing'],
    ['an extra body field', { body: { ...SWITCHED, threshold: 3 } }, 'body.threshold'],
    ['a missing effective date', { effectiveFrom: undefined }, 'effectiveFrom'],
    ['a malformed effective date', { effectiveFrom: '2026-13-01' }, 'effectiveFrom'],
    ['an unknown kind', { kind: 'nope' }, 'kind'],
  ])('refuses a bad body: %s', async (_name, overrides, field) => {
    const res = await draft(c['sz.warning']!, sz, overrides);
    expect(res.statusCode, res.body).toBe(400);
    const p = res.json();
    expect(p.errors.map((e: { field: string }) => e.field)).toContain(field);
    for (const e of p.errors) expect(e.messageZh).toMatch(/[\u4e00-\u9fa5]/);
  });
});
