import { and, eq, isNull, organisations, sessions, sql, users, type DbOrTx } from '@returntrace/db';
import type { OrgKind, Role } from '@returntrace/domain';
import type { Actor } from '../context';
import { randomToken, sm3Hex } from './crypto';

export type SessionStage = 'active' | 'mfa_pending' | 'mfa_enrolment';

export interface LoadedSession {
  id: string;
  stage: SessionStage;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  actor: Actor;
  totpEnabled: boolean;
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired'; sessionId: string; userId: string; username: string }
  | { state: 'valid'; session: LoadedSession };

export async function createSession(
  tx: DbOrTx,
  input: { userId: string; stage: SessionStage; now: Date; absoluteMs: number; ip: string; userAgent: string },
): Promise<{ id: string; token: string; csrfToken: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const [row] = await tx
    .insert(sessions)
    .values({
      tokenHash: sm3Hex(token), userId: input.userId, csrfToken, stage: input.stage, createdAt: input.now,
      lastSeenAt: input.now, expiresAt: new Date(input.now.getTime() + input.absoluteMs), clientIp: input.ip,
      userAgent: input.userAgent.slice(0, 300),
    })
    .returning({ id: sessions.id });
  return { id: row!.id, token, csrfToken };
}

/** Finds the session for a cookie token and says whether it is still valid (idle and absolute limits). */
export async function lookupSession(db: DbOrTx, token: string, now: Date, idleMs: number): Promise<SessionLookup> {
  const rows = await db
    .select({ s: sessions, u: users, o: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(sessions.tokenHash, sm3Hex(token)), isNull(sessions.revokedAt)))
    .limit(1);
  const r = rows[0];
  if (!r) return { state: 'none' };
  const idleExpired = now.getTime() - r.s.lastSeenAt.getTime() > idleMs;
  if (idleExpired || now >= r.s.expiresAt || !r.u.active || !r.o.active) {
    return { state: 'expired', sessionId: r.s.id, userId: r.u.id, username: r.u.username };
  }
  return {
    state: 'valid',
    session: {
      id: r.s.id, stage: r.s.stage as SessionStage, csrfToken: r.s.csrfToken, createdAt: r.s.createdAt,
      lastSeenAt: r.s.lastSeenAt, expiresAt: r.s.expiresAt, totpEnabled: r.u.totpEnabled,
      actor: {
        userId: r.u.id, username: r.u.username, displayName: r.u.displayName, orgId: r.o.id,
        orgKind: r.o.kind as OrgKind, orgPath: r.o.path, roles: r.u.roles as Role[], sessionId: r.s.id,
      },
    },
  };
}

/** Sliding idle window; written at most once a minute per session to keep reads cheap. */
export async function touchSession(db: DbOrTx, s: LoadedSession, now: Date): Promise<void> {
  if (now.getTime() - s.lastSeenAt.getTime() < 60_000) return;
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, s.id));
}

export async function revokeSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: DbOrTx, userId: string, now: Date, exceptId?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined));
}
