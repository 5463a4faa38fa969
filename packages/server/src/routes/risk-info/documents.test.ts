import { and, auditLog, eq } from '@returntrace/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../test/export-return-fixture';
import { createRiskInfo } from '../../test/factories/risk-info';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';
import { inspectPdf } from '../../test/pdf-text';

const API = '/api/v1/risk-info';
let t: TestApp;
let hgOfficer: Client;
let hgAuditor: Client;
let szWarning: Client;
let market: Client;

// the smallest valid PNG (1×1, transparent)
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d0e0b80000000049454e44ae426082', 'hex');

beforeAll(async () => {
  t = await createTestApp();
  [hgOfficer, hgAuditor, szWarning, market] = (await Promise.all(['hg.officer', 'hg.auditor', 'sz.warning', 'szscjg.investigator'].map((u) => loginAs(t.app, u)))) as [Client, Client, Client, Client];
}, 120_000);
afterAll(() => t.close());

describe('crime leads', () => {
  it('marks with a reason, exports the leads in scope as xlsx (audited), refuses without the permission', async () => {
    const lead = await createRiskInfo(t.db.db, { title: '=HYPERLINK("http://x") 伪报品名涉嫌走私' });
    const other = await createRiskInfo(t.db.db, { title: '普通线索' });
    const noNote = await hgAuditor.post(`${API}/${lead.id}/crime-lead`, { crimeLead: true });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].field).toBe('note');
    const marked = await hgAuditor.post(`${API}/${lead.id}/crime-lead`, { crimeLead: true, note: '涉嫌伪报品名，移交公安' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().crimeLead).toMatchObject({ marked: true, note: '涉嫌伪报品名，移交公安', by: expect.any(String) });
    expect((await hgOfficer.get(`${API}?crimeLead=true`)).json().items.map((i: { id: string }) => i.id)).toEqual([lead.id]);

    expect((await hgOfficer.get(`${API}/crime-leads.xlsx`)).statusCode).toBe(403);
    const res = await szWarning.get(`${API}/crime-leads.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row[0]).toBe(lead.infoNo);
    expect(row[1]).toBe('\'=HYPERLINK("http://x") 伪报品名涉嫌走私'); // never a formula
    expect(row).toContain('涉嫌伪报品名，移交公安');
    expect(JSON.stringify(ws.getSheetValues())).not.toContain(other.infoNo);
    const audits = await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'risk_info.crime_leads.export'));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ rows: 1, ids: [lead.id] });
  });
});

describe('GET /risk-info/:id/collection-form.pdf', () => {
  it('prints every element of the collection form with the proposed type, its rules and the override', async () => {
    const r = await createRiskInfo(t.db.db, {
      source: 'media', title: '媒体报道电熨斗起火', enterpriseCreditCode: '91440300MA5DHX8K1A', enterpriseName: '深圳华信电子有限公司',
      reasonCodes: ['QUA-01'], factors: { technicalBarrier: true },
    });
    await hgAuditor.post(`${API}/${r.id}/review`, { opinion: '同意移送，请重点核查安全项目' });
    await hgAuditor.post(`${API}/${r.id}/type-override`, { type: 'written', reason: '企业配合度高，书面调查即可' });
    const res = await hgOfficer.get(`${API}/${r.id}/collection-form.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^inline; filename="${r.infoNo}\\.pdf"`));
    const info = inspectPdf(res.rawPayload);
    const text = info.text.replace(/\s/g, '');
    for (const s of [
      '出口退运货物追溯调查信息采集表', r.infoNo, '信息收集日期', '2026-03-02', '采集人', '采集单位', '皇岗海关', '信息来源', '媒体舆情',
      '退运货物情况', '电熨斗蒸汽式1200W', '8516400000', 'USD10,345.67', '退运原因', 'QUA-01', '风险因素', '退运理由涉及技术性贸易壁垒',
      '拟调查机构', '调查联系人', '审核意见', '同意移送，请重点核查安全项目', '拟定调查方式', '规则判定', '现场调查', '被投诉举报或媒体公布',
      '000§3.3.1', '人工调整', '书面调查', '企业配合度高，书面调查即可', '美国', '打印时间2026-03-0209:00:00（北京时间）',
    ]) expect(text, s).toContain(s.replace(/\s/g, ''));
    const audits = await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'risk_info.print'), eq(auditLog.objectId, r.id)));
    expect(audits).toHaveLength(1);
  });
});

describe('files', () => {
  it('uploads a picture checked by content, lists and downloads it (audited); refuses disguised files', async () => {
    const r = await createRiskInfo(t.db.db, { acceptedBy: 'szscjg' });
    const png = multipart([{ name: 'file', fileName: '现场照片.png', contentType: 'image/png', content: PNG }]);
    const up = await market.request({ method: 'POST', url: `${API}/${r.id}/files`, payload: png.payload, headers: png.headers });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: '现场照片.png', mediaType: 'image/png', size: PNG.length });
    const fake = multipart([{ name: 'file', fileName: 'notice.png', contentType: 'image/png', content: '<html><script>alert(1)</script></html>' }]);
    const bad = await hgOfficer.request({ method: 'POST', url: `${API}/${r.id}/files`, payload: fake.payload, headers: fake.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('file');
    const view = (await hgOfficer.get(`${API}/${r.id}`)).json();
    expect(view.files).toEqual([expect.objectContaining({ id: up.json().id, fileName: '现场照片.png' })]);
    const dl = await hgOfficer.get(`${API}/${r.id}/files/${up.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(dl.rawPayload, PNG)).toBe(0);
    expect(await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'risk_info.file.download'), eq(auditLog.objectId, r.id)))).toHaveLength(1);
    const sk = await loginAs(t.app, 'sk.officer');
    expect((await sk.get(`${API}/${r.id}/files/${up.json().id}`)).statusCode).toBe(404);
  });
});
