import { and, auditLog, desc, eq, sql, users } from '@returntrace/db';
import { checkPassword, generateTotpSecret, otpauthUri, verifyTotp, type SessionInfo } from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { ServerConfig } from '../../config';
import type { Ctx } from '../../context';
import { conflict, fieldProblem, notFound, ProblemError } from '../../errors';
import { permissionsOf } from '../../policies/permissions';
import type { SecretBox } from '../../security/crypto';
import { hashPassword, verifyPassword } from '../../security/passwords';
import { createSession, revokeSession, revokeUserSessions, type LoadedSession } from '../../security/sessions';
import { getSecuritySettings, mfaRequiredFor } from '../settings/security-settings';

/**
 * GET /session. Everything but the security settings comes with the session lookup the request already made, and
 * those settings are cached until an administrator changes them: answering costs no further query.
 */
export async function sessionInfo(ctx: Ctx, session: LoadedSession, config: ServerConfig): Promise<SessionInfo> {
  const a = session.actor;
  const p = session.profile;
  const settings = await getSecuritySettings(ctx.db);
  return {
    user: {
      id: a.userId, username: a.username, displayName: a.displayName, locale: p.locale,
      lastLoginAt: p.lastLoginAt?.toISOString() ?? null, previousLoginAt: p.previousLoginAt?.toISOString() ?? null,
      preferences: p.preferences,
    },
    org: { id: a.orgId, kind: a.orgKind, code: p.org.code, nameZh: p.org.nameZh, nameEn: p.org.nameEn, path: a.orgPath },
    roles: a.roles,
    stage: session.stage,
    permissions: session.stage === 'active' ? permissionsOf(a) : [],
    csrfToken: session.csrfToken,
    mfa: { enrolled: session.totpEnabled, required: mfaRequiredFor(settings, a.orgKind, a.roles) },
    idleExpiresAt: new Date(ctx.clock.now().getTime() + config.sessionIdleMs).toISOString(),
    absoluteExpiresAt: session.expiresAt.toISOString(),
  };
}

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const a = ctx.actor!;
  const [u] = await ctx.db.select().from(users).where(eq(users.id, a.userId));
  if (!u) throw notFound('user');
  if (!(await verifyPassword(u.passwordHash, input.currentPassword))) {
    throw fieldProblem('currentPassword', 'wrong_password', { en: 'The current password is wrong', zh: '当前密码不正确' });
  }
  const failures = checkPassword(input.newPassword, u.username);
  if (failures.length) {
    const f = failures[0]!;
    throw fieldProblem('newPassword', f.code, f.message);
  }
  if (input.newPassword === input.currentPassword) {
    throw fieldProblem('newPassword', 'same_password', { en: 'The new password must differ from the current one', zh: '新密码不能与当前密码相同' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await transaction(ctx.db, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: u.version + 1 }).where(eq(users.id, u.id));
    await revokeUserSessions(tx, u.id, now, a.sessionId);
    await audit(ctx, tx, { action: 'user.password.change', objectType: 'user', objectId: u.id });
  });
}

/** Starts TOTP enrolment (also allowed half-way through a login that requires it). */
export async function enrolTotp(ctx: Ctx, session: LoadedSession, box: SecretBox): Promise<{ secret: string; otpauthUri: string }> {
  const a = session.actor;
  const [u] = await ctx.db.select().from(users).where(eq(users.id, a.userId));
  if (!u) throw notFound('user');
  if (u.totpEnabled) throw conflict({ en: 'A second factor is already active', zh: '已启用双因素认证' });
  const secret = generateTotpSecret();
  await transaction(ctx.db, async (tx) => {
    await tx.update(users).set({ totpSecretEnc: box.seal(secret), totpLastStep: null }).where(eq(users.id, u.id));
    await audit({ ...ctx, actor: a }, tx, { action: 'user.totp.enrol', objectType: 'user', objectId: u.id });
  });
  return { secret, otpauthUri: otpauthUri('ReturnTrace', u.username, secret) };
}

export interface ConfirmResult {
  /** set when a login waiting for enrolment became a full session */
  newSession?: { token: string; csrfToken: string };
}

export async function confirmTotp(
  ctx: Ctx, session: LoadedSession, code: string, box: SecretBox, config: ServerConfig, userAgent: string,
): Promise<ConfirmResult> {
  const a = session.actor;
  const [u] = await ctx.db.select().from(users).where(eq(users.id, a.userId));
  if (!u?.totpSecretEnc || u.totpEnabled) throw conflict({ en: 'Start the enrolment first', zh: '请先开始绑定' });
  const now = ctx.clock.now();
  const check = verifyTotp(box.open(u.totpSecretEnc), code, now.getTime(), { window: 1 });
  if (!check.ok) throw fieldProblem('code', 'totp_invalid', { en: 'Wrong verification code', zh: '动态验证码错误' });
  return transaction(ctx.db, async (tx) => {
    await tx.update(users).set({ totpEnabled: true, totpLastStep: check.step, updatedAt: now }).where(eq(users.id, u.id));
    await audit({ ...ctx, actor: a }, tx, { action: 'user.totp.confirm', objectType: 'user', objectId: u.id });
    if (session.stage !== 'mfa_enrolment') return {};
    await revokeSession(tx, session.id, now);
    await tx.update(users).set({ previousLoginAt: sql`${users.lastLoginAt}`, lastLoginAt: now }).where(eq(users.id, u.id));
    const s = await createSession(tx, { userId: u.id, stage: 'active', now, absoluteMs: config.sessionAbsoluteMs, ip: ctx.ip, userAgent });
    await audit({ ...ctx, actor: a }, tx, { action: 'login.success', objectType: 'session', objectId: s.id, detail: { mfa: true, enrolled: true } });
    return { newSession: { token: s.token, csrfToken: s.csrfToken } };
  });
}

export async function disableTotp(ctx: Ctx, code: string, box: SecretBox): Promise<void> {
  const a = ctx.actor!;
  const [u] = await ctx.db.select().from(users).where(eq(users.id, a.userId));
  if (!u?.totpEnabled || !u.totpSecretEnc) throw conflict({ en: 'No second factor is active', zh: '尚未启用双因素认证' });
  const settings = await getSecuritySettings(ctx.db, { fresh: true });
  if (mfaRequiredFor(settings, a.orgKind, a.roles)) {
    throw new ProblemError(403, 'forbidden', { en: 'A second factor is mandatory for your role', zh: '您的角色必须启用双因素认证' });
  }
  const check = verifyTotp(box.open(u.totpSecretEnc), code, ctx.clock.now().getTime(), { window: 1, lastStep: u.totpLastStep ?? undefined });
  if (!check.ok) throw fieldProblem('code', 'totp_invalid', { en: 'Wrong verification code', zh: '动态验证码错误' });
  await transaction(ctx.db, async (tx) => {
    await tx.update(users).set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null }).where(eq(users.id, u.id));
    await audit(ctx, tx, { action: 'user.totp.disable', objectType: 'user', objectId: u.id });
  });
}

/** The caller's own recent security events (last logins, failures), shown on the home page. */
export async function myActivity(ctx: Ctx, limit = 20) {
  const a = ctx.actor!;
  const rows = await ctx.db
    .select({ at: auditLog.at, action: auditLog.action, result: auditLog.result, clientIp: auditLog.clientIp })
    .from(auditLog)
    .where(and(eq(auditLog.userId, a.userId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
}

export async function updatePreferences(
  ctx: Ctx, input: { locale?: 'zh-CN' | 'en' | undefined; preferences?: Record<string, string[]> | undefined },
): Promise<void> {
  const a = ctx.actor!;
  const [u] = await ctx.db.select().from(users).where(eq(users.id, a.userId));
  if (!u) throw notFound('user');
  const preferences = { ...(u.preferences as Record<string, unknown>), ...(input.preferences ?? {}) };
  await ctx.db.update(users).set({ locale: input.locale ?? u.locale, preferences }).where(eq(users.id, u.id));
}
