import { pageOf, userCreateSchema, userListQuerySchema, userSchema, userUpdateSchema, uuidParamSchema } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { createUser, getUser, listUsers, resetUserTotp, unlockUser, updateUser } from '../../use-cases/users/users';
import { ifMatchVersion, setEtag } from '../if-match';

const tags = ['users'];

export const userRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/users', { preHandler: requirePermission('users.read'), schema: { tags, querystring: userListQuerySchema, response: { 200: pageOf(userSchema) } } },
    async (request) => listUsers(request.ctx, request.query));

  app.get('/users/:id', { preHandler: requirePermission('users.read'), schema: { tags, params: uuidParamSchema, response: { 200: userSchema } } },
    async (request, reply) => {
      const u = await getUser(request.ctx, request.params.id);
      setEtag(reply, u.version);
      return u;
    });

  app.post('/users', { preHandler: requirePermission('users.manage'), schema: { tags, body: userCreateSchema, response: { 201: userSchema } } },
    async (request, reply) => reply.code(201).send(await createUser(request.ctx, request.body)));

  app.patch('/users/:id', { preHandler: requirePermission('users.manage'), schema: { tags, params: uuidParamSchema, body: userUpdateSchema, response: { 200: userSchema } } },
    async (request, reply) => {
      const u = await updateUser(request.ctx, request.params.id, request.body, ifMatchVersion(request));
      setEtag(reply, u.version);
      return u;
    });

  app.post('/users/:id/unlock', { preHandler: requirePermission('users.manage'), schema: { tags, params: uuidParamSchema, response: { 200: userSchema } } },
    async (request) => unlockUser(request.ctx, request.params.id));

  app.post('/users/:id/reset-totp', { preHandler: requirePermission('users.manage'), schema: { tags, params: uuidParamSchema, response: { 200: userSchema } } },
    async (request) => resetUserTotp(request.ctx, request.params.id));
};
