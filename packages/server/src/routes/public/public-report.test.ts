import { auditLog, count, eq, publicReports, riskInfoFiles, riskInfos, settings } from '@returntrace/db';
import { idCardCheckChar } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../test/export-return-fixture';
import { demoOrg } from '../../test/factories/risk-info';
import { Client, createTestApp, loginAs, type TestApp } from '../../test/helpers';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 jpeg body')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.from('webp body')]);

let t: TestApp;
let hgId: string;
let seq = 100;

/** A fresh valid identity number (GB 11643 check character computed). */
function idNumber(): string {
  const first17 = `11010519900101${String(seq++).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

const reportOf = (over: Record<string, unknown> = {}) => ({
  reporterName: '王小明', idNumber: idNumber(), phone: '13800138000', email: 'wang@example.com', officeId: hgId,
  productName: '蒸汽电熨斗', brandOrEnterprise: '华信', whereSeen: '深圳华强北某商铺', countryCode: 'USA',
  description: '从美国退回后在国内商铺销售，使用时插头发热冒烟。', consent: true, ...over,
});

function send(c: Client, report: unknown, pictures: { fileName: string; content: Buffer }[] = [], ip = '203.0.113.1') {
  const body = multipart([
    { name: 'report', content: typeof report === 'string' ? report : JSON.stringify(report) },
    ...pictures.map((p) => ({ name: 'pictures', fileName: p.fileName, content: p.content, contentType: 'image/jpeg' })),
  ]);
  return c.request({ method: 'POST', url: '/api/v1/public/reports', payload: body.payload, headers: body.headers, remoteAddress: ip });
}

const n = async (table: typeof riskInfos | typeof publicReports | typeof riskInfoFiles) =>
  Number((await t.db.db.select({ n: count() }).from(table))[0]!.n);
const counts = async () => ({ records: await n(riskInfos), reports: await n(publicReports), files: await n(riskInfoFiles) });

beforeAll(async () => {
  t = await createTestApp();
  hgId = (await demoOrg(t.db.db, 'hg')).id;
});
afterAll(async () => t?.close());

describe('public report', () => {
  it('lists the offices without login', async () => {
    const res = await new Client(t.app).get('/api/v1/public/offices');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; kind: string }[];
    expect(items.some((o) => o.id === hgId && o.kind === 'sub_customs')).toBe(true);
    expect(items.every((o) => o.kind === 'direct_customs' || o.kind === 'sub_customs')).toBe(true);
    const countries = (await new Client(t.app).get('/api/v1/public/countries')).json().items as { code: string; zh: string }[];
    expect(countries).toContainEqual(expect.objectContaining({ code: 'USA', zh: '美国' }));
  });

  it('accepts a valid report without login: a public_report record of the office, pictures, encrypted identity, tracking', async () => {
    const anon = new Client(t.app);
    const report = reportOf();
    const res = await send(anon, report, [{ fileName: '现场.jpg', content: JPEG }, { fileName: 'label.webp', content: WEBP }], '203.0.113.9');
    expect(res.statusCode).toBe(201);
    const { trackingCode } = res.json();
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const [stored] = await t.db.db.select().from(publicReports).where(eq(publicReports.ip, '203.0.113.9'));
    expect(stored!.idNumberEnc).not.toContain(report.idNumber);
    expect(stored!.idNumberMasked).toBe(`${report.idNumber.slice(0, 3)}***********${report.idNumber.slice(-4)}`);
    expect(stored!.trackingCodeDigest).not.toContain(trackingCode.replace(/-/g, ''));
    const [rec] = await t.db.db.select().from(riskInfos).where(eq(riskInfos.id, stored!.riskInfoId));
    expect(rec).toMatchObject({ source: 'public_report', officeId: hgId, state: 'collected', collectorId: null, countryCode: 'USA' });
    expect(rec!.description).not.toContain(report.idNumber);
    const files = await t.db.db.select().from(riskInfoFiles).where(eq(riskInfoFiles.riskInfoId, rec!.id));
    expect(files.map((f) => f.mediaType).sort()).toEqual(['image/jpeg', 'image/webp']);
    const [audit] = await t.db.db.select().from(auditLog).where(eq(auditLog.objectId, rec!.id));
    expect(audit).toMatchObject({ action: 'risk_info.create', userId: null, clientIp: '203.0.113.9' });

    // officers of the office see it with its pictures; another jurisdiction does not
    const hgOfficer = await loginAs(t.app, 'hg.officer');
    const view = await hgOfficer.get(`/api/v1/risk-info/${rec!.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ source: 'public_report', office: { id: hgId } });
    expect(view.json().files).toHaveLength(2);
    expect((await (await loginAs(t.app, 'bj.officer')).get(`/api/v1/risk-info/${rec!.id}`)).statusCode).toBe(404);

    // the tracking page: lower case and without dashes works too; nothing personal comes back
    const track = await anon.get(`/api/v1/public/reports/${trackingCode.toLowerCase().replace(/-/g, '')}`);
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ status: 'received', label: { zh: '已受理登记' }, office: { zh: '皇岗海关' } });
    expect(track.body).not.toContain('王小明');

    await t.db.db.update(riskInfos).set({ state: 'investigating' }).where(eq(riskInfos.id, rec!.id));
    expect((await anon.get(`/api/v1/public/reports/${trackingCode}`)).json().status).toBe('investigating');
    expect((await anon.get('/api/v1/public/reports/ABCD-EFGH-JKMN')).statusCode).toBe(404);
    expect((await anon.get('/api/v1/public/reports/not-a-code')).statusCode).toBe(404);
  });

  it.each([
    ['an invalid identity check character', { idNumber: '110105199001011230' }, 'idNumber', 'id_card_check'],
    ['HTML in the description', { description: '请看 <script>alert(1)</script> 这个产品有问题' }, 'description', 'markup_not_allowed'],
    ['a bad phone number', { phone: '12345' }, 'phone', 'phone_format'],
    ['no consent', { consent: false }, 'consent', 'consent_required'],
    ['an unknown office', { officeId: '00000000-0000-4000-8000-000000000000' }, 'officeId', 'not_customs_office'],
  ])('refuses %s with a field error and writes nothing', async (_what, over, field, code) => {
    const before = await counts();
    const res = await send(new Client(t.app), reportOf(over), [], '198.51.100.7');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await counts()).toEqual(before);
  });

  it('refuses a 10 MB picture naming the file, and a disguised picture, writing nothing', async () => {
    const before = await counts();
    const big = Buffer.concat([JPEG, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await send(new Client(t.app), reportOf(), [{ fileName: 'ok.jpg', content: JPEG }, { fileName: '大图.jpg', content: big }], '198.51.100.8');
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0]).toMatchObject({ field: 'pictures.1', code: 'file_too_large' });
    expect(res.json().errors[0].messageZh).toContain('大图.jpg');

    const svg = await send(new Client(t.app), reportOf(), [{ fileName: 'x.jpg', content: Buffer.from('<svg onload=alert(1)></svg>') }], '198.51.100.8');
    expect(svg.statusCode).toBe(400);
    expect(svg.json().errors[0]).toMatchObject({ field: 'pictures.0', code: 'file_type_not_allowed' });
    expect(await counts()).toEqual(before);
  });

  it('is described in OpenAPI as needing no session', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/public/reports'].post.security).toEqual([]);
    expect(doc.paths['/api/v1/public/reports/{trackingCode}'].get.security).toEqual([]);
    expect(doc.paths['/api/v1/foreign-notifications/import'].post.security).toBeUndefined();
  });

  it('refuses a POST without the CSRF double-submit token', async () => {
    const before = await counts();
    const body = multipart([{ name: 'report', content: JSON.stringify(reportOf()) }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: body.payload, headers: body.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('urn:returntrace:problem:csrf');
    expect(await counts()).toEqual(before);
  });
});

describe('rate limits', () => {
  it('refuses the 11th report in an hour from one address with 429 and Retry-After, writing nothing; the window moves with the clock', async () => {
    const ip = '192.0.2.50';
    const c = new Client(t.app);
    for (let i = 0; i < 10; i++) expect((await send(c, reportOf(), [], ip)).statusCode).toBe(201);
    const before = await counts();
    const res = await send(c, reportOf(), [], ip);
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBe(3600);
    expect(res.json().detailZh).toContain('每小时最多提交 10 件');
    expect(await counts()).toEqual(before);
    // another address is not affected
    expect((await send(c, reportOf(), [], '192.0.2.51')).statusCode).toBe(201);

    t.clock.advance(30 * 60_000);
    expect(Number((await send(c, reportOf(), [], ip)).headers['retry-after'])).toBe(1800);
    t.clock.advance(30 * 60_000 + 1000);
    expect((await send(c, reportOf(), [], ip)).statusCode).toBe(201);
  });

  it('allows 3 reports a day per identity number, whatever the address; the limits are a setting', async () => {
    const c = new Client(t.app);
    const id = idNumber();
    for (let i = 0; i < 3; i++) expect((await send(c, reportOf({ idNumber: id }), [], `192.0.2.${60 + i}`)).statusCode).toBe(201);
    const res = await send(c, reportOf({ idNumber: id }), [], '192.0.2.70');
    expect(res.statusCode).toBe(429);
    expect(res.json().detailZh).toContain('同一身份证号码每天最多提交 3 件');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(23 * 3600);

    const admin = await loginAs(t.app, 'gacc.admin');
    const put = await admin.put('/api/v1/settings/public-reports', { perAddressPerHour: 10, perIdentityPerDay: 4 });
    expect(put.statusCode).toBe(200);
    expect((await send(c, reportOf({ idNumber: id }), [], '192.0.2.71')).statusCode).toBe(201);
    expect((await send(c, reportOf({ idNumber: id }), [], '192.0.2.72')).statusCode).toBe(429);
    await t.db.db.delete(settings).where(eq(settings.key, 'public_reports.limits'));
  });
});
