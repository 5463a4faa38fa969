import {
  findingsSchema, investigationAssigneesSchema, investigationListQuerySchema, investigationListSchema, investigationMemberSchema,
  investigationNoteSchema, investigationOpenSchema, investigationSummarySchema, investigationTransitionSchema,
  investigationViewSchema, questionnaireReturnSchema, questionnaireSendSchema, uuidParamSchema, visitSchema,
} from '@returntrace/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { auditAlone } from '../../audit/audit';
import { fieldProblem } from '../../errors';
import { requirePermission, requireSession } from '../../plugins/auth';
import { accessDenials } from '../../use-cases/investigations/access';
import { addMember, addNote, addVisit, listAssignees, removeMember } from '../../use-cases/investigations/collaboration';
import { downloadCaseFile, uploadCaseFile } from '../../use-cases/investigations/files';
import { saveFindings } from '../../use-cases/investigations/findings';
import { openInvestigation } from '../../use-cases/investigations/open';
import { investigationSummary, listInvestigations } from '../../use-cases/investigations/query';
import { acceptQuestionnaire, returnQuestionnaire, sendQuestionnaire, withdrawQuestionnaire } from '../../use-cases/investigations/questionnaires';
import { loadCase } from '../../use-cases/investigations/access';
import { toInvestigationView } from '../../use-cases/investigations/view';
import { transitionInvestigation } from '../../use-cases/investigations/transitions';
import { ifMatchVersion } from '../if-match';
import { readUpload, sandboxOnSend, sendFile, UPLOAD_DESCRIPTION } from './upload';

const tags = ['investigations'];
const view = { 200: investigationViewSchema };
const fileMetaSchema = z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string() });
const memberParams = z.strictObject({ id: z.uuid(), memberId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const fileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
const ifMatch = z.object({ 'if-match': z.string().optional().meta({ description: 'If-Match: "<findingsVersion>" (required: missing 428, stale 412)' }) });

/**
 * 追溯调查: cases opened from accepted risk information, their workflow, findings, collaborators, notes, visits,
 * evidence and the written-investigation questionnaires. Access per case is decided by use-cases/investigations/access.ts.
 */
export const investigationRoutes = (_deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  // a refusal by the case's access rules is a denial like any other: audited after its transaction rolled back
  app.addHook('onError', async (request, _reply, error) => {
    if (accessDenials.has(error)) {
      await auditAlone(request.ctx, {
        action: 'access.denied', result: 'denied', objectType: 'investigation', objectId: String((request.params as { id?: string })?.id ?? ''),
        detail: { route: `${request.method} ${request.routeOptions.url ?? ''}` },
      });
    }
  });

  app.post('/investigations', { preHandler: requirePermission('investigations.manage'), schema: { tags, body: investigationOpenSchema, response: { 201: investigationViewSchema } } },
    async (request, reply) => reply.code(201).send(await openInvestigation(request.ctx, request.body)));

  app.get('/investigations', { preHandler: requireSession, schema: { tags, querystring: investigationListQuerySchema, response: { 200: investigationListSchema } } },
    async (request) => listInvestigations(request.ctx, request.query));

  app.get('/investigations/summary', { preHandler: requireSession, schema: { tags, response: { 200: investigationSummarySchema } } },
    async (request) => investigationSummary(request.ctx));

  app.get('/investigations/:id', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, response: view } },
    async (request) => toInvestigationView(request.ctx, await loadCase(request.ctx, request.params.id)));

  app.get('/investigations/:id/assignees', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, response: { 200: investigationAssigneesSchema } } },
    async (request) => listAssignees(request.ctx, request.params.id));

  app.post('/investigations/:id/transition', {
    preHandler: requireSession,
    schema: { tags, params: uuidParamSchema, body: investigationTransitionSchema, headers: z.object({ 'if-match': z.string().optional() }), response: view },
  }, async (request) => transitionInvestigation(request.ctx, request.params.id, request.body, ifMatchVersion(request)));

  app.put('/investigations/:id/findings', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, body: findingsSchema, headers: ifMatch, response: view } },
    async (request) => saveFindings(request.ctx, request.params.id, request.body, ifMatchVersion(request)));

  app.post('/investigations/:id/members', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, body: investigationMemberSchema, response: view } },
    async (request) => addMember(request.ctx, request.params.id, request.body));

  app.delete('/investigations/:id/members/:memberId', { preHandler: requireSession, schema: { tags, params: memberParams, response: view } },
    async (request) => removeMember(request.ctx, request.params.id, request.params.memberId));

  app.post('/investigations/:id/notes', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, body: investigationNoteSchema, response: view } },
    async (request) => addNote(request.ctx, request.params.id, request.body.body));

  app.post('/investigations/:id/visits', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, body: visitSchema, response: view } },
    async (request) => addVisit(request.ctx, request.params.id, request.body));

  app.post('/investigations/:id/files', {
    preHandler: requireSession,
    schema: {
      tags, params: uuidParamSchema, consumes: ['multipart/form-data'], response: { 201: fileMetaSchema },
      description: `${UPLOAD_DESCRIPTION} Text fields: \`kind\` = evidence | photo (photos must be pictures), optional \`visitId\`.`,
    },
  }, async (request, reply) => {
    const up = await readUpload(request);
    const kind = up.fields.kind ?? 'evidence';
    if (kind !== 'evidence' && kind !== 'photo') throw fieldProblem('kind', 'invalid_enum', { en: 'kind is evidence or photo', zh: '文件类别须为证据材料或照片' });
    const visitId = up.fields.visitId || undefined;
    if (visitId !== undefined && !z.uuid().safeParse(visitId).success) throw fieldProblem('visitId', 'invalid_uuid', { en: 'Not a visit id', zh: '现场调查记录编号有误' });
    return reply.code(201).send(await uploadCaseFile(request.ctx, request.params.id, { fileName: up.fileName, bytes: up.bytes, kind, visitId }));
  });

  app.get('/investigations/:id/files/:fileId', { preHandler: requireSession, schema: { tags, params: fileParams, description: 'Downloads the file (audited).' }, onSend: sandboxOnSend },
    async (request, reply) => sendFile(reply, await downloadCaseFile(request.ctx, request.params.id, request.params.fileId)));

  app.post('/investigations/:id/questionnaires', {
    preHandler: requireSession, schema: { tags, params: uuidParamSchema, body: questionnaireSendSchema, response: { 201: investigationViewSchema } },
  }, async (request, reply) => reply.code(201).send(await sendQuestionnaire(request.ctx, request.params.id, request.body)));

  app.post('/questionnaires/:id/accept', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, response: view } },
    async (request) => acceptQuestionnaire(request.ctx, request.params.id));

  app.post('/questionnaires/:id/return', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, body: questionnaireReturnSchema, response: view } },
    async (request) => returnQuestionnaire(request.ctx, request.params.id, request.body.reason));

  app.post('/questionnaires/:id/withdraw', { preHandler: requireSession, schema: { tags, params: uuidParamSchema, response: view } },
    async (request) => withdrawQuestionnaire(request.ctx, request.params.id));
};
