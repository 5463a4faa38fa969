import { and, domainEvents, eq, questionnaires } from '@returntrace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireReminderJob } from '../../jobs/questionnaire-reminders';
import { multipart } from '../../test/export-return-fixture';
import { acceptedRecord, completeFindings } from '../../test/factories/investigations';
import { demoUser } from '../../test/factories/risk-info';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR png body')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const api = (p: string) => `/api/v1${p}`;

let t: TestApp;

/** A written case of huaxin, assigned to hg.investigator and started; fresh sessions at the current clock. */
async function writtenCase() {
  const auditor = await loginAs(t.app, 'hg.auditor');
  const investigator = await loginAs(t.app, 'hg.investigator');
  const huaxin = await loginAs(t.app, 'ent.huaxin');
  const pengcheng = await loginAs(t.app, 'ent.pengcheng');
  const rec = await acceptedRecord(t.db.db, t.clock, { type: 'written', enterprise: 'huaxin' });
  const opened = (await auditor.post(api('/investigations'), { riskInfoId: rec.id })).json();
  const lead = await demoUser(t.db.db, 'hg.investigator');
  await auditor.post(api(`/investigations/${opened.id}/transition`), { event: 'assign', leadInvestigatorId: lead.id });
  await investigator.post(api(`/investigations/${opened.id}/transition`), { event: 'start' });
  return { auditor, investigator, huaxin, pengcheng, caseId: opened.id as string, caseNo: opened.caseNo as string };
}

function upload(c: Client, url: string, fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const body = multipart([...Object.entries(fields).map(([name, v]) => ({ name, content: v })), { name: 'file', fileName, content }]);
  return c.request({ method: 'POST', url, payload: body.payload, headers: body.headers });
}

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t?.close());

describe('the questionnaire round trip', () => {
  it('sends, the enterprise answers with a file, the investigator returns, it answers again, and the answer flows into the findings', async () => {
    t.clock.set('2026-03-02T01:00:00.000Z');
    const { auditor, investigator, huaxin, pengcheng, caseId, caseNo } = await writtenCase();
    const sent = await investigator.post(api(`/investigations/${caseId}/questionnaires`), {
      sections: ['return_reason', 'goods_flow', 'quality_system', 'corrective_actions'], questions: ['退运货物目前存放在何处？'], message: '请于期限内答复。',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const q = sent.json().questionnaires[0];
    // default due date: today (Beijing) + the policy's answer days (15)
    expect(q).toMatchObject({ state: 'sent', dueOn: '2026-03-17', overdue: false, allowedActions: ['withdraw'] });
    // one open questionnaire at a time
    expect((await investigator.post(api(`/investigations/${caseId}/questionnaires`), { sections: ['other'] })).statusCode).toBe(409);
    await auditor.post(api(`/investigations/${caseId}/notes`), { body: '企业曾有类似退运，注意核实。' });

    // the enterprise sees its case and the request, never internal notes
    const portal = await huaxin.get(api('/portal/cases'));
    expect(portal.statusCode).toBe(200);
    const mine = portal.json().items.find((c: { id: string }) => c.id === caseId);
    expect(mine).toMatchObject({ caseNo, state: 'in_progress', outcome: null });
    expect(mine.questionnaires[0]).toMatchObject({ id: q.id, allowedActions: ['answer', 'upload'] });
    expect(JSON.stringify(portal.json())).not.toContain('注意核实');
    expect((await huaxin.get(api(`/investigations/${caseId}`))).statusCode).toBe(404);

    // another enterprise: nothing of it exists
    expect((await pengcheng.get(api(`/portal/cases/${caseId}`))).statusCode).toBe(404);
    expect((await pengcheng.post(api(`/portal/questionnaires/${q.id}/answer`), { other: '冒名答复' })).statusCode).toBe(404);
    expect((await upload(pengcheng, api(`/portal/questionnaires/${q.id}/files`), 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await pengcheng.get(api('/portal/cases'))).json().items.some((c: { id: string }) => c.id === caseId)).toBe(false);
    const [untouched] = await t.db.db.select().from(questionnaires).where(eq(questionnaires.id, q.id));
    expect(untouched!.state).toBe('sent');

    const file = await upload(huaxin, api(`/portal/questionnaires/${q.id}/files`), '销毁记录.png', PNG);
    expect(file.statusCode, file.body).toBe(201);
    const fileId = file.json().id;
    expect((await huaxin.post(api(`/portal/questionnaires/${q.id}/answer`), { fileIds: ['00000000-0000-4000-8000-000000000000'] })).json().errors[0].field).toBe('fileIds.0');
    const answered = await huaxin.post(api(`/portal/questionnaires/${q.id}/answer`), {
      returnReason: { category: 'quality', explanation: '部分批次焊点虚焊。' },
      goodsFlow: { flow: 'destroyed', date: '2026-03-05', explanation: '已委托有资质单位销毁。' },
      fileIds: [fileId], answers: ['存放于公司二号仓库。'],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', allowedActions: [] });

    // returned for more: the enterprise answers again
    expect((await investigator.post(api(`/questionnaires/${q.id}/return`), {})).statusCode).toBe(400);
    const returned = await investigator.post(api(`/questionnaires/${q.id}/return`), { reason: '请补充质量体系和整改措施。' });
    expect(returned.json().questionnaires[0]).toMatchObject({ state: 'returned', returnReason: '请补充质量体系和整改措施。' });
    const again = await huaxin.post(api(`/portal/questionnaires/${q.id}/answer`), {
      returnReason: { category: 'quality', explanation: '部分批次焊点虚焊。' },
      goodsFlow: { flow: 'destroyed', date: '2026-03-05', explanation: '已委托有资质单位销毁。' },
      qualitySystem: { qmsCertified: true, productCertified: false, explanation: '质量体系证书在有效期内。' },
      correctiveActions: [{ action: '增加焊点目检工序', dueOn: '2026-05-31' }],
      inspection: '第三方检测报告显示绝缘电阻不合格。',
      fileIds: [fileId], answers: ['存放于公司二号仓库。'],
    });
    expect(again.statusCode, again.body).toBe(200);

    const before = (await investigator.get(api(`/investigations/${caseId}`))).json();
    const accepted = await investigator.post(api(`/questionnaires/${q.id}/accept`));
    expect(accepted.statusCode, accepted.body).toBe(200);
    const f = accepted.json().findings;
    expect(accepted.json().findingsVersion).toBe(before.findingsVersion + 1);
    expect(accepted.json().questionnaires[0].state).toBe('accepted');
    expect(f.returnReason.category).toBe('quality');
    expect(f.returnReason.analysis).toContain('部分批次焊点虚焊。');
    expect(f.goodsFlow).toMatchObject({ flow: 'destroyed', date: '2026-03-05' });
    expect(f.goodsFlow.evidence).toContain('已委托有资质单位销毁。');
    expect(f.qualitySystem.qms.note).toContain('质量体系证书在有效期内。');
    expect(f.qualitySystem.productCertification.note).toContain('未获认证');
    expect(f.correctiveActions).toEqual([{ action: '增加焊点目检工序', dueOn: '2026-05-31', done: false }]);
    expect(f.otherCircumstances.note).toContain('第三方检测报告');
    expect(f.otherCircumstances.note).toContain('存放于公司二号仓库。');

    // the investigator reads the enterprise's file through the case
    const dl = await investigator.get(api(`/investigations/${caseId}/files/${fileId}`));
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(Buffer.from(dl.rawPayload).equals(PNG)).toBe(true);
    // an accepted questionnaire takes no more answers
    expect((await huaxin.post(api(`/portal/questionnaires/${q.id}/answer`), { other: '补充' })).statusCode).toBe(409);
  });

  it('withdraws a questionnaire and refuses questionnaires for cases that are not written', async () => {
    t.clock.set('2026-03-02T01:00:00.000Z');
    const { investigator, caseId } = await writtenCase();
    const sent = (await investigator.post(api(`/investigations/${caseId}/questionnaires`), { sections: ['other'], dueOn: '2026-03-20' })).json();
    const qid = sent.questionnaires[0].id;
    expect((await investigator.post(api(`/questionnaires/${qid}/withdraw`))).json().questionnaires[0].state).toBe('withdrawn');
    expect((await investigator.post(api(`/questionnaires/${qid}/accept`))).statusCode).toBe(409);
    expect((await investigator.post(api(`/investigations/${caseId}/questionnaires`), { sections: ['other'], dueOn: '2026-03-01' })).json().errors[0].field).toBe('dueOn');

    const auditor = await loginAs(t.app, 'hg.auditor');
    const onSite = await acceptedRecord(t.db.db, t.clock, { type: 'on_site', enterprise: 'huaxin' });
    const opened = (await auditor.post(api('/investigations'), { riskInfoId: onSite.id })).json();
    expect((await auditor.post(api(`/investigations/${opened.id}/questionnaires`), { sections: ['other'] })).statusCode).toBe(409);
  });
});

describe('closing a case', () => {
  it('withdraws the questionnaire still awaiting the answer, so it is neither answerable nor reminded', async () => {
    t.clock.set('2026-08-03T01:00:00.000Z');
    const { auditor, investigator, huaxin, caseId } = await writtenCase();
    const q = (await investigator.post(api(`/investigations/${caseId}/questionnaires`), { sections: ['other'], dueOn: '2026-08-10' })).json().questionnaires[0];
    const put = await investigator.request({ method: 'PUT', url: api(`/investigations/${caseId}/findings`), payload: completeFindings(), headers: { 'if-match': '"1"' } });
    expect(put.statusCode, put.body).toBe(200);
    await investigator.post(api(`/investigations/${caseId}/transition`), { event: 'submit_findings' });
    await auditor.post(api(`/investigations/${caseId}/transition`), { event: 'review' });
    const closed = await auditor.post(api(`/investigations/${caseId}/transition`), { event: 'close' });
    expect(closed.json().questionnaires[0]).toMatchObject({ id: q.id, state: 'withdrawn' });
    const portal = (await huaxin.get(api(`/portal/cases/${caseId}`))).json();
    expect(portal.outcome).toMatchObject({ summary: '退运系产品质量原因所致，企业已整改。', correctiveActions: [{ action: '完善焊接工序检验', dueOn: '2026-06-30', done: false }] });
    expect((await huaxin.post(api(`/portal/questionnaires/${q.id}/answer`), { other: '迟到的答复' })).statusCode).toBe(409);
    t.clock.set('2026-08-20T01:00:00.000Z');
    await questionnaireReminderJob.run({ db: t.db.db, clock: t.clock });
    const [row] = await t.db.db.select().from(questionnaires).where(eq(questionnaires.id, q.id));
    expect(row!.remindersSent).toBe(0);
  });
});

describe('reminders', () => {
  it('reminds once before the due date and once when overdue, and the portal shows it overdue', async () => {
    t.clock.set('2026-07-01T01:00:00.000Z');
    const { investigator, caseId } = await writtenCase();
    const q = (await investigator.post(api(`/investigations/${caseId}/questionnaires`), { sections: ['goods_flow'], dueOn: '2026-07-10' })).json().questionnaires[0];
    const run = () => questionnaireReminderJob.run({ db: t.db.db, clock: t.clock });
    const events = async () => t.db.db.select().from(domainEvents).where(and(eq(domainEvents.type, 'questionnaire.reminder'), eq(domainEvents.aggregateId, q.id)));

    expect(await run()).toMatchObject({ dueSoon: 0, overdue: 0 });
    t.clock.set('2026-07-06T16:30:00.000Z'); // 2026-07-07 in Beijing = due date − 3 days
    expect(await run()).toMatchObject({ dueSoon: 1 });
    expect(await run()).toMatchObject({ dueSoon: 0, overdue: 0 });
    t.clock.set('2026-07-10T12:00:00.000Z'); // the due date itself: not overdue yet
    expect(await run()).toMatchObject({ dueSoon: 0, overdue: 0 });
    t.clock.set('2026-07-10T16:30:00.000Z'); // 2026-07-11 in Beijing
    expect(await run()).toMatchObject({ overdue: 1 });
    expect(await run()).toMatchObject({ dueSoon: 0, overdue: 0 });

    const [row] = await t.db.db.select().from(questionnaires).where(eq(questionnaires.id, q.id));
    expect(row!.remindersSent).toBe(2);
    expect((await events()).map((e) => (e.payload as { kind: string }).kind)).toEqual(['due_soon', 'overdue']);

    const ent = await loginAs(t.app, 'ent.huaxin');
    const view = (await ent.get(api(`/portal/cases/${caseId}`))).json();
    expect(view.questionnaires[0]).toMatchObject({ overdue: true, remindersSent: 2 });
    const summary = (await ent.get(api('/investigations/summary'))).json();
    expect(summary.openQuestionnaires.find((x: { id: string }) => x.id === q.id)).toMatchObject({ overdue: true, dueOn: '2026-07-10' });
    const officer = await loginAs(t.app, 'hg.auditor');
    expect((await officer.get(api('/investigations/summary'))).json().questionnairesOverdue).toBeGreaterThanOrEqual(1);
  });
});
