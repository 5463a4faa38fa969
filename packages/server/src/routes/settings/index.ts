import { securitySettingsSchema } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { getSecuritySettings, updateSecuritySettings } from '../../use-cases/settings/security-settings';

const tags = ['settings'];

export const settingsRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/settings/security', { preHandler: requirePermission('settings.manage'), schema: { tags, response: { 200: securitySettingsSchema } } },
    async (request) => getSecuritySettings(request.ctx.db));

  app.put('/settings/security', { preHandler: requirePermission('settings.manage'), schema: { tags, body: securitySettingsSchema, response: { 200: securitySettingsSchema } } },
    async (request) => updateSecuritySettings(request.ctx, request.body));
};
