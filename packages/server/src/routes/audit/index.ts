import { auditQuerySchema, auditRowSchema, chainReportSchema, pageOf } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { listAudit, verifyChain } from '../../use-cases/audit/audit-log';

const tags = ['audit'];

export const auditRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', { preHandler: requirePermission('audit.read'), schema: { tags, querystring: auditQuerySchema, response: { 200: pageOf(auditRowSchema) } } },
    async (request) => listAudit(request.ctx, request.query));

  app.post('/audit/verify', { preHandler: requirePermission('audit.verify'), schema: { tags, response: { 200: chainReportSchema } } },
    async (request) => verifyChain(request.ctx));
};
