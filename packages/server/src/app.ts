import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { parseStrictJson, type Clock } from '@returntrace/domain';
import type { Db } from '@returntrace/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerConfig } from './config';
import { notFound, ProblemError, registerErrorHandling } from './errors';
import { authPlugin } from './plugins/auth';
import { auditRoutes } from './routes/audit/index';
import { customsFeedRoutes } from './routes/customs-feed/index';
import { authRoutes } from './routes/auth/index';
import { exportReturnRoutes } from './routes/export-returns/index';
import { exportReturnAttachmentRoutes } from './routes/export-returns/attachments';
import { exportReturnPrintRoutes } from './routes/export-returns/print';
import { foreignNotificationRoutes } from './routes/foreign-notifications/index';
import { investigationRoutes } from './routes/investigations/index';
import { orgRoutes } from './routes/orgs/index';
import { policyRoutes } from './routes/policies/index';
import { portalRoutes } from './routes/portal/index';
import { publicRoutes } from './routes/public/index';
import { refdataRoutes } from './routes/refdata/index';
import { riskInfoDocumentRoutes } from './routes/risk-info/documents';
import { riskInfoRoutes } from './routes/risk-info/index';
import { riskInfoTargetRoutes } from './routes/risk-info/targets';
import { settingsRoutes } from './routes/settings/index';
import { systemRoutes } from './routes/system/index';
import { userRoutes } from './routes/users/index';
import { SecretBox } from './security/crypto';

export interface AppDeps {
  db: Db;
  driver: 'pglite' | 'postgres';
  clock: Clock;
  config: ServerConfig;
  secretBox: SecretBox;
  logger?: boolean;
  /** directory of the built web UI; served with SPA fallback when present */
  webDist?: string | undefined;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export async function buildApp(input: Omit<AppDeps, 'secretBox'>): Promise<FastifyInstance> {
  const deps: AppDeps = { ...input, secretBox: new SecretBox(input.config.secretKey) };
  const app = Fastify({
    logger: deps.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // Our own JSON parser: refuses duplicated keys and deep nesting that JSON.parse would silently accept.
  // Only JSON and multipart bodies are accepted; anything else answers 415 rather than reaching validation.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    const parsed = parseStrictJson(text, { maxDepth: 64 });
    if (parsed.ok) return done(null, parsed.value);
    done(new ProblemError(400, 'bad_request', parsed.message, [
      { field: parsed.path ?? '', code: parsed.code, message: parsed.message.en, messageZh: parsed.message.zh },
    ]), undefined);
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 10, fields: 20, fieldSize: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ReturnTrace API 出口退运追溯与风险预警平台', version: '1.0.0', description: 'See docs/API.md for conventions.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rt_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { db: deps.db, clock: deps.clock, config: deps.config });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    if (!request.url.startsWith('/api/docs')) {
      // antd injects its styles at run time, hence 'unsafe-inline' for styles only
      reply.header('Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    }
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  await app.register(async (api) => {
    await api.register(systemRoutes(deps));
    await api.register(authRoutes(deps));
    await api.register(orgRoutes(deps));
    await api.register(userRoutes(deps));
    await api.register(auditRoutes(deps));
    await api.register(settingsRoutes(deps));
    await api.register(refdataRoutes(deps));
    await api.register(customsFeedRoutes(deps));
    await api.register(exportReturnRoutes(deps));
    await api.register(exportReturnPrintRoutes(deps));
    await api.register(exportReturnAttachmentRoutes(deps));
    await api.register(policyRoutes(deps));
    await api.register(riskInfoDocumentRoutes(deps));
    await api.register(riskInfoRoutes(deps));
    await api.register(riskInfoTargetRoutes(deps));
    await api.register(investigationRoutes(deps));
    await api.register(portalRoutes(deps));
    await api.register(publicRoutes(deps));
    await api.register(foreignNotificationRoutes(deps));
  }, { prefix: '/api/v1' });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const dist = deps.webDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: dist, prefix: '/', wildcard: false, index: ['index.html'],
      // Built assets carry a content hash in their names, so browsers may keep them; the shell must be re-checked.
      setHeaders: (res, path) => {
        res.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Client-side routes: any GET outside /api answers the SPA shell.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0]!;
      // A missing file (a stale hashed asset, a typo) is a 404, not the app shell served as JavaScript.
      if (path.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(path)) throw notFound('file');
      if (path.startsWith('/api/')) throw new ProblemError(404, 'not_found', { en: 'No such endpoint', zh: '接口不存在' });
      return reply.sendFile('index.html');
    });
  }
  return app;
}
