import { text } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { listTransferTargets } from '../../use-cases/risk-info/targets';

const querySchema = z.strictObject({ q: text(100).optional() });
const targetSchema = z.object({ id: z.uuid(), kind: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() });

/** The picker of investigating organisations (拟调查机构, 移送调查机构) for risk-information records. */
export const riskInfoTargetRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/risk-info/transfer-targets', {
    preHandler: requirePermission('risk_info.read'),
    schema: { tags: ['risk-info'], querystring: querySchema, response: { 200: z.object({ items: z.array(targetSchema) }) } },
  }, async (request) => listTransferTargets(request.ctx, request.query.q));
};
