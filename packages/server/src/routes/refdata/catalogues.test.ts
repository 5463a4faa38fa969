import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

let t: TestApp;
let admin: Client; // gacc.admin: refdata.manage
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'gacc.admin');
  officer = await loginAs(t.app, 'hg.officer');
});
afterAll(async () => { await t.close(); });

const API = '/api/v1/refdata';

function multipart(file: Buffer | string, fileName: string, fields: Record<string, string>) {
  const boundary = `----rt${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(typeof file === 'string' ? Buffer.from(file, 'utf8') : file);
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (dataset: string, file: Buffer | string, fields: Record<string, string> = {}, fileName = 'data.csv') =>
  admin.request({ method: 'POST', url: `${API}/${dataset}/import`, ...multipart(file, fileName, fields) });
const total = async (dataset: string) => (await officer.get(`${API}/${dataset}?pageSize=1`)).json().total as number;

describe('catalogue and rate datasets', () => {
  it('are listed with their columns and seeded with the demo content', async () => {
    const byId = Object.fromEntries((await officer.get(API)).json().map((d: { id: string }) => [d.id, d]));
    expect(byId['legal-inspection']).toMatchObject({ label: { zh: '法检目录', en: 'Legal-inspection catalogue' }, count: expect.any(Number) });
    expect(byId['legal-inspection'].columns.map((c: { field: string }) => c.field)).toEqual(['code', 'nameZh', 'nameEn', 'conditions']);
    expect(byId['prohibited-imports'].columns.map((c: { field: string }) => c.field)).toEqual(['code', 'nameZh', 'nameEn', 'basis']);
    expect(byId['usd-rates'].references).toEqual([{ field: 'currency', dataset: 'currencies' }]);
    expect(byId['legal-inspection'].count).toBeGreaterThanOrEqual(30);
    expect(byId['usd-rates'].count).toBe(91);
    expect((await officer.get(`${API}/legal-inspection?q=微波炉`)).json().items.map((e: { code: string }) => e.code)).toEqual(['8516']);
    expect((await officer.get(`${API}/usd-rates/EUR-2026-03`)).json()).toEqual({ code: 'EUR-2026-03', currency: 'EUR', month: '2026-03', usdPerUnit: '1.1610' });
    expect((await officer.get(`${API}/prohibited-imports/7204`)).json().basis).toContain('固体废物');
  });

  it('imports the legal-inspection catalogue; a bad row is named by row and field and nothing is written', async () => {
    const before = await total('legal-inspection');
    const bad = await upload('legal-inspection', 'code,nameZh,nameEn,conditions\n8467,手提式工具,Hand tools,A\n851,坏编码,Bad code,A\n8508,吸尘器,Vacuum cleaners,a\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ row: 3, field: 'code', code: 'hs_prefix' }),
      expect.objectContaining({ row: 4, field: 'conditions', code: 'inspection_conditions' }),
    ]);
    expect(bad.json().errors[0].messageZh).toContain('商品编码');
    expect(await total('legal-inspection')).toBe(before);
    expect((await officer.get(`${API}/legal-inspection/8467`)).statusCode).toBe(404);

    const good = await upload('legal-inspection', '\uFEFFcode,nameZh,nameEn,conditions\n8467,手提式工具,Hand tools,A\n8508,吸尘器,Vacuum cleaners,A\n');
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    expect(await total('legal-inspection')).toBe(before + 2);
  });

  it('imports prohibited imports from a workbook, refusing a formula in the basis', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('prohibited-imports');
    ws.addRow(['code', 'nameZh', 'nameEn', 'basis']);
    ws.addRow(['7503', '镍废碎料', 'Nickel waste and scrap', '禁止进口固体废物']);
    ws.addRow(['7902', '锌废碎料', 'Zinc waste and scrap', '=HYPERLINK("x")']);
    const bad = await upload('prohibited-imports', Buffer.from(await wb.xlsx.writeBuffer()), {}, 'p.xlsx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ row: 3, field: 'basis', code: 'formula_prefix' })]);
    expect((await officer.get(`${API}/prohibited-imports/7503`)).statusCode).toBe(404);
    ws.getRow(3).getCell(4).value = '禁止进口固体废物';
    const good = await upload('prohibited-imports', Buffer.from(await wb.xlsx.writeBuffer()), {}, 'p.xlsx');
    expect(good.statusCode, good.body).toBe(200);
    expect((await officer.get(`${API}/prohibited-imports/7902`)).json().nameZh).toBe('锌废碎料');
  });

  it('imports USD rates: the code must be currency-month, the currency must exist, the rate positive', async () => {
    const before = await total('usd-rates');
    const csv = [
      'code,currency,month,usdPerUnit',
      'EUR-2026-12,EUR,2026-12,1.1655',
      'EUR-2027-01,EUR,2026-12,1.1600',
      'ZZZ-2026-12,ZZZ,2026-12,1',
      'GBP-2026-12,GBP,2026-12,-1.3',
      'JPY-2026-13,JPY,2026-13,0.0066',
      'AUD-2026-12,AUD,2026-12,0.123456789',
    ].join('\n');
    const bad = await upload('usd-rates', csv);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 3, field: 'code', code: 'rate_code' }),
      expect.objectContaining({ row: 5, field: 'usdPerUnit', code: 'usd_rate' }),
      expect.objectContaining({ row: 6, field: 'month', code: 'rate_month' }),
      expect.objectContaining({ row: 7, field: 'usdPerUnit', code: 'usd_rate' }),
    ]));
    expect(await total('usd-rates')).toBe(before);
    // the reference check runs once the rows are well-formed
    const orphan = await upload('usd-rates', 'code,currency,month,usdPerUnit\nZZZ-2026-12,ZZZ,2026-12,1\n');
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().errors[0]).toMatchObject({ row: 2, field: 'currency', code: 'unknown_reference' });
    expect(await total('usd-rates')).toBe(before);

    const good = await upload('usd-rates', 'code,currency,month,usdPerUnit\nEUR-2026-12,EUR,2026-12,1.1655\nJPY-2026-12,JPY,2026-12,0.00664\n');
    expect(good.statusCode, good.body).toBe(200);
    expect(await total('usd-rates')).toBe(before + 2);
    // a currency with rates cannot be deleted
    const inUse = await admin.delete(`${API}/currencies/EUR`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().errors[0]).toMatchObject({ code: 'in_use' });
  });

  it('edits a rate through the entry API, keeping the code in step with its fields', async () => {
    const res = await admin.put(`${API}/usd-rates/CAD-2026-03`, { currency: 'CAD', month: '2026-04', usdPerUnit: '0.7150' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'code', code: 'rate_code' });
    const ok = await admin.put(`${API}/usd-rates/CAD-2026-03`, { currency: 'CAD', month: '2026-03', usdPerUnit: '0.7155' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().usdPerUnit).toBe('0.7155');
  });

  it('exports the catalogue as CSV that imports back unchanged', async () => {
    const res = await officer.get(`${API}/legal-inspection/export?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('851762,接收、转换并发送或再生数据的设备,"Machines for the reception, conversion and transmission of data",A');
    const n = await total('legal-inspection');
    const back = await upload('legal-inspection', res.rawPayload, { mode: 'replace' });
    expect(back.json()).toMatchObject({ rows: n, updated: n, inserted: 0, deleted: 0 });
  });
});
