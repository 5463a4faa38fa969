import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, loginAs, type TestApp } from '../../test/helpers';

let t: TestApp;
let admin: Client;
let orgs: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'sz.admin');
  orgs = Object.fromEntries((await admin.get('/api/v1/orgs?pageSize=100')).json().items.map((o: { code: string; id: string }) => [o.code, o.id]));
});
afterAll(async () => { await t.close(); });

const userCount = async () => (await admin.get('/api/v1/users?pageSize=1')).json().total as number;

describe('users', () => {
  it('creates a user who can log in, and audits it', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'hg.officer2', displayName: '李明', orgId: orgs['5301'], roles: ['customs_officer'], password: 'Strong-Passw0rd-2026',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().roles).toEqual(['customs_officer']);
    expect((await new Client(t.app).login('hg.officer2', 'Strong-Passw0rd-2026')).statusCode).toBe(200);
  });

  it.each([
    ['weak password', { password: 'alllowercaseletters' }, 'password'],
    ['short password', { password: 'Ab1!' }, 'password'],
    ['password equal to the user name', { username: 'strong.name-2026x', password: 'Strong.Name-2026X' }, 'password'],
    ['bad user name', { username: 'Bad Name' }, 'username'],
    ['no roles', { roles: [] }, 'roles'],
    ['unknown role', { roles: ['root'] }, 'roles'],
    ['role not allowed for an enterprise', { orgId: 'ENT', roles: ['customs_auditor'] }, 'roles'],
    ['unknown field', { isAdmin: true }, 'isAdmin'],
    ['organisation outside the jurisdiction', { orgId: 'BJ' }, 'orgId'],
  ])('refuses %s with a 4xx naming the field', async (_n, patch, field) => {
    const body: Record<string, unknown> = { username: 'new.user', displayName: '王芳', orgId: orgs['5316'], roles: ['customs_auditor'], password: 'Strong-Passw0rd-2026', ...patch };
    if (body.orgId === 'ENT') body.orgId = (await admin.get('/api/v1/orgs?kind=enterprise')).json().items[0].id;
    if (body.orgId === 'BJ') body.orgId = (await loginAs(t.app, 'gacc.admin').then((g) => g.get('/api/v1/orgs?q=北京海关'))).json().items[0].id;
    const before = await userCount();
    const res = await admin.post('/api/v1/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field.split('.')[0])).toContain(field);
    expect(await userCount()).toBe(before);
  });

  it('refuses a taken user name with 409', async () => {
    const res = await admin.post('/api/v1/users', { username: 'hg.auditor', displayName: 'x', orgId: orgs['5301'], roles: ['customs_auditor'], password: 'Strong-Passw0rd-2026' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('username');
  });

  it('deactivating a user ends her sessions; unlocking clears a lock', async () => {
    const victim = await loginAs(t.app, 'sk.investigator');
    const id = (await admin.get('/api/v1/users?q=sk.investigator')).json().items[0].id;
    expect((await admin.patch(`/api/v1/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await victim.get('/api/v1/me/activity')).statusCode).toBe(401);
    expect((await new Client(t.app).login('sk.investigator')).statusCode).toBe(401);
    await admin.patch(`/api/v1/users/${id}`, { active: true });

    const c = new Client(t.app);
    for (let i = 0; i < 5; i++) await c.login('sk.investigator', `nope-${i}-Password`);
    expect((await admin.get(`/api/v1/users/${id}`)).json().lockedUntil).not.toBeNull();
    expect((await c.login('sk.investigator')).statusCode).toBe(423);
    expect((await admin.post(`/api/v1/users/${id}/unlock`)).statusCode).toBe(200);
    expect((await c.login('sk.investigator')).statusCode).toBe(200);
  });

  it('an administrator cannot lock herself out', async () => {
    const me = (await admin.get('/api/v1/session')).json().user.id;
    const res = await admin.patch(`/api/v1/users/${me}`, { active: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('active');
  });
});
