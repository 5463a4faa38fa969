import { and, auditLog, eq } from '@returntrace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDeclaration, multipart } from '../../test/export-return-fixture';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';
import { inspectPdf } from '../../test/pdf-text';

let t: TestApp;
let huaxin: Client;
let decl: { id: string; unifiedNo: string };
const printUrl = (id: string) => `/api/v1/export-returns/${id}/print.pdf`;

beforeAll(async () => {
  t = await createTestApp();
  huaxin = await loginAs(t.app, 'ent.huaxin');
  decl = await insertDeclaration(t.db.db, {
    enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 8,
    receipts: [
      { status: 1, messageZh: '已提交', messageEn: 'Submitted' },
      { status: 3, messageZh: '海关接收成功', messageEn: 'Received by customs' },
      { status: 5, messageZh: '电子审核成功，进入人工审核环节。', messageEn: 'Electronic audit passed' },
      { status: 8, messageZh: '人工审核退单', messageEn: 'Rejected by manual audit', reasons: [{ code: 'MANUAL', zh: '随附单据不完整', en: 'Documents incomplete' }] },
    ],
  });
  const body = multipart([{ name: 'file', fileName: '退货协议.pdf', content: '%PDF-1.4\n%%EOF\n' }]);
  const up = await huaxin.request({ method: 'POST', url: `/api/v1/export-returns/${decl.id}/attachments`, payload: body.payload, headers: body.headers });
  expect(up.statusCode).toBe(201);
});
afterAll(async () => t?.close());

describe('GET /export-returns/:id/print.pdf', () => {
  it('answers a Chinese PDF with the Noto Sans CJK font embedded and mapped, audited as an export', async () => {
    const res = await huaxin.get(printUrl(decl.id));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^inline; filename="${decl.unifiedNo}\\.pdf"`));
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000); // a subset of CJK outlines is tens of kilobytes…
    expect(pdf.length).toBeLessThan(2_000_000); // …never the whole 19 MB collection
    const info = inspectPdf(pdf);
    expect(info.baseFonts).toEqual([expect.stringMatching(/^[A-Z]{6}\+NotoSansCJKsc-Regular$/)]);
    expect(info.embeddedFontBytes).toBeGreaterThan(10_000);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    // the text a viewer extracts: title, form labels, values, receipts, footer
    for (const s of [
      '出口退货申请', '表头', '商品信息', '其他', '统一编号', decl.unifiedNo, '8-人工审核退单', '深圳华信电子有限公司',
      '电熨斗蒸汽式1200W', '皇岗海关', '美国', 'QUA-01安全项目不合格', '随附单据', '退货协议.pdf',
      `统一编号[${decl.unifiedNo}]的回执信息`, '电子审核成功，进入人工审核环节。', '随附单据不完整',
      '打印时间2026-03-0209:00:00（北京时间）', `第1页/共${info.pages}页`,
    ]) {
      expect(info.text.replace(/\s/g, '')).toContain(s.replace(/\s/g, ''));
    }
    expect(info.text).toContain('<script>alert(1)</script>'); // user text printed literally
    const audits = await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'export_return.print'), eq(auditLog.objectId, decl.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ unifiedNo: decl.unifiedNo, bytes: pdf.length });
  });

  it('prints for customs readers in scope; 404 for another enterprise and another office; 403 without read permission', async () => {
    const sz = await loginAs(t.app, 'sz.auditor');
    expect((await sz.get(printUrl(decl.id))).statusCode).toBe(200);
    const other = await loginAs(t.app, 'ent.pengcheng');
    expect((await other.get(printUrl(decl.id))).statusCode).toBe(404);
    const bj = await loginAs(t.app, 'bj.auditor');
    expect((await bj.get(printUrl(decl.id))).statusCode).toBe(404);
    const assessor = await loginAs(t.app, 'szkjy.assessor');
    expect((await assessor.get(printUrl(decl.id))).statusCode).toBe(403);
    expect((await huaxin.get(printUrl('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
  });

  it('prints a declaration with no receipts and no attachments yet', async () => {
    const draft = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 0 });
    const res = await huaxin.get(printUrl(draft.id));
    expect(res.statusCode).toBe(200);
    const text = inspectPdf(res.rawPayload).text;
    expect(text).toContain('暂无回执');
    expect(text).toContain('0-暂存');
  });
});

describe('without a CJK font', () => {
  let noFont: TestApp;
  beforeAll(async () => {
    noFont = await createTestApp({ pdfFont: { path: '/nonexistent/fonts/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' } });
  });
  afterAll(async () => noFont?.close());

  it('answers 503 problem+json telling the operator to install fonts-noto-cjk, in both languages', async () => {
    const c = await loginAs(noFont.app, 'ent.huaxin');
    const d = await insertDeclaration(noFont.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 0 });
    const res = await c.get(printUrl(d.id));
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const p = res.json();
    expect(p.type).toBe('urn:returntrace:problem:unavailable');
    expect(p.detail).toMatch(/fonts-noto-cjk/);
    expect(p.detail).toMatch(/PDF_FONT=\/nonexistent/);
    expect(p.detailZh).toMatch(/中文字体.*fonts-noto-cjk/);
    // scope is still decided first: an out-of-scope id is 404, not 503
    const other = await loginAs(noFont.app, 'ent.pengcheng');
    expect((await other.get(printUrl(d.id))).statusCode).toBe(404);
  });
});
