import { sql } from '@returntrace/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, createTestApp, type TestApp } from '../test/helpers';
import { auditHash, canonicalJson, GENESIS_HASH, verifyAuditChain } from './audit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // a little history: logins, a failed login, a settings change
  const admin = await loginAs(t.app, 'gacc.admin');
  await loginAs(t.app, 'sz.officer');
  await admin.put('/api/v1/settings/security', { mfaRequiredForCustoms: false });
  await (await loginAs(t.app, 'bj.officer')).post('/api/v1/auth/logout');
});
afterAll(async () => { await t.close(); });

/** Runs SQL as the database owner, bypassing the application role (only a test may tamper). */
async function asOwner(statement: string): Promise<void> {
  if (t.db.pglite) {
    await t.db.pglite.exec(statement);
    return;
  }
  const c = new pg.Client({ connectionString: t.db.url });
  await c.connect();
  try { await c.query(statement); } finally { await c.end(); }
}

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: [{ d: 2, c: 3 }] }, '{"a":[{"c":3,"d":2}],"b":1}'],
    [{ x: undefined, y: null }, '{"y":null}'],
    ['中文', '"中文"'],
  ])('%j → %s', (value, expected) => expect(canonicalJson(value)).toBe(expected));
});

describe('audit chain', () => {
  it('records logins, logout and state changes with the actor and client address', async () => {
    const admin = await loginAs(t.app, 'gacc.admin');
    const res = await admin.get('/api/v1/audit?pageSize=200');
    const actions = res.json().items.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['login.success', 'logout', 'settings.security.update', 'system.seed']));
    const row = res.json().items.find((r: { action: string }) => r.action === 'settings.security.update');
    expect(row.username).toBe('gacc.admin');
    expect(row.clientIp).toBe('127.0.0.1');
  });

  it('verifies an intact chain over the API', async () => {
    const admin = await loginAs(t.app, 'gacc.admin');
    const res = await admin.post('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, firstBrokenId: null });
    expect(res.json().checked).toBeGreaterThan(5);
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(t.db.db.execute(sql`UPDATE audit_log SET result = 'x' WHERE id = 1`)).rejects.toThrow();
    await expect(t.db.db.execute(sql`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow();
    await expect(t.db.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
  });

  it('names the first altered row, a removed row and a removed tail', async () => {
    const ids = (await t.db.db.execute(sql`SELECT id FROM audit_log ORDER BY id`) as unknown as { rows: { id: number | string }[] }).rows.map((r) => Number(r.id));
    expect(ids.length).toBeGreaterThan(6);
    await asOwner('ALTER TABLE audit_log DISABLE TRIGGER USER');
    try {
      await asOwner(`UPDATE audit_log SET result = 'success', detail = '{"forged":true}' WHERE id = ${ids[3]}`);
      let report = await verifyAuditChain(t.db.db);
      expect(report).toMatchObject({ ok: false, firstBrokenId: ids[3] });
      expect(report.reason).toContain('altered');

      await asOwner(`DELETE FROM audit_log WHERE id = ${ids[3]}`);
      report = await verifyAuditChain(t.db.db);
      expect(report).toMatchObject({ ok: false, firstBrokenId: ids[4] });
      expect(report.reason).toContain('removed');

      // restore a consistent chain without the removed row, then cut the tail
      await asOwner(`DELETE FROM audit_log WHERE id >= ${ids[3]}`);
      report = await verifyAuditChain(t.db.db);
      expect(report.ok).toBe(false);
      expect(report.reason).toContain('removed');
    } finally {
      await asOwner('ALTER TABLE audit_log ENABLE TRIGGER USER');
    }
  });

  it('hashes each row over its predecessor', () => {
    const e = {
      at: new Date('2026-01-01T00:00:00Z'), userId: null, username: 'u', orgId: null, orgPath: '', action: 'a',
      objectType: '', objectId: '', result: 'success' as const, clientIp: '', detail: {},
    };
    expect(auditHash(GENESIS_HASH, e)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, e)).not.toBe(auditHash('1'.repeat(64), e));
  });
});
