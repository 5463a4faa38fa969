import { eq, investigationFiles, investigationNotes, investigations } from '@returntrace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../test/export-return-fixture';
import { acceptedRecord, completeFindings } from '../../test/factories/investigations';
import { demoOrg, demoUser } from '../../test/factories/risk-info';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR png body')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
const api = (p: string) => `/api/v1${p}`;

let t: TestApp;
let auditor: Client;
let investigator: Client;
let caseId: string;

function upload(c: Client, fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const body = multipart([...Object.entries(fields).map(([name, v]) => ({ name, content: v })), { name: 'file', fileName, content }]);
  return c.request({ method: 'POST', url: api(`/investigations/${caseId}/files`), payload: body.payload, headers: body.headers });
}
const fields = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
async function row() {
  const [r] = await t.db.db.select().from(investigations).where(eq(investigations.id, caseId));
  return r!;
}

beforeAll(async () => {
  t = await createTestApp();
  auditor = await loginAs(t.app, 'hg.auditor');
  investigator = await loginAs(t.app, 'hg.investigator');
  const rec = await acceptedRecord(t.db.db, t.clock, { type: 'on_site', enterprise: 'huaxin' });
  caseId = (await auditor.post(api('/investigations'), { riskInfoId: rec.id })).json().id;
  const lead = await demoUser(t.db.db, 'hg.investigator');
  await auditor.post(api(`/investigations/${caseId}/transition`), { event: 'assign', leadInvestigatorId: lead.id });
  await investigator.post(api(`/investigations/${caseId}/transition`), { event: 'start' });
});
afterAll(async () => t?.close());

describe('findings', () => {
  it('refuses HTML, unknown fields and bad values with the field named, and changes nothing', async () => {
    const before = await row();
    const put = (body: unknown, v = before.findingsVersion) =>
      investigator.request({ method: 'PUT', url: api(`/investigations/${caseId}/findings`), payload: body as object, headers: { 'if-match': `"${v}"` } });
    const html = await put(completeFindings({ summary: '<script>alert(1)</script>' }));
    expect(html.statusCode).toBe(400);
    expect(fields(html)).toEqual(['summary']);
    expect(fields(await put({ returnReason: { analysis: '<img src=x onerror=alert(1)>' } }))).toEqual(['returnReason.analysis']);
    const unknown = await put({ ...completeFindings(), verdict: 'guilty' });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().errors)).toContain('verdict');
    expect(fields(await put({ goodsFlow: { flow: 'sunk' } }))).toEqual(['goodsFlow.flow']);
    expect(fields(await put({ correctiveActions: [{ action: '', dueOn: '2026-13-01' }] }))).toEqual(expect.arrayContaining(['correctiveActions.0.action', 'correctiveActions.0.dueOn']));
    expect((await investigator.request({ method: 'PUT', url: api(`/investigations/${caseId}/findings`), payload: {} })).statusCode).toBe(428);
    expect((await put({}, before.findingsVersion + 5)).statusCode).toBe(412);
    expect(await row()).toEqual(before);
  });

  it('refuses a missing reason, unknown transition fields and unknown events', async () => {
    const before = await row();
    const suspend = await auditor.post(api(`/investigations/${caseId}/transition`), { event: 'suspend' });
    expect(suspend.statusCode).toBe(422);
    expect(fields(suspend)).toEqual(['reason']);
    expect(suspend.json().errors[0].messageZh).toBeTruthy();
    expect((await auditor.post(api(`/investigations/${caseId}/transition`), { event: 'suspend', reason: '<b>x</b>' })).statusCode).toBe(400);
    expect((await auditor.post(api(`/investigations/${caseId}/transition`), { event: 'suspend', reason: '等待', force: true })).statusCode).toBe(400);
    expect(fields(await auditor.post(api(`/investigations/${caseId}/transition`), { event: 'archive' }))).toEqual(['event']);
    expect(fields(await auditor.post(api(`/investigations/${caseId}/transition`), { event: 'suspend', reason: '等待', leadInvestigatorId: before.createdBy }))).toEqual(['leadInvestigatorId']);
    expect(await row()).toEqual(before);
    expect((await auditor.get(api('/investigations/not-a-uuid'))).statusCode).toBe(400);
  });
});

describe('visits, files, notes and members', () => {
  it('records a visit with photos, evidence and notes, refusing bad files and bad members', async () => {
    expect(fields(await investigator.post(api(`/investigations/${caseId}/visits`), { visitedOn: '2026-03-03', place: '', people: '张三', observations: '仓库' }))).toEqual(['place']);
    const visit = await investigator.post(api(`/investigations/${caseId}/visits`), {
      visitedOn: '2026-03-03', place: '深圳市福田区华强北路1002号 二号仓库', people: '王伟（企业质量负责人）、李强（海关）', observations: '退运电熨斗 500 台封存于仓库，外包装完好。',
    });
    expect(visit.statusCode, visit.body).toBe(200);
    const visitId = visit.json().visits[0].id;

    const photo = await upload(investigator, '仓库.png', PNG, { kind: 'photo', visitId });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(fields(await upload(investigator, '报告.pdf', PDF, { kind: 'photo' }))).toEqual(['file']);
    expect((await upload(investigator, 'tool.pdf', EXE, { kind: 'evidence' })).statusCode).toBe(400);
    expect(fields(await upload(investigator, '../etc/passwd.pdf', PDF))).toEqual(['fileName']);
    expect(fields(await upload(investigator, '报告.pdf', PDF, { kind: 'secret' }))).toEqual(['kind']);
    expect(fields(await upload(investigator, '报告.pdf', PDF, { visitId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['visitId']);
    expect((await upload(investigator, '检测报告.pdf', PDF)).statusCode).toBe(201);
    const files = await t.db.db.select().from(investigationFiles).where(eq(investigationFiles.investigationId, caseId));
    expect(files.map((f) => f.kind).sort()).toEqual(['evidence', 'photo']);

    expect(fields(await investigator.post(api(`/investigations/${caseId}/notes`), { body: '<a href=x>链接</a>' }))).toEqual(['body']);
    expect((await investigator.post(api(`/investigations/${caseId}/notes`), { body: '企业配合调查。' })).json().notes).toHaveLength(1);
    expect(await t.db.db.select().from(investigationNotes).where(eq(investigationNotes.investigationId, caseId))).toHaveLength(1);

    const ent = await demoOrg(t.db.db, 'huaxin');
    expect(fields(await auditor.post(api(`/investigations/${caseId}/members`), { orgId: ent.id, access: 'edit' }))).toEqual(['orgId']);
    const other = await demoUser(t.db.db, 'bj.investigator');
    const market = await demoOrg(t.db.db, 'szscjg');
    expect(fields(await auditor.post(api(`/investigations/${caseId}/members`), { orgId: market.id, userId: other.id, access: 'edit' }))).toEqual(['userId']);
    expect((await investigator.post(api(`/investigations/${caseId}/members`), { orgId: market.id, access: 'edit' })).statusCode).toBe(403);

    const view = (await auditor.get(api(`/investigations/${caseId}`))).json();
    expect(view.files.map((f: { kind: string; visitId: string | null }) => [f.kind, f.visitId])).toEqual([['photo', visitId], ['evidence', null]]);
  });

  it('keeps enterprises out of the officers\' API', async () => {
    const ent = await loginAs(t.app, 'ent.huaxin');
    expect((await ent.get(api('/investigations'))).statusCode).toBe(403);
    expect((await ent.get(api(`/investigations/${caseId}`))).statusCode).toBe(404);
    expect((await ent.request({ method: 'PUT', url: api(`/investigations/${caseId}/findings`), payload: {}, headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    expect((await auditor.get(api('/portal/cases'))).statusCode).toBe(403);
    expect((await ent.post(api('/portal/questionnaires/00000000-0000-4000-8000-000000000000/answer'), { other: '<p>hi</p>' })).statusCode).toBe(400);
  });
});
