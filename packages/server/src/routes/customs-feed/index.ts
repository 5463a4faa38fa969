import type { MultipartFile } from '@fastify/multipart';
import {
  customsDeclarationBatchSchema, customsDeclarationQuerySchema, customsDeclarationRowSchema, customsDeclarationViewSchema,
  entryIdParamSchema, feedLoadResultSchema, feedLoadRowSchema, pageOf, pageQuerySchema,
} from '@returntrace/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { ProblemError, validationProblem } from '../../errors';
import { requirePermission } from '../../plugins/auth';
import { FEED_CONTENT_TYPES, feedTemplateCsv, feedTemplateXlsx, type FeedFileFormat } from '../../use-cases/customs-feed/files';
import { loadBatch, loadUpload } from '../../use-cases/customs-feed/load';
import { getDeclaration, listDeclarations, listLoads } from '../../use-cases/customs-feed/query';

const tags = ['customs declarations'];
/** A batch of 1 000 declarations with many lines is far larger than the default body limit. */
const BATCH_BODY_LIMIT = 32 * 1024 * 1024;
/** Spreadsheet uploads: the multipart file limit of this route. */
const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

const uploadResultSchema = feedLoadResultSchema.extend({ format: z.enum(['csv', 'xlsx']), rows: z.number().int() });

/** Reads the `file` part of a multipart upload. */
async function readUpload(request: FastifyRequest): Promise<{ file: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new ProblemError(415, 'unsupported_media_type', {
      en: 'Send the file as multipart/form-data in the field "file"', zh: '请以 multipart/form-data 格式在“file”字段中上传文件',
    });
  }
  let file: Buffer | undefined;
  let fileName = '';
  for await (const part of request.parts({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } })) {
    if (part.type !== 'file') continue;
    const f = part as MultipartFile;
    const buf = await f.toBuffer();
    if (f.file.truncated) {
      throw new ProblemError(413, 'payload_too_large', {
        en: `The file is larger than ${UPLOAD_MAX_BYTES / 1048576} MB; load large files with the bulk loader`,
        zh: `文件超过 ${UPLOAD_MAX_BYTES / 1048576} MB；大文件请使用批量装载工具`,
      });
    }
    if (part.fieldname === 'file' && !file) {
      file = buf;
      fileName = part.filename.replace(/[\\/]/g, '_').slice(0, 200);
    }
  }
  if (!file) throw validationProblem([{ field: 'file', code: 'required', message: 'Attach the file in the field "file"', messageZh: '请在“file”字段中附上文件' }]);
  return { file, fileName };
}

function sendTemplate(reply: FastifyReply, format: FeedFileFormat, body: Buffer): FastifyReply {
  return reply
    .header('Content-Disposition', `attachment; filename="customs-declarations-template.${format}"`)
    .type(FEED_CONTENT_TYPES[format])
    .send(body);
}

export const customsFeedRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const read = requirePermission('customs_feed.read');
  const load = requirePermission('customs_feed.load');

  app.post('/customs-declarations/batch', {
    preHandler: load,
    bodyLimit: BATCH_BODY_LIMIT,
    schema: {
      tags, body: customsDeclarationBatchSchema, response: { 200: feedLoadResultSchema },
      description: 'Up to 1 000 declarations; each is inserted or, when its entryId exists, updated with its lines replaced. All or nothing.',
    },
  }, async (request) => loadBatch(request.ctx, request.body.declarations));

  app.post('/customs-declarations/upload', {
    preHandler: load,
    schema: {
      tags, consumes: ['multipart/form-data'], response: { 200: uploadResultSchema },
      description: 'multipart/form-data `file`: CSV (UTF-8) or XLSX in the template\'s flat format (one row per goods line). A bad row refuses the whole file.',
    },
  }, async (request) => {
    const upload = await readUpload(request);
    return loadUpload(request.ctx, upload.file, upload.fileName);
  });

  app.get('/customs-declarations/template.xlsx', { preHandler: load, schema: { tags, description: 'Excel template with both header languages and an example row' } },
    async (_request, reply) => sendTemplate(reply, 'xlsx', await feedTemplateXlsx()));

  app.get('/customs-declarations/template.csv', { preHandler: load, schema: { tags, description: 'CSV template (UTF-8 with BOM) with bilingual headers and an example row' } },
    async (_request, reply) => sendTemplate(reply, 'csv', feedTemplateCsv()));

  app.get('/customs-declarations/loads', {
    preHandler: load, schema: { tags, querystring: pageQuerySchema, response: { 200: pageOf(feedLoadRowSchema) } },
  }, async (request) => listLoads(request.ctx, request.query));

  app.get('/customs-declarations', {
    preHandler: read, schema: { tags, querystring: customsDeclarationQuerySchema, response: { 200: pageOf(customsDeclarationRowSchema) } },
  }, async (request) => listDeclarations(request.ctx, request.query));

  app.get('/customs-declarations/:entryId', {
    preHandler: read, schema: { tags, params: entryIdParamSchema, response: { 200: customsDeclarationViewSchema } },
  }, async (request) => getDeclaration(request.ctx, request.params.entryId));
};
