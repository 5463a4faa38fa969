import {
  crimeLeadSchema, investigationTypeOverrideSchema, riskInfoCreateSchema, riskInfoListQuerySchema, riskInfoListSchema,
  riskInfoReasonSchema, riskInfoReviewSchema, riskInfoTransferSchema, riskInfoUpdateSchema, riskInfoViewSchema,
  uuidParamSchema, type RiskInfoView,
} from '@returntrace/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { requirePermission } from '../../plugins/auth';
import { loadRiskInfoView } from '../../use-cases/risk-info/load';
import { listRiskInfo } from '../../use-cases/risk-info/query';
import { markCrimeLead, overrideType, redecideType } from '../../use-cases/risk-info/type-and-leads';
import {
  answerTransfer, createManualRiskInfo, dismissOrReopen, reviewRiskInfo, transferRiskInfo, updateRiskInfo,
} from '../../use-cases/risk-info/workflow';
import { ifMatchVersion, setEtag } from '../if-match';

const tags = ['risk-info'];
const ifMatchHeaders = z.object({ 'if-match': z.string().optional().meta({ description: 'If-Match: "<version>" from the ETag (stale → 412)' }) });
const createdSchema = z.object({ duplicate: z.boolean(), record: riskInfoViewSchema });

const sendView = (reply: FastifyReply, view: RiskInfoView) => {
  setEtag(reply, view.version);
  return view;
};

/** 风险信息: records from every source, their collection form, review, transfer and acceptance. */
export const riskInfoRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  const read = requirePermission('risk_info.read');
  const collect = requirePermission('risk_info.collect');
  const review = requirePermission('risk_info.review');
  const accept = requirePermission('risk_info.accept');
  const action = { tags, params: uuidParamSchema, headers: ifMatchHeaders, response: { 200: riskInfoViewSchema } };

  app.get('/risk-info', { preHandler: read, schema: { tags, querystring: riskInfoListQuerySchema, response: { 200: riskInfoListSchema } } },
    async (request) => listRiskInfo(request.ctx, request.query));

  app.post('/risk-info', {
    preHandler: collect,
    schema: {
      tags, body: riskInfoCreateSchema, response: { 201: createdSchema, 200: createdSchema },
      description: 'A record entered by hand. When a record on the same import declaration exists in the same directly-affiliated ' +
        'customs, nothing is created: a `duplicate_declaration` link is added to it and the answer is 200 `{ duplicate: true, record }`.',
    },
  }, async (request, reply) => {
    const out = await createManualRiskInfo(request.ctx, request.body);
    setEtag(reply, out.record.version);
    return reply.code(out.duplicate ? 200 : 201).send(out);
  });

  app.get('/risk-info/:id', { preHandler: read, schema: { tags, params: uuidParamSchema, response: { 200: riskInfoViewSchema } } },
    async (request, reply) => sendView(reply, await loadRiskInfoView(request.ctx.db, request.ctx.actor, request.params.id)));

  app.put('/risk-info/:id', { preHandler: collect, schema: { ...action, body: riskInfoUpdateSchema } },
    async (request, reply) => sendView(reply, await updateRiskInfo(request.ctx, request.params.id, request.body, ifMatchVersion(request))));

  app.post('/risk-info/:id/review', { preHandler: review, schema: { ...action, body: riskInfoReviewSchema } },
    async (request, reply) => sendView(reply, await reviewRiskInfo(request.ctx, request.params.id, request.body.opinion, ifMatchVersion(request))));

  app.post('/risk-info/:id/dismiss', { preHandler: review, schema: { ...action, body: riskInfoReasonSchema } },
    async (request, reply) => sendView(reply, await dismissOrReopen(request.ctx, request.params.id, 'dismiss', request.body.reason, ifMatchVersion(request))));

  app.post('/risk-info/:id/reopen', { preHandler: review, schema: { ...action, body: riskInfoReasonSchema } },
    async (request, reply) => sendView(reply, await dismissOrReopen(request.ctx, request.params.id, 'reopen', request.body.reason, ifMatchVersion(request))));

  app.post('/risk-info/:id/transfer', {
    preHandler: review,
    schema: { ...action, body: riskInfoTransferSchema, description: 'To any active organisation except enterprises; to the record\'s own office the record is accepted at once.' },
  }, async (request, reply) => sendView(reply, await transferRiskInfo(request.ctx, request.params.id, request.body, ifMatchVersion(request))));

  app.post('/risk-info/:id/accept', { preHandler: accept, schema: action },
    async (request, reply) => sendView(reply, await answerTransfer(request.ctx, request.params.id, 'accept', '', ifMatchVersion(request))));

  app.post('/risk-info/:id/decline', { preHandler: accept, schema: { ...action, body: riskInfoReasonSchema } },
    async (request, reply) => sendView(reply, await answerTransfer(request.ctx, request.params.id, 'decline', request.body.reason, ifMatchVersion(request))));

  app.post('/risk-info/:id/type-override', { preHandler: review, schema: { ...action, body: investigationTypeOverrideSchema } },
    async (request, reply) => sendView(reply, await overrideType(request.ctx, request.params.id, request.body, ifMatchVersion(request))));

  app.post('/risk-info/:id/redecide', { preHandler: collect, schema: action },
    async (request, reply) => sendView(reply, await redecideType(request.ctx, request.params.id, ifMatchVersion(request))));

  app.post('/risk-info/:id/crime-lead', { preHandler: review, schema: { ...action, body: crimeLeadSchema } },
    async (request, reply) => sendView(reply, await markCrimeLead(request.ctx, request.params.id, request.body, ifMatchVersion(request))));
};
