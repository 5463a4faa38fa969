import { ATTACHMENT_MAX_BYTES, uuidParamSchema } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { PdfRenderer } from '../../print/pdf-renderer';
import { printCollectionForm } from '../../print/print-collection-form';
import { contentDisposition } from '../../security/content-disposition';
import { downloadRiskInfoFile, listRiskInfoFiles, uploadRiskInfoFile } from '../../use-cases/risk-info/files';
import { exportCrimeLeadsXlsx } from '../../use-cases/risk-info/query';
import { readUpload } from '../export-returns/attachments';

const tags = ['risk-info'];
const fileSchema = z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string() });
const fileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

/** What leaves the system from a record: the printed collection form, files, the crime-lead list. */
export const riskInfoDocumentRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const read = requirePermission('risk_info.read');
  // The font is looked for once, at start-up; the worker that renders is started on the first print.
  const renderer = new PdfRenderer(deps.config.pdfFont);
  app.addHook('onClose', async () => renderer.stop());

  app.get('/risk-info/crime-leads.xlsx', {
    preHandler: requirePermission('risk_info.export_crime_leads'),
    schema: { tags, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], description: 'Crime leads (涉案线索) in the caller\'s jurisdiction; audited.' },
  }, async (request, reply) => {
    const { buffer } = await exportCrimeLeadsXlsx(request.ctx);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', contentDisposition('attachment', '涉案线索.xlsx'))
      .send(buffer);
  });

  app.get('/risk-info/:id/collection-form.pdf', {
    preHandler: read,
    schema: {
      tags, params: uuidParamSchema, produces: ['application/pdf'],
      description: 'The collection form (出口退运货物追溯调查信息采集表) as a Chinese PDF; audited. 503 `unavailable` without a CJK font.',
    },
  }, async (request, reply) => {
    const printed = await printCollectionForm(request.ctx, renderer, request.params.id);
    return reply.type('application/pdf').header('Content-Disposition', contentDisposition('inline', printed.fileName)).send(printed.pdf);
  });

  app.get('/risk-info/:id/files', { preHandler: read, schema: { tags, params: uuidParamSchema, response: { 200: z.object({ items: z.array(fileSchema) }) } } },
    async (request) => ({ items: await listRiskInfoFiles(request.ctx, request.params.id) }));

  app.post('/risk-info/:id/files', {
    preHandler: read,
    schema: {
      tags, params: uuidParamSchema, consumes: ['multipart/form-data'], response: { 201: fileSchema },
      description: `multipart/form-data, one file in the field \`file\`: PDF, JPEG or PNG recognised by content, at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB; ` +
        'the collecting office or the organisation the record is transferred to.',
    },
  }, async (request, reply) => {
    const file = await readUpload(request);
    return reply.code(201).send(await uploadRiskInfoFile(request.ctx, request.params.id, file));
  });

  app.get('/risk-info/:id/files/:fileId', {
    preHandler: read,
    schema: { tags, params: fileParams, produces: ['application/pdf', 'image/jpeg', 'image/png'], description: 'Downloads the file (audited).' },
    // a stored file is never rendered as an active document
    onSend: async (_request, reply, payload) => {
      if (reply.statusCode === 200) reply.header('Content-Security-Policy', "sandbox; default-src 'none'");
      return payload;
    },
  }, async (request, reply) => {
    const f = await downloadRiskInfoFile(request.ctx, request.params.id, request.params.fileId);
    return reply.type(f.mediaType).header('Content-Disposition', contentDisposition('attachment', f.fileName)).header('X-Content-Type-Options', 'nosniff').send(f.content);
  });
};
