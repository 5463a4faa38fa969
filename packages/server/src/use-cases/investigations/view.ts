/**
 * Presenting a case: the officers' view (`InvestigationView`, with internal notes) and the questionnaire view shared
 * with the enterprise portal. Names of people and organisations are read in two batched queries.
 */
import {
  asc, eq, exportReturns, inArray, investigationFiles, investigationHistory, investigationNotes, investigationVisits,
  organisations, questionnaires, riskInfos, users, type DbOrTx,
} from '@returntrace/db';
import {
  allowedInvestigationEvents, allowedQuestionnaireEvents, beijingDate, findingsSchema, GOODS_FLOW_TO_DISPOSAL,
  isQuestionnaireOverdue, RUNNING_INVESTIGATION_STATES, type Findings, type InvestigationState, type InvestigationType,
  type InvestigationView, type QuestionnaireAnswer, type QuestionnaireState, type QuestionnaireView,
} from '@returntrace/domain';
import type { Ctx } from '../../context';
import { accessForEvent, hasAccess, type CaseRow, type LoadedCase } from './access';
import { inSeries } from '../in-series';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
type OrgRef = { id: string; name: { zh: string; en: string } };
type UserRef = { id: string; username: string; displayName: string };

/** Findings may be edited while the case is assigned or in progress. */
export const FINDINGS_EDITABLE: readonly InvestigationState[] = ['assigned', 'in_progress'];
/** Questionnaires may be sent while the investigation is under way. */
export const QUESTIONNAIRE_SENDABLE: readonly InvestigationState[] = ['assigned', 'in_progress'];

export const isOverdue = (row: Pick<CaseRow, 'state' | 'dueAt'>, now: Date): boolean =>
  RUNNING_INVESTIGATION_STATES.includes(row.state as InvestigationState) && now.getTime() > row.dueAt.getTime();

export async function orgRefs(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, OrgRef>> {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (!want.length) return new Map();
  const rows = await db.select({ id: organisations.id, zh: organisations.nameZh, en: organisations.nameEn }).from(organisations)
    .where(inArray(organisations.id, want));
  return new Map(rows.map((r) => [r.id, { id: r.id, name: { zh: r.zh, en: r.en } }]));
}

export async function userRefs(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (!want.length) return new Map();
  const rows = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users)
    .where(inArray(users.id, want));
  return new Map(rows.map((r) => [r.id, r]));
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const nameOf = (m: Map<string, UserRef>, id: string | null): string => (id ? (m.get(id)?.displayName ?? '') : '');

/** Metadata of the files of the questionnaires given, grouped by questionnaire. */
async function answerFiles(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return new Map<string, QuestionnaireView['files']>();
  const rows = await db.select({
    id: investigationFiles.id, questionnaireId: investigationFiles.questionnaireId, fileName: investigationFiles.fileName,
    mediaType: investigationFiles.mediaType, size: investigationFiles.size, uploadedAt: investigationFiles.uploadedAt,
  }).from(investigationFiles).where(inArray(investigationFiles.questionnaireId, [...ids])).orderBy(asc(investigationFiles.uploadedAt));
  const out = new Map<string, QuestionnaireView['files']>();
  for (const r of rows) {
    const list = out.get(r.questionnaireId!) ?? [];
    list.push({ id: r.id, fileName: r.fileName, mediaType: r.mediaType, size: r.size, uploadedAt: r.uploadedAt.toISOString() });
    out.set(r.questionnaireId!, list);
  }
  return out;
}

/** Questionnaires of a case as the given side sees them: `investigator` (edit access), `reader`, or `enterprise`. */
export async function questionnaireViews(
  ctx: Ctx, db: DbOrTx, rows: readonly QuestionnaireRow[], caseNo: string, side: 'investigator' | 'reader' | 'enterprise',
): Promise<QuestionnaireView[]> {
  const today = beijingDate(ctx.clock.now());
  const orgs = await orgRefs(db, rows.map((q) => q.enterpriseId));
  const people = await userRefs(db, rows.flatMap((q) => [q.sentBy, q.answeredBy]));
  const files = await answerFiles(db, rows.map((q) => q.id));
  return rows.map((q) => {
    const state = q.state as QuestionnaireState;
    const events = allowedQuestionnaireEvents(state);
    const actions: QuestionnaireView['allowedActions'] = side === 'enterprise'
      ? (events.includes('answer') ? ['answer', 'upload'] : [])
      : side === 'investigator' ? events.filter((e) => e !== 'answer') : [];
    return {
      id: q.id, investigationId: q.investigationId, caseNo, enterprise: orgs.get(q.enterpriseId)!,
      sections: q.sections as QuestionnaireView['sections'], questions: q.questions as string[], message: q.message,
      dueOn: q.dueOn, state, overdue: isQuestionnaireOverdue(state, q.dueOn, today), sentAt: q.sentAt.toISOString(),
      sentBy: nameOf(people, q.sentBy), answer: (q.answer as QuestionnaireAnswer | null) ?? null,
      answeredAt: iso(q.answeredAt), answeredBy: q.answeredBy ? nameOf(people, q.answeredBy) : null,
      returnReason: q.returnReason, remindersSent: q.remindersSent, files: files.get(q.id) ?? [], allowedActions: actions,
    };
  });
}

/** The declaration's intended disposals against the goods flow found; null without a declaration or a flow. */
export async function disposalCheck(db: DbOrTx, exportReturnId: string | null, findings: Findings): Promise<InvestigationView['disposalCheck']> {
  const flow = findings.goodsFlow.flow;
  if (!exportReturnId || !flow) return null;
  const [er] = await db.select({ input: exportReturns.input }).from(exportReturns).where(eq(exportReturns.id, exportReturnId));
  if (!er) return null;
  const intended = ((er.input as { disposals?: string[] } | null)?.disposals ?? []).slice();
  const actual = GOODS_FLOW_TO_DISPOSAL[flow];
  return { intended, actual, matches: intended.includes(actual) };
}

/** What the caller may do now, from the machine and her access. */
export function allowedActionsOf(c: LoadedCase, hasEnterprise: boolean): InvestigationView['allowedActions'] {
  const state = c.row.state as InvestigationState;
  const type = c.row.type as InvestigationType;
  const out: InvestigationView['allowedActions'] = allowedInvestigationEvents(state, type).filter((e) => hasAccess(c, accessForEvent(e)));
  const open = state !== 'closed';
  if (hasAccess(c, 'edit')) {
    if (FINDINGS_EDITABLE.includes(state)) out.push('edit_findings');
    if (open && type === 'on_site') out.push('add_visit');
    if (open) out.push('upload', 'add_note');
    if (type === 'written' && hasEnterprise && QUESTIONNAIRE_SENDABLE.includes(state)) out.push('send_questionnaire');
  }
  if (hasAccess(c, 'manage') && open) out.push('add_member');
  return out;
}

/** GET /investigations/:id — the whole case for officers and collaborators. */
export async function toInvestigationView(ctx: Ctx, c: LoadedCase, db: DbOrTx = ctx.db): Promise<InvestigationView> {
  const { row } = c;
  const [risk] = await db.select({ id: riskInfos.id, infoNo: riskInfos.infoNo, title: riskInfos.title, exportReturnId: riskInfos.exportReturnId })
    .from(riskInfos).where(eq(riskInfos.id, row.riskInfoId));
  const [visits, files, notes, history, qs] = await inSeries(
    db.select().from(investigationVisits).where(eq(investigationVisits.investigationId, row.id)).orderBy(asc(investigationVisits.visitedOn), asc(investigationVisits.createdAt)),
    db.select({
      id: investigationFiles.id, kind: investigationFiles.kind, visitId: investigationFiles.visitId, fileName: investigationFiles.fileName,
      mediaType: investigationFiles.mediaType, size: investigationFiles.size, uploadedBy: investigationFiles.uploadedBy, uploadedAt: investigationFiles.uploadedAt,
    }).from(investigationFiles).where(eq(investigationFiles.investigationId, row.id)).orderBy(asc(investigationFiles.uploadedAt)),
    db.select().from(investigationNotes).where(eq(investigationNotes.investigationId, row.id)).orderBy(asc(investigationNotes.id)),
    db.select().from(investigationHistory).where(eq(investigationHistory.investigationId, row.id)).orderBy(asc(investigationHistory.id)),
    db.select().from(questionnaires).where(eq(questionnaires.investigationId, row.id)).orderBy(asc(questionnaires.sentAt)),
  );
  const orgs = await orgRefs(db, [row.officeId, row.investigatingOrgId, row.enterpriseId, ...c.members.map((m) => m.orgId)]);
  const people = await userRefs(db, [
    row.leadInvestigatorId, ...c.members.map((m) => m.userId), ...visits.map((v) => v.createdBy), ...files.map((f) => f.uploadedBy),
    ...notes.map((n) => n.by), ...history.map((h) => h.by),
  ]);
  const findings = findingsSchema.parse(row.findings);
  const caseFiles = files.filter((f) => f.kind === 'evidence' || f.kind === 'photo');
  return {
    id: row.id, caseNo: row.caseNo, type: row.type as InvestigationType, state: row.state as InvestigationState,
    riskInfo: { id: risk!.id, infoNo: risk!.infoNo, title: risk!.title },
    office: orgs.get(row.officeId)!, investigatingOrg: orgs.get(row.investigatingOrgId)!,
    enterprise: row.enterpriseId ? (orgs.get(row.enterpriseId) ?? null) : null,
    leadInvestigator: row.leadInvestigatorId ? (people.get(row.leadInvestigatorId) ?? null) : null,
    members: c.members.map((m) => ({
      id: m.id, org: orgs.get(m.orgId)!, user: m.userId ? (people.get(m.userId) ?? null) : null, access: m.access as 'edit' | 'read',
    })),
    dueAt: row.dueAt.toISOString(), overdue: isOverdue(row, ctx.clock.now()), openedAt: row.openedAt.toISOString(), closedAt: iso(row.closedAt),
    findings, findingsVersion: row.findingsVersion, disposalCheck: await disposalCheck(db, risk!.exportReturnId, findings),
    visits: visits.map((v) => ({
      id: v.id, visitedOn: v.visitedOn, place: v.place, people: v.people, observations: v.observations,
      createdBy: nameOf(people, v.createdBy), createdAt: v.createdAt.toISOString(),
    })),
    files: caseFiles.map((f) => ({
      id: f.id, kind: f.kind as 'evidence' | 'photo', visitId: f.visitId, fileName: f.fileName, mediaType: f.mediaType, size: f.size,
      uploadedBy: nameOf(people, f.uploadedBy), uploadedAt: f.uploadedAt.toISOString(),
    })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, by: nameOf(people, n.by), at: n.at.toISOString() })),
    history: history.map((h) => ({ event: h.event, from: h.fromState, to: h.toState, reason: h.reason, by: nameOf(people, h.by), at: h.at.toISOString() })),
    questionnaires: await questionnaireViews(ctx, db, qs, row.caseNo, hasAccess(c, 'edit') ? 'investigator' : 'reader'),
    access: c.access,
    allowedActions: allowedActionsOf(c, !!row.enterpriseId),
    version: row.version,
  };
}


