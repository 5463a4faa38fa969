import type { MultipartFile } from '@fastify/multipart';
import {
  ATTACHMENT_MAX_BYTES, attachmentListSchema, attachmentParamsSchema, attachmentSchema, uuidParamSchema,
} from '@returntrace/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { ProblemError, validationProblem } from '../../errors';
import { requirePermission } from '../../plugins/auth';
import { contentDisposition } from '../../security/content-disposition';
import {
  deleteAttachment, downloadAttachment, listAttachments, uploadAttachment, type UploadedFile,
} from '../../use-cases/export-returns/attachments';

const tags = ['export returns'];
const MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;

const tooLarge = (): ProblemError =>
  new ProblemError(413, 'payload_too_large', { en: `The file is larger than ${MB} MB`, zh: `文件超过 ${MB} MB` }, [{
    field: 'file', code: 'file_too_large', message: `At most ${MB} MB per file`, messageZh: `单个文件不能超过 ${MB} MB`,
  }]);

/**
 * Reads the one file of a multipart upload (field `file`). The size limit is enforced while streaming, so an
 * oversized body is cut off at 5 MB instead of being buffered. `preservePath` keeps the name exactly as sent so
 * that a name with `../` is refused rather than silently shortened.
 */
export async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new ProblemError(415, 'unsupported_media_type', {
      en: 'Send the file as multipart/form-data in the field "file"', zh: '请以 multipart/form-data 格式在“file”字段中上传文件',
    });
  }
  let found: UploadedFile | undefined;
  try {
    const parts = request.parts({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 }, preservePath: true });
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      const bytes = await (part as MultipartFile).toBuffer();
      if (part.fieldname === 'file') found = { fileName: part.filename, bytes };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw validationProblem([{ field: 'file', code: 'one_file', message: 'Upload one file per request', messageZh: '每次只能上传一个文件' }]);
    }
    throw err;
  }
  if (!found) {
    throw validationProblem([{ field: 'file', code: 'required', message: 'Choose a file (form field "file")', messageZh: '请选择要上传的文件（表单字段 file）' }]);
  }
  return found;
}

/** Accompanying documents (随附单据, Alt+U) of an export-return declaration. */
export const exportReturnAttachmentRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const read = requirePermission('export_returns.read');
  const declare = requirePermission('export_returns.declare');

  app.get('/export-returns/:id/attachments', {
    preHandler: read, schema: { tags, params: uuidParamSchema, response: { 200: attachmentListSchema } },
  }, async (request) => ({ items: await listAttachments(request.ctx, request.params.id) }));

  app.post('/export-returns/:id/attachments', {
    preHandler: declare,
    schema: {
      tags, params: uuidParamSchema, consumes: ['multipart/form-data'], response: { 201: attachmentSchema },
      description: `multipart/form-data, one file in the field \`file\`: PDF, JPEG or PNG recognised by content, at most ${MB} MB ` +
        '(413 naming `file` above), the name\'s extension matching the content; the name is NFC-normalised and refused (400 ' +
        'naming `fileName`) with path separators, "..", control characters or more than 120 characters. At most 20 files per ' +
        'declaration; only the declaring enterprise, only while the declaration is editable (409 otherwise).',
    },
  }, async (request, reply) => {
    const file = await readUpload(request);
    return reply.code(201).send(await uploadAttachment(request.ctx, request.params.id, file));
  });

  app.get('/export-returns/:id/attachments/:attId', {
    preHandler: read,
    schema: { tags, params: attachmentParamsSchema, produces: ['application/pdf', 'image/jpeg', 'image/png'], description: 'Downloads the file (audited).' },
    // Runs after the application-wide header hook: a stored file is never rendered as an active document.
    onSend: async (_request, reply, payload) => {
      if (reply.statusCode === 200) reply.header('Content-Security-Policy', "sandbox; default-src 'none'");
      return payload;
    },
  }, async (request, reply) => {
    const file = await downloadAttachment(request.ctx, request.params.id, request.params.attId);
    return reply
      .type(file.mediaType)
      .header('Content-Disposition', contentDisposition('attachment', file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .send(file.content);
  });

  app.delete('/export-returns/:id/attachments/:attId', {
    preHandler: declare, schema: { tags, params: attachmentParamsSchema },
  }, async (request, reply) => {
    await deleteAttachment(request.ctx, request.params.id, request.params.attId);
    return reply.code(204).send();
  });
};
