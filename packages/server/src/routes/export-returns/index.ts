import {
  auditDecisionSchema, auditQueueQuerySchema, backfillParamsSchema, backfillSchema, batchDeleteResultSchema,
  batchDeleteSchema, exportReturnDashboardSchema, exportReturnInputSchema, exportReturnQuerySchema, exportReturnRowSchema,
  exportReturnViewSchema, pageOf, receiptSchema, uuidParamSchema,
} from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requirePermission, requireSession } from '../../plugins/auth';
import { getBackfill } from '../../use-cases/export-returns/backfill';
import { activeReasons } from '../../use-cases/export-returns/declaration-input';
import { decideExportReturn } from '../../use-cases/export-returns/decision';
import { exportExportReturnsXlsx } from '../../use-cases/export-returns/export-xlsx';
import { getExportReturn } from '../../use-cases/export-returns/load';
import { auditQueue, exportReturnDashboard, listExportReturns, listReceipts } from '../../use-cases/export-returns/query';
import {
  batchDeleteExportReturns, createExportReturn, deleteExportReturn, saveExportReturn, submitExportReturn,
} from '../../use-cases/export-returns/workflow';
import { idempotencyKeyOf, requestDigest, withIdempotency } from '../../use-cases/idempotency';
import { ifMatchVersion, setEtag } from '../if-match';

const tags = ['export-returns'];
const reasonSchema = z.object({
  code: z.string(), category: z.string(), nameZh: z.string(), nameEn: z.string(), safetyHealthEnv: z.boolean(),
  technicalBarrier: z.boolean(), foreignOfficial: z.boolean(), overseasProjectEquipment: z.boolean(), sortOrder: z.number().int(), active: z.boolean(),
});
const ifMatchHeader = { description: 'If-Match: "<version>" from the ETag (required: missing 428, stale 412)' };

/** 出口退货申请 and 出口退货信息查询: the declaration workflow, the customs side and the query. */
export const exportReturnRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const declare = requirePermission('export_returns.declare');
  const read = requirePermission('export_returns.read');
  const auditor = requirePermission('export_returns.audit');

  app.get('/export-returns/reasons', { preHandler: requireSession, schema: { tags, response: { 200: z.object({ items: z.array(reasonSchema) }) } } },
    async (request) => ({ items: await activeReasons(request.ctx.db) }));

  // the number is checked by the use-case so that format errors name the field `importDeclarationNo` like the form does
  const backfillParams = z.strictObject({
    importDeclarationNo: z.string().max(64).meta({ description: backfillParamsSchema.shape.importDeclarationNo.description, examples: ['530120251000000011'] }),
  });
  app.get('/export-returns/backfill/:importDeclarationNo', { preHandler: declare, schema: { tags, params: backfillParams, response: { 200: backfillSchema } } },
    async (request) => getBackfill(request.ctx, request.params.importDeclarationNo));

  app.get('/export-returns', { preHandler: read, schema: { tags, querystring: exportReturnQuerySchema, response: { 200: pageOf(exportReturnRowSchema) } } },
    async (request) => listExportReturns(request.ctx, request.query));

  app.get('/export-returns/export.xlsx', { preHandler: read, schema: { tags, querystring: exportReturnQuerySchema } },
    async (request, reply) => {
      const { buffer } = await exportExportReturnsXlsx(request.ctx, request.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="export-returns.xlsx"; filename*=UTF-8''${encodeURIComponent('出口退货信息.xlsx')}`)
        .send(buffer);
    });

  app.get('/export-returns/audit-queue', { preHandler: auditor, schema: { tags, querystring: auditQueueQuerySchema, response: { 200: pageOf(exportReturnRowSchema) } } },
    async (request) => auditQueue(request.ctx, request.query));

  app.get('/export-returns/dashboard', { preHandler: read, schema: { tags, response: { 200: exportReturnDashboardSchema } } },
    async (request) => exportReturnDashboard(request.ctx));

  app.post('/export-returns/batch-delete', { preHandler: declare, schema: { tags, body: batchDeleteSchema, response: { 200: batchDeleteResultSchema } } },
    async (request) => batchDeleteExportReturns(request.ctx, request.body.ids));

  app.post('/export-returns', { preHandler: declare, schema: { tags, body: exportReturnInputSchema, response: { 201: exportReturnViewSchema } } },
    async (request, reply) => {
      const view = await createExportReturn(request.ctx, request.body);
      setEtag(reply, view.version);
      return reply.code(201).send(view);
    });

  app.get('/export-returns/:id', { preHandler: read, schema: { tags, params: uuidParamSchema, response: { 200: exportReturnViewSchema } } },
    async (request, reply) => {
      const view = await getExportReturn(request.ctx, request.params.id);
      setEtag(reply, view.version);
      return view;
    });

  app.put('/export-returns/:id', { preHandler: declare, schema: { tags, params: uuidParamSchema, body: exportReturnInputSchema, headers: z.object({ 'if-match': z.string().optional().meta(ifMatchHeader) }), response: { 200: exportReturnViewSchema } } },
    async (request, reply) => {
      const view = await saveExportReturn(request.ctx, request.params.id, request.body, ifMatchVersion(request));
      setEtag(reply, view.version);
      return view;
    });

  app.delete('/export-returns/:id', { preHandler: declare, schema: { tags, params: uuidParamSchema, headers: z.object({ 'if-match': z.string().optional().meta(ifMatchHeader) }) } },
    async (request, reply) => {
      await deleteExportReturn(request.ctx, request.params.id, ifMatchVersion(request));
      return reply.code(204).send();
    });

  app.post('/export-returns/:id/submit', {
    preHandler: declare,
    schema: {
      tags, params: uuidParamSchema, body: exportReturnInputSchema,
      headers: z.object({
        'if-match': z.string().optional().meta(ifMatchHeader),
        'idempotency-key': z.string().optional().meta({ description: 'same key and body replay the first answer; another body answers 422' }),
      }),
      response: { 200: exportReturnViewSchema },
    },
  }, async (request, reply) => {
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    const digest = requestDigest('POST', `/export-returns/${request.params.id}/submit`, request.body);
    const answer = await withIdempotency(request.ctx, key, digest, async () => ({
      statusCode: 200, body: await submitExportReturn(request.ctx, request.params.id, request.body, ifMatchVersion(request)),
    }));
    if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
    setEtag(reply, (answer.body as { version: number }).version);
    return reply.code(200).send(answer.body as z.infer<typeof exportReturnViewSchema>);
  });

  app.get('/export-returns/:id/receipts', { preHandler: read, schema: { tags, params: uuidParamSchema, response: { 200: z.object({ items: z.array(receiptSchema) }) } } },
    async (request) => listReceipts(request.ctx, request.params.id));

  app.post('/export-returns/:id/decision', { preHandler: auditor, schema: { tags, params: uuidParamSchema, body: auditDecisionSchema, response: { 200: exportReturnViewSchema } } },
    async (request, reply) => {
      const view = await decideExportReturn(request.ctx, request.params.id, request.body, ifMatchVersion(request));
      setEtag(reply, view.version);
      return view;
    });
};
