import { uuidParamSchema } from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { PdfRenderer } from '../../print/pdf-renderer';
import { printExportReturn } from '../../print/print-export-return';
import { contentDisposition } from '../../security/content-disposition';

const tags = ['export returns'];

/** Printing (打印, Alt+P): the declaration as a Chinese PDF. */
export const exportReturnPrintRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  // The font is looked for once, at start-up; the worker that renders is started on the first print.
  const renderer = new PdfRenderer(deps.config.pdfFont);
  if (!renderer.fontFound) {
    app.log.warn({ pdfFont: deps.config.pdfFont.path }, 'no CJK font for printing: install fonts-noto-cjk or set PDF_FONT; print endpoints answer 503');
  }
  app.addHook('onClose', async () => renderer.stop());

  app.get('/export-returns/:id/print.pdf', {
    preHandler: requirePermission('export_returns.read'),
    schema: {
      tags, params: uuidParamSchema, produces: ['application/pdf'],
      description: 'The declaration printed as a Chinese PDF (Noto Sans CJK): header, goods lines, other section, ' +
        'accompanying documents and receipts, print time in Beijing time. 503 `unavailable` when the server has no CJK font.',
    },
  }, async (request, reply) => {
    const printed = await printExportReturn(request.ctx, renderer, request.params.id);
    return reply
      .type('application/pdf')
      .header('Content-Disposition', contentDisposition('inline', printed.fileName))
      .send(printed.pdf);
  });
};
