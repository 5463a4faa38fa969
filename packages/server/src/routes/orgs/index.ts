import { orgCreateSchema, orgListQuerySchema, orgSchema, orgTreeNodeSchema, orgUpdateSchema, pageOf, userSchema, uuidParamSchema } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { createOrg, getOrg, listOrgs, orgTree, updateOrg } from '../../use-cases/orgs/orgs';
import { ifMatchVersion, setEtag } from '../if-match';

const tags = ['organisations'];
const orgDetailSchema = orgSchema.extend({ children: z.array(orgSchema), users: z.array(userSchema) });

export const orgRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/orgs', { preHandler: requirePermission('orgs.read'), schema: { tags, querystring: orgListQuerySchema, response: { 200: pageOf(orgSchema) } } },
    async (request) => listOrgs(request.ctx, request.query));

  app.get('/orgs/tree', { preHandler: requirePermission('orgs.read'), schema: { tags, response: { 200: z.array(orgTreeNodeSchema) } } },
    async (request) => orgTree(request.ctx));

  app.get('/orgs/:id', { preHandler: requirePermission('orgs.read'), schema: { tags, params: uuidParamSchema, response: { 200: orgDetailSchema } } },
    async (request, reply) => {
      const org = await getOrg(request.ctx, request.params.id);
      setEtag(reply, org.version);
      return org;
    });

  app.post('/orgs', { preHandler: requirePermission('orgs.manage'), schema: { tags, body: orgCreateSchema, response: { 201: orgSchema } } },
    async (request, reply) => {
      const org = await createOrg(request.ctx, request.body);
      setEtag(reply, org.version);
      return reply.code(201).send(org);
    });

  app.patch('/orgs/:id', { preHandler: requirePermission('orgs.manage'), schema: { tags, params: uuidParamSchema, body: orgUpdateSchema, response: { 200: orgSchema } } },
    async (request, reply) => {
      const org = await updateOrg(request.ctx, request.params.id, request.body, ifMatchVersion(request));
      setEtag(reply, org.version);
      return org;
    });
};
