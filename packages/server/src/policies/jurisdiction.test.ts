import { DEMO_ORGS, demoUsers } from '@returntrace/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, loginAs, type TestApp } from '../test/helpers';

/**
 * The jurisdiction matrix, written out by hand (not derived from the code under test): which organisations each
 * office's users may see. Customs see their subtree, the General Administration everything, anyone else itself.
 */
const VISIBLE: Record<string, string[]> = {
  gacc: DEMO_ORGS.map((o) => o.slug),
  sz: ['sz', 'hg', 'sk', 'szkjy', 'szscjg', 'huaxin', 'pengcheng', 'qianhai'],
  hg: ['hg', 'huaxin', 'pengcheng'],
  sk: ['sk', 'qianhai'],
  bj: ['bj', 'pek', 'tz', 'jinghua', 'yanjing', 'tianzhu'],
  pek: ['pek', 'jinghua'],
  tz: ['tz', 'yanjing', 'tianzhu'],
  szkjy: ['szkjy'],
  szscjg: ['szscjg'],
  huaxin: ['huaxin'], pengcheng: ['pengcheng'], qianhai: ['qianhai'], jinghua: ['jinghua'], yanjing: ['yanjing'], tianzhu: ['tianzhu'],
};

/** Permissions by role, also by hand: who may call which endpoint at all. */
const ORGS_READ = new Set(['customs_officer', 'customs_auditor', 'investigator', 'warning_office', 'sysadmin']);
const USERS_READ = new Set(['sysadmin']);
const AUDIT_READ = new Set(['warning_office', 'sysadmin']);
const EXPORT_RETURNS_READ = new Set(['enterprise_operator', 'customs_officer', 'customs_auditor', 'investigator', 'warning_office']);
const EXPORT_RETURNS_AUDIT = new Set(['customs_auditor']);
const POLICIES_READ = new Set(['customs_officer', 'customs_auditor', 'investigator', 'warning_office']);
const POLICIES_MANAGE = new Set(['warning_office']);
/** Whose policies (a directly-affiliated customs' own) each office reads: its own, or the one above it. */
const POLICY_READ: Record<string, string[]> = {
  gacc: ['sz', 'bj'], sz: ['sz'], hg: ['sz'], sk: ['sz'], bj: ['bj'], pek: ['bj'], tz: ['bj'],
};
/** … and which it manages: those within its own subtree. */
const POLICY_MANAGE: Record<string, string[]> = { gacc: ['sz', 'bj'], sz: ['sz'], bj: ['bj'] };

let t: TestApp;
const ids: Record<string, string> = {};
const userIds: Record<string, string> = {};
const clients: Record<string, Client> = {};
const users = demoUsers();

beforeAll(async () => {
  t = await createTestApp();
  const gacc = await loginAs(t.app, 'gacc.admin');
  for (const o of (await gacc.get('/api/v1/orgs?pageSize=200')).json().items) {
    const slug = DEMO_ORGS.find((d) => d.code === o.code && d.kind === o.kind)!.slug;
    ids[slug] = o.id;
  }
  for (const u of (await gacc.get('/api/v1/users?pageSize=200')).json().items) userIds[u.username] = u.id;
  for (const u of users) clients[u.username] = await loginAs(t.app, u.username);
}, 240_000);
afterAll(async () => { await t.close(); });

describe('jurisdiction matrix', () => {
  it('covers every role', () => {
    expect(new Set(users.flatMap((u) => u.roles))).toEqual(new Set(['customs_officer', 'customs_auditor', 'investigator', 'warning_office', 'sysadmin', 'risk_assessor', 'enterprise_operator']));
  });

  it.each(users.map((u) => [u.username, u.org, u.roles[0]!] as const))('%s: GET /orgs/:id, GET /orgs, GET /orgs/tree', async (username, org, role) => {
    const c = clients[username]!;
    for (const target of DEMO_ORGS) {
      const res = await c.get(`/api/v1/orgs/${ids[target.slug]}`);
      const expected = !ORGS_READ.has(role) ? 403 : VISIBLE[org]!.includes(target.slug) ? 200 : 404;
      expect(res.statusCode, `${username} → org ${target.slug}`).toBe(expected);
    }
    const list = await c.get('/api/v1/orgs?pageSize=200');
    if (!ORGS_READ.has(role)) return expect(list.statusCode).toBe(403);
    expect(list.json().items.map((o: { id: string }) => o.id).sort()).toEqual(VISIBLE[org]!.map((s) => ids[s]).sort());
    const countTree = (nodes: { children: unknown[] }[]): number => nodes.reduce((n, x) => n + 1 + countTree(x.children as never), 0);
    expect(countTree((await c.get('/api/v1/orgs/tree')).json())).toBe(VISIBLE[org]!.length);
  });

  it.each(users.map((u) => [u.username, u.org, u.roles[0]!] as const))('%s: users and audit endpoints', async (username, org, role) => {
    const c = clients[username]!;
    for (const target of users) {
      const res = await c.get(`/api/v1/users/${userIds[target.username]}`);
      const expected = !USERS_READ.has(role) ? 403 : VISIBLE[org]!.includes(target.org) ? 200 : 404;
      expect(res.statusCode, `${username} → user ${target.username}`).toBe(expected);
    }
    const audit = await c.get('/api/v1/audit?pageSize=200&action=login.success');
    if (!AUDIT_READ.has(role)) return expect(audit.statusCode).toBe(403);
    const seen = new Set(audit.json().items.map((r: { username: string }) => users.find((u) => u.username === r.username)?.org));
    for (const o of seen) expect(VISIBLE[org], `${username} sees audit of ${o}`).toContain(o);
  });

  it.each(users.map((u) => [u.username, u.org, u.roles[0]!] as const))('%s: export-return declarations (enterprise or competent office in scope)', async (username, org, role) => {
    const c = clients[username]!;
    const gacc = clients['gacc.officer']!;
    const rows = (await gacc.get('/api/v1/export-returns?from=2026-02-20&pageSize=200')).json().items as { id: string; enterpriseName: string }[];
    expect(rows.length).toBeGreaterThan(5);
    const visibleIds: string[] = [];
    for (const r of rows) {
      const entSlug = DEMO_ORGS.find((o) => o.nameZh === r.enterpriseName)!.slug;
      const officeCode = (await gacc.get(`/api/v1/export-returns/${r.id}`)).json().competentOffice.code as string;
      const officeSlug = DEMO_ORGS.find((o) => o.code === officeCode && o.kind.endsWith('customs'))!.slug;
      const visible = VISIBLE[org]!.includes(entSlug) || VISIBLE[org]!.includes(officeSlug);
      if (visible) visibleIds.push(r.id);
      const expected = !EXPORT_RETURNS_READ.has(role) ? 403 : visible ? 200 : 404;
      expect((await c.get(`/api/v1/export-returns/${r.id}`)).statusCode, `${username} → ${entSlug}/${officeSlug}`).toBe(expected);
      expect((await c.get(`/api/v1/export-returns/${r.id}/receipts`)).statusCode).toBe(expected);
      // deciding needs the audit permission and the competent office in scope; without If-Match nothing can change
      const decision = await c.post(`/api/v1/export-returns/${r.id}/decision`, { decision: 'approve' });
      const canDecide = VISIBLE[org]!.includes(officeSlug);
      expect(decision.statusCode, `${username} decides ${entSlug}/${officeSlug}`).toBe(!EXPORT_RETURNS_AUDIT.has(role) ? 403 : canDecide ? 428 : 404);
    }
    const list = await c.get('/api/v1/export-returns?from=2026-02-20&pageSize=200');
    if (!EXPORT_RETURNS_READ.has(role)) return expect(list.statusCode).toBe(403);
    expect(list.json().items.map((r: { id: string }) => r.id).sort()).toEqual(visibleIds.sort());
  });

  // versions of a kind + jurisdiction follow each other in time: every draft here takes effect a day after the last
  let draftDay = 0;
  const nextDraftDate = () => new Date(Date.UTC(2027, 0, 1 + draftDay++)).toISOString().slice(0, 10);

  it.each(users.map((u) => [u.username, u.org, u.roles[0]!] as const))('%s: policy versions', async (username, org, role) => {
    const c = clients[username]!;
    const list = await c.get('/api/v1/policies?kind=export_returns.audit');
    if (!POLICIES_READ.has(role)) expect(list.statusCode).toBe(403);
    else expect(list.json().inForce.map((j: { jurisdictionId: string }) => j.jurisdictionId).sort()).toEqual((POLICY_READ[org] ?? []).map((s) => ids[s]).sort());
    for (const target of ['sz', 'bj']) {
      // a draft starting next year changes nothing in force
      const res = await c.post('/api/v1/policies', {
        kind: 'export_returns.audit', jurisdictionId: ids[target], effectiveFrom: nextDraftDate(), note: username,
        body: { rules: {}, overdueDays: 3, overdueUnit: 'working' },
      });
      const expected = !POLICIES_MANAGE.has(role) ? 403 : POLICY_MANAGE[org]?.includes(target) ? 201
        : POLICY_READ[org]?.includes(target) ? 403 : 404;
      expect(res.statusCode, `${username} drafts for ${target}`).toBe(expected);
    }
  });

  it.each(users.filter((u) => u.roles.includes('sysadmin')).map((u) => [u.username, u.org] as const))('%s: writes outside the jurisdiction answer 404 and change nothing', async (username, org) => {
    const c = clients[username]!;
    for (const target of DEMO_ORGS) {
      const before = (await clients['gacc.admin']!.get(`/api/v1/orgs/${ids[target.slug]}`)).json();
      const res = await c.patch(`/api/v1/orgs/${ids[target.slug]}`, { contact: `${username}` });
      const visible = VISIBLE[org]!.includes(target.slug);
      expect(res.statusCode, `${username} patches ${target.slug}`).toBe(visible ? 200 : 404);
      if (!visible) expect((await clients['gacc.admin']!.get(`/api/v1/orgs/${ids[target.slug]}`)).json().version).toBe(before.version);
      const unlock = await c.post(`/api/v1/users/${userIds[users.find((u) => u.org === target.slug)!.username]}/unlock`);
      expect(unlock.statusCode).toBe(visible ? 200 : 404);
    }
  });

  it('national settings and reference-data editing belong to the General Administration only', async () => {
    expect((await clients['gacc.admin']!.get('/api/v1/settings/security')).statusCode).toBe(200);
    expect((await clients['sz.admin']!.get('/api/v1/settings/security')).statusCode).toBe(403);
    expect((await clients['ent.huaxin']!.put('/api/v1/settings/security', { mfaRequiredForCustoms: true })).statusCode).toBe(403);
    const perms = (u: string) => clients[u]!.get('/api/v1/session').then((r) => r.json().permissions as string[]);
    expect(await perms('gacc.admin')).toContain('refdata.manage');
    expect(await perms('sz.admin')).not.toContain('refdata.manage');
    expect(await perms('ent.huaxin')).toEqual(['customs_feed.read', 'export_returns.declare', 'export_returns.read', 'investigations.respond', 'refdata.read']);
  });

  it('an anonymous caller gets 401 everywhere but health, csrf and login', async () => {
    const anon = new Client(t.app);
    for (const url of ['/api/v1/orgs', `/api/v1/orgs/${ids.sz}`, '/api/v1/users', '/api/v1/audit', '/api/v1/session', '/api/v1/me/activity', '/api/v1/settings/security']) {
      expect((await anon.get(url)).statusCode, url).toBe(401);
    }
    expect((await anon.get('/api/v1/health')).statusCode).toBe(200);
  });
});
