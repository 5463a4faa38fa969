import {
  changePasswordSchema, loginRequestSchema, loginResponseSchema, myActivitySchema, okSchema, preferencesSchema,
  sessionInfoSchema, totpCodeSchema, totpEnrolResponseSchema,
} from '@returntrace/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { CSRF_COOKIE, requireSession, SESSION_COOKIE, unauthenticated } from '../../plugins/auth';
import { randomToken } from '../../security/crypto';
import { completeTotpLogin, login, logout } from '../../use-cases/auth/login';
import { changePassword, confirmTotp, disableTotp, enrolTotp, myActivity, sessionInfo, updatePreferences } from '../../use-cases/auth/me';

const tags = ['auth'];

function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string, csrf: string, absoluteMs: number): void {
  const secure = request.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: Math.floor(absoluteMs / 1000) });
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

/** Login, second factor, logout, the caller's session and own account. */
export const authRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const { config, secretBox } = deps;
  const loginDeps = (request: FastifyRequest) => ({ config, secretBox, userAgent: String(request.headers['user-agent'] ?? '') });

  app.get('/auth/csrf', { schema: { tags, response: { 200: z.object({ csrfToken: z.string() }) } } }, async (request, reply) => {
    const token = request.session?.csrfToken ?? request.cookies[CSRF_COOKIE] ?? randomToken(24);
    reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: false, sameSite: 'strict', secure: request.protocol === 'https' });
    return { csrfToken: token };
  });

  app.post('/auth/login', { schema: { tags, body: loginRequestSchema, response: { 200: loginResponseSchema } } }, async (request, reply) => {
    const result = await login(request.ctx, request.body, loginDeps(request));
    setSessionCookies(request, reply, result.token, result.csrfToken, config.sessionAbsoluteMs);
    return { status: result.status };
  });

  app.post('/auth/totp', { schema: { tags, body: totpCodeSchema, response: { 200: loginResponseSchema } } }, async (request, reply) => {
    const result = await completeTotpLogin(request.ctx, request.session, request.body.code, loginDeps(request));
    setSessionCookies(request, reply, result.token, result.csrfToken, config.sessionAbsoluteMs);
    return { status: result.status };
  });

  app.post('/auth/logout', { schema: { tags, response: { 200: okSchema } } }, async (request, reply) => {
    await logout(request.ctx, request.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/session', { schema: { tags, response: { 200: sessionInfoSchema } } }, async (request) => {
    if (!request.session) throw unauthenticated();
    return sessionInfo(request.ctx, request.session, config);
  });

  app.post('/me/password', { preHandler: requireSession, schema: { tags, body: changePasswordSchema, response: { 200: okSchema } } }, async (request) => {
    await changePassword(request.ctx, request.body);
    return { ok: true as const };
  });

  // Enrolment is allowed to a half-logged-in session whose login requires a second factor.
  const enrolmentSession = (request: FastifyRequest) => {
    const s = request.session;
    if (!s || (s.stage !== 'active' && s.stage !== 'mfa_enrolment')) throw unauthenticated();
    return s;
  };

  app.post('/me/totp/enrol', { schema: { tags, response: { 200: totpEnrolResponseSchema } } }, async (request) =>
    enrolTotp(request.ctx, enrolmentSession(request), secretBox));

  app.post('/me/totp/confirm', { schema: { tags, body: totpCodeSchema, response: { 200: loginResponseSchema } } }, async (request, reply) => {
    const r = await confirmTotp(request.ctx, enrolmentSession(request), request.body.code, secretBox, config, String(request.headers['user-agent'] ?? ''));
    if (r.newSession) setSessionCookies(request, reply, r.newSession.token, r.newSession.csrfToken, config.sessionAbsoluteMs);
    return { status: 'ok' as const };
  });

  app.delete('/me/totp', { preHandler: requireSession, schema: { tags, body: totpCodeSchema, response: { 200: okSchema } } }, async (request) => {
    await disableTotp(request.ctx, request.body.code, secretBox);
    return { ok: true as const };
  });

  app.get('/me/activity', { preHandler: requireSession, schema: { tags, response: { 200: myActivitySchema } } }, async (request) =>
    myActivity(request.ctx));

  app.put('/me/preferences', { preHandler: requireSession, schema: { tags, body: preferencesSchema, response: { 200: okSchema } } }, async (request) => {
    await updatePreferences(request.ctx, request.body);
    return { ok: true as const };
  });
};
