import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';
import { lyingZip } from '../../test/zip-bomb';

let t: TestApp;
let admin: Client; // sysadmin of the General Administration: refdata.manage
let szAdmin: Client; // sysadmin of a directly-affiliated customs: no refdata.manage
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'gacc.admin');
  szAdmin = await loginAs(t.app, 'sz.admin');
  officer = await loginAs(t.app, 'hg.officer');
});
afterAll(async () => { await t.close(); });

const API = '/api/v1/refdata';

function multipart(file: Buffer | string, fileName = 'data.csv', fields: Record<string, string> = {}) {
  const boundary = `----rt${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  chunks.push(typeof file === 'string' ? Buffer.from(file, 'utf8') : file);
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (c: Client, dataset: string, file: Buffer | string, fields: Record<string, string> = {}, fileName?: string) =>
  c.request({ method: 'POST', url: `${API}/${dataset}/import`, ...multipart(file, fileName, fields) });
const total = async (dataset: string, q = '') => (await admin.get(`${API}/${dataset}?pageSize=1${q}`)).json().total as number;
const entry = async (dataset: string, code: string) => (await admin.get(`${API}/${dataset}/${code}`)).json();
const lastAudit = async (action: string) =>
  (await admin.get(`/api/v1/audit?action=${action}&pageSize=1`)).json().items[0] as { action: string; result: string; detail: Record<string, unknown> };

describe('reading reference data', () => {
  it('lists the datasets with labels, columns and counts', async () => {
    const res = await officer.get(API);
    expect(res.statusCode).toBe(200);
    const byId = Object.fromEntries(res.json().map((d: { id: string }) => [d.id, d]));
    expect(Object.keys(byId)).toEqual(['hs-sections', 'hs-chapters', 'countries', 'currencies', 'divisions', 'customs-districts', 'units', 'return-reasons', 'legal-inspection', 'prohibited-imports', 'usd-rates']);
    expect(byId['hs-chapters'].count).toBe(97);
    expect(byId['hs-sections'].count).toBe(22);
    expect(byId.divisions.count).toBeGreaterThan(3000);
    expect(byId.countries.label).toEqual({ zh: '国别（地区）', en: 'Countries and regions' });
    expect(byId.units.columns.map((c: { field: string }) => c.field)).toEqual(['code', 'nameZh', 'nameEn']);
  });

  it('pages and searches by code or name, and filters children', async () => {
    const page = (await officer.get(`${API}/hs-chapters?page=2&pageSize=10`)).json();
    expect(page).toMatchObject({ total: 97, page: 2, pageSize: 10 });
    expect(page.items[0].code).toBe('11');
    expect((await officer.get(`${API}/divisions?q=福田`)).json().items.map((d: { code: string }) => d.code)).toContain('440304');
    expect((await officer.get(`${API}/countries?q=chn`)).json().items[0]).toMatchObject({ code: 'CN', nameZh: '中国' });
    expect((await officer.get(`${API}/hs-chapters?q=85`)).json().items.map((d: { code: string }) => d.code)).toEqual(['85']);
    expect((await officer.get(`${API}/units?q=%25`)).json().total).toBe(0); // % is literal, not a wildcard
    const provinces = (await officer.get(`${API}/divisions?parentCode=&pageSize=100`)).json();
    expect(provinces.total).toBe(34);
    const sz = (await officer.get(`${API}/divisions?parentCode=440300&pageSize=100`)).json();
    expect(sz.items.every((d: { level: number }) => d.level === 3)).toBe(true);
    expect((await officer.get(`${API}/hs-chapters?sectionCode=XVI`)).json().items.map((d: { code: string }) => d.code)).toEqual(['84', '85']);
    expect((await officer.get(`${API}/units?parentCode=x`)).statusCode).toBe(400);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/v1/refdata', '/api/v1/refdata/{dataset}', '/api/v1/refdata/{dataset}/{code}', '/api/v1/refdata/{dataset}/import',
      '/api/v1/refdata/{dataset}/export', '/api/v1/refdata/{dataset}/template',
    ]));
  });

  it('answers 404 for an unknown dataset or code', async () => {
    expect((await officer.get(`${API}/planets`)).statusCode).toBe(404);
    expect((await officer.get(`${API}/units/999`)).statusCode).toBe(404);
  });
});

describe('editing one entry', () => {
  it('creates, refuses a duplicate, updates, deletes, and audits each change', async () => {
    const created = await admin.post(`${API}/units`, { code: '990', nameZh: '测试单位', nameEn: 'Test unit' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ code: '990', nameZh: '测试单位', nameEn: 'Test unit' });
    expect((await lastAudit('refdata.create')).detail).toMatchObject({ dataset: 'units' });
    const dup = await admin.post(`${API}/units`, { code: '990', nameZh: '重复', nameEn: 'Dup' });
    expect(dup.statusCode).toBe(409);
    const upd = await admin.put(`${API}/units/990`, { nameZh: '测试单位二', nameEn: 'Test unit 2' });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().nameZh).toBe('测试单位二');
    expect((await lastAudit('refdata.update')).detail).toMatchObject({ before: { nameZh: '测试单位' }, after: { nameZh: '测试单位二' } });
    expect((await admin.put(`${API}/units/991`, { nameZh: '无', nameEn: 'None' })).statusCode).toBe(404);
    expect((await admin.delete(`${API}/units/990`)).json()).toEqual({ ok: true });
    expect((await admin.get(`${API}/units/990`)).statusCode).toBe(404);
    expect((await lastAudit('refdata.delete')).detail).toMatchObject({ before: { code: '990' } });
  });

  it('validates bodies with the dataset schema, naming the field in both languages', async () => {
    const res = await admin.post(`${API}/countries`, { code: 'zz', alpha3: 'ZZZ', numeric: '999', nameZh: '测试', nameEn: 'Test', extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'extra']));
    expect(res.json().errors[0].messageZh).toMatch(/[\u4e00-\u9fa5]/);
    const mismatch = await admin.put(`${API}/units/035`, { code: '036', nameZh: '千克', nameEn: 'Kilogram' });
    expect(mismatch.json().errors[0]).toMatchObject({ field: 'code', code: 'key_mismatch' });
  });

  it('refuses references to missing codes and deleting codes still in use', async () => {
    const orphan = await admin.post(`${API}/divisions`, { code: '999901', nameZh: '无上级县', level: 3, parentCode: '999900' });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().errors[0]).toMatchObject({ field: 'parentCode', code: 'unknown_reference' });
    const used = await admin.delete(`${API}/hs-sections/XVI`);
    expect(used.statusCode).toBe(409);
    expect(used.json().errors[0]).toMatchObject({ code: 'in_use' });
    expect((await admin.delete(`${API}/divisions/440300`)).statusCode).toBe(409);
    expect(await total('hs-sections')).toBe(22);
  });

  it('refuses changes without refdata.manage (audited), while reading stays open', async () => {
    for (const c of [szAdmin, officer]) {
      expect((await c.post(`${API}/units`, { code: '992', nameZh: '单位', nameEn: 'Unit' })).statusCode).toBe(403);
      expect((await c.put(`${API}/units/035`, { nameZh: '公斤', nameEn: 'Kilo' })).statusCode).toBe(403);
      expect((await c.delete(`${API}/units/035`)).statusCode).toBe(403);
      expect((await upload(c, 'units', 'code,nameZh,nameEn\r\n992,单位,Unit\r\n')).statusCode).toBe(403);
      expect((await c.get(`${API}/units/035`)).statusCode).toBe(200);
    }
    expect((await entry('units', '035')).nameZh).toBe('千克');
    expect((await admin.get(`${API}/units/992`)).statusCode).toBe(404);
    expect((await lastAudit('access.denied')).result).toBe('denied');
  });
});

describe('import', () => {
  it('refuses a workbook whose entries inflate to more than they declare, changing nothing', async () => {
    const before = (await admin.get(`${API}/units?pageSize=1`)).json().total;
    const res = await upload(admin, 'units', lyingZip(), {}, 'units.xlsx');
    expect(res.statusCode).toBe(415);
    expect(res.json().detailZh).toContain('工作簿被拒绝');
    expect((await admin.get(`${API}/units?pageSize=1`)).json().total).toBe(before);
  });

  it('upserts a CSV with a BOM: adds new codes, overwrites existing ones, audits the import', async () => {
    const before = await total('units');
    const res = await upload(admin, 'units', '\uFEFFcode,nameZh,nameEn\r\n035,千克,Kilogram (kg)\r\n993,测试箱,Test case\r\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dataset: 'units', mode: 'upsert', format: 'csv', rows: 2, inserted: 1, updated: 1, deleted: 0 });
    expect(await total('units')).toBe(before + 1);
    expect((await entry('units', '035')).nameEn).toBe('Kilogram (kg)');
    const a = await lastAudit('refdata.import');
    expect(a).toMatchObject({ result: 'success', detail: { dataset: 'units', inserted: 1, updated: 1, fileName: 'data.csv' } });
  });

  it('refuses a file with a malformed row as a whole, naming row and field, writing nothing', async () => {
    const before = await total('units');
    const csv = 'code,nameZh,nameEn\n994,好行,Good row\n95,坏行,Bad code\n996,,Missing Chinese\n';
    const res = await upload(admin, 'units', csv, { mode: 'upsert' });
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe('urn:returntrace:problem:validation');
    expect(res.json().errors).toEqual([
      expect.objectContaining({ row: 3, field: 'code', code: 'unit_code' }),
      expect.objectContaining({ row: 4, field: 'nameZh', code: 'required' }),
    ]);
    expect(res.json().detail).toContain('row 3');
    expect(res.json().detailZh).toContain('第 3 行');
    expect(await total('units')).toBe(before);
    expect((await admin.get(`${API}/units/994`)).statusCode).toBe(404);
    expect(await lastAudit('refdata.import')).toMatchObject({ result: 'failure' });
  });

  it('refuses unknown or missing header columns, duplicate codes and unknown parents', async () => {
    const unknown = await upload(admin, 'units', 'code,nameZh,nameEn,remark\n997,件,Piece,x\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ row: 1, field: 'remark', code: 'unknown_column' });
    const missing = await upload(admin, 'units', 'code,nameZh\n997,件\n');
    expect(missing.json().errors[0]).toMatchObject({ row: 1, field: 'nameEn', code: 'missing_column' });
    const dup = await upload(admin, 'units', 'code,nameZh,nameEn\n997,件,Piece\n997,件,Piece\n');
    expect(dup.json().errors[0]).toMatchObject({ row: 3, field: 'code', code: 'duplicate_key' });
    const orphan = await upload(admin, 'divisions', 'code,nameZh,level,parentCode\n999900,测试市,2,990000\n');
    expect(orphan.json().errors[0]).toMatchObject({ row: 2, field: 'parentCode', code: 'unknown_reference' });
    expect((await admin.get(`${API}/units/997`)).statusCode).toBe(404);
  });

  it('refuses files that are not UTF-8 CSV or XLSX, and requests without a file', async () => {
    const gbk = Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xc7, 0xa7, 0xbf, 0xcb, 0x0a]);
    const notUtf8 = await upload(admin, 'units', gbk);
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().errors[0].code).toBe('not_utf8');
    const xls = await upload(admin, 'units', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), {}, 'old.xls');
    expect(xls.statusCode).toBe(415);
    const broken = await upload(admin, 'units', 'code,nameZh,nameEn\n"035,千克,Kilogram\n');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].code).toBe('malformed_csv');
    const noFile = await admin.request({ method: 'POST', url: `${API}/units/import`, payload: { mode: 'upsert' } });
    expect(noFile.statusCode).toBe(415);
    const badMode = await upload(admin, 'units', 'code,nameZh,nameEn\n035,千克,Kilogram\n', { mode: 'merge' });
    expect(badMode.json().errors[0].field).toBe('mode');
  });

  it('replaces a dataset with the file, and refuses to drop codes that others use', async () => {
    const res = await upload(admin, 'units', 'code,nameZh,nameEn\n035,千克,Kilogram\n036,克,Gram\n', { mode: 'replace' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'replace', rows: 2, updated: 2, inserted: 0 });
    expect(res.json().deleted).toBeGreaterThan(100);
    expect(await total('units')).toBe(2);
    const sections = await upload(admin, 'hs-sections', 'code,nameZh,nameEn,chapterFrom,chapterTo\nI,活动物；动物产品,Live animals; animal products,01,05\n', { mode: 'replace' });
    expect(sections.statusCode).toBe(409);
    expect(sections.json().errors[0]).toMatchObject({ field: 'code', code: 'in_use' });
    expect(await total('hs-sections')).toBe(22);
  });
});

describe('export and template', () => {
  it('exports CSV with a BOM that imports back unchanged (audited)', async () => {
    const res = await officer.get(`${API}/hs-chapters/export?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="refdata-hs-chapters-\d{8}\.csv"/);
    expect(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(res.body).toContain('77,XV,（保留为税则将来所用）,Reserved for possible future use in the HS');
    expect((await lastAudit('refdata.export')).detail).toMatchObject({ dataset: 'hs-chapters', format: 'csv', rows: 97 });
    const back = await upload(admin, 'hs-chapters', res.rawPayload, { mode: 'replace' });
    expect(back.json()).toMatchObject({ rows: 97, updated: 97, inserted: 0, deleted: 0 });
  });

  it('exports XLSX (typed cells, Chinese labels on a second sheet) that imports back unchanged', async () => {
    const before = (await admin.get(`${API}/customs-districts?pageSize=200`)).json().items;
    const res = await admin.get(`${API}/customs-districts/export?format=xlsx`);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['customs-districts', '说明 Columns']);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, 'code', 'nameZh', 'nameEn', 'direct', 'parentCode']);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, '0000', '海关总署', 'General Administration of Customs', false]);
    const back = await upload(admin, 'customs-districts', res.rawPayload, {}, 'export.bin');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ format: 'xlsx', rows: before.length, updated: before.length, inserted: 0 });
    expect((await admin.get(`${API}/customs-districts?pageSize=200`)).json().items).toEqual(before);
  });

  it('imports divisions edited in Excel with numbers typed as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['code', 'nameZh', 'level', 'parentCode']);
    ws.addRow(['440399', '测试区', 3, '440300']);
    ws.addRow([440398, '数字代码区', '3', 440300]);
    const res = await upload(admin, 'divisions', Buffer.from(await wb.xlsx.writeBuffer()), {}, 'x.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, inserted: 2 });
    expect(await entry('divisions', '440398')).toEqual({ code: '440398', nameZh: '数字代码区', level: 3, parentCode: '440300' });
  });

  it('serves empty templates with the header row', async () => {
    const csv = await officer.get(`${API}/currencies/template?format=csv`);
    expect(csv.body).toBe('\uFEFFcode,numeric,nameZh,nameEn,minorUnits\r\n');
    const xlsx = await officer.get(`${API}/divisions/template?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(1);
  });
});
