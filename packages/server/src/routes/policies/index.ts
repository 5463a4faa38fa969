import { policyCreateSchema, policyListQuerySchema, policyListSchema, policyUpdateSchema, policyVersionSchema, uuidParamSchema } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { createPolicyDraft, listPolicies, publishPolicy, updatePolicyDraft, withdrawPolicyDraft } from '../../use-cases/policies/policies';
import { ifMatchVersion, setEtag } from '../if-match';

const tags = ['policies'];

export const policyRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/policies', { preHandler: requirePermission('policies.read'), schema: { tags, querystring: policyListQuerySchema, response: { 200: policyListSchema } } },
    async (request) => listPolicies(request.ctx, request.query.kind));

  app.post('/policies', { preHandler: requirePermission('policies.manage'), schema: { tags, body: policyCreateSchema, response: { 201: policyVersionSchema } } },
    async (request, reply) => {
      const v = await createPolicyDraft(request.ctx, request.body);
      setEtag(reply, v.revision);
      return reply.code(201).send(v);
    });

  app.put('/policies/:id', {
    preHandler: requirePermission('policies.manage'),
    schema: { tags, params: uuidParamSchema, body: policyUpdateSchema, response: { 200: policyVersionSchema } },
  }, async (request, reply) => {
    const v = await updatePolicyDraft(request.ctx, request.params.id, request.body, ifMatchVersion(request));
    setEtag(reply, v.revision);
    return v;
  });

  app.post('/policies/:id/withdraw', { preHandler: requirePermission('policies.manage'), schema: { tags, params: uuidParamSchema, response: { 200: policyVersionSchema } } },
    async (request) => withdrawPolicyDraft(request.ctx, request.params.id, ifMatchVersion(request)));

  app.post('/policies/:id/publish', { preHandler: requirePermission('policies.manage'), schema: { tags, params: uuidParamSchema, response: { 200: policyVersionSchema } } },
    async (request) => publishPolicy(request.ctx, request.params.id));
};
