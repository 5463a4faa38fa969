import { and, asc, auditLog, domainEvents, eq, exportReturns, organisations, riskInfoLinks, riskInfos, sql } from '@returntrace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_HANDLERS } from '../../jobs/handlers';
import { deliverEvent, outboxJob } from '../../jobs/outbox';
import type { Ctx } from '../../context';
import { insertDeclaration } from '../../test/export-return-fixture';
import { demoUser } from '../../test/factories/risk-info';
import { decideExportReturn } from '../../use-cases/export-returns/decision';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

let t: TestApp;
let hgAuditor: Client;
let hgOfficer: Client;
let skOfficer: Client;

const approve = (id: string, version = 1) =>
  hgAuditor.request({ method: 'POST', url: `/api/v1/export-returns/${id}/decision`, payload: { decision: 'approve' }, headers: { 'if-match': `"${version}"` } });
const recordOf = async (returnId: string) => (await t.db.db.select().from(riskInfos).where(eq(riskInfos.exportReturnId, returnId)))[0];
const eventOf = async (returnId: string) =>
  (await t.db.db.select().from(domainEvents).where(and(eq(domainEvents.type, 'export_return.approved'), eq(domainEvents.aggregateId, returnId))))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  [hgAuditor, hgOfficer, skOfficer] = (await Promise.all(['hg.auditor', 'hg.officer', 'sk.officer'].map((u) => loginAs(t.app, u)))) as [Client, Client, Client];
}, 120_000);
afterAll(() => t.close());

describe('automatic intake from approved declarations', () => {
  let declId: string;
  let recordId: string;

  it('creates the record when the approval answers, filled from the declaration', async () => {
    const decl = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 5 });
    declId = decl.id;
    const res = await approve(decl.id);
    expect(res.statusCode, res.body).toBe(200);
    const row = await recordOf(decl.id);
    expect(row).toBeDefined();
    recordId = row!.id;
    expect((await eventOf(decl.id)).processedAt).not.toBeNull();

    const view = (await hgOfficer.get(`/api/v1/risk-info/${row!.id}`)).json();
    const returnNo = res.json().returnNo as string;
    expect(view).toMatchObject({
      source: 'export_return', state: 'collected', office: { name: { zh: '皇岗海关' } },
      exportReturn: { id: decl.id, unifiedNo: decl.unifiedNo, returnNo },
      enterpriseName: '深圳华信电子有限公司', countryCode: 'USA', reasonCodes: ['QUA-01', 'QUA-05'],
      batchValueUsd: '12345.67', sourceRef: returnNo,
      collection: { collectorName: expect.any(String), collectingOrg: { name: { zh: '皇岗海关' } }, reviewOpinion: '' },
    });
    expect(view.infoNo).toMatch(/^R530126\d{6}$/);
    expect(view.goods).toEqual([
      { name: '电熨斗 蒸汽式 1200W', hsCode: '8516400000', quantity: 500, unit: '011', amount: 10345.67, currency: 'USD' },
      { name: '棉制针织男式T恤衫', hsCode: '6109100022', quantity: 1000, unit: '011', amount: 2000, currency: 'USD' },
    ]);
    // 出口是否法检 = Y in the fixture; QUA-01 is a safety reason
    expect(view.factors).toMatchObject({ inspectedAtExport: true, safetyHealthEnv: true });
    expect(view.description).toContain('拟处理方式：内销、其他');
    expect(view.description).not.toContain('<script>');
    expect(view.typeDecision.type).toBe('on_site');
    expect(view.typeDecision.fired.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['onsite.inspected_at_export', 'onsite.safety_health_env']));
    expect(view.effectiveType).toBe('on_site');
    // the approving auditor is the collector
    const auditor = (await hgAuditor.get('/api/v1/session')).json();
    expect(view.collection.collectorName).toBe(auditor.user.displayName);
    expect(view.allowedActions).toEqual(expect.arrayContaining(['edit', 'print']));
    expect(view.allowedActions).not.toContain('review');
    const audits = await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'risk_info.create'), eq(auditLog.objectId, row!.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ exportReturnId: decl.id, source: 'export_return', type: 'on_site' });
  });

  it('is idempotent: a redelivered event and the scheduled job create nothing more', async () => {
    const ev = await eventOf(declId);
    await t.db.db.update(domainEvents).set({ processedAt: null }).where(eq(domainEvents.id, ev.id));
    expect(await deliverEvent({ db: t.db.db, clock: t.clock }, EVENT_HANDLERS, ev.id)).toBe('delivered');
    expect(await outboxJob(EVENT_HANDLERS).run({ db: t.db.db, clock: t.clock })).toEqual({ delivered: 0, failed: 0 });
    expect(await t.db.db.select().from(riskInfos).where(eq(riskInfos.exportReturnId, declId))).toHaveLength(1);
    expect(await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'risk_info.create'), eq(auditLog.objectId, recordId)))).toHaveLength(1);
  });

  it('the job and an immediate dispatch never both deliver one event (row lock, skip locked)', async () => {
    const decl = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 7, returnNo: '530126999001' });
    const id = await t.db.db.transaction(async (tx) => {
      const [e] = await tx.insert(domainEvents).values({
        type: 'export_return.approved', aggregateType: 'export_return', aggregateId: decl.id, payload: { id: decl.id }, occurredAt: t.clock.now(),
      }).returning({ id: domainEvents.id });
      return e!.id;
    });
    const ctx = { db: t.db.db, clock: t.clock };
    const results = await Promise.all([deliverEvent(ctx, EVENT_HANDLERS, id), deliverEvent(ctx, EVENT_HANDLERS, id), outboxJob(EVENT_HANDLERS).run(ctx)]);
    const delivered = results.filter((r) => r === 'delivered').length + ((results[2] as { delivered: number }).delivered);
    expect(delivered).toBe(1);
    expect(await t.db.db.select().from(riskInfos).where(eq(riskInfos.exportReturnId, decl.id))).toHaveLength(1);
    const [ev] = await t.db.db.select().from(domainEvents).where(eq(domainEvents.id, id));
    expect(ev!.attempts).toBe(1);
  });

  it('links a second approved declaration on the same import declaration instead of re-creating', async () => {
    const first = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 5 });
    const second = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 5 });
    const [f] = await t.db.db.select({ no: exportReturns.importDeclarationNo }).from(exportReturns).where(eq(exportReturns.id, first.id));
    await t.db.db.update(exportReturns).set({ importDeclarationNo: f!.no }).where(eq(exportReturns.id, second.id));
    expect((await approve(first.id)).statusCode).toBe(200);
    expect((await approve(second.id)).statusCode).toBe(200);
    const record = await recordOf(first.id);
    expect(await recordOf(second.id)).toBeUndefined();
    const links = await t.db.db.select().from(riskInfoLinks).where(eq(riskInfoLinks.riskInfoId, record!.id)).orderBy(asc(riskInfoLinks.id));
    expect(links.map((l) => [l.kind, l.exportReturnId])).toEqual([['duplicate_declaration', second.id]]);
    const view = (await hgOfficer.get(`/api/v1/risk-info/${record!.id}`)).json();
    expect(view.links).toEqual([expect.objectContaining({ kind: 'duplicate_declaration', exportReturn: { id: second.id, unifiedNo: second.unifiedNo } })]);
    // redelivering the second event adds nothing
    const ev = await eventOf(second.id);
    await t.db.db.update(domainEvents).set({ processedAt: null }).where(eq(domainEvents.id, ev.id));
    await deliverEvent({ db: t.db.db, clock: t.clock }, EVENT_HANDLERS, ev.id);
    expect(await t.db.db.select().from(riskInfoLinks).where(eq(riskInfoLinks.riskInfoId, record!.id))).toHaveLength(1);
  });

  it('an intake that fails does not fail the approval: the event stays pending and the scheduled job delivers it later', async () => {
    const decl = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 5 });
    const [hg] = await t.db.db.select().from(organisations).where(and(eq(organisations.kind, 'sub_customs'), eq(organisations.code, '5301')));
    // the owning office cannot take records while inactive: the handler refuses (the use-case is called directly,
    // since an inactive office's users cannot sign in)
    await t.db.db.update(organisations).set({ active: false }).where(eq(organisations.id, hg!.id));
    const auditor = await demoUser(t.db.db, 'hg.auditor');
    const ctx: Ctx = {
      db: t.db.db, clock: t.clock, ip: '127.0.0.1',
      actor: { userId: auditor.id, username: auditor.username, displayName: auditor.displayName, orgId: hg!.id, orgKind: 'sub_customs', orgPath: hg!.path, roles: ['customs_auditor'], sessionId: 'test' },
    };
    try {
      expect((await decideExportReturn(ctx, decl.id, { decision: 'approve' }, 1)).status).toBe(7);
    } finally {
      await t.db.db.update(organisations).set({ active: true }).where(eq(organisations.id, hg!.id));
    }
    expect(await recordOf(decl.id)).toBeUndefined();
    const pending = await eventOf(decl.id);
    expect(pending).toMatchObject({ processedAt: null, attempts: 1 });
    expect(pending.lastError).toBeTruthy();
    expect(await outboxJob(EVENT_HANDLERS).run({ db: t.db.db, clock: t.clock })).toEqual({ delivered: 1, failed: 0 });
    expect(await recordOf(decl.id)).toBeDefined();
    expect((await eventOf(decl.id)).attempts).toBe(2);
  });

  it('numbers records per district and year without gaps; another office does not see them (404)', async () => {
    const nos = (await t.db.db.select({ n: riskInfos.infoNo }).from(riskInfos).where(sql`${riskInfos.infoNo} LIKE 'R530126%'`)).map((r) => r.n).sort();
    expect(nos).toEqual(nos.map((_, i) => `R530126${String(i + 1).padStart(6, '0')}`));
    expect((await skOfficer.get(`/api/v1/risk-info/${recordId}`)).statusCode).toBe(404);
    const list = (await skOfficer.get('/api/v1/risk-info')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(recordId);
    const mine = (await hgOfficer.get(`/api/v1/risk-info?q=${encodeURIComponent(nos[0]!)}`)).json();
    expect(mine.total).toBe(1);
  });
});
