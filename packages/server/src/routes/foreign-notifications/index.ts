import type { MultipartFile } from '@fastify/multipart';
import {
  foreignNotificationImportResultSchema, foreignNotificationListQuerySchema, foreignNotificationViewSchema,
  notificationMatchParamSchema, notificationMatchViewSchema, pageOf, refFileQuerySchema, uuidParamSchema,
} from '@returntrace/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { ProblemError, validationProblem } from '../../errors';
import { requirePermission } from '../../plugins/auth';
import { importForeignNotifications } from '../../use-cases/foreign-notifications/import';
import { decideMatch, listForeignNotifications, listMatches } from '../../use-cases/foreign-notifications/review';
import { notificationTemplate } from '../../use-cases/foreign-notifications/template';

const tags = ['foreign notifications'];

async function readFile(request: FastifyRequest): Promise<{ buf: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new ProblemError(415, 'unsupported_media_type', {
      en: 'Send the file as multipart/form-data in the field "file"', zh: '请以 multipart/form-data 格式在“file”字段中上传文件',
    });
  }
  let found: { buf: Buffer; fileName: string } | undefined;
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    const buf = await (part as MultipartFile).toBuffer();
    if (part.fieldname === 'file' && !found) found = { buf, fileName: part.filename.slice(0, 200) };
  }
  if (!found) {
    throw validationProblem([{ field: 'file', code: 'required', message: 'Choose a CSV or Excel file (form field "file")', messageZh: '请选择 CSV 或 Excel 文件（表单字段 file）' }]);
  }
  return found;
}

/** Foreign official notifications and recalls (境外通报召回): bulk import, list and match review. */
export const foreignNotificationRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const collect = requirePermission('risk_info.collect');

  app.get('/foreign-notifications/template', {
    preHandler: collect, schema: { tags, querystring: refFileQuerySchema, description: 'The import template (CSV or XLSX).' },
  }, async (request, reply) => {
    const f = await notificationTemplate(request.query.format);
    return reply.header('Content-Disposition', `attachment; filename="${f.fileName}"`).type(f.contentType).send(f.body);
  });

  app.post('/foreign-notifications/import', {
    preHandler: collect,
    schema: {
      tags, consumes: ['multipart/form-data'], response: { 200: foreignNotificationImportResultSchema },
      description: 'multipart/form-data `file`: CSV UTF-8 or XLSX with the columns country, date, product, hsCode, ' +
        'enterpriseOrBrand, measure, reason, reference (Chinese headers accepted). All or nothing: a 400 lists every error ' +
        'with its row and column. Known notifications (same reference, or same country + date + product + enterprise in ' +
        'the jurisdiction) are linked to their record, not re-created.',
    },
  }, async (request) => importForeignNotifications(request.ctx, await readFile(request)));

  app.get('/foreign-notifications', {
    preHandler: collect,
    schema: { tags, querystring: foreignNotificationListQuerySchema, response: { 200: pageOf(foreignNotificationViewSchema) } },
  }, async (request) => listForeignNotifications(request.ctx, request.query));

  app.get('/foreign-notifications/:id/matches', {
    preHandler: collect,
    schema: { tags, params: uuidParamSchema, response: { 200: z.object({ items: z.array(notificationMatchViewSchema) }) } },
  }, async (request) => listMatches(request.ctx, request.params.id));

  app.post('/foreign-notifications/matches/:matchId/confirm', {
    preHandler: collect,
    schema: { tags, params: notificationMatchParamSchema, response: { 200: notificationMatchViewSchema }, description: 'Adds a related_return link on the record.' },
  }, async (request) => decideMatch(request.ctx, request.params.matchId, 'confirmed'));

  app.post('/foreign-notifications/matches/:matchId/reject', {
    preHandler: collect, schema: { tags, params: notificationMatchParamSchema, response: { 200: notificationMatchViewSchema } },
  }, async (request) => decideMatch(request.ctx, request.params.matchId, 'rejected'));
};
