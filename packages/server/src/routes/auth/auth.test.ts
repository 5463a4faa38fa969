import { totpCode } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, DEMO_PASSWORD, loginAs, type TestApp } from '../../test/helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const auditCount = async (action: string) => {
  const admin = await loginAs(t.app, 'gacc.admin');
  const res = await admin.get(`/api/v1/audit?action=${action}&pageSize=200`);
  return res.json().total as number;
};

describe('login', () => {
  it('logs in with the right password and sets HttpOnly SameSite=Strict cookies', async () => {
    const c = new Client(t.app);
    const res = await c.login('ent.huaxin');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    const session = res.cookies.find((k) => k.name === 'rt_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    const info = await c.get('/api/v1/session');
    expect(info.statusCode).toBe(200);
    expect(info.json().user.username).toBe('ent.huaxin');
    expect(info.json().roles).toEqual(['enterprise_operator']);
    expect(info.json().stage).toBe('active');
  });

  it('shows the previous login so a user notices one that was not hers', async () => {
    const first = await loginAs(t.app, 'pek.auditor');
    const firstAt = (await first.get('/api/v1/session')).json().user.lastLoginAt;
    t.clock.advance(60_000);
    const second = await loginAs(t.app, 'pek.auditor');
    const info = (await second.get('/api/v1/session')).json();
    expect(info.user.previousLoginAt).toBe(firstAt);
    expect(Date.parse(info.user.lastLoginAt)).toBeGreaterThan(Date.parse(firstAt));
  });

  it('answers the same generic 401 for a wrong password and an unknown user', async () => {
    const c = new Client(t.app);
    const wrong = await c.login('hg.officer', 'Wrong-password-123');
    const unknown = await c.login('nobody.here', 'Wrong-password-123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().detailZh).toBe('用户名或密码错误');
    expect(c.cookies.rt_session).toBeUndefined();
  });

  it('locks a user name for 15 minutes after 5 failures, also refusing the right password', async () => {
    const c = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await c.login('sk.officer', `Wrong-password-${i}x`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const sixth = await c.login('sk.officer', DEMO_PASSWORD);
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json().type).toBe('urn:returntrace:problem:locked');
    expect(sixth.json().detailZh).toContain('锁定');
    expect(sixth.json().detailZh).toContain('北京时间');
    expect(Date.parse(sixth.json().lockedUntil)).toBe(t.clock.now().getTime() + 15 * 60_000);
    expect(Number(sixth.headers['retry-after'])).toBe(15 * 60);
    expect(c.cookies.rt_session).toBeUndefined();
    t.clock.advance(15 * 60_000 + 1000);
    expect((await c.login('sk.officer', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('locks unknown user names the same way (no enumeration)', async () => {
    const c = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await c.login('ghost.user', `Wrong-password-${i}x`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423, 423]);
  });

  it('refuses a login without a CSRF token and audits the denial', async () => {
    const before = await auditCount('csrf.denied');
    const c = new Client(t.app);
    const res = await c.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ent.huaxin', password: DEMO_PASSWORD }, csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('urn:returntrace:problem:csrf');
    expect(await auditCount('csrf.denied')).toBe(before + 1);
  });

  it('refuses a state change whose CSRF header does not match the session token', async () => {
    const c = await loginAs(t.app, 'gacc.admin');
    const res = await c.request({ method: 'PUT', url: '/api/v1/settings/security', payload: { mfaRequiredForCustoms: false }, headers: { 'x-csrf-token': 'forged' }, csrf: false });
    expect(res.statusCode).toBe(403);
  });
});

describe('sessions', () => {
  it('expires after 30 idle minutes but not while in use', async () => {
    const c = await loginAs(t.app, 'hg.auditor');
    t.clock.advance(25 * 60_000);
    expect((await c.get('/api/v1/session')).statusCode).toBe(200);
    t.clock.advance(25 * 60_000); // 25 minutes after the last request
    expect((await c.get('/api/v1/me/activity')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await c.get('/api/v1/me/activity');
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toBe('urn:returntrace:problem:session_expired');
  });

  it('expires 12 hours after login however active', async () => {
    const c = await loginAs(t.app, 'hg.investigator');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      if ((await c.get('/api/v1/me/activity')).statusCode !== 200) break;
    }
    expect((await c.get('/api/v1/me/activity')).statusCode).toBe(401);
  });

  it('logout revokes the session on the server', async () => {
    const c = await loginAs(t.app, 'hg.warning');
    const stolen = { ...c.cookies };
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'GET', url: '/api/v1/me/activity', cookies: stolen });
    expect(replay.statusCode).toBe(401);
  });
});

describe('second factor (TOTP)', () => {
  it('enrols, then requires the code at login and refuses a replayed code', async () => {
    const c = await loginAs(t.app, 'pek.officer');
    const enrol = await c.post('/api/v1/me/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri } = enrol.json();
    expect(otpauthUri).toContain('otpauth://totp/');
    const bad = await c.post('/api/v1/me/totp/confirm', { code: '000000' === totpCode(secret, t.clock.now().getTime()) ? '111111' : '000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('code');
    expect((await c.post('/api/v1/me/totp/confirm', { code: totpCode(secret, t.clock.now().getTime()) })).statusCode).toBe(200);

    t.clock.advance(60_000);
    const d = new Client(t.app);
    expect((await d.login('pek.officer')).json()).toEqual({ status: 'mfa_required' });
    expect((await d.get('/api/v1/me/activity')).statusCode).toBe(401); // half-logged-in is not logged in
    const code = totpCode(secret, t.clock.now().getTime());
    expect((await d.post('/api/v1/auth/totp', { code })).json()).toEqual({ status: 'ok' });
    expect((await d.get('/api/v1/me/activity')).statusCode).toBe(200);

    const e = new Client(t.app);
    await e.login('pek.officer');
    expect((await e.post('/api/v1/auth/totp', { code })).statusCode).toBe(400); // same step again: replay
  });

  it('makes enrolment part of login when an administrator requires it for customs', async () => {
    const admin = await loginAs(t.app, 'gacc.admin');
    expect((await admin.put('/api/v1/settings/security', { mfaRequiredForCustoms: true })).statusCode).toBe(200);
    try {
      const c = new Client(t.app);
      expect((await c.login('tz.officer')).json()).toEqual({ status: 'mfa_enrolment_required' });
      expect((await c.get('/api/v1/me/activity')).statusCode).toBe(401);
      const { secret } = (await c.post('/api/v1/me/totp/enrol')).json();
      expect((await c.post('/api/v1/me/totp/confirm', { code: totpCode(secret, t.clock.now().getTime()) })).statusCode).toBe(200);
      expect((await c.get('/api/v1/me/activity')).statusCode).toBe(200);
      // enterprises are not affected
      expect((await new Client(t.app).login('ent.yanjing')).json()).toEqual({ status: 'ok' });
    } finally {
      await admin.put('/api/v1/settings/security', { mfaRequiredForCustoms: false });
    }
  });
});

describe('own account', () => {
  it('changes the password under the policy and revokes other sessions', async () => {
    const a = await loginAs(t.app, 'tz.auditor');
    const b = await loginAs(t.app, 'tz.auditor');
    const weak = await a.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const wrong = await a.post('/api/v1/me/password', { currentPassword: 'not-it-at-all', newPassword: 'Another-Strong-Pass-9' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    expect((await a.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Another-Strong-Pass-9' })).statusCode).toBe(200);
    expect((await a.get('/api/v1/me/activity')).statusCode).toBe(200);
    expect((await b.get('/api/v1/me/activity')).statusCode).toBe(401);
    expect((await new Client(t.app).login('tz.auditor', 'Another-Strong-Pass-9')).statusCode).toBe(200);
  });
});
