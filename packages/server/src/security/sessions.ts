import { and, eq, isNull, sessions, sql, type Db, type DbOrTx } from '@returntrace/db';
import type { OrgKind, Role } from '@returntrace/domain';
import type { Actor } from '../context';
import { randomToken, sm3Hex } from './crypto';
import { sessionRowByDigest } from './session-lookup';

export type SessionStage = 'active' | 'mfa_pending' | 'mfa_enrolment';

export interface LoadedSession {
  id: string;
  stage: SessionStage;
  csrfToken: string;
  createdAt: Date;
  /** the caller's last request before this one (the idle window is measured from here) */
  lastSeenAt: Date;
  /** `last_seen_at` as stored; it trails `lastSeenAt` by less than SESSION_TOUCH_INTERVAL_MS */
  storedLastSeenAt: Date;
  expiresAt: Date;
  actor: Actor;
  totpEnabled: boolean;
  /** what GET /session shows beyond the actor, read by the same query so that answering it costs nothing more */
  profile: {
    locale: string;
    lastLoginAt: Date | null;
    previousLoginAt: Date | null;
    preferences: Record<string, unknown>;
    org: { code: string; nameZh: string; nameEn: string };
  };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired'; sessionId: string; userId: string; username: string }
  | { state: 'valid'; session: LoadedSession };

/**
 * `last_seen_at` is written at most this often per session. Every authenticated request would otherwise be a write;
 * the exact time of the latest request is kept in {@link SessionActivity} meanwhile.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * The latest request time of each session seen by this process, ahead of the throttled `last_seen_at`. The idle
 * limit is measured from the later of the two, so on one server it is exact to the millisecond; a second server
 * sharing the database only sees `last_seen_at` and may end a session up to a minute early, never late. Entries
 * older than the idle limit cannot keep a session alive and are pruned, which bounds the map by the active sessions.
 */
export class SessionActivity {
  private readonly seen = new Map<string, number>();
  private pruneAt = 1024;

  constructor(private readonly idleMs: number) {}

  /** The latest activity known for the session: its stored time or a later request seen here. */
  lastSeen(sessionId: string, stored: Date): Date {
    const t = this.seen.get(sessionId);
    return t !== undefined && t > stored.getTime() ? new Date(t) : stored;
  }

  record(sessionId: string, at: Date): void {
    const t = at.getTime();
    if ((this.seen.get(sessionId) ?? -Infinity) < t) this.seen.set(sessionId, t);
    if (this.seen.size >= this.pruneAt) {
      for (const [id, last] of this.seen) if (t - last > this.idleMs) this.seen.delete(id);
      this.pruneAt = Math.max(1024, this.seen.size * 2);
    }
  }

  forget(sessionId: string): void {
    this.seen.delete(sessionId);
  }

  get size(): number {
    return this.seen.size;
  }
}

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

/**
 * Finds the session for a cookie token and says whether it is still valid (idle and absolute limits, user and
 * organisation active). A revoked session is never found, so revocation takes effect on the next request.
 */
export async function lookupSession(
  db: Db, token: string, now: Date, limits: { idleMs: number; activity?: SessionActivity | undefined },
): Promise<SessionLookup> {
  const r = await sessionRowByDigest(db, sm3Hex(token));
  if (!r) return { state: 'none' };
  const lastSeenAt = limits.activity ? limits.activity.lastSeen(r.id, r.lastSeenAt) : r.lastSeenAt;
  const idleExpired = now.getTime() - lastSeenAt.getTime() > limits.idleMs;
  if (idleExpired || now >= r.expiresAt || !r.userActive || !r.orgActive) {
    limits.activity?.forget(r.id);
    return { state: 'expired', sessionId: r.id, userId: r.userId, username: r.username };
  }
  return {
    state: 'valid',
    session: {
      id: r.id, stage: r.stage as SessionStage, csrfToken: r.csrfToken, createdAt: r.createdAt, lastSeenAt,
      storedLastSeenAt: r.lastSeenAt, expiresAt: r.expiresAt, totpEnabled: r.totpEnabled,
      actor: {
        userId: r.userId, username: r.username, displayName: r.displayName, orgId: r.orgId, orgKind: r.orgKind as OrgKind,
        orgPath: r.orgPath, roles: r.roles as Role[], sessionId: r.id,
      },
      profile: {
        locale: r.locale, lastLoginAt: r.lastLoginAt, previousLoginAt: r.previousLoginAt,
        preferences: r.preferences as Record<string, unknown>,
        org: { code: r.orgCode, nameZh: r.orgNameZh, nameEn: r.orgNameEn },
      },
    },
  };
}

/**
 * Slides the idle window: the request time is remembered at once (in `activity`) and written to the database at
 * most once per {@link SESSION_TOUCH_INTERVAL_MS}, so reads stay reads.
 */
export async function touchSession(db: DbOrTx, s: LoadedSession, now: Date, activity?: SessionActivity): Promise<void> {
  activity?.record(s.id, now);
  if (activity && now.getTime() - s.storedLastSeenAt.getTime() < SESSION_TOUCH_INTERVAL_MS) return;
  await db.update(sessions).set({ lastSeenAt: now })
    .where(and(eq(sessions.id, s.id), sql`${sessions.lastSeenAt} < ${now.toISOString()}::timestamptz`));
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
