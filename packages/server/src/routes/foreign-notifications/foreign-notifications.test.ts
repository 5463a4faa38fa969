import { and, auditLog, count, eq, foreignNotifications, notificationMatches, riskInfoLinks, riskInfos } from '@returntrace/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDeclaration, multipart } from '../../test/export-return-fixture';
import { lyingZip } from '../../test/zip-bomb';
import { demoOrg } from '../../test/factories/risk-info';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

let t: TestApp;
let hg: Client;
let sk: Client;
let bj: Client;
let ironReturn: { id: string };
let bjReturn: { id: string };

const HEADER = 'country,date,product,hsCode,enterpriseOrBrand,measure,reason,reference';
const GOOD = [
  HEADER,
  'US,2026-03-01,蒸汽电熨斗,851640,华信电子,召回 Recall,电击风险 Risk of electric shock,CPSC-26-101',
  '德国,2026/3/5,Toy car,9503,NoSuchBrand,Withdrawal from the market,Small parts,',
  'DEU,2026-03-05,toy  car,9503,nosuchbrand,Withdrawal,Small parts again,',
].join('\n');

function importFile(c: Client, content: Buffer | string, fileName = 'notices.csv') {
  const body = multipart([{ name: 'file', fileName, content, contentType: 'text/csv' }]);
  return c.request({ method: 'POST', url: '/api/v1/foreign-notifications/import', payload: body.payload, headers: body.headers });
}

const tally = async () => ({
  notifications: Number((await t.db.db.select({ n: count() }).from(foreignNotifications))[0]!.n),
  records: Number((await t.db.db.select({ n: count() }).from(riskInfos))[0]!.n),
  matches: Number((await t.db.db.select({ n: count() }).from(notificationMatches))[0]!.n),
});

beforeAll(async () => {
  t = await createTestApp();
  hg = await loginAs(t.app, 'hg.officer');
  sk = await loginAs(t.app, 'sk.officer');
  bj = await loginAs(t.app, 'bj.officer');
  ironReturn = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '5301', status: 7 });
  // the same enterprise and goods, but audited in another jurisdiction: never proposed to Shenzhen
  bjReturn = await insertDeclaration(t.db.db, { enterpriseUser: 'ent.huaxin', officeCode: '0101', status: 7 });
});
afterAll(async () => t?.close());

let batch: { batchId: string; items: { row: number; status: string; notificationId: string; riskInfo: { id: string } | null; matches: number }[] };

describe('import', () => {
  it('imports a good file: records of the caller\'s office, a duplicate row linked, matches proposed', async () => {
    const res = await importFile(hg, GOOD);
    expect(res.statusCode).toBe(200);
    batch = res.json();
    expect(res.json()).toMatchObject({ format: 'csv', rows: 3, created: 2, duplicates: 1 });
    const [iron, toy, toyAgain] = batch.items;
    expect(toyAgain).toMatchObject({ row: 4, status: 'duplicate', notificationId: toy!.notificationId, riskInfo: { id: toy!.riskInfo!.id } });

    const [rec] = await t.db.db.select().from(riskInfos).where(eq(riskInfos.id, iron!.riskInfo!.id));
    const hgOrg = await demoOrg(t.db.db, 'hg');
    expect(rec).toMatchObject({ source: 'foreign_notification', officeId: hgOrg.id, countryCode: 'USA', sourceRef: 'CPSC-26-101', foreignNotificationId: iron!.notificationId });
    const links = await t.db.db.select().from(riskInfoLinks).where(eq(riskInfoLinks.riskInfoId, toy!.riskInfo!.id));
    expect(links).toEqual([expect.objectContaining({ kind: 'duplicate_notification', foreignNotificationId: toy!.notificationId })]);

    const matches = await hg.get(`/api/v1/foreign-notifications/${iron!.notificationId}/matches`);
    expect(matches.statusCode).toBe(200);
    const items = matches.json().items as { exportReturn: { id: string }; score: number; basis: unknown; status: string }[];
    const mine = items.find((m) => m.exportReturn.id === ironReturn.id);
    expect(mine).toMatchObject({ score: 70, basis: { creditCode: false, name: true, hsHeading: '8516', country: true }, status: 'proposed' });
    expect(items.some((m) => m.exportReturn.id === bjReturn.id)).toBe(false);
    expect(items.length).toBeLessThanOrEqual(10);
    expect(items.map((m) => m.score)).toEqual([...items.map((m) => m.score)].sort((a, b) => b - a));

    const audits = await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'foreign_notification.import'), eq(auditLog.objectId, batch.batchId)));
    expect(audits).toHaveLength(1);
  });

  it('re-importing the file links every row to the existing records, creating nothing', async () => {
    const before = await tally();
    const res = await importFile(sk, GOOD); // another office of the same directly-affiliated customs
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, duplicates: 3 });
    expect(res.json().items.map((i: { notificationId: string }) => i.notificationId))
      .toEqual(batch.items.map((i) => i.notificationId));
    expect(await tally()).toEqual(before);
    const links = await t.db.db.select().from(riskInfoLinks).where(eq(riskInfoLinks.riskInfoId, batch.items[0]!.riskInfo!.id));
    expect(links.filter((l) => l.kind === 'duplicate_notification')).toHaveLength(1);
  });

  it('refuses a file with bad rows, naming each row and column, and writes nothing', async () => {
    const before = await tally();
    const bad = [
      HEADER,
      'US,2026-02-30,Kettle,8516,X,Recall,Burns,R-1',
      'Atlantis,2026-03-01,Kettle,8516,X,Recall,Burns,R-2',
      'Narnia,2026-03-01,Kettle,8,X,,Burns <b>bold</b>,R-3',
      'US,2026-03-01,Kettle,8516,X,Recall,Burns,R-4',
    ].join('\n');
    const res = await importFile(hg, bad);
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { row: number; field: string; code: string }[];
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 2, field: 'date' }),
      expect.objectContaining({ row: 3, field: 'country', code: 'unknown_country' }),
      expect.objectContaining({ row: 4, field: 'hsCode', code: 'hs_prefix' }),
      expect.objectContaining({ row: 4, field: 'measure' }),
      expect.objectContaining({ row: 4, field: 'reason', code: 'markup_not_allowed' }),
      expect.objectContaining({ row: 4, field: 'country', code: 'unknown_country' }),
    ]));
    expect(errors.some((e) => e.row === 5)).toBe(false);
    expect(res.json().detailZh).toContain('第 2 行');
    expect(await tally()).toEqual(before);

    const missing = await importFile(hg, 'country,date,product\nUS,2026-03-01,Kettle');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 1, field: 'measure', code: 'missing_column' })]));
  });

  it('imports an XLSX workbook with Chinese headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('通报');
    ws.addRow(['国家', '通报日期', '产品名称', 'HS编码', '企业或品牌', '采取措施', '通报原因', '通报编号']);
    ws.addRow(['美国', new Date('2026-03-10T00:00:00Z'), '儿童睡衣', '6111', '燕京', '召回', '阻燃不合格', 'CPSC-26-150']);
    const res = await importFile(hg, Buffer.from(await wb.xlsx.writeBuffer()), 'notices.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: 'xlsx', created: 1 });
    const list = await hg.get(`/api/v1/foreign-notifications?batchId=${res.json().batchId}`);
    expect(list.json().items[0]).toMatchObject({ countryCode: 'USA', notifiedOn: '2026-03-10', reference: 'CPSC-26-150', countryName: { zh: '美国' } });
  });

  it('refuses a workbook whose entries inflate beyond what they declare, writing nothing', async () => {
    const before = await tally();
    const res = await importFile(hg, lyingZip(), 'bomb.xlsx');
    expect(res.statusCode).toBe(415);
    expect(res.json().detailZh).toContain('工作簿被拒绝');
    expect(await tally()).toEqual(before);
  });

  it('serves the template, which imports back as an empty file', async () => {
    const csv = await hg.get('/api/v1/foreign-notifications/template?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.replace('\uFEFF', '').trim()).toBe(HEADER);
    const xlsx = await hg.get('/api/v1/foreign-notifications/template?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const back = await importFile(hg, xlsx.rawPayload, 't.xlsx');
    expect(back.statusCode).toBe(400);
    expect(back.json().errors[0]).toMatchObject({ code: 'empty_file' });
  });
});

describe('match review', () => {
  it('confirms a proposal (related_return link on the record), refuses deciding twice, rejects another', async () => {
    const iron = batch.items[0]!;
    const items = (await hg.get(`/api/v1/foreign-notifications/${iron.notificationId}/matches`)).json().items as { id: number; exportReturn: { id: string } }[];
    const mine = items.find((m) => m.exportReturn.id === ironReturn.id)!;
    const ok = await hg.post(`/api/v1/foreign-notifications/matches/${mine.id}/confirm`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', decidedBy: 'hg.officer' });
    const links = await t.db.db.select().from(riskInfoLinks)
      .where(and(eq(riskInfoLinks.riskInfoId, iron.riskInfo!.id), eq(riskInfoLinks.kind, 'related_return')));
    expect(links).toEqual([expect.objectContaining({ exportReturnId: ironReturn.id, foreignNotificationId: iron.notificationId })]);
    expect((await hg.post(`/api/v1/foreign-notifications/matches/${mine.id}/reject`)).statusCode).toBe(409);
    const view = (await hg.get(`/api/v1/risk-info/${iron.riskInfo!.id}`)).json();
    expect(view).toMatchObject({ source: 'foreign_notification', factors: { foreignOfficial: true } });
    expect(view.links).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'related_return', exportReturn: expect.objectContaining({ id: ironReturn.id }), foreignNotificationId: iron.notificationId }),
    ]));

    const other = items.find((m) => m.id !== mine.id);
    if (other) {
      const rej = await sk.post(`/api/v1/foreign-notifications/matches/${other.id}/reject`);
      expect(rej.json()).toMatchObject({ status: 'rejected' });
    }
    const list = (await hg.get(`/api/v1/foreign-notifications?batchId=${batch.batchId}`)).json();
    expect(list.items.find((n: { id: string }) => n.id === iron.notificationId).matches.confirmed).toBe(1);
    const audits = await t.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'foreign_notification.match.confirm'), eq(auditLog.objectId, String(mine.id))));
    expect(audits).toHaveLength(1);
  });

  it('another jurisdiction sees nothing: 404 on matches and decisions, an empty list', async () => {
    const iron = batch.items[0]!;
    const [m] = await t.db.db.select().from(notificationMatches).where(eq(notificationMatches.notificationId, iron.notificationId));
    expect((await bj.get(`/api/v1/foreign-notifications/${iron.notificationId}/matches`)).statusCode).toBe(404);
    expect((await bj.post(`/api/v1/foreign-notifications/matches/${m!.id}/confirm`)).statusCode).toBe(404);
    expect((await bj.get('/api/v1/foreign-notifications')).json().total).toBe(0);
  });

  it('refuses users without risk_info.collect', async () => {
    const ent = await loginAs(t.app, 'ent.huaxin');
    expect((await ent.get('/api/v1/foreign-notifications')).statusCode).toBe(403);
    expect((await importFile(ent, GOOD)).statusCode).toBe(403);
  });
});
