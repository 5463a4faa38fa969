import { auditLog, asc, eq, inArray, organisations, policyVersions } from '@returntrace/db';
import { DEFAULT_INVESTIGATION_TYPE_POLICY } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, loginAs, type TestApp } from '../../test/helpers';

const API = '/api/v1/policies';
const KIND = 'investigations.type';

let t: TestApp;
let sz = '';
let bj = '';
const c: Record<string, Client> = {};

const BODY = DEFAULT_INVESTIGATION_TYPE_POLICY;
const band = (lower: number, upper: number) => ({ ...BODY, writtenBandUsd: { lower, upper } });
const draft = (who: Client, effectiveFrom: string, body: unknown = BODY, jurisdictionId = sz) =>
  who.post(API, { kind: KIND, jurisdictionId, effectiveFrom, body, note: '调整书面调查金额区间' });
const put = (who: Client, id: string, payload: unknown, ifMatch?: string) =>
  who.request({ method: 'PUT', url: `${API}/${id}`, payload: payload as object, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
const rowOf = async (id: string) => (await t.db.db.select().from(policyVersions).where(eq(policyVersions.id, id)))[0]!;
const versionsOf = async (jurisdictionId: string) => (await t.db.db.select({ version: policyVersions.version, status: policyVersions.status })
  .from(policyVersions).where(eq(policyVersions.jurisdictionId, jurisdictionId)).orderBy(asc(policyVersions.version)));
const auditActions = async (id: string) => (await t.db.db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog)
  .where(eq(auditLog.objectId, id)).orderBy(asc(auditLog.id)));

beforeAll(async () => {
  t = await createTestApp();
  const orgs = await t.db.db.select({ id: organisations.id, code: organisations.code }).from(organisations).where(inArray(organisations.code, ['5300', '0100']));
  sz = orgs.find((o) => o.code === '5300')!.id;
  bj = orgs.find((o) => o.code === '0100')!.id;
  for (const u of ['sz.warning', 'bj.warning', 'hg.warning', 'hg.officer']) c[u] = await loginAs(t.app, u);
}, 120_000);
afterAll(() => t.close());

describe('investigation-type policy versions', () => {
  it('version 1 (the document\'s figures) is seeded and in force for every directly-affiliated customs', async () => {
    const list = (await c['hg.officer']!.get(`${API}?kind=${KIND}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ jurisdictionId: sz, version: 1, status: 'published', body: BODY, allowedActions: [] })]);
    expect(list.inForce).toEqual([expect.objectContaining({ jurisdictionId: sz, version: 1 })]);
    const all = await t.db.db.select({ jurisdictionId: policyVersions.jurisdictionId }).from(policyVersions).where(eq(policyVersions.kind, KIND));
    const directs = await t.db.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'direct_customs'));
    expect(all.map((r) => r.jurisdictionId).sort()).toEqual(directs.map((d) => d.id).sort());
  });

  it('drafts, edits with If-Match, and publishes; every step audited', async () => {
    const created = await draft(c['sz.warning']!, '2026-04-01');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"0"');
    const v = created.json();
    expect(v).toMatchObject({ kind: KIND, version: 2, revision: 0, status: 'draft', allowedActions: ['edit', 'publish', 'withdraw'] });

    const edited = await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-04-15', body: { ...band(30_000, 80_000), aboveBand: 'written' }, note: '区间下调' }, '"0"');
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.headers.etag).toBe('"1"');
    expect(edited.json()).toMatchObject({ revision: 1, effectiveFrom: '2026-04-15', note: '区间下调', body: { writtenBandUsd: { lower: 30_000, upper: 80_000 }, aboveBand: 'written' } });

    const published = await c['sz.warning']!.post(`${API}/${v.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', allowedActions: [] });
    // not yet effective: version 1 stays in force today
    expect((await c['sz.warning']!.get(`${API}?kind=${KIND}`)).json().inForce[0].version).toBe(1);

    const rows = await auditActions(v.id);
    expect(rows.map((r) => r.action)).toEqual(['policy.create', 'policy.update', 'policy.publish']);
    expect(rows[1]!.detail).toMatchObject({
      before: { effectiveFrom: '2026-04-01', body: { writtenBandUsd: { lower: 50_000, upper: 100_000 } } },
      after: { effectiveFrom: '2026-04-15', body: { writtenBandUsd: { lower: 30_000, upper: 80_000 } }, note: '区间下调' },
    });
    // a published version is never edited: a change is a new version
    const late = await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-05-01', body: BODY }, '"2"');
    expect(late.statusCode).toBe(409);
    expect(late.json().detailZh).toContain('只有草稿');
  });

  it('refuses an edit without If-Match (428) or with a stale revision (412), changing nothing', async () => {
    const v = (await draft(c['sz.warning']!, '2026-06-01')).json();
    expect((await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-06-02', body: BODY })).statusCode).toBe(428);
    expect((await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-06-02', body: BODY }, '"0"')).statusCode).toBe(200);
    const stale = await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-06-03', body: BODY }, '"0"');
    expect(stale.statusCode).toBe(412);
    expect(await rowOf(v.id)).toMatchObject({ revision: 1, effectiveFrom: '2026-06-02' });
    expect((await c['sz.warning']!.post(`${API}/${v.id}/withdraw`)).statusCode).toBe(200);
  });

  it.each([
    ['lower above upper', band(100_000, 50_000), 'body.writtenBandUsd.lower', '下限不得高于上限'],
    ['a negative lower bound', band(-1, 50_000), 'body.writtenBandUsd.lower', ''],
    ['a negative upper bound', band(0, -100), 'body.writtenBandUsd.upper', ''],
    ['an unknown above-band choice', { ...BODY, aboveBand: 'none' }, 'body.aboveBand', ''],
    ['a zero deadline', { ...BODY, deadlineDays: { ...BODY.deadlineDays, on_site: 0 } }, 'body.deadlineDays.on_site', ''],
    ['a reminder on the day of sending', { ...BODY, questionnaire: { answerDays: 10, reminderDaysBefore: 10 } }, 'body.questionnaire.reminderDaysBefore', '提醒'],
  ])('refuses a body with %s on create and on edit (400 naming the field), nothing changed', async (_n, body, field, zh) => {
    const before = await versionsOf(sz);
    const res = await draft(c['sz.warning']!, '2026-07-01', body);
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json().errors.find((e: { field: string }) => e.field === field);
    expect(err, res.body).toBeDefined();
    expect(err.messageZh).toMatch(/[\u4e00-\u9fa5]/);
    if (zh) expect(err.messageZh).toContain(zh);
    expect(await versionsOf(sz)).toEqual(before);

    const v = (await draft(c['bj.warning']!, '2026-07-01', BODY, bj)).json();
    const edit = await put(c['bj.warning']!, v.id, { effectiveFrom: '2026-07-01', body }, '"0"');
    expect(edit.statusCode).toBe(400);
    expect(edit.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await rowOf(v.id)).toMatchObject({ revision: 0, body: BODY });
    expect((await c['bj.warning']!.post(`${API}/${v.id}/withdraw`)).statusCode).toBe(200);
  });

  it('refuses an effective date on or before another draft or published version (422 on effectiveFrom)', async () => {
    // sz: version 2 published for 2026-04-15 (above); a draft for 2026-08-01
    const v = (await draft(c['sz.warning']!, '2026-08-01')).json();
    const before = await versionsOf(sz);
    for (const date of ['2026-08-01', '2026-05-01', '2026-04-15', '2026-03-10']) {
      const res = await draft(c['sz.warning']!, date);
      expect(res.statusCode, date).toBe(422);
      const [e] = res.json().errors;
      expect(e).toMatchObject({ field: 'effectiveFrom', code: 'overlaps_version' });
      expect(e.messageZh).toContain('生效日期须晚于');
    }
    expect(await versionsOf(sz)).toEqual(before);
    // editing a draft back before the published version is refused too; its own date is not a clash
    const back = await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-04-01', body: BODY }, '"0"');
    expect(back.statusCode).toBe(422);
    expect(back.json().errors[0].field).toBe('effectiveFrom');
    expect((await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-08-01', body: band(40_000, 90_000) }, '"0"')).statusCode).toBe(200);
    // a later date is fine
    const later = await draft(c['sz.warning']!, '2026-09-01');
    expect(later.statusCode, later.body).toBe(201);
    expect((await c['sz.warning']!.post(`${API}/${later.json().id}/withdraw`)).statusCode).toBe(200);
    expect((await c['sz.warning']!.post(`${API}/${v.id}/withdraw`)).statusCode).toBe(200);
  });

  it('withdraws a draft: audited, listed as withdrawn, no longer in the way; a withdrawn version is final', async () => {
    const v = (await draft(c['sz.warning']!, '2026-10-01')).json();
    const w = await c['sz.warning']!.post(`${API}/${v.id}/withdraw`);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ status: 'withdrawn', allowedActions: [] });
    expect((await auditActions(v.id)).map((r) => r.action)).toEqual(['policy.create', 'policy.withdraw']);
    for (const res of [
      await c['sz.warning']!.post(`${API}/${v.id}/withdraw`),
      await c['sz.warning']!.post(`${API}/${v.id}/publish`),
      await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-10-02', body: BODY }, '"1"'),
    ]) expect(res.statusCode).toBe(409);
    // the same date is free again
    const again = await draft(c['sz.warning']!, '2026-10-01');
    expect(again.statusCode, again.body).toBe(201);
    const listed = (await c['sz.warning']!.get(`${API}?kind=${KIND}`)).json().items.find((i: { id: string }) => i.id === v.id);
    expect(listed.status).toBe('withdrawn');
    // a withdrawal with a stale If-Match is refused
    expect((await c['sz.warning']!.request({ method: 'POST', url: `${API}/${again.json().id}/withdraw`, headers: { 'if-match': '"7"' } })).statusCode).toBe(412);
  });

  it('answers 404 outside the jurisdiction and 403 to a reader', async () => {
    const v = (await draft(c['bj.warning']!, '2026-11-01', BODY, bj)).json();
    expect((await put(c['sz.warning']!, v.id, { effectiveFrom: '2026-11-02', body: BODY }, '"0"')).statusCode).toBe(404);
    expect((await c['sz.warning']!.post(`${API}/${v.id}/withdraw`)).statusCode).toBe(404);
    const own = (await c['sz.warning']!.get(`${API}?kind=${KIND}`)).json().items.find((i: { status: string }) => i.status === 'draft');
    expect((await put(c['hg.warning']!, own.id, { effectiveFrom: '2026-12-01', body: BODY }, `"${own.revision}"`)).statusCode).toBe(403);
    expect((await c['hg.officer']!.post(`${API}/${own.id}/withdraw`)).statusCode).toBe(403);
    expect((await put(c['sz.warning']!, '00000000-0000-4000-8000-000000000000', { effectiveFrom: '2026-12-01', body: BODY }, '"0"')).statusCode).toBe(404);
    expect(await rowOf(own.id)).toMatchObject({ status: 'draft', revision: own.revision });
  });
});
