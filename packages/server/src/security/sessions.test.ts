import { queryRows, sql } from '@returntrace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { Client, createTestApp, loginAs, type TestApp } from '../test/helpers';
import { SESSION_TOUCH_INTERVAL_MS, SessionActivity } from './sessions';

// Reads are kept cheap (the idle window is written at most once a minute, settings are cached); these tests pin down
// that no security property was traded for it: the idle limit is exact, revocation and deactivation are immediate.

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const MIN = 60_000;
const IDLE = 30 * MIN;

const storedSession = async (c: Client) => {
  const [row] = await queryRows<{ last_seen_at: string | Date; revoked_at: string | Date | null }>(t.db.db,
    sql`SELECT last_seen_at, revoked_at FROM sessions WHERE csrf_token = ${c.cookies.rt_csrf}`);
  return { lastSeenAt: new Date(row!.last_seen_at).getTime(), revokedAt: row!.revoked_at === null ? null : new Date(row!.revoked_at).getTime() };
};

const userId = async (admin: Client, username: string): Promise<string> => {
  const res = await admin.get(`/api/v1/users?q=${username}&pageSize=5`);
  const u = (res.json().items as { id: string; username: string }[]).find((x) => x.username === username);
  if (!u) throw new Error(`no user ${username}`);
  return u.id;
};

/** Statements sent to the database while `run` runs, on either driver. */
async function countStatements<T>(run: () => Promise<T>): Promise<{ result: T; count: number }> {
  const target = (t.db.pglite ?? t.db.pool) as unknown as Record<string, (...args: unknown[]) => unknown>;
  const methods = t.db.pglite ? ['query', 'exec'] : ['query'];
  const originals = methods.map((m) => [m, target[m]!] as const);
  let count = 0;
  for (const [m, original] of originals) {
    target[m] = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
  }
  try {
    return { result: await run(), count };
  } finally {
    for (const [m, original] of originals) target[m] = original;
  }
}

describe('idle limit with throttled writes', () => {
  it('writes last_seen_at at most once a minute yet measures 30 idle minutes from the latest request exactly', async () => {
    const c = await loginAs(t.app, 'sk.officer');
    const loginAt = t.clock.now().getTime();
    expect((await storedSession(c)).lastSeenAt).toBe(loginAt);

    // requests within the minute are not written
    for (let i = 0; i < 5; i++) {
      t.clock.advance(10_000);
      expect((await c.get('/api/v1/session')).statusCode).toBe(200);
    }
    expect((await storedSession(c)).lastSeenAt).toBe(loginAt);
    const lastRequestAt = t.clock.now().getTime(); // 50 s after login, only in memory

    // exactly 30 minutes after the latest request: still valid (the stored time alone would be 30 min 50 s ago)
    t.clock.set(new Date(lastRequestAt + IDLE));
    expect((await c.get('/api/v1/session')).statusCode).toBe(200);
    expect((await storedSession(c)).lastSeenAt).toBe(lastRequestAt + IDLE); // due, so written

    // one millisecond over the limit: expired, revoked in the database and audited
    t.clock.advance(IDLE + 1);
    const res = await c.get('/api/v1/me/activity');
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe('urn:returntrace:problem:session_expired');
    expect((await storedSession(c)).revokedAt).toBe(t.clock.now().getTime());
    t.clock.advance(1000);
    expect((await c.get('/api/v1/me/activity')).statusCode).toBe(401); // and stays so
  });

  it('another server on the same database only sees the stored time: it may end a session early, never late', async () => {
    const other = await buildApp({ db: t.db.db, driver: t.db.driver, clock: t.clock, config: t.config });
    try {
      const c = await loginAs(t.app, 'sk.auditor');
      t.clock.advance(30_000);
      expect((await c.get('/api/v1/session')).statusCode).toBe(200); // seen by the first server only
      const cookies = { rt_session: c.cookies.rt_session! };
      t.clock.advance(IDLE - 20_000); // 30 min 10 s after the stored time, 29 min 40 s after the latest request
      expect((await other.inject({ url: '/api/v1/session', cookies })).statusCode).toBe(401);
      expect((await c.get('/api/v1/session')).statusCode).toBe(401); // the early end was a revocation for both
    } finally {
      await other.close();
    }
  });

  it('forgets activity older than the idle limit, so memory stays bounded by the active sessions', () => {
    const a = new SessionActivity(IDLE);
    for (let i = 0; i < 5000; i++) a.record(`s${i}`, new Date(i));
    expect(a.size).toBeLessThanOrEqual(5000);
    const later = new Date(5000 + IDLE + 1);
    for (let i = 0; i < 5000; i++) a.record(`t${i}`, later);
    expect(a.size).toBeLessThan(10_000);
    expect(a.lastSeen('s1', new Date(0)).getTime()).toBe(0); // forgotten: the stored time is used
    expect(a.lastSeen('t1', new Date(0)).getTime()).toBe(later.getTime());
    expect(a.lastSeen('t1', new Date(later.getTime() + 5)).getTime()).toBe(later.getTime() + 5); // the later one wins
    expect(SESSION_TOUCH_INTERVAL_MS).toBeLessThanOrEqual(MIN);
  });
});

describe('revocation takes effect on the very next request', () => {
  it('logout, with no time passing', async () => {
    const c = await loginAs(t.app, 'sk.investigator');
    const stolen = { rt_session: c.cookies.rt_session! };
    expect((await t.app.inject({ url: '/api/v1/session', cookies: stolen })).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/session', cookies: stolen })).statusCode).toBe(401);
  });

  it('an administrator deactivating the user or changing her roles ends her sessions at once', async () => {
    const admin = await loginAs(t.app, 'sz.admin');
    const id = await userId(admin, 'sk.warning');
    const c = await loginAs(t.app, 'sk.warning');
    expect((await c.get('/api/v1/session')).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { active: false })).statusCode).toBe(200);
    expect((await c.get('/api/v1/session')).statusCode).toBe(401);
    expect((await admin.patch(`/api/v1/users/${id}`, { active: true })).statusCode).toBe(200);

    const d = await loginAs(t.app, 'sk.warning');
    expect((await d.get('/api/v1/session')).json().roles).toEqual(['warning_office']);
    expect((await admin.patch(`/api/v1/users/${id}`, { roles: ['warning_office', 'investigator'] })).statusCode).toBe(200);
    expect((await d.get('/api/v1/session')).statusCode).toBe(401);
    const e = await loginAs(t.app, 'sk.warning');
    expect((await e.get('/api/v1/session')).json().roles).toEqual(['warning_office', 'investigator']);
  });
});

describe('GET /session', () => {
  it('answers from the one session query: profile, organisation, stage, previous login', async () => {
    const first = await loginAs(t.app, 'ent.qianhai');
    const firstAt = t.clock.now().toISOString();
    t.clock.advance(5 * MIN);
    const second = await loginAs(t.app, 'ent.qianhai');
    const info = (await second.get('/api/v1/session')).json();
    expect(info.user).toMatchObject({ username: 'ent.qianhai', lastLoginAt: t.clock.now().toISOString(), previousLoginAt: firstAt });
    expect(info.org.kind).toBe('enterprise');
    expect(info.org.code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    expect(info.stage).toBe('active');
    expect(info.permissions.length).toBeGreaterThan(0);
    expect(info.csrfToken).toBe(second.cookies.rt_csrf);
    expect(info.idleExpiresAt).toBe(new Date(t.clock.now().getTime() + IDLE).toISOString());
    expect((await first.get('/api/v1/session')).statusCode).toBe(200); // a second login does not end the first

    expect((await second.put('/api/v1/me/preferences', { locale: 'en' })).statusCode).toBe(200);
    expect((await second.get('/api/v1/session')).json().user.locale).toBe('en');
    expect((await first.get('/api/v1/session')).json().user.locale).toBe('en'); // follows the user, not the session
  });

  it('costs one statement: no write within the minute, no second read of the user, settings from the cache', async () => {
    const c = await loginAs(t.app, 'ent.tianzhu');
    expect((await c.get('/api/v1/session')).statusCode).toBe(200); // warms the settings cache
    t.clock.advance(10_000);
    const statements = await countStatements(() => c.get('/api/v1/session'));
    expect(statements.result.statusCode).toBe(200);
    expect(statements.count).toBe(1);
    t.clock.advance(SESSION_TOUCH_INTERVAL_MS);
    const due = await countStatements(() => c.get('/api/v1/session'));
    expect(due.count).toBe(2); // the lookup and the throttled last_seen_at write
  });

  it('shows a change of the security settings at once (the cached settings are dropped on change)', async () => {
    const admin = await loginAs(t.app, 'gacc.admin');
    const officer = await loginAs(t.app, 'sz.officer');
    expect((await officer.get('/api/v1/session')).json().mfa).toEqual({ enrolled: false, required: false });
    expect((await admin.put('/api/v1/settings/security', { mfaRequiredForCustoms: true })).statusCode).toBe(200);
    try {
      expect((await officer.get('/api/v1/session')).json().mfa).toEqual({ enrolled: false, required: true });
      expect((await new Client(t.app).login('sz.auditor')).json()).toEqual({ status: 'mfa_enrolment_required' });
    } finally {
      expect((await admin.put('/api/v1/settings/security', { mfaRequiredForCustoms: false })).statusCode).toBe(200);
    }
    expect((await officer.get('/api/v1/session')).json().mfa.required).toBe(false);
    expect((await new Client(t.app).login('sz.auditor')).json()).toEqual({ status: 'ok' });
  });
});
