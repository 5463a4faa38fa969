import type { Clock } from '@returntrace/domain';
import type { Db } from '@returntrace/db';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { audit, auditAlone, transaction } from '../audit/audit';
import type { ServerConfig } from '../config';
import type { Actor, Ctx } from '../context';
import { ProblemError } from '../errors';
import { can, type Permission } from '../policies/permissions';
import { safeEqual } from '../security/crypto';
import { lookupSession, revokeSession, SessionActivity, touchSession, type LoadedSession } from '../security/sessions';

export const SESSION_COOKIE = 'rt_session';
export const CSRF_COOKIE = 'rt_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** the fully logged-in caller, or null */
    actor: Actor | null;
    /** the session behind the cookie, also when it is half-way through the second factor */
    session: LoadedSession | null;
    sessionExpired: boolean;
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** false for endpoints that take no cookie-authenticated state change (none in the foundation) */
    csrf?: boolean;
  }
}

export interface AuthOptions {
  db: Db;
  clock: Clock;
  config: ServerConfig;
}

export const unauthenticated = (): ProblemError =>
  new ProblemError(401, 'unauthenticated', { en: 'Please log in', zh: '请先登录' });
const sessionExpired = (): ProblemError =>
  new ProblemError(401, 'session_expired', { en: 'Your session has expired, please log in again', zh: '会话已过期，请重新登录' });

/** Loads the session from the cookie, enforces CSRF on state-changing requests and builds `request.ctx`. */
export const authPlugin = fp(async (app: FastifyInstance, opts: AuthOptions) => {
  const { db, clock, config } = opts;
  const activity = new SessionActivity(config.sessionIdleMs);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('ctx', null as unknown as Ctx);

  app.addHook('onRequest', async (request, reply) => {
    const now = clock.now();
    request.ctx = { db, clock, actor: null, ip: request.ip };
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await lookupSession(db, token, now, { idleMs: config.sessionIdleMs, activity });
      if (found.state === 'valid') {
        request.session = found.session;
        if (found.session.stage === 'active') request.actor = found.session.actor;
        await touchSession(db, found.session, now, activity);
      } else if (found.state === 'expired') {
        request.sessionExpired = true;
        await transaction(db, async (tx) => {
          await revokeSession(tx, found.sessionId, now);
          await audit(request.ctx, tx, {
            action: 'session.expired', objectType: 'session', objectId: found.sessionId, result: 'failure',
            userId: found.userId, username: found.username,
          });
        });
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    request.ctx.actor = request.actor;
    if (UNSAFE.has(request.method) && request.routeOptions.config?.csrf !== false) {
      const header = request.headers['x-csrf-token'];
      const cookie = request.cookies[CSRF_COOKIE];
      const expected = request.session?.csrfToken ?? cookie;
      const ok = typeof header === 'string' && !!cookie && !!expected && safeEqual(header, cookie) && safeEqual(header, expected);
      if (!ok) {
        await auditAlone(request.ctx, {
          action: 'csrf.denied', result: 'denied', objectType: 'route', objectId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        });
        throw new ProblemError(403, 'csrf', {
          en: 'Missing or invalid CSRF token; reload the page and try again', zh: '缺少或无效的 CSRF 令牌，请刷新页面后重试',
        });
      }
    }
  });
}, { name: 'auth', dependencies: ['@fastify/cookie'] });

/** Guard: a fully logged-in caller. */
export const requireSession: preHandlerAsyncHookHandler = async (request) => {
  if (!request.actor) throw request.sessionExpired ? sessionExpired() : unauthenticated();
};

/** Guard: logged in and holding the permission; a refusal is audited. */
export function requirePermission(permission: Permission): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const actor = request.actor;
    if (!actor) throw request.sessionExpired ? sessionExpired() : unauthenticated();
    if (!can(actor, permission)) {
      await auditAlone(request.ctx, {
        action: 'access.denied', result: 'denied', objectType: 'permission', objectId: permission,
        detail: { route: `${request.method} ${request.routeOptions.url ?? ''}` },
      });
      throw new ProblemError(403, 'forbidden', { en: 'You are not allowed to do this', zh: '您无权执行此操作' });
    }
  };
}

/** The actor of a guarded route (the guard has run). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
