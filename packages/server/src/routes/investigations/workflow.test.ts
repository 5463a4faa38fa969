import { and, auditLog, eq, investigationHistory, investigations, riskInfos } from '@returntrace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDeclaration } from '../../test/export-return-fixture';
import { acceptedRecord, completeFindings, type CaseRecordFixture } from '../../test/factories/investigations';
import { demoUser } from '../../test/factories/risk-info';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

let t: TestApp;
let hgAuditor: Client;
let hgInvestigator: Client;

const api = (p: string) => `/api/v1${p}`;
const DAY = 24 * 60 * 60 * 1000;

async function openCase(type: 'on_site' | 'written' | 'filing_only', extra: Partial<CaseRecordFixture> = {}) {
  const rec = await acceptedRecord(t.db.db, t.clock, { type, ...extra });
  const res = await hgAuditor.post(api('/investigations'), { riskInfoId: rec.id });
  expect(res.statusCode, res.body).toBe(201);
  return { rec, view: res.json() };
}

const transition = (c: Client, id: string, body: Record<string, unknown>) => c.post(api(`/investigations/${id}/transition`), body);
const putFindings = (c: Client, id: string, findings: unknown, version?: number) =>
  c.request({ method: 'PUT', url: api(`/investigations/${id}/findings`), payload: findings as object, headers: version === undefined ? {} : { 'if-match': `"${version}"` } });

async function caseRow(id: string) {
  const [row] = await t.db.db.select().from(investigations).where(eq(investigations.id, id));
  return row!;
}
async function riskState(id: string) {
  const [row] = await t.db.db.select({ state: riskInfos.state }).from(riskInfos).where(eq(riskInfos.id, id));
  return row!.state;
}
async function historyCount(id: string) {
  return (await t.db.db.select().from(investigationHistory).where(eq(investigationHistory.investigationId, id))).length;
}

beforeAll(async () => {
  t = await createTestApp();
  hgAuditor = await loginAs(t.app, 'hg.auditor');
  hgInvestigator = await loginAs(t.app, 'hg.investigator');
});
afterAll(async () => t?.close());

describe('the case workflow', () => {
  it('opens, assigns, works, returns for rework, suspends, resumes, reviews, closes and reopens a case', async () => {
    const { rec, view } = await openCase('on_site');
    expect(view).toMatchObject({ state: 'opened', type: 'on_site', access: 'manage', findingsVersion: 1, overdue: false });
    expect(view.caseNo).toMatch(/^D530126\d{6}$/);
    // the deadline follows the policy in force (on-site: 30 days by default)
    expect(new Date(view.dueAt).getTime() - new Date(view.openedAt).getTime()).toBe(30 * DAY);
    expect(await riskState(rec.id)).toBe('investigating');
    expect(view.allowedActions).toContain('assign');

    // a second case for the same record: the record is no longer accepted
    expect((await hgAuditor.post(api('/investigations'), { riskInfoId: rec.id })).statusCode).toBe(409);

    const investigator = await demoUser(t.db.db, 'hg.investigator');
    const bjUser = await demoUser(t.db.db, 'bj.investigator');
    const badLead = await transition(hgAuditor, view.id, { event: 'assign', leadInvestigatorId: bjUser.id });
    expect(badLead.statusCode).toBe(422);
    expect(badLead.json().errors[0].field).toBe('leadInvestigatorId');
    // the investigator only reads the case until she leads it
    expect((await hgInvestigator.get(api(`/investigations/${view.id}`))).json().access).toBe('read');
    expect((await transition(hgInvestigator, view.id, { event: 'start' })).statusCode).toBe(403);

    const assigned = await transition(hgAuditor, view.id, { event: 'assign', leadInvestigatorId: investigator.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'assigned', leadInvestigator: { username: 'hg.investigator' } });
    expect((await transition(hgInvestigator, view.id, { event: 'start' })).json().state).toBe('in_progress');

    // submitting an empty draft lists what is missing
    const incomplete = await transition(hgInvestigator, view.id, { event: 'submit_findings' });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['returnReason.category', 'goodsFlow.flow', 'summary']));

    const saved = await putFindings(hgInvestigator, view.id, completeFindings(), 1);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().findingsVersion).toBe(2);
    expect((await transition(hgInvestigator, view.id, { event: 'submit_findings' })).json().state).toBe('findings_submitted');

    // closing an unreviewed case is refused and changes nothing
    const before = await caseRow(view.id);
    const historyBefore = await historyCount(view.id);
    const early = await transition(hgAuditor, view.id, { event: 'close' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detailZh).toContain('不允许');
    expect(await caseRow(view.id)).toEqual(before);
    expect(await historyCount(view.id)).toBe(historyBefore);
    expect(await riskState(rec.id)).toBe('investigating');

    // return for rework needs a reason
    const noReason = await transition(hgAuditor, view.id, { event: 'return_for_rework', reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('reason');
    expect((await caseRow(view.id)).state).toBe('findings_submitted');
    const rework = await transition(hgAuditor, view.id, { event: 'return_for_rework', reason: '请补充检验报告' });
    expect(rework.json().state).toBe('in_progress');

    // suspension stops the clock: not overdue while suspended, and the deadline moves by the time it stood still
    const suspended = await transition(hgAuditor, view.id, { event: 'suspend', reason: '等待境外检测报告' });
    expect(suspended.json().state).toBe('suspended');
    t.clock.advance(40 * DAY);
    const auditorLater = await loginAs(t.app, 'hg.auditor');
    expect((await auditorLater.get(api(`/investigations/${view.id}`))).json().overdue).toBe(false);
    const resumed = await transition(auditorLater, view.id, { event: 'resume' });
    expect(resumed.json()).toMatchObject({ state: 'in_progress', overdue: false });
    expect(new Date(resumed.json().dueAt).getTime()).toBe(new Date(view.dueAt).getTime() + 40 * DAY);

    const investigatorLater = await loginAs(t.app, 'hg.investigator');
    expect((await transition(investigatorLater, view.id, { event: 'submit_findings' })).json().state).toBe('findings_submitted');
    expect((await transition(auditorLater, view.id, { event: 'review' })).json().state).toBe('reviewed');
    const closed = await transition(auditorLater, view.id, { event: 'close' });
    expect(closed.json()).toMatchObject({ state: 'closed', overdue: false });
    expect(closed.json().closedAt).not.toBeNull();
    expect(await riskState(rec.id)).toBe('closed');

    expect((await transition(auditorLater, view.id, { event: 'reopen' })).statusCode).toBe(422);
    const reopened = await transition(auditorLater, view.id, { event: 'reopen', reason: '发现新的同类退运' });
    expect(reopened.json()).toMatchObject({ state: 'in_progress', closedAt: null });
    expect(await riskState(rec.id)).toBe('investigating');
    expect(reopened.json().history.map((h: { event: string }) => h.event)).toEqual([
      'open', 'assign', 'start', 'submit_findings', 'return_for_rework', 'suspend', 'resume', 'submit_findings', 'review', 'close', 'reopen',
    ]);
    const audits = await t.db.db.select().from(auditLog).where(and(eq(auditLog.objectId, view.id), eq(auditLog.action, 'investigation.close')));
    expect(audits).toHaveLength(1);
  });

  it('closes a filing-only case on review', async () => {
    // the clock moved in the previous test: sessions start afresh
    hgAuditor = await loginAs(t.app, 'hg.auditor');
    hgInvestigator = await loginAs(t.app, 'hg.investigator');
    const { view } = await openCase('filing_only');
    const lead = await demoUser(t.db.db, 'hg.investigator');
    await transition(hgAuditor, view.id, { event: 'assign', leadInvestigatorId: lead.id });
    await transition(hgInvestigator, view.id, { event: 'start' });
    const light = { returnReason: { category: 'non_quality', nonQualityKind: 'trade' }, goodsFlow: { flow: 're_exported' }, summary: '贸易原因退运，已转口。' };
    expect((await putFindings(hgInvestigator, view.id, light, 1)).statusCode).toBe(200);
    expect((await transition(hgInvestigator, view.id, { event: 'submit_findings' })).json().state).toBe('findings_submitted');
    expect((await transition(hgAuditor, view.id, { event: 'review' })).statusCode).toBe(409);
    expect((await transition(hgAuditor, view.id, { event: 'close_on_review' })).json().state).toBe('closed');
  });
});

describe('deadlines', () => {
  it('flags a running case overdue once the injected clock passes its due time, in lists and on the home page', async () => {
    t.clock.set('2026-04-01T02:00:00.000Z');
    const auditor = await loginAs(t.app, 'hg.auditor');
    const rec = await acceptedRecord(t.db.db, t.clock, { type: 'written' });
    const opened = (await auditor.post(api('/investigations'), { riskInfoId: rec.id })).json();
    const listed = async (c: Client, q = '') => (await c.get(api(`/investigations?q=${opened.caseNo}${q}`))).json();
    expect((await listed(auditor)).items[0]).toMatchObject({ id: opened.id, overdue: false });
    const summaryBefore = (await auditor.get(api('/investigations/summary'))).json().overdue;

    t.clock.set(new Date(new Date(opened.dueAt).getTime() - 1000));
    const stillInTime = await loginAs(t.app, 'hg.auditor');
    expect((await listed(stillInTime)).items[0].overdue).toBe(false);

    t.clock.set(new Date(new Date(opened.dueAt).getTime() + 1000));
    const late = await loginAs(t.app, 'hg.auditor');
    expect((await listed(late)).items[0].overdue).toBe(true);
    expect((await listed(late, '&overdue=true')).total).toBe(1);
    expect((await listed(late, '&overdue=false')).total).toBe(0);
    expect((await late.get(api(`/investigations/${opened.id}`))).json().overdue).toBe(true);
    expect((await late.get(api('/investigations/summary'))).json().overdue).toBe(summaryBefore + 1);
  });
});

describe('jurisdiction and collaborators', () => {
  it("answers 404 for another office's case and 403 when a read-only collaborator edits", async () => {
    t.clock.set('2026-05-04T02:00:00.000Z');
    const auditor = await loginAs(t.app, 'hg.auditor');
    const rec = await acceptedRecord(t.db.db, t.clock, { type: 'on_site' });
    const opened = (await auditor.post(api('/investigations'), { riskInfoId: rec.id })).json();
    const bj = await loginAs(t.app, 'bj.auditor');
    expect((await bj.get(api(`/investigations/${opened.id}`))).statusCode).toBe(404);
    expect((await transition(bj, opened.id, { event: 'assign' })).statusCode).toBe(404);
    expect((await bj.get(api(`/investigations?q=${opened.caseNo}`))).json().total).toBe(0);
    // another office cannot open a case on a record it does not own
    const other = await acceptedRecord(t.db.db, t.clock, { type: 'on_site' });
    expect((await bj.post(api('/investigations'), { riskInfoId: other.id })).statusCode).toBe(404);

    // the technical institution reads, the market regulator edits
    const assessorUser = await demoUser(t.db.db, 'szkjy.assessor');
    const market = await demoUser(t.db.db, 'szscjg.investigator');
    const ro = await loginAs(t.app, 'szkjy.assessor');
    expect((await ro.get(api(`/investigations/${opened.id}`))).statusCode).toBe(404);
    const withRead = await auditor.post(api(`/investigations/${opened.id}/members`), { orgId: assessorUser.orgId, userId: assessorUser.id, access: 'read' });
    expect(withRead.statusCode, withRead.body).toBe(200);
    await auditor.post(api(`/investigations/${opened.id}/members`), { orgId: market.orgId, access: 'edit' });
    expect((await auditor.post(api(`/investigations/${opened.id}/members`), { orgId: market.orgId, access: 'read' })).statusCode).toBe(409);
    const asMember = await ro.get(api(`/investigations/${opened.id}`));
    expect(asMember.json()).toMatchObject({ access: 'read', allowedActions: [] });

    // the market regulator may lead as an edit collaborator
    expect((await transition(auditor, opened.id, { event: 'assign', leadInvestigatorId: market.id })).json().state).toBe('assigned');
    const mk = await loginAs(t.app, 'szscjg.investigator');
    expect((await transition(mk, opened.id, { event: 'start' })).json().state).toBe('in_progress');
    expect((await putFindings(mk, opened.id, completeFindings(), 1)).statusCode).toBe(200);

    const before = await caseRow(opened.id);
    const denied = await putFindings(ro, opened.id, { summary: '只读人员的修改' }, 2);
    expect(denied.statusCode).toBe(403);
    expect((await transition(ro, opened.id, { event: 'submit_findings' })).statusCode).toBe(403);
    expect(await caseRow(opened.id)).toEqual(before);
    const denials = await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.objectId, opened.id)));
    expect(denials.length).toBeGreaterThanOrEqual(2);

    // the lead's membership cannot be removed under her
    const view = (await auditor.get(api(`/investigations/${opened.id}`))).json();
    const marketMember = view.members.find((m: { org: { id: string } }) => m.org.id === market.orgId);
    expect((await auditor.delete(api(`/investigations/${opened.id}/members/${marketMember.id}`))).statusCode).toBe(409);
  });
});

describe('goods flow against the declared disposal', () => {
  it("compares the findings' goods flow with the declaration's intended disposals", async () => {
    t.clock.set('2026-06-01T02:00:00.000Z');
    const auditor = await loginAs(t.app, 'hg.auditor');
    const er = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 7 });
    const rec = await acceptedRecord(t.db.db, t.clock, { type: 'on_site', source: 'export_return', exportReturnId: er.id, enterprise: 'huaxin' });
    const opened = (await auditor.post(api('/investigations'), { riskInfoId: rec.id })).json();
    expect(opened.disposalCheck).toBeNull();
    expect(opened.enterprise?.name.zh).toBe('深圳华信电子有限公司');
    const lead = await demoUser(t.db.db, 'hg.investigator');
    await transition(auditor, opened.id, { event: 'assign', leadInvestigatorId: lead.id });
    const destroyed = await putFindings(auditor, opened.id, { goodsFlow: { flow: 'destroyed' } }, 1);
    expect(destroyed.json().disposalCheck).toEqual({ intended: ['domestic_sale', 'other'], actual: 'destroy', matches: false });
    const sold = await putFindings(auditor, opened.id, { goodsFlow: { flow: 'processed_domestic_sale' } }, 2);
    expect(sold.json().disposalCheck).toEqual({ intended: ['domestic_sale', 'other'], actual: 'domestic_sale', matches: true });
  });
});
