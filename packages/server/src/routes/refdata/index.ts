import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';

// Reference-data endpoints (docs/API.md) are registered here.
export const refdataRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async () => {};
