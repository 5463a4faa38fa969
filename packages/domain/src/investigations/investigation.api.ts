/** Request and response shapes of /api/v1/investigations and the enterprise portal, shared with the web UI. */
import { z } from 'zod';
import { pageOf, pageQuerySchema, plainText, text } from '../api/common';
import { INVESTIGATION_TYPES } from '../risk-info/risk-info.schema';
import { findingsSchema } from './findings.schema';
import { INVESTIGATION_EVENTS, INVESTIGATION_STATES } from './investigation.machine';
import { QUESTION_SECTIONS, QUESTIONNAIRE_STATES, questionnaireAnswerSchema } from './questionnaire.schema';

const name = z.object({ zh: z.string(), en: z.string() });
const orgRef = z.object({ id: z.uuid(), name });
const userRef = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });

/** Opening a case from an accepted risk-information record: the type is the record's effective type. */
export const investigationOpenSchema = z.strictObject({ riskInfoId: z.uuid() });
/** A state change; `reason` is required by the events that need one (machine `needsReason`). */
export const investigationTransitionSchema = z.strictObject({
  event: z.enum(INVESTIGATION_EVENTS),
  reason: plainText(1000).default(''),
  /** for assign / reassign: the lead investigator (a user of the investigating organisation) */
  leadInvestigatorId: z.uuid().optional(),
});
export const investigationMemberSchema = z.strictObject({
  /** a user of another body (or the same), or a whole organisation when userId is absent */
  orgId: z.uuid(),
  userId: z.uuid().optional(),
  access: z.enum(['edit', 'read']),
});
export const investigationNoteSchema = z.strictObject({ body: plainText(3000, 1) });
export const visitSchema = z.strictObject({
  visitedOn: z.iso.date(),
  place: text(200, 1),
  people: text(500, 1),
  observations: plainText(5000, 1),
});

export const questionnaireViewSchema = z.object({
  id: z.uuid(),
  investigationId: z.uuid(),
  caseNo: z.string(),
  enterprise: orgRef,
  sections: z.array(z.enum(QUESTION_SECTIONS)),
  questions: z.array(z.string()),
  message: z.string(),
  dueOn: z.string(),
  state: z.enum(QUESTIONNAIRE_STATES),
  overdue: z.boolean(),
  sentAt: z.string(),
  sentBy: z.string(),
  answer: questionnaireAnswerSchema.nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  returnReason: z.string(),
  remindersSent: z.number().int(),
  files: z.array(z.object({ id: z.uuid(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string() })),
  allowedActions: z.array(z.enum(['answer', 'accept', 'return', 'withdraw', 'upload'])),
}).meta({ id: 'Questionnaire' });
export type QuestionnaireView = z.infer<typeof questionnaireViewSchema>;

export const investigationViewSchema = z.object({
  id: z.uuid(),
  /** 调查编号 */
  caseNo: z.string(),
  type: z.enum(INVESTIGATION_TYPES),
  state: z.enum(INVESTIGATION_STATES),
  riskInfo: z.object({ id: z.uuid(), infoNo: z.string(), title: z.string() }),
  office: orgRef,
  investigatingOrg: orgRef,
  enterprise: orgRef.nullable(),
  leadInvestigator: userRef.nullable(),
  members: z.array(z.object({ id: z.number().int(), org: orgRef, user: userRef.nullable(), access: z.enum(['edit', 'read']) })),
  dueAt: z.string(),
  overdue: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  findings: findingsSchema,
  findingsVersion: z.number().int(),
  /** goods flow against the declaration's intended disposal; null when there is no declaration or no flow yet */
  disposalCheck: z.object({ intended: z.array(z.string()), actual: z.string(), matches: z.boolean() }).nullable(),
  visits: z.array(visitSchema.extend({ id: z.uuid(), createdBy: z.string(), createdAt: z.string() })),
  files: z.array(z.object({ id: z.uuid(), kind: z.enum(['evidence', 'photo']), visitId: z.uuid().nullable(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedBy: z.string(), uploadedAt: z.string() })),
  /** internal notes: never sent to enterprise users */
  notes: z.array(z.object({ id: z.number().int(), body: z.string(), by: z.string(), at: z.string() })),
  history: z.array(z.object({ event: z.string(), from: z.string(), to: z.string(), reason: z.string(), by: z.string(), at: z.string() })),
  questionnaires: z.array(questionnaireViewSchema),
  /** the caller's access: manage (owning office), edit (lead or edit collaborator), read */
  access: z.enum(['manage', 'edit', 'read']),
  allowedActions: z.array(z.enum([...INVESTIGATION_EVENTS, 'edit_findings', 'add_visit', 'upload', 'add_note', 'add_member', 'send_questionnaire'])),
  version: z.number().int(),
}).meta({ id: 'Investigation' });
export type InvestigationView = z.infer<typeof investigationViewSchema>;

export const investigationListQuerySchema = pageQuerySchema.extend({
  q: text(100).optional(),
  state: z.enum(INVESTIGATION_STATES).optional(),
  type: z.enum(INVESTIGATION_TYPES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** `mine`: cases where the caller is the lead or a member */
  mine: z.enum(['true', 'false']).optional(),
});
export const investigationListItemSchema = investigationViewSchema.pick({
  id: true, caseNo: true, type: true, state: true, riskInfo: true, office: true, investigatingOrg: true, enterprise: true,
  leadInvestigator: true, dueAt: true, overdue: true, openedAt: true, closedAt: true,
});
export const investigationListSchema = pageOf(investigationListItemSchema);

/** What an enterprise sees of a case in its portal: requests, due dates, outcome — never internal notes. */
export const enterpriseCaseViewSchema = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  type: z.enum(INVESTIGATION_TYPES),
  state: z.enum(INVESTIGATION_STATES),
  office: orgRef,
  investigatingOrg: orgRef,
  openedAt: z.string(),
  dueAt: z.string(),
  closedAt: z.string().nullable(),
  /** the conclusion and corrective actions, once the case is closed */
  outcome: z.object({ summary: z.string(), correctiveActions: z.array(z.object({ action: z.string(), dueOn: z.string(), done: z.boolean() })) }).nullable(),
  questionnaires: z.array(questionnaireViewSchema),
}).meta({ id: 'EnterpriseCase' });
export type EnterpriseCaseView = z.infer<typeof enterpriseCaseViewSchema>;

/**
 * GET /investigations/summary — the home-page cards. Customs and bodies (investigations.read) get their counters;
 * an enterprise (investigations.respond) gets its questionnaires still awaiting an answer, soonest due first.
 */
export const investigationSummarySchema = z.object({
  /** open (not closed) cases where the caller is the lead investigator or a member */
  mineOpen: z.number().int(),
  /** running cases in the caller's scope past their due date */
  overdue: z.number().int(),
  /** questionnaires awaiting an answer past their due date (in scope, or the enterprise's own) */
  questionnairesOverdue: z.number().int(),
  /** enterprise only (empty otherwise): questionnaires awaiting its answer */
  openQuestionnaires: z.array(z.object({
    id: z.uuid(), caseId: z.uuid(), caseNo: z.string(), dueOn: z.string(), overdue: z.boolean(),
    state: z.enum(QUESTIONNAIRE_STATES),
  })),
}).meta({ id: 'InvestigationSummary' });
export type InvestigationSummary = z.infer<typeof investigationSummarySchema>;

/** GET /investigations/:id/assignees — users of the investigating organisation who may lead the case (manage access). */
export const investigationAssigneesSchema = z.array(userRef.extend({ orgId: z.uuid() }));
