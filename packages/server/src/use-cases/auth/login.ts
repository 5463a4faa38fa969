import { eq, loginThrottle, organisations, sql, users, type DbOrTx } from '@returntrace/db';
import { verifyTotp, type Role } from '@returntrace/domain';
import { audit, auditAlone, transaction } from '../../audit/audit';
import type { ServerConfig } from '../../config';
import type { Ctx } from '../../context';
import { ProblemError } from '../../errors';
import type { SecretBox } from '../../security/crypto';
import { dummyHash, verifyPassword } from '../../security/passwords';
import { createSession, revokeSession, type LoadedSession, type SessionStage } from '../../security/sessions';
import { getSecuritySettings, mfaRequiredFor } from '../settings/security-settings';

export interface LoginDeps {
  config: ServerConfig;
  secretBox: SecretBox;
  userAgent: string;
}
export interface LoginResult {
  status: 'ok' | 'mfa_required' | 'mfa_enrolment_required';
  token: string;
  csrfToken: string;
}

const invalidCredentials = () =>
  new ProblemError(401, 'unauthenticated', { en: 'Wrong user name or password', zh: '用户名或密码错误' });
/** China has one time zone without daylight saving: UTC+8. */
const beijingTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const lockedProblem = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new ProblemError(423, 'locked', {
    en: `Too many failed attempts: the account is locked until ${until.toISOString()}`,
    zh: `登录失败次数过多，账户已锁定，请于北京时间 ${beijingTime(until)} 后再试（约 ${minutes} 分钟）`,
  }, [], { 'Retry-After': String(minutes * 60) }, { lockedUntil: until.toISOString() });
};

const normalise = (username: string) => username.trim().toLowerCase();

async function lockOf(db: DbOrTx, name: string, now: Date): Promise<{ failures: number; lockedUntil: Date | null }> {
  const [t] = await db.select().from(loginThrottle).where(eq(loginThrottle.username, name));
  if (!t) return { failures: 0, lockedUntil: null };
  if (t.lockedUntil && t.lockedUntil <= now) return { failures: 0, lockedUntil: null }; // lock served
  return { failures: t.failures, lockedUntil: t.lockedUntil };
}

/**
 * Counts a failed attempt against the user name (existing or not: no enumeration) and locks it at the threshold.
 * Returns the lock end when this failure locked it.
 */
async function recordFailure(ctx: Ctx, name: string, config: ServerConfig, userId: string | null, reason: string): Promise<Date | null> {
  const now = ctx.clock.now();
  return transaction(ctx.db, async (tx) => {
    const current = await lockOf(tx, name, now);
    const failures = current.failures + 1;
    const lockedUntil = failures >= config.lockThreshold ? new Date(now.getTime() + config.lockMs) : null;
    await tx.insert(loginThrottle).values({ username: name, failures, lockedUntil, updatedAt: now })
      .onConflictDoUpdate({ target: loginThrottle.username, set: { failures, lockedUntil, updatedAt: now } });
    await audit(ctx, tx, {
      action: 'login.failure', result: 'failure', username: name, userId, objectType: 'user', objectId: userId ?? '',
      detail: { reason, failures, locked: !!lockedUntil },
    });
    return lockedUntil;
  });
}

export async function login(ctx: Ctx, input: { username: string; password: string }, deps: LoginDeps): Promise<LoginResult> {
  const name = normalise(input.username);
  const now = ctx.clock.now();
  const lock = await lockOf(ctx.db, name, now);
  if (lock.lockedUntil) {
    await auditAlone(ctx, { action: 'login.locked', result: 'denied', username: name, userId: null });
    throw lockedProblem(lock.lockedUntil, now);
  }
  const [row] = await ctx.db
    .select({ u: users, o: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(sql`lower(${users.username}) = ${name}`)
    .limit(1);
  const passwordOk = row ? await verifyPassword(row.u.passwordHash, input.password) : (await verifyPassword(await dummyHash(), input.password), false);
  if (!row || !passwordOk || !row.u.active || !row.o.active) {
    const reason = !row ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive';
    const lockedUntil = await recordFailure(ctx, name, deps.config, row?.u.id ?? null, reason);
    if (lockedUntil) throw lockedProblem(lockedUntil, now);
    throw invalidCredentials();
  }
  const { u, o } = row;
  const settings = await getSecuritySettings(ctx.db, { fresh: true }); // a security decision: never from a cache
  const stage: SessionStage = u.totpEnabled
    ? 'mfa_pending'
    : mfaRequiredFor(settings, o.kind, u.roles as Role[]) ? 'mfa_enrolment' : 'active';
  return transaction(ctx.db, async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, name));
    const s = await createSession(tx, {
      userId: u.id, stage, now, absoluteMs: deps.config.sessionAbsoluteMs, ip: ctx.ip, userAgent: deps.userAgent,
    });
    if (stage === 'active') await tx.update(users).set({ previousLoginAt: sql`${users.lastLoginAt}`, lastLoginAt: now }).where(eq(users.id, u.id));
    await audit(ctx, tx, {
      action: stage === 'active' ? 'login.success' : 'login.password_ok', username: u.username, userId: u.id,
      orgId: o.id, orgPath: o.path, objectType: 'session', objectId: s.id, detail: { stage },
    });
    const status = stage === 'active' ? 'ok' : stage === 'mfa_pending' ? 'mfa_required' : 'mfa_enrolment_required';
    return { status, token: s.token, csrfToken: s.csrfToken };
  });
}

/** Second step of a login with TOTP: a fresh session replaces the half-authenticated one. */
export async function completeTotpLogin(ctx: Ctx, session: LoadedSession | null, code: string, deps: LoginDeps): Promise<LoginResult> {
  if (!session || session.stage !== 'mfa_pending') {
    throw new ProblemError(401, 'unauthenticated', { en: 'Log in with your password first', zh: '请先输入用户名和密码登录' });
  }
  const a = session.actor;
  const name = normalise(a.username);
  const now = ctx.clock.now();
  const lock = await lockOf(ctx.db, name, now);
  if (lock.lockedUntil) throw lockedProblem(lock.lockedUntil, now);
  const [u] = await ctx.db.select().from(users).where(eq(users.id, a.userId));
  const secret = u?.totpSecretEnc ? deps.secretBox.open(u.totpSecretEnc) : null;
  const check = secret ? verifyTotp(secret, code, now.getTime(), { window: 1, lastStep: u?.totpLastStep ?? undefined }) : { ok: false, step: 0 };
  if (!check.ok) {
    const ctxA = { ...ctx, actor: a };
    const lockedUntil = await recordFailure(ctxA, name, deps.config, a.userId, 'wrong_totp');
    if (lockedUntil) throw lockedProblem(lockedUntil, now);
    throw new ProblemError(400, 'validation', { en: 'Wrong verification code', zh: '动态验证码错误' }, [
      { field: 'code', code: 'totp_invalid', message: 'Wrong or already used verification code', messageZh: '验证码错误或已使用' },
    ]);
  }
  return transaction(ctx.db, async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, name));
    await tx.update(users).set({ totpLastStep: check.step, previousLoginAt: sql`${users.lastLoginAt}`, lastLoginAt: now }).where(eq(users.id, a.userId));
    await revokeSession(tx, session.id, now);
    const s = await createSession(tx, {
      userId: a.userId, stage: 'active', now, absoluteMs: deps.config.sessionAbsoluteMs, ip: ctx.ip, userAgent: deps.userAgent,
    });
    await audit({ ...ctx, actor: a }, tx, { action: 'login.success', objectType: 'session', objectId: s.id, detail: { mfa: true } });
    return { status: 'ok' as const, token: s.token, csrfToken: s.csrfToken };
  });
}

export async function logout(ctx: Ctx, session: LoadedSession | null): Promise<void> {
  if (!session) return;
  const now = ctx.clock.now();
  await transaction(ctx.db, async (tx) => {
    await revokeSession(tx, session.id, now);
    await audit({ ...ctx, actor: session.actor }, tx, { action: 'logout', objectType: 'session', objectId: session.id });
  });
}
