import { and, asc, auditLog, domainEvents, eq, exportReturnReceipts, exportReturns, organisations, policyVersions, sql } from '@returntrace/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationNo, insertCustomsDeclaration } from '../../test/factories/customs-declarations';
import { demoParty, validInput } from '../../test/factories/export-returns';
import { Client, createTestApp, loginAs, type TestApp } from '../../test/helpers';
import { auditPoliciesChanged } from '../../use-cases/export-returns/reference-cache';

const API = '/api/v1/export-returns';
let t: TestApp;
let huaxin: Client;
let pengcheng: Client;
let hgAuditor: Client;
let skAuditor: Client;
let szAuditor: Client;

const HX = demoParty('huaxin');
const PC = demoParty('pengcheng');
const NO = {
  ok: declarationNo('5301', 1),
  agent: declarationNo('5301', 2),
  others: declarationNo('5301', 3),
  withdrawn: declarationNo('5301', 4),
  food: declarationNo('5301', 5),
  exportDecl: declarationNo('5301', 6, 'export'),
  reject: declarationNo('5301', 7),
  failing: declarationNo('5301', 8),
  unknown: declarationNo('5301', 999),
};

/** DDL as the database owner (on PostgreSQL the application role may not create triggers). */
async function asOwner(statement: string): Promise<void> {
  if (!t.db.url) {
    await t.db.db.execute(sql.raw(statement));
    return;
  }
  const c = new pg.Client({ connectionString: t.db.url });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

const withVersion = (version: number, extra: Record<string, string> = {}) => ({ 'if-match': `"${version}"`, ...extra });
const auditRows = (id: string) =>
  t.db.db.select({ action: auditLog.action, username: auditLog.username }).from(auditLog).where(eq(auditLog.objectId, id)).orderBy(asc(auditLog.id));
const receiptStatuses = async (id: string) =>
  (await t.db.db.select({ s: exportReturnReceipts.status }).from(exportReturnReceipts).where(eq(exportReturnReceipts.returnId, id)).orderBy(asc(exportReturnReceipts.id))).map((r) => r.s);

async function create(c: Client, no: string, overrides = {}) {
  const res = await c.post(API, validInput(no, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: number; unifiedNo: string };
}
async function submit(c: Client, id: string, version: number, no: string, headers: Record<string, string> = {}, overrides = {}) {
  return c.request({ method: 'POST', url: `${API}/${id}/submit`, payload: validInput(no, overrides), headers: withVersion(version, headers) });
}

beforeAll(async () => {
  t = await createTestApp();
  const other = { creditCode: '91440300MA5OTHER01', customsCode: '4403169999', name: '其他企业' };
  await insertCustomsDeclaration(t.db.db, { entryId: NO.ok, trader: HX, lines: [{ hsCode: '8517130000' }, { hsCode: '0201100000', goodsName: '冷鲜牛肉' }] });
  await insertCustomsDeclaration(t.db.db, { entryId: NO.agent, trader: other, declaringUnit: PC });
  await insertCustomsDeclaration(t.db.db, { entryId: NO.others, trader: other });
  await insertCustomsDeclaration(t.db.db, { entryId: NO.withdrawn, trader: HX, withdrawn: true });
  await insertCustomsDeclaration(t.db.db, { entryId: NO.food, trader: HX, lines: [{ hsCode: '2204210000', goodsName: '葡萄酒' }] });
  await insertCustomsDeclaration(t.db.db, { entryId: NO.exportDecl, trader: HX });
  await insertCustomsDeclaration(t.db.db, { entryId: NO.reject, trader: HX });
  await insertCustomsDeclaration(t.db.db, { entryId: NO.failing, trader: HX });
  [huaxin, pengcheng, hgAuditor, skAuditor, szAuditor] = (await Promise.all(
    ['ent.huaxin', 'ent.pengcheng', 'hg.auditor', 'sk.auditor', 'sz.auditor'].map((u) => loginAs(t.app, u)),
  )) as [Client, Client, Client, Client, Client];
  baseline7 = (await huaxin.get(`${API}/dashboard`)).json().byStatus.find((s: { status: number }) => s.status === 7).count;
}, 120_000);
afterAll(() => t.close());
let baseline7 = 0;

describe('backfill', () => {
  it.each([
    ['unknown number', () => huaxin, NO.unknown, 404, 'import_declaration_unknown'],
    ['export declaration number', () => huaxin, NO.exportDecl, 400, 'declaration_number_not_import'],
    ['17 digits', () => huaxin, NO.ok.slice(1), 400, 'declaration_number_length'],
    ['a letter', () => huaxin, `${NO.ok.slice(0, 17)}X`, 400, 'declaration_number_digits'],
    ['neither consignee nor declaring unit (looks unknown)', () => huaxin, NO.others, 404, 'import_declaration_unknown'],
    ['withdrawn', () => huaxin, NO.withdrawn, 409, 'import_declaration_withdrawn'],
  ])('refuses: %s', async (_name, who, no, status, code) => {
    const res = await who().get(`${API}/backfill/${no}`);
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.detailZh).toMatch(/[\u4e00-\u9fa5]/);
    expect(body.errors[0].field).toBe('importDeclarationNo');
    if (code) expect(body.errors[0].code).toBe(code);
  });

  it('fills the grey fields and lines for the consignee, with industrial from the HS chapter', async () => {
    const res = await huaxin.get(`${API}/backfill/${NO.ok}`);
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.filled).toMatchObject({ importDeclarationNo: NO.ok, consignee: { creditCode: HX.creditCode }, acceptingCustoms: '5301', returnCountry: 'USA' });
    expect(b.lines.map((l: { lineNo: number; industrial: boolean }) => [l.lineNo, l.industrial])).toEqual([[1, true], [2, false]]);
    expect(b.competentOffice.code).toBe('5301');
  });

  it('fills for the declaring unit (agent) too, and refuses customs users', async () => {
    expect((await pengcheng.get(`${API}/backfill/${NO.agent}`)).statusCode).toBe(200);
    expect((await hgAuditor.get(`${API}/backfill/${NO.ok}`)).statusCode).toBe(403);
  });
});

describe('declaration workflow', () => {
  let id: string;
  let version: number;

  it('creates a draft with a unified number, ETag and an audit row', async () => {
    const res = await huaxin.post(API, validInput(NO.ok));
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ status: 0, returnNo: null, allowedActions: ['save', 'delete', 'submit'], collectorType: 'enterprise' });
    expect(v.unifiedNo).toMatch(/^2026\d{14}$/);
    expect(res.headers.etag).toBe(`"${v.version}"`);
    expect(v.lines).toHaveLength(2);
    expect(v.lines[0]).toMatchObject({ weightKg: '12.5', industrial: true });
    ({ id, version } = v);
    expect((await auditRows(id)).map((a) => a.action)).toEqual(['export_return.create']);
    expect(await receiptStatuses(id)).toEqual([]);
  });

  it('requires If-Match on save (428) and refuses a stale one (412), changing nothing', async () => {
    const body = validInput(NO.ok, { consigneeContact: '李娜' });
    expect((await huaxin.put(`${API}/${id}`, body)).statusCode).toBe(428);
    const stale = await huaxin.request({ method: 'PUT', url: `${API}/${id}`, payload: body, headers: withVersion(version + 5) });
    expect(stale.statusCode).toBe(412);
    expect((await huaxin.request({ method: 'DELETE', url: `${API}/${id}` })).statusCode).toBe(428);
    const [row] = await t.db.db.select().from(exportReturns).where(eq(exportReturns.id, id));
    expect(row!.version).toBe(version);
    expect((row!.input as { consigneeContact: string }).consigneeContact).toBe('王伟');
  });

  it('saves with the right version (暂存)', async () => {
    const lines = [{ lineNo: 1, weightKg: 3.25, industrial: true }, { lineNo: 2, weightKg: null, industrial: true }];
    const res = await huaxin.request({ method: 'PUT', url: `${API}/${id}`, payload: validInput(NO.ok, { consigneeContact: '李娜', lines }), headers: withVersion(version) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().input.consigneeContact).toBe('李娜');
    expect(res.json().lines.map((l: { weightKg: string | null; industrial: boolean }) => [l.weightKg, l.industrial])).toEqual([['3.25', true], [null, true]]);
    expect((await huaxin.get(`${API}/${id}`)).json().lines).toEqual(res.json().lines);
    version = res.json().version;
    expect((await auditRows(id)).map((a) => a.action)).toEqual(['export_return.create', 'export_return.save']);
  });

  it('hides the declaration from another enterprise and another office (404)', async () => {
    expect((await pengcheng.get(`${API}/${id}`)).statusCode).toBe(404);
    expect((await pengcheng.request({ method: 'PUT', url: `${API}/${id}`, payload: validInput(NO.ok), headers: withVersion(version) })).statusCode).toBe(404);
    expect((await skAuditor.get(`${API}/${id}`)).statusCode).toBe(404);
    expect((await skAuditor.get(`${API}/${id}/receipts`)).statusCode).toBe(404);
    expect((await szAuditor.get(`${API}/${id}`)).statusCode).toBe(200);
  });

  it('submits: receipt, e-audit, queue; receipts and audit rows for every transition', async () => {
    const key = 'submit-key-0001';
    const res = await submit(huaxin, id, version, NO.ok, { 'idempotency-key': key });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.status).toBe(5);
    expect(v.collectedAt).not.toBeNull();
    expect(v.allowedActions).toEqual([]);
    expect(await receiptStatuses(id)).toEqual([1, 3, 5]);
    const audits = await auditRows(id);
    expect(audits.map((a) => a.action).slice(2)).toEqual(['export_return.submit', 'export_return.customs_accept', 'export_return.eaudit_pass']);
    expect(audits.at(-1)!.username).toBe('system');
    const receipts = (await huaxin.get(`${API}/${id}/receipts`)).json().items;
    expect(receipts.map((r: { status: number }) => r.status)).toEqual([5, 3, 1]);
    expect(receipts[0].messageZh).toContain('电子审核成功');

    // the same key and body replay the first answer; nothing new is written
    const replay = await submit(huaxin, id, version, NO.ok, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(v);
    expect(await receiptStatuses(id)).toEqual([1, 3, 5]);
    // the same key with another body: 422, nothing changes
    const changed = await submit(huaxin, id, version, NO.ok, { 'idempotency-key': key }, { consigneeContact: '赵六' });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().errors[0].field).toBe('Idempotency-Key');
    expect(await receiptStatuses(id)).toEqual([1, 3, 5]);
    version = v.version;
  });

  it('a refused submit releases its key; concurrent submits with one key run once', async () => {
    const d = await create(huaxin, NO.food, { lines: [{ lineNo: 1, industrial: true }] });
    const key = 'submit-key-0002';
    const bad = await submit(huaxin, d.id, d.version, NO.food, { 'idempotency-key': key }, { consigneeContact: '' });
    expect(bad.statusCode).toBe(400);
    const both = await Promise.all([0, 1].map(() => submit(huaxin, d.id, d.version, NO.food, { 'idempotency-key': key }, { lines: [{ lineNo: 1, industrial: true }] })));
    const codes = both.map((r) => r.statusCode).sort();
    expect([[200, 200], [200, 409]]).toContainEqual(codes);
    expect(await receiptStatuses(d.id)).toEqual([1, 3, 5]);
    await t.db.db.execute(sql`UPDATE export_returns SET deleted = true WHERE id = ${d.id}`);
  });

  it('refuses save and delete of a submitted declaration (409), changing nothing', async () => {
    const save = await huaxin.request({ method: 'PUT', url: `${API}/${id}`, payload: validInput(NO.ok), headers: withVersion(version) });
    expect(save.statusCode).toBe(409);
    expect(save.json().detailZh).toBeTruthy();
    expect((await huaxin.request({ method: 'DELETE', url: `${API}/${id}`, headers: withVersion(version) })).statusCode).toBe(409);
    expect((await huaxin.get(`${API}/${id}`)).json()).toMatchObject({ status: 5, version });
  });

  it('queues for the competent office only; another office\'s auditor gets 404', async () => {
    const q = (await hgAuditor.get(`${API}/audit-queue`)).json();
    expect(q.items.map((r: { id: string }) => r.id)).toContain(id);
    expect(q.items[0].overdue).toBe(false);
    expect((await skAuditor.get(`${API}/audit-queue`)).json().total).toBe(0);
    const denied = await skAuditor.request({ method: 'POST', url: `${API}/${id}/decision`, payload: { decision: 'approve' }, headers: withVersion(version) });
    expect(denied.statusCode).toBe(404);
    expect((await hgAuditor.post(`${API}/${id}/decision`, { decision: 'approve' })).statusCode).toBe(428);
    expect((await hgAuditor.get(`${API}/audit-queue?overdueOnly=true`)).json().total).toBe(0);
    // queued on Wednesday 2026-02-25: due by the 3rd working day after (Monday 03-02), so not yet overdue today
    const setQueued = (at: string) => t.db.db.execute(sql`UPDATE export_returns SET queued_at = ${at}::timestamptz WHERE id = ${id}`);
    await setQueued('2026-02-25T02:00:00.000Z');
    expect((await hgAuditor.get(`${API}/audit-queue?overdueOnly=true`)).json().total).toBe(0);
    // queued on Tuesday 02-24: due by Friday 02-27, overdue on Monday 03-02 (weekends do not count)
    await setQueued('2026-02-24T02:00:00.000Z');
    const later = (await hgAuditor.get(`${API}/audit-queue?overdueOnly=true`)).json();
    expect(later.items.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([[id, true]]);
    const queue = (await hgAuditor.get(`${API}/dashboard`)).json().queue;
    expect(queue.overdue).toBe(1);
    expect(queue.waiting).toBe(q.total);
    expect((await skAuditor.get(`${API}/dashboard`)).json().queue).toEqual({ waiting: 0, overdue: 0 });
  });

  it('approves with a return number per district and year and stores the domain event', async () => {
    const res = await hgAuditor.request({ method: 'POST', url: `${API}/${id}/decision`, payload: { decision: 'approve' }, headers: withVersion(version) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 7 });
    const returnNo = res.json().returnNo as string;
    expect(returnNo).toMatch(/^530126\d{6}$/);
    const [ev] = await t.db.db.select().from(domainEvents).where(and(eq(domainEvents.type, 'export_return.approved'), eq(domainEvents.aggregateId, id)));
    expect(ev!.payload).toMatchObject({ id, returnNo, importDeclarationNo: NO.ok, enterpriseId: res.json().enterprise.id });
    expect((await auditRows(id)).at(-1)!.action).toBe('export_return.approve');
    expect((await huaxin.get(`${API}/${id}`)).json().returnNo).toBe(returnNo);
    // numbers of the district and year run without gaps from 000001
    const nos = (await t.db.db.select({ n: exportReturns.returnNo }).from(exportReturns).where(sql`${exportReturns.returnNo} LIKE '530126%'`)).map((r) => r.n!).sort();
    expect(nos).toEqual(nos.map((_, i) => `530126${String(i + 1).padStart(6, '0')}`));
    expect(nos.at(-1)).toBe(returnNo);
  });

  it('rejects in e-audit a second return on an already approved import declaration', async () => {
    const d = await create(huaxin, NO.ok);
    const res = await submit(huaxin, d.id, d.version, NO.ok);
    expect(res.json().status).toBe(6);
    expect(res.json().rejection.reasons.map((r: { code: string }) => r.code)).toEqual(['eaudit.already_approved_for_import']);
    expect(await receiptStatuses(d.id)).toEqual([1, 3, 6]);
  });

  it('rejects in e-audit when no goods line is industrial', async () => {
    const d = await create(huaxin, NO.food, { lines: [{ lineNo: 1, industrial: false }] });
    const res = await submit(huaxin, d.id, d.version, NO.food, {}, { lines: [{ lineNo: 1, industrial: false }] });
    expect(res.json()).toMatchObject({ status: 6, rejection: { reasons: [{ code: 'eaudit.no_industrial_goods' }] } });
  });

  it('follows the published audit policy of the directly-affiliated customs (rule switches as data)', async () => {
    const [sz] = await t.db.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, '5300'));
    await t.db.db.insert(policyVersions).values({
      kind: 'export_returns.audit', jurisdictionId: sz!.id, version: 2, status: 'published', effectiveFrom: '2026-03-01',
      body: { rules: { 'eaudit.no_industrial_goods': false, 'eaudit.export_declarations_unknown': true, 'eaudit.already_approved_for_import': true }, overdueDays: 10, overdueUnit: 'calendar' },
    });
    auditPoliciesChanged(); // what publishing a version does
    try {
      const d = await create(huaxin, NO.food, { lines: [{ lineNo: 1, industrial: false }] });
      const res = await submit(huaxin, d.id, d.version, NO.food, {}, { lines: [{ lineNo: 1, industrial: false }] });
      expect(res.json()).toMatchObject({ status: 6, rejection: { reasons: [{ code: 'eaudit.export_declarations_unknown' }] } });
    } finally {
      await t.db.db.delete(policyVersions).where(and(eq(policyVersions.jurisdictionId, sz!.id), eq(policyVersions.version, 2)));
      auditPoliciesChanged();
    }
  });

  it('refuses at customs receipt when the import declaration was withdrawn after saving (4)', async () => {
    const d = await create(huaxin, NO.reject);
    await t.db.db.execute(sql`UPDATE customs_declarations SET withdrawn = true WHERE entry_id = ${NO.reject}`);
    const res = await submit(huaxin, d.id, d.version, NO.reject);
    expect(res.json()).toMatchObject({ status: 4, rejection: { reasons: [{ code: 'receipt.import_declaration_withdrawn' }] } });
    expect(res.json().rejection.messageZh).toContain('已撤单');
    await t.db.db.execute(sql`UPDATE customs_declarations SET withdrawn = false WHERE entry_id = ${NO.reject}`);
  });

  it('manual rejection: the enterprise sees the reason, corrects (0) and submits again', async () => {
    const d = (await huaxin.get(`${API}?pageSize=50`)).json().items.find((r: { importDeclarationNo: string; status: number }) => r.importDeclarationNo === NO.reject);
    let v = (await huaxin.get(`${API}/${d.id}`)).json();
    v = (await submit(huaxin, v.id, v.version, NO.reject)).json();
    expect(v.status).toBe(5);
    const rej = await hgAuditor.request({ method: 'POST', url: `${API}/${v.id}/decision`, payload: { decision: 'reject', reason: '随附单据不全，请补充检测报告' }, headers: withVersion(v.version) });
    expect(rej.json()).toMatchObject({ status: 8, returnNo: null });
    const seen = (await huaxin.get(`${API}/${v.id}`)).json();
    expect(seen.rejection.messageZh).toContain('随附单据不全');
    expect(seen.allowedActions).toEqual(['save', 'delete', 'submit']);
    const saved = await huaxin.request({ method: 'PUT', url: `${API}/${v.id}`, payload: validInput(NO.reject), headers: withVersion(seen.version) });
    expect(saved.json()).toMatchObject({ status: 0, rejection: null });
    const again = await submit(huaxin, v.id, saved.json().version, NO.reject);
    expect(again.json().status).toBe(5);
    expect(await receiptStatuses(v.id)).toEqual([1, 4, 1, 3, 5, 8, 0, 1, 3, 5]);
  });

  it('answers a submit with the declaration exactly as a later read shows it', async () => {
    for (const overrides of [{}, { lines: [{ lineNo: 1, industrial: false }] }]) {
      const d = await create(huaxin, NO.food, overrides);
      const res = await submit(huaxin, d.id, d.version, NO.food, {}, overrides);
      expect(res.statusCode).toBe(200);
      const read = await huaxin.get(`${API}/${d.id}`);
      expect(res.json()).toEqual(read.json());
    }
  });

  it('goes to 2 (submit failed) with a receipt when processing fails, never a 500 with a half write', async () => {
    const d = await create(huaxin, NO.failing);
    // a database rule that makes the receipt of status 3 fail, as an outage in the middle of processing would
    await asOwner(`CREATE OR REPLACE FUNCTION test_fail_receipt() RETURNS trigger AS $$ BEGIN
      IF NEW.status = 3 THEN RAISE EXCEPTION 'processing unavailable'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await asOwner('CREATE TRIGGER test_fail_receipt BEFORE INSERT ON export_return_receipts FOR EACH ROW EXECUTE FUNCTION test_fail_receipt()');
    try {
      const res = await submit(huaxin, d.id, d.version, NO.failing);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 2, allowedActions: ['save', 'delete', 'submit'] });
      expect(await receiptStatuses(d.id)).toEqual([1, 2]);
      expect(res.json().input.consigneeContact).toBe('王伟');
    } finally {
      await asOwner('DROP TRIGGER IF EXISTS test_fail_receipt ON export_return_receipts');
    }
  });

  it('batch delete deletes what the status rule allows and reports the rest', async () => {
    const a = await create(huaxin, NO.food);
    const res = await huaxin.post(`${API}/batch-delete`, { ids: [a.id, id, '00000000-0000-4000-8000-000000000000'] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.deleted).toEqual([a.id]);
    expect(body.refused.map((r: { id: string; code: string }) => [r.id, r.code])).toEqual([
      [id, 'transition_refused'], ['00000000-0000-4000-8000-000000000000', 'not_found'],
    ]);
    expect(body.refused[0].messageZh).toBeTruthy();
    expect((await huaxin.get(`${API}/${a.id}`)).statusCode).toBe(404);
    expect((await auditRows(a.id)).at(-1)!.action).toBe('export_return.delete');
  });
});

describe('query', () => {
  it('lists today by default, in scope only', async () => {
    const mine = (await huaxin.get(API)).json();
    expect(mine.total).toBeGreaterThan(3);
    expect(mine.items.every((r: { enterpriseName: string }) => r.enterpriseName === HX.name)).toBe(true);
    const ids = (c: Client, q = '') => c.get(`${API}?pageSize=200${q}`).then((r) => r.json().items.map((x: { id: string }) => x.id) as string[]);
    const huaxinIds = await ids(huaxin);
    expect(huaxinIds).toHaveLength(mine.total);
    for (const other of [pengcheng, skAuditor]) expect((await ids(other)).filter((x) => huaxinIds.includes(x))).toEqual([]);
    expect((await ids(hgAuditor)).filter((x) => huaxinIds.includes(x)).sort()).toEqual([...huaxinIds].sort());
    expect((await hgAuditor.get(`${API}?status=7`)).json().items.every((r: { status: number }) => r.status === 7)).toBe(true);
    // the next day (Beijing) the default window is empty; a fresh login, as sessions idle out meanwhile
    t.clock.set('2026-03-02T16:30:00.000Z');
    const tomorrow = await loginAs(t.app, 'ent.huaxin');
    expect((await tomorrow.get(API)).json().total).toBe(0);
    expect((await tomorrow.get(`${API}?from=2026-03-02`)).json().total).toBe(mine.total);
    t.clock.set('2026-03-02T01:00:00.000Z');
  });

  it('filters by consignee and manufacturer by credit code or customs code', async () => {
    for (const q of [`consignee=${HX.creditCode}`, `consignee=${HX.customsCode}`, 'manufacturer=4403160099']) {
      expect((await huaxin.get(`${API}?${q}`)).json().total, q).toBeGreaterThan(0);
    }
    expect((await huaxin.get(`${API}?consignee=4403169999`)).json().total).toBe(0);
  });

  it.each([
    ['span over 30 days', 'from=2026-01-01&to=2026-03-02', 'to'],
    ['from after to', 'from=2026-03-02&to=2026-03-01', 'from'],
    ['impossible date', 'from=2025-02-30', 'from'],
  ])('refuses %s naming the field', async (_n, q, field) => {
    const res = await huaxin.get(`${API}?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toContain(field);
  });

  it('accepts exactly 30 days', async () => {
    expect((await huaxin.get(`${API}?from=2026-01-31&to=2026-03-02`)).statusCode).toBe(200);
  });

  it('exports the result to Excel with an audit row', async () => {
    const res = await huaxin.get(`${API}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [a] = await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'export_return.export'));
    expect(a!.detail).toMatchObject({ rows: expect.any(Number) });
  });

  it('shows the enterprise dashboard with counts and rejections', async () => {
    const d = (await huaxin.get(`${API}/dashboard`)).json();
    expect(d.queue).toBeNull();
    expect(d.byStatus.find((s: { status: number }) => s.status === 7).count).toBe(baseline7 + 1);
    expect(d.recentRejections.length).toBeGreaterThan(0);
    expect(d.total).toBe(d.byStatus.reduce((a: number, s: { count: number }) => a + s.count, 0));
  });

  it('lists the active reason catalogue to any logged-in user', async () => {
    const items = (await hgAuditor.get(`${API}/reasons`)).json().items;
    expect(items.find((r: { code: string }) => r.code === 'QUA-01')).toMatchObject({ category: 'quality', safetyHealthEnv: true });
  });
});

describe('demo data', () => {
  it('seeds declarations in several statuses through the workflow, and the audit policy version 1', async () => {
    const gacc = await loginAs(t.app, 'gacc.officer');
    const rows = (await gacc.get(`${API}?from=2026-02-20&pageSize=200`)).json().items as { status: number; enterpriseName: string }[];
    for (const s of [0, 5, 6, 7, 8]) expect(rows.some((r) => r.status === s), `status ${s}`).toBe(true);
    const policies = await t.db.db.execute(sql`SELECT count(*)::int AS n FROM policy_versions WHERE kind = 'export_returns.audit' AND version = 1 AND status = 'published'`);
    expect((policies as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
    const pek = await loginAs(t.app, 'pek.auditor');
    const queue = (await pek.get(`${API}/audit-queue`)).json();
    expect(queue.items.some((r: { overdue: boolean }) => r.overdue)).toBe(true);
  });
});
