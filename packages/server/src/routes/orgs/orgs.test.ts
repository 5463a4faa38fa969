import { makeCreditCode } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

let t: TestApp;
let admin: Client;
let hgId: string;
const good = makeCreditCode('91440300MA5H7K2N3');

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'sz.admin');
  hgId = (await admin.get('/api/v1/orgs?q=皇岗')).json().items[0].id;
});
afterAll(async () => { await t.close(); });

const enterprise = (code: string) => ({
  kind: 'enterprise', code, customsCode: '4403161999', parentId: hgId, nameZh: '深圳新创电子有限公司', nameEn: 'Xinchuang', divisionCode: '440304',
});
const orgCount = async () => (await admin.get('/api/v1/orgs?pageSize=1')).json().total as number;

describe('organisations', () => {
  const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  it.each([
    ['wrong check character', wrongCheck],
    ['lowercase letters', good.toLowerCase()],
    ['letter I', `${good.slice(0, 8)}I${good.slice(9)}`],
    ['letter O', `${good.slice(0, 8)}O${good.slice(9)}`],
    ['letter Z', `${good.slice(0, 8)}Z${good.slice(9)}`],
    ['letter S', `${good.slice(0, 8)}S${good.slice(9)}`],
    ['letter V', `${good.slice(0, 8)}V${good.slice(9)}`],
    ['17 characters', good.slice(0, 17)],
    ['19 characters', `${good}1`],
  ])('refuses a credit code with %s, naming the field, writing nothing', async (_name, code) => {
    const before = await orgCount();
    const res = await admin.post('/api/v1/orgs', enterprise(code));
    expect(res.statusCode).toBe(400);
    const err = res.json().errors.find((e: { field: string }) => e.field === 'code');
    expect(err, JSON.stringify(res.json())).toBeTruthy();
    expect(err.messageZh).toMatch(/[\u4e00-\u9fa5]/);
    expect(err.message).toMatch(/[a-z]/i);
    expect(await orgCount()).toBe(before);
  });

  it('creates an enterprise under a subordinate office, audits it, and refuses the same code twice', async () => {
    const res = await admin.post('/api/v1/orgs', enterprise(good));
    expect(res.statusCode).toBe(201);
    expect(res.json().path).toMatch(new RegExp(`${hgId}/${res.json().id}/$`));
    expect((await admin.post('/api/v1/orgs', enterprise(good))).statusCode).toBe(409);
    const audit = (await admin.get(`/api/v1/audit?objectType=organisation&objectId=${res.json().id}`)).json();
    expect(audit.items[0].action).toBe('org.create');
  });

  it('refuses a parent of the wrong kind and a missing customs code', async () => {
    const szId = (await admin.get('/api/v1/orgs?kind=direct_customs')).json().items[0].id;
    const sub = await admin.post('/api/v1/orgs', { kind: 'sub_customs', code: '5399', parentId: hgId, nameZh: '测试海关' });
    expect(sub.statusCode).toBe(400);
    expect(sub.json().errors[0].field).toBe('parentId');
    const noCustoms = await admin.post('/api/v1/orgs', { ...enterprise(makeCreditCode('91440300MA5J8L3P4')), customsCode: undefined, parentId: szId });
    expect(noCustoms.statusCode).toBe(400);
    expect(noCustoms.json().errors[0].field).toBe('customsCode');
  });

  it('edits with If-Match and answers 412 to a stale version', async () => {
    const org = (await admin.get(`/api/v1/orgs/${hgId}`)).json();
    const ok = await admin.patch(`/api/v1/orgs/${hgId}`, { phone: '0755-83000000' }, { 'if-match': `"${org.version}"` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`"${org.version + 1}"`);
    const stale = await admin.patch(`/api/v1/orgs/${hgId}`, { phone: '0755-83000001' }, { 'if-match': `"${org.version}"` });
    expect(stale.statusCode).toBe(412);
    expect((await admin.get(`/api/v1/orgs/${hgId}`)).json().phone).toBe('0755-83000000');
  });

  it('shows the organisation detail with its children and users', async () => {
    const res = await admin.get(`/api/v1/orgs/${hgId}`);
    expect(res.json().children.length).toBeGreaterThanOrEqual(2);
    expect(res.json().users.map((u: { username: string }) => u.username)).toContain('hg.officer');
  });
});
