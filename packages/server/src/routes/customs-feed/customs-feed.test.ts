import { DEMO_FEED_NUMBERS } from '@returntrace/db/seed';
import { FEED_HEADER_LABELS, makeCreditCode, type CustomsDeclarationInput } from '@returntrace/domain';
import { queryRows, sql } from '@returntrace/db';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';
import { checkZip } from '../../files/zip-guard';
import { lyingZip } from '../../test/zip-bomb';

const API = '/api/v1/customs-declarations';
let t: TestApp;
let admin: Client;

function multipart(file: Buffer | string, fileName = 'feed.csv') {
  const boundary = `----rt${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: Client, file: Buffer | string, name?: string) => c.request({ method: 'POST', url: `${API}/upload`, ...multipart(file, name) });

const TRADER = makeCreditCode('91440300MA5DHX8K1'); // 深圳华信电子 (ent.huaxin)
const decl = (entryId: string, lines = 2, patch: Partial<CustomsDeclarationInput> = {}): CustomsDeclarationInput => ({
  entryId, declareDate: '2024-05-06', traderCreditCode: TRADER, traderCustomsCode: '4403161001', traderName: '深圳华信电子有限公司',
  countryCode: 'USA', tradeMode: '4561',
  lines: Array.from({ length: lines }, (_, i) => ({
    lineNo: i + 1, hsCode: '8517629900', goodsName: `路由器 ${i + 1}`, quantity: `${10 + i}.5`, unit: '001', totalPrice: 100.25, currency: 'USD',
  })),
  ...patch,
});
const count = async (table: string) => Number((await queryRows<{ n: number }>(t.db.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'gacc.admin');
});
afterAll(async () => t?.close());

describe('JSON batch', () => {
  it('is described in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    expect(paths['/api/v1/customs-declarations/batch']?.post).toBeTruthy();
    expect(paths['/api/v1/customs-declarations/{entryId}']?.get).toBeTruthy();
  });


  it('inserts, then updates by entry id with lines replaced (never duplicates), recording load and audit', async () => {
    const before = await count('customs_declarations');
    const res = await admin.post(`${API}/batch`, { declarations: [decl('530120241000100001'), decl('530120241000100002', 1)] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ declarations: 2, lines: 3, inserted: 2, updated: 0 });
    const again = await admin.post(`${API}/batch`, { declarations: [decl('530120241000100001', 1, { withdrawn: true }), decl('530120241000100002', 3)] });
    expect(again.json()).toMatchObject({ inserted: 0, updated: 2, lines: 4 });
    expect(await count('customs_declarations')).toBe(before + 2);
    const one = (await admin.get(`${API}/530120241000100001`)).json();
    expect(one).toMatchObject({ direction: 'import', declarePort: '5301', withdrawn: true, lineCount: 1, lines: [{ lineNo: 1, quantity: '10.5', totalPrice: '100.25' }] });
    const loadId = again.json().loadId as number;
    const [row] = await queryRows<{ action: string; detail: { channel: string; updated: number } }>(t.db.db,
      sql`SELECT action, detail FROM audit_log WHERE object_type = 'customs_feed_load' AND object_id = ${String(loadId)}`);
    expect(row).toMatchObject({ action: 'customs_feed.load', detail: { channel: 'batch', updated: 2 } });
  });

  it.each<[string, unknown, string]>([
    ['a date that does not exist', { declarations: [decl('530120241000100011'), decl('530120241000100012', 1, { declareDate: '2025-02-30' })] }, 'declarations.1.declareDate'],
    ['a negative quantity', { declarations: [{ ...decl('530120241000100013'), lines: [{ ...decl('x').lines[0]!, quantity: '-2' }] }] }, 'declarations.0.lines.0.quantity'],
    ['a bad credit code', { declarations: [decl('530120241000100014', 1, { traderCreditCode: `${TRADER.slice(0, 17)}0` === TRADER ? `${TRADER.slice(0, 17)}1` : `${TRADER.slice(0, 17)}0` })] }, 'declarations.0.traderCreditCode'],
    ['an unknown field', { declarations: [{ ...decl('530120241000100015'), colour: 'red' }] }, 'declarations.0.colour'],
    ['an entry id twice', { declarations: [decl('530120241000100016'), decl('530120241000100016')] }, 'declarations.1.entryId'],
  ])('refuses %s naming the field, and writes nothing', async (_n, body, field) => {
    const before = await count('customs_declarations');
    const loads = await count('customs_feed_loads');
    const res = await admin.post(`${API}/batch`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(res.json().errors[0].messageZh).toBeTruthy();
    expect(await count('customs_declarations')).toBe(before);
    expect(await count('customs_feed_loads')).toBe(loads);
  });

  it('refuses 1e309 and a string that is not a number as amounts', async () => {
    const body = JSON.stringify({ declarations: [decl('530120241000100021', 1)] });
    // a bare 1e309 is refused by the strict JSON reader (out of range, naming the field), strings by the decimal rule
    for (const [bad, field, code] of [['1e309', 'declarations.0.lines.0.totalPrice', 'syntax'], ['"1e309"', 'declarations.0.lines.0.totalPrice', 'decimal_format'],
      ['"12,5"', 'declarations.0.lines.0.totalPrice', 'decimal_format']] as const) {
      const res = await admin.request({
        method: 'POST', url: `${API}/batch`, headers: { 'content-type': 'application/json' },
        payload: body.replace('"totalPrice":100.25', `"totalPrice":${bad}`),
      });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().errors[0], bad).toMatchObject({ field, code });
    }
    expect((await admin.get(`${API}/530120241000100021`)).statusCode).toBe(404);
  });

  it('refuses more than 1 000 declarations', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => decl(`5301202410002${String(i).padStart(5, '0')}`, 1));
    const res = await admin.post(`${API}/batch`, { declarations: many });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('declarations');
  });
});

describe('spreadsheet upload and templates', () => {
  it('refuses a whole file for one bad row, naming row and column', async () => {
    const csv = (await admin.get(`${API}/template.csv`)).body;
    const table = parse(csv.replace(/^\uFEFF/, '')) as string[][];
    const ex = table[1]!;
    const id = FEED_HEADER_LABELS.indexOf('报关单号 entryId');
    const q = FEED_HEADER_LABELS.indexOf('成交数量 quantity');
    const good = ex.map((c, i) => (i === id ? '530120241000300001' : c));
    const bad = ex.map((c, i) => (i === id ? '530120241000300002' : i === q ? 'NaN' : c));
    const before = await count('customs_declarations');
    const res = await upload(admin, stringify([table[0]!, good, bad]));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ row: 3, field: 'quantity', column: '成交数量 quantity', code: 'decimal_format' });
    expect(res.json().detailZh).toContain('第 3 行');
    expect(await count('customs_declarations')).toBe(before);
    const [failure] = await queryRows<{ result: string }>(t.db.db, sql`SELECT result FROM audit_log WHERE action = 'customs_feed.load' ORDER BY id DESC LIMIT 1`);
    expect(failure!.result).toBe('failure');
  });

  it('round-trips the CSV template: download, fill, upload', async () => {
    const res = await admin.get(`${API}/template.csv`);
    expect(res.headers['content-type']).toContain('text/csv');
    const table = parse(res.body.replace(/^\uFEFF/, '')) as string[][];
    expect(table[0]).toEqual(FEED_HEADER_LABELS);
    const id = FEED_HEADER_LABELS.indexOf('报关单号 entryId');
    const line = FEED_HEADER_LABELS.indexOf('项号 lineNo');
    const rows = [table[0]!, ...[1, 2].map((n) => table[1]!.map((c, i) => (i === id ? '530120241000300011' : i === line ? String(n) : c)))];
    const up = await upload(admin, `\uFEFF${stringify(rows)}`);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ format: 'csv', rows: 2, declarations: 1, lines: 2, inserted: 1 });
  });

  it('round-trips the XLSX template: download, fill, upload', async () => {
    const res = await admin.get(`${API}/template.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('报关单号 entryId');
    ws.getRow(2).getCell(1).value = '530120241000300021';
    ws.getRow(2).getCell(FEED_HEADER_LABELS.indexOf('申报日期 declareDate') + 1).value = new Date('2024-07-01T00:00:00Z');
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await upload(admin, buf, 'filled.xlsx');
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ format: 'xlsx', inserted: 1 });
    expect((await admin.get(`${API}/530120241000300021`)).json()).toMatchObject({ declareDate: '2024-07-01', lines: [{ hsCode: '8517629900' }] });
  });

  it('refuses a workbook whose entries decompress to more than they declare', async () => {
    const zip = lyingZip();
    const res = await upload(admin, zip, 'bomb.xlsx');
    expect(res.statusCode).toBe(415);
    expect(res.json().detailZh).toContain('工作簿被拒绝');
    expect(checkZip(zip, { maxEntries: 10, maxUncompressed: 50 })).toMatchObject({ ok: false });
  });
});

describe('permissions and scope', () => {
  it('lets only General Administration administrators load', async () => {
    for (const u of ['sz.admin', 'hg.officer', 'ent.huaxin']) {
      const c = await loginAs(t.app, u);
      expect((await c.post(`${API}/batch`, { declarations: [decl('530120241000400001')] })).statusCode).toBe(403);
      expect((await c.get(`${API}/loads`)).statusCode).toBe(403);
    }
    const loads = (await admin.get(`${API}/loads`)).json();
    expect(loads.items.map((l: { channel: string }) => l.channel)).toContain('demo');
    expect(loads.items[0]).toMatchObject({ loadedByName: 'gacc.admin' });
  });

  it('scopes customs users by the declaring district of their subtree', async () => {
    const ports = async (u: string) => {
      const c = await loginAs(t.app, u);
      const res = await c.get(`${API}?pageSize=200`);
      expect(res.statusCode).toBe(200);
      return { total: res.json().total as number, ports: new Set(res.json().items.map((i: { declarePort: string }) => i.declarePort)) };
    };
    const hg = await ports('hg.officer');
    expect([...hg.ports]).toEqual(['5301']);
    const sk = await ports('sk.auditor');
    expect([...sk.ports]).toEqual(['5316']);
    const sz = await ports('sz.officer');
    expect(sz.total).toBe(hg.total + sk.total);
    const bj = await ports('bj.warning');
    expect([...bj.ports].sort()).toEqual(['0101', '0105']);
    const all = await ports('gacc.officer');
    expect(all.total).toBe(sz.total + bj.total);
    const hgClient = await loginAs(t.app, 'hg.officer');
    expect((await hgClient.get(`${API}/${DEMO_FEED_NUMBERS.jinghua!.returnImport}`)).statusCode).toBe(404);
    expect((await hgClient.get(`${API}/${DEMO_FEED_NUMBERS.huaxin!.returnImport}`)).statusCode).toBe(200);
  });

  it('shows an enterprise the declarations where it is consignee or declaring unit, and nothing else', async () => {
    const c = await loginAs(t.app, 'ent.huaxin');
    const n = DEMO_FEED_NUMBERS.huaxin!;
    const agent = await c.get(`${API}/${n.agentImport}`);
    expect(agent.statusCode).toBe(200);
    expect(agent.json().traderCreditCode).not.toBe(TRADER);
    expect((await c.get(`${API}/${DEMO_FEED_NUMBERS.pengcheng!.returnImport}`)).statusCode).toBe(404);
    const list = (await c.get(`${API}?pageSize=200&direction=import`)).json();
    expect(list.total).toBeGreaterThan(0);
    for (const r of list.items) expect(r.traderCreditCode === TRADER || r.declaringUnitCreditCode === TRADER).toBe(true);
    const filtered = (await c.get(`${API}?entryId=${n.returnImport}`)).json();
    expect(filtered.items.map((i: { entryId: string }) => i.entryId)).toEqual([n.returnImport]);
    const assessor = await loginAs(t.app, 'szkjy.assessor');
    expect((await assessor.get(API)).statusCode).toBe(403);
  });

  it('filters by direction, party code, district and date range and validates filters', async () => {
    const c = await loginAs(t.app, 'gacc.auditor');
    const res = (await c.get(`${API}?direction=export&declarePort=5316&from=2025-03-01&to=2025-03-31&partyCode=${TRADER}`)).json();
    for (const r of res.items) {
      expect(r).toMatchObject({ direction: 'export', declarePort: '5316' });
      expect(r.declareDate >= '2025-03-01' && r.declareDate <= '2025-03-31').toBe(true);
    }
    const bad = await c.get(`${API}?from=2025-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.from');
  });
});
