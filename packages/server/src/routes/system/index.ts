import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';

export const systemRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/health', {
    schema: { tags: ['system'], security: [], response: { 200: z.object({ status: z.literal('ok'), driver: z.string(), time: z.string() }) } },
  }, async () => ({ status: 'ok' as const, driver: deps.driver, time: deps.clock.now().toISOString() }));
};
