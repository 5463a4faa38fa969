import { createHash } from 'node:crypto';
import { and, auditLog, eq, exportReturnAttachments } from '@returntrace/db';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_DECLARATION } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDeclaration, multipart } from '../../test/export-return-fixture';
import { declarationNo, insertCustomsDeclaration } from '../../test/factories/customs-declarations';
import { demoParty, validInput } from '../../test/factories/export-returns';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 jpeg body')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR png body')]);

let t: TestApp;
let huaxin: Client;
let pengcheng: Client;
let hgAuditor: Client;
let szAuditor: Client;
let bjAuditor: Client;
let draft: { id: string; unifiedNo: string };
let submitted: { id: string; unifiedNo: string };
let rejected: { id: string; unifiedNo: string };

const url = (id: string, rest = '') => `/api/v1/export-returns/${id}/attachments${rest}`;

function upload(c: Client, id: string, fileName: string, content: Buffer | string, field = 'file') {
  const body = multipart([{ name: field, fileName, content, contentType: 'application/pdf' }]);
  return c.request({ method: 'POST', url: url(id), payload: body.payload, headers: body.headers });
}

async function auditRows(action: string, objectId: string) {
  return t.db.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));
}

beforeAll(async () => {
  t = await createTestApp();
  huaxin = await loginAs(t.app, 'ent.huaxin');
  pengcheng = await loginAs(t.app, 'ent.pengcheng');
  hgAuditor = await loginAs(t.app, 'hg.auditor');
  szAuditor = await loginAs(t.app, 'sz.auditor');
  bjAuditor = await loginAs(t.app, 'bj.auditor');
  draft = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 0 });
  submitted = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 5 });
  rejected = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 8 });
});
afterAll(async () => t?.close());

describe('upload', () => {
  it.each([
    ['报关单扫描件.pdf', PDF, 'application/pdf'],
    ['货物照片.JPG', JPEG, 'image/jpeg'],
    ['label.png', PNG, 'image/png'],
  ])('accepts %s as %s, stores its SHA-256 and audits it', async (fileName, content, mediaType) => {
    const res = await upload(huaxin, draft.id, fileName, content);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ fileName, mediaType, size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    const [row] = await t.db.db.select().from(exportReturnAttachments).where(eq(exportReturnAttachments.id, body.id));
    expect(Buffer.from(row!.content).equals(content)).toBe(true);
    const audits = await auditRows('export_return.attachment.upload', draft.id);
    expect(audits.some((a) => (a.detail as { attachmentId: string }).attachmentId === body.id)).toBe(true);
  });

  it('accepts a rejected declaration (editable again)', async () => {
    const res = await upload(huaxin, rejected.id, 'corrected.pdf', PDF);
    expect(res.statusCode).toBe(201);
  });

  it('NFC-normalises the name', async () => {
    const res = await upload(huaxin, rejected.id, 'Cafe\u0301.png', PNG);
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('Caf\u00e9.png');
  });

  it.each([
    ['an executable renamed .pdf', 'invoice.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]), 'file', 'file_type_not_allowed'],
    ['an SVG with a script named .png', 'logo.png', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>', 'file', 'file_type_not_allowed'],
    ['an HTML page named .pdf', 'page.pdf', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>', 'file', 'file_type_not_allowed'],
    ['a PDF named .png', 'scan.png', PDF, 'file', 'file_extension_mismatch'],
    ['an empty file', 'empty.pdf', Buffer.alloc(0), 'file', 'file_empty'],
    ['a ../ name', '../../etc/passwd.pdf', PDF, 'fileName', 'file_name_path'],
    ['a ..\\ name', '..\\..\\boot.pdf', PDF, 'fileName', 'file_name_path'],
    ['a name with ..', '..hidden.pdf', PDF, 'fileName', 'file_name_dot_dot'],
    ['a NUL in the name', 'a\u0000.pdf', PDF, 'fileName', 'file_name_control_char'],
    ['a right-to-left override in the name', 'invoice\u202efdp.pdf', PDF, 'fileName', 'file_name_control_char'],
    ['a name over 120 characters', `${'很长的文件名'.repeat(21)}.pdf`, PDF, 'fileName', 'file_name_too_long'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_what, fileName, content, field, code) => {
    const before = await t.db.db.select().from(exportReturnAttachments).where(eq(exportReturnAttachments.returnId, draft.id));
    const res = await upload(huaxin, draft.id, fileName, Buffer.isBuffer(content) ? content : Buffer.from(content));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = res.json();
    expect(problem.errors).toEqual([expect.objectContaining({ field, code })]);
    expect(problem.errors[0].messageZh).toMatch(/[\u4e00-\u9fff]/);
    const after = await t.db.db.select().from(exportReturnAttachments).where(eq(exportReturnAttachments.returnId, draft.id));
    expect(after.length).toBe(before.length);
  });

  it('refuses a file over 5 MB with 413 naming file', async () => {
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    PDF.copy(big);
    const res = await upload(huaxin, draft.id, 'big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ type: 'urn:returntrace:problem:payload_too_large', errors: [{ field: 'file', code: 'file_too_large' }] });
  });

  it('accepts a file of exactly 5 MB', async () => {
    const max = Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20);
    PDF.copy(max);
    const res = await upload(huaxin, rejected.id, 'max.pdf', max);
    expect(res.statusCode).toBe(201);
    expect(res.json().size).toBe(ATTACHMENT_MAX_BYTES);
  });

  it('refuses the same content twice', async () => {
    const res = await upload(huaxin, draft.id, 'again.pdf', PDF);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', code: 'attachment_duplicate' });
  });

  it('refuses a request without the file field, and a non-multipart body', async () => {
    const wrongField = await upload(huaxin, draft.id, 'x.pdf', Buffer.concat([PDF, Buffer.from('1')]), 'document');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().errors[0]).toMatchObject({ field: 'file', code: 'required' });
    const json = await huaxin.post(url(draft.id), { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('refuses two files in one request, writing nothing', async () => {
    const body = multipart([
      { name: 'file', fileName: 'one.pdf', content: Buffer.concat([PDF, Buffer.from('one')]) },
      { name: 'file', fileName: 'two.pdf', content: Buffer.concat([PDF, Buffer.from('two')]) },
    ]);
    const before = (await huaxin.get(url(draft.id))).json().items.length as number;
    const res = await huaxin.request({ method: 'POST', url: url(draft.id), payload: body.payload, headers: body.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', code: 'one_file' });
    expect((await huaxin.get(url(draft.id))).json().items).toHaveLength(before);
  });

  it('refuses upload to a submitted declaration (the machine does not allow saving)', async () => {
    const res = await upload(huaxin, submitted.id, 'late.pdf', PDF);
    expect(res.statusCode).toBe(409);
    expect(res.json().detailZh).toMatch(/不允许/);
  });

  it('answers 404 for another enterprise and for an auditor of another office; 403 for a reader without declare', async () => {
    expect((await upload(pengcheng, draft.id, 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await upload(bjAuditor, draft.id, 'x.pdf', PDF)).statusCode).toBe(403);
    expect((await upload(hgAuditor, draft.id, 'x.pdf', PDF)).statusCode).toBe(403);
  });

  it(`allows at most ${ATTACHMENTS_PER_DECLARATION} files per declaration`, async () => {
    const d = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 0 });
    for (let i = 0; i < ATTACHMENTS_PER_DECLARATION; i++) {
      const res = await upload(huaxin, d.id, `p${i}.pdf`, Buffer.concat([PDF, Buffer.from(String(i))]));
      expect(res.statusCode).toBe(201);
    }
    const over = await upload(huaxin, d.id, 'one-more.pdf', Buffer.concat([PDF, Buffer.from('x')]));
    expect(over.statusCode).toBe(409);
    expect(over.json().errors[0]).toMatchObject({ field: 'file', code: 'attachments_limit' });
  });
});

describe('list and download', () => {
  let attId: string;
  beforeAll(async () => {
    const res = await upload(huaxin, rejected.id, '退货协议 "final";.pdf'.replace(/"/g, ''), Buffer.concat([PDF, Buffer.from('agreement')]));
    expect(res.statusCode).toBe(201);
    attId = res.json().id;
  });

  it('lists metadata without content for readers in scope', async () => {
    for (const c of [huaxin, hgAuditor, szAuditor]) {
      const res = await c.get(url(rejected.id));
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { id: string; fileName: string }[];
      expect(items.map((i) => i.id)).toContain(attId);
      expect(JSON.stringify(items)).not.toContain('content');
    }
  });

  it('downloads with attachment disposition, RFC 5987 name, nosniff and a sandbox CSP; audited', async () => {
    const res = await hgAuditor.get(url(rejected.id, `/${attId}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="_ final_.pdf"; filename*=UTF-8''${encodeURIComponent('退货协议 final;.pdf')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(res.rawPayload.equals(Buffer.concat([PDF, Buffer.from('agreement')]))).toBe(true);
    const audits = await auditRows('export_return.attachment.download', rejected.id);
    expect(audits.some((a) => (a.detail as { attachmentId: string }).attachmentId === attId && a.username === 'hg.auditor')).toBe(true);
  });

  it('answers 404 out of scope (another enterprise, another office), for a wrong declaration and an unknown id', async () => {
    expect((await pengcheng.get(url(rejected.id))).statusCode).toBe(404);
    expect((await bjAuditor.get(url(rejected.id))).statusCode).toBe(404);
    expect((await pengcheng.get(url(rejected.id, `/${attId}`))).statusCode).toBe(404);
    expect((await bjAuditor.get(url(rejected.id, `/${attId}`))).statusCode).toBe(404);
    expect((await huaxin.get(url(draft.id, `/${attId}`))).statusCode).toBe(404);
    expect((await huaxin.get(url(rejected.id, '/00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
  });
});

describe('delete', () => {
  it('deletes in an editable state, audited; refuses in a submitted one and out of scope', async () => {
    const up = await upload(huaxin, draft.id, 'to-delete.pdf', Buffer.concat([PDF, Buffer.from('del')]));
    const attId = up.json().id as string;
    expect((await pengcheng.delete(url(draft.id, `/${attId}`))).statusCode).toBe(404);
    expect((await hgAuditor.delete(url(draft.id, `/${attId}`))).statusCode).toBe(403);
    const res = await huaxin.delete(url(draft.id, `/${attId}`));
    expect(res.statusCode).toBe(204);
    expect((await huaxin.get(url(draft.id, `/${attId}`))).statusCode).toBe(404);
    expect((await auditRows('export_return.attachment.delete', draft.id)).length).toBe(1);
    expect((await huaxin.delete(url(draft.id, `/${attId}`))).statusCode).toBe(404);
  });

  it('refuses to delete from a submitted declaration', async () => {
    const [row] = await t.db.db.insert(exportReturnAttachments).values({
      returnId: submitted.id, fileName: 'sent.pdf', mediaType: 'application/pdf', size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'), content: PDF, uploadedBy: (await huaxin.get('/api/v1/session')).json().user.id,
      uploadedAt: new Date(),
    }).returning();
    const res = await huaxin.delete(url(submitted.id, `/${row!.id}`));
    expect(res.statusCode).toBe(409);
    expect((await huaxin.get(url(submitted.id))).json().items).toHaveLength(1);
  });
});

describe('through the declaration workflow', () => {
  it('accepts documents on a draft, refuses changes once submitted, still serves them to the auditor', async () => {
    const no = declarationNo('5301', 901);
    await insertCustomsDeclaration(t.db.db, { entryId: no, trader: demoParty('huaxin'), lines: [{ hsCode: '8517130000' }] });
    const created = await huaxin.post('/api/v1/export-returns', validInput(no));
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    const up = await upload(huaxin, id, '退货协议.pdf', Buffer.concat([PDF, Buffer.from('workflow')]));
    expect(up.statusCode).toBe(201);
    const attId = up.json().id as string;
    const view = await huaxin.get(`/api/v1/export-returns/${id}`);
    expect(view.json().attachmentCount).toBe(1);

    const sub = await huaxin.request({
      method: 'POST', url: `/api/v1/export-returns/${id}/submit`, payload: validInput(no), headers: { 'if-match': `"${version}"` },
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().status).toBe(5);

    const late = await upload(huaxin, id, 'late.pdf', Buffer.concat([PDF, Buffer.from('late')]));
    expect(late.statusCode).toBe(409);
    expect((await huaxin.delete(url(id, `/${attId}`))).statusCode).toBe(409);
    const download = await hgAuditor.get(url(id, `/${attId}`));
    expect(download.statusCode).toBe(200);
    expect((await hgAuditor.get(url(id))).json().items).toHaveLength(1);
  });
});
