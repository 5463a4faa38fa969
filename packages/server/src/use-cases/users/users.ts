import { and, asc, count, eq, loginThrottle, organisations, sql, users } from '@returntrace/db';
import { checkPassword, ROLES_BY_ORG_KIND, type OrgKind, type Role, type User, type userCreateSchema, type userUpdateSchema } from '@returntrace/domain';
import type { z } from 'zod';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, fieldProblem, notFound, ProblemError } from '../../errors';
import { inScope, scopeOf, scopeWhere } from '../../policies/scope';
import { hashPassword } from '../../security/passwords';
import { revokeUserSessions } from '../../security/sessions';

export const userSelection = {
  id: users.id, username: users.username, displayName: users.displayName, orgId: users.orgId, roles: users.roles,
  email: users.email, phone: users.phone, active: users.active, totpEnabled: users.totpEnabled,
  lastLoginAt: users.lastLoginAt, version: users.version, orgNameZh: organisations.nameZh, orgNameEn: organisations.nameEn,
  orgKind: organisations.kind, orgPath: organisations.path,
  lockedUntil: sql<Date | null>`(SELECT locked_until FROM login_throttle t WHERE t.username = lower(${users.username}))`,
};
type UserRow = {
  id: string; username: string; displayName: string; orgId: string; roles: string[]; email: string; phone: string;
  active: boolean; totpEnabled: boolean; lastLoginAt: Date | null; version: number; orgNameZh: string; orgNameEn: string;
  lockedUntil: Date | string | null;
};

export function toUserDto(u: UserRow, now: Date): User {
  const locked = u.lockedUntil ? new Date(u.lockedUntil) : null;
  return {
    id: u.id, username: u.username, displayName: u.displayName, orgId: u.orgId, orgNameZh: u.orgNameZh, orgNameEn: u.orgNameEn,
    roles: u.roles as Role[], email: u.email, phone: u.phone, active: u.active, totpEnabled: u.totpEnabled,
    lockedUntil: locked && locked.getTime() > now.getTime() ? locked.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null, version: u.version,
  };
}

async function loadUserInScope(ctx: Ctx, id: string) {
  const [u] = await ctx.db.select(userSelection).from(users).innerJoin(organisations, eq(organisations.id, users.orgId)).where(eq(users.id, id));
  if (!u || !inScope(scopeOf(ctx.actor!), { path: u.orgPath, orgId: u.orgId })) throw notFound('user');
  return u;
}

function checkRoles(orgKind: string, roles: readonly Role[]): void {
  const allowed = ROLES_BY_ORG_KIND[orgKind as OrgKind] ?? [];
  const bad = roles.filter((r) => !allowed.includes(r));
  if (bad.length) {
    throw fieldProblem('roles', 'role_not_allowed', {
      en: `Roles not allowed for this organisation: ${bad.join(', ')}`, zh: `该机构的用户不能担任以下角色：${bad.join('、')}`,
    });
  }
}

export async function listUsers(ctx: Ctx, q: { page: number; pageSize: number; orgId?: string | undefined; role?: Role | undefined; active?: 'true' | 'false' | undefined; q?: string | undefined }) {
  const where = and(
    scopeWhere(scopeOf(ctx.actor!), organisations.path, organisations.id),
    q.orgId ? eq(users.orgId, q.orgId) : undefined,
    q.role ? sql`${q.role} = ANY(${users.roles})` : undefined,
    q.active ? eq(users.active, q.active === 'true') : undefined,
    q.q ? sql`(${users.username} ILIKE ${`%${q.q}%`} OR ${users.displayName} ILIKE ${`%${q.q}%`})` : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(users).innerJoin(organisations, eq(organisations.id, users.orgId)).where(where);
  const rows = await ctx.db.select(userSelection).from(users).innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(where).orderBy(asc(users.username)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => toUserDto(r, ctx.clock.now())), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  return toUserDto(await loadUserInScope(ctx, id), ctx.clock.now());
}

export async function createUser(ctx: Ctx, input: z.infer<typeof userCreateSchema>): Promise<User> {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, input.orgId));
  if (!org || !inScope(scopeOf(ctx.actor!), { path: org.path, orgId: org.id })) {
    throw fieldProblem('orgId', 'not_found', { en: 'The organisation does not exist', zh: '所属机构不存在' });
  }
  checkRoles(org.kind, input.roles);
  const failures = checkPassword(input.password, input.username);
  if (failures.length) throw fieldProblem('password', failures[0]!.code, failures[0]!.message);
  const passwordHash = await hashPassword(input.password);
  const id = await transaction(ctx.db, async (tx) => {
    const [dup] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${input.username.toLowerCase()}`);
    if (dup) throw conflict({ en: 'The user name is taken', zh: '用户名已存在' }, [{ field: 'username', code: 'duplicate', message: 'User name taken', messageZh: '用户名已存在' }]);
    const now = ctx.clock.now();
    const [row] = await tx.insert(users).values({
      username: input.username, displayName: input.displayName, orgId: org.id, roles: [...new Set(input.roles)],
      email: input.email, phone: input.phone, passwordHash, passwordChangedAt: now, createdAt: now, updatedAt: now,
    }).returning({ id: users.id });
    await audit(ctx, tx, { action: 'user.create', objectType: 'user', objectId: row!.id, detail: { username: input.username, roles: input.roles, orgId: org.id } });
    return row!.id;
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: Ctx, id: string, input: z.infer<typeof userUpdateSchema>, ifMatch?: number): Promise<User> {
  const u = await loadUserInScope(ctx, id);
  if (ifMatch !== undefined && ifMatch !== u.version) {
    throw new ProblemError(412, 'precondition_failed', { en: 'The record was changed by someone else; reload it', zh: '记录已被他人修改，请刷新后重试' });
  }
  if (input.roles) checkRoles(u.orgKind, input.roles);
  if (u.id === ctx.actor!.userId && (input.active === false || (input.roles && !input.roles.includes('sysadmin')))) {
    throw fieldProblem(input.active === false ? 'active' : 'roles', 'self_lockout', {
      en: 'You cannot deactivate yourself or remove your own administrator role', zh: '不能停用自己或取消自己的管理员角色',
    });
  }
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const now = ctx.clock.now();
  await transaction(ctx.db, async (tx) => {
    await tx.update(users).set({ ...changes, version: u.version + 1, updatedAt: now }).where(eq(users.id, id));
    if (input.active === false || input.roles) await revokeUserSessions(tx, id, now);
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (u as Record<string, unknown>)[k]]));
    await audit(ctx, tx, { action: 'user.update', objectType: 'user', objectId: id, detail: { before, after: changes } });
  });
  return getUser(ctx, id);
}

export async function unlockUser(ctx: Ctx, id: string): Promise<User> {
  const u = await loadUserInScope(ctx, id);
  await transaction(ctx.db, async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.username, u.username.toLowerCase()));
    await audit(ctx, tx, { action: 'user.unlock', objectType: 'user', objectId: id });
  });
  return getUser(ctx, id);
}

export async function resetUserTotp(ctx: Ctx, id: string): Promise<User> {
  const u = await loadUserInScope(ctx, id);
  await transaction(ctx.db, async (tx) => {
    await tx.update(users).set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null, version: u.version + 1 }).where(eq(users.id, id));
    await revokeUserSessions(tx, id, ctx.clock.now());
    await audit(ctx, tx, { action: 'user.totp.reset', objectType: 'user', objectId: id });
  });
  return getUser(ctx, id);
}
