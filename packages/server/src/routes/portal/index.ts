import {
  enterpriseCaseViewSchema, pageOf, pageQuerySchema, questionnaireAnswerSchema, questionnaireViewSchema, uuidParamSchema,
} from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import {
  answerQuestionnaire, downloadAnswerFile, getPortalCase, listPortalCases, uploadAnswerFile,
} from '../../use-cases/investigations/portal';
import { readUpload, sandboxOnSend, sendFile, UPLOAD_DESCRIPTION } from '../investigations/upload';

const tags = ['enterprise portal'];
const fileMetaSchema = z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string() });
const fileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

/** 企业端: an enterprise's own cases and questionnaires (another enterprise's answer 404). */
export const portalRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const respond = requirePermission('investigations.respond');

  app.get('/portal/cases', { preHandler: respond, schema: { tags, querystring: pageQuerySchema, response: { 200: pageOf(enterpriseCaseViewSchema) } } },
    async (request) => listPortalCases(request.ctx, request.query.page, request.query.pageSize));

  app.get('/portal/cases/:id', { preHandler: respond, schema: { tags, params: uuidParamSchema, response: { 200: enterpriseCaseViewSchema } } },
    async (request) => getPortalCase(request.ctx, request.params.id));

  app.post('/portal/questionnaires/:id/files', {
    preHandler: respond,
    schema: { tags, params: uuidParamSchema, consumes: ['multipart/form-data'], response: { 201: fileMetaSchema }, description: `${UPLOAD_DESCRIPTION} Only while the questionnaire awaits the answer.` },
  }, async (request, reply) => {
    const up = await readUpload(request);
    return reply.code(201).send(await uploadAnswerFile(request.ctx, request.params.id, { fileName: up.fileName, bytes: up.bytes }));
  });

  app.get('/portal/questionnaires/:id/files/:fileId', { preHandler: respond, schema: { tags, params: fileParams, description: 'Downloads the file (audited).' }, onSend: sandboxOnSend },
    async (request, reply) => sendFile(reply, await downloadAnswerFile(request.ctx, request.params.id, request.params.fileId)));

  app.post('/portal/questionnaires/:id/answer', { preHandler: respond, schema: { tags, params: uuidParamSchema, body: questionnaireAnswerSchema, response: { 200: questionnaireViewSchema } } },
    async (request) => answerQuestionnaire(request.ctx, request.params.id, request.body));
};
