import type { MultipartFile } from '@fastify/multipart';
import {
  REF_IMPORT_MODES, okSchema, pageOf, refDatasetInfoSchema, refDatasetParamSchema, refEntryParamSchema, refEntrySchema,
  refFieldError, refFileQuerySchema, refImportQuerySchema, refImportResultSchema, refListQuerySchema,
  type RefImportMode,
} from '@returntrace/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { ProblemError, validationProblem } from '../../errors';
import { requirePermission } from '../../plugins/auth';
import {
  createEntry, datasetOr404, deleteEntry, getEntry, listDatasets, listEntries, updateEntry,
} from '../../use-cases/refdata/entries';
import { datasetTemplate, exportDataset, importDataset, type RefFile } from '../../use-cases/refdata/transfer';

const tags = ['reference data'];
type Entry = z.infer<typeof refEntrySchema>;
/** JSON object bodies; the dataset's own schema validates them in the use-case (its errors name each field). */
const entryBodySchema = z.record(z.string(), z.unknown())
  .meta({ description: 'A row of the dataset: the columns listed by GET /refdata (on update, code may be omitted)' });

function sendFile(reply: FastifyReply, f: RefFile): FastifyReply {
  return reply
    .header('Content-Disposition', `attachment; filename="${f.fileName}"`)
    .type(f.contentType)
    .send(f.body);
}

/** Reads the multipart upload: the `file` part and an optional `mode` field. */
async function readUpload(request: FastifyRequest): Promise<{ file: Buffer; fileName: string; mode?: string }> {
  if (!request.isMultipart()) {
    throw new ProblemError(415, 'unsupported_media_type', {
      en: 'Send the file as multipart/form-data in the field "file"', zh: '请以 multipart/form-data 格式在“file”字段中上传文件',
    });
  }
  let file: Buffer | undefined;
  let fileName = '';
  let mode: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buf = await (part as MultipartFile).toBuffer();
      if (part.fieldname === 'file' && !file) {
        file = buf;
        fileName = part.filename.slice(0, 200);
      }
    } else if (part.fieldname === 'mode') {
      mode = String(part.value);
    }
  }
  if (!file) throw validationProblem([{ ...refFieldError('file', 'required') }]);
  return { file, fileName, ...(mode === undefined ? {} : { mode }) };
}

function importMode(field: string | undefined, query: RefImportMode | undefined): RefImportMode {
  const m = field ?? query ?? 'upsert';
  if (!(REF_IMPORT_MODES as readonly string[]).includes(m)) {
    throw validationProblem([{
      field: 'mode', code: 'invalid_mode', message: 'Must be upsert or replace', messageZh: '应为 upsert（新增并更新）或 replace（整体替换）',
    }]);
  }
  return m as RefImportMode;
}

export const refdataRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const read = requirePermission('refdata.read');
  const manage = requirePermission('refdata.manage');

  app.get('/refdata', { preHandler: read, schema: { tags, response: { 200: z.array(refDatasetInfoSchema) } } },
    async (request) => listDatasets(request.ctx));

  app.get('/refdata/:dataset', {
    preHandler: read,
    schema: { tags, params: refDatasetParamSchema, querystring: refListQuerySchema, response: { 200: pageOf(refEntrySchema) } },
  }, async (request) => {
    const page = await listEntries(request.ctx, datasetOr404(request.params.dataset), request.query);
    return { ...page, items: page.items as Entry[] };
  });

  app.get('/refdata/:dataset/export', {
    preHandler: read, schema: { tags, params: refDatasetParamSchema, querystring: refFileQuerySchema },
  }, async (request, reply) => sendFile(reply, await exportDataset(request.ctx, datasetOr404(request.params.dataset), request.query.format)));

  app.get('/refdata/:dataset/template', {
    preHandler: read, schema: { tags, params: refDatasetParamSchema, querystring: refFileQuerySchema },
  }, async (request, reply) => sendFile(reply, await datasetTemplate(datasetOr404(request.params.dataset), request.query.format)));

  app.get('/refdata/:dataset/:code', {
    preHandler: read, schema: { tags, params: refEntryParamSchema, response: { 200: refEntrySchema } },
  }, async (request) => (await getEntry(request.ctx, datasetOr404(request.params.dataset), request.params.code)) as Entry);

  app.post('/refdata/:dataset', {
    preHandler: manage, schema: { tags, params: refDatasetParamSchema, body: entryBodySchema, response: { 201: refEntrySchema } },
  }, async (request, reply) => {
    const row = await createEntry(request.ctx, datasetOr404(request.params.dataset), request.body);
    return reply.code(201).send(row as Entry);
  });

  app.put('/refdata/:dataset/:code', {
    preHandler: manage, schema: { tags, params: refEntryParamSchema, body: entryBodySchema, response: { 200: refEntrySchema } },
  }, async (request) => (await updateEntry(request.ctx, datasetOr404(request.params.dataset), request.params.code, request.body)) as Entry);

  app.delete('/refdata/:dataset/:code', {
    preHandler: manage, schema: { tags, params: refEntryParamSchema, response: { 200: okSchema } },
  }, async (request) => {
    await deleteEntry(request.ctx, datasetOr404(request.params.dataset), request.params.code);
    return { ok: true as const };
  });

  app.post('/refdata/:dataset/import', {
    preHandler: manage,
    schema: {
      tags, params: refDatasetParamSchema, querystring: refImportQuerySchema, consumes: ['multipart/form-data'],
      description: 'multipart/form-data: `file` (CSV UTF-8 or XLSX, told apart by content) and optional `mode` (upsert | replace)',
      response: { 200: refImportResultSchema },
    },
  }, async (request) => {
    const id = datasetOr404(request.params.dataset);
    const upload = await readUpload(request);
    return importDataset(request.ctx, id, { file: upload.file, fileName: upload.fileName, mode: importMode(upload.mode, request.query.mode) });
  });
};
