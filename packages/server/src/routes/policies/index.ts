import { policyCreateSchema, policyListQuerySchema, policyListSchema, policyVersionSchema, uuidParamSchema } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { createPolicyDraft, listPolicies, publishPolicy } from '../../use-cases/policies/policies';

const tags = ['policies'];

export const policyRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/policies', { preHandler: requirePermission('policies.read'), schema: { tags, querystring: policyListQuerySchema, response: { 200: policyListSchema } } },
    async (request) => listPolicies(request.ctx, request.query.kind));

  app.post('/policies', { preHandler: requirePermission('policies.manage'), schema: { tags, body: policyCreateSchema, response: { 201: policyVersionSchema } } },
    async (request, reply) => reply.code(201).send(await createPolicyDraft(request.ctx, request.body)));

  app.post('/policies/:id/publish', { preHandler: requirePermission('policies.manage'), schema: { tags, params: uuidParamSchema, response: { 200: policyVersionSchema } } },
    async (request) => publishPolicy(request.ctx, request.params.id));
};
