/**
 * Written investigation (书面调查), the investigator's side: send a questionnaire to the enterprise of a written
 * case, then accept its answer (merged into the findings draft), return it for more, or withdraw it. Each change is
 * decided by `questionnaireTransition`; the enterprise's side is in portal.ts.
 */
import { and, eq, inArray, investigations, questionnaires, type DbOrTx } from '@returntrace/db';
import {
  addDays, beijingDate, findingsSchema, questionnaireTransition, type InvestigationState, type InvestigationView,
  type QuestionnaireAnswer, type QuestionnaireEvent, type QuestionnaireSendInput, type QuestionnaireState,
} from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, fieldProblem, notFound } from '../../errors';
import { emitEvent } from '../../jobs/outbox';
import { investigationTypePolicyFor } from '../investigation-type/decide';
import { loadCase, requireAccess, type LoadedCase } from './access';
import { assertFindingsEditable } from './findings';
import { mergeAnswerIntoFindings } from './merge-answer';
import { QUESTIONNAIRE_SENDABLE, toInvestigationView, type QuestionnaireRow } from './view';

const OPEN_STATES: readonly QuestionnaireState[] = ['sent', 'answered', 'returned'];

/** POST /investigations/:id/questionnaires */
export async function sendQuestionnaire(ctx: Ctx, id: string, input: QuestionnaireSendInput): Promise<InvestigationView> {
  await transaction(ctx.db, async (tx) => {
    const c = await loadCase(ctx, id, tx, true);
    requireAccess(c, 'edit');
    const { row } = c;
    if (row.type !== 'written') throw conflict({ en: 'Questionnaires belong to written investigations', zh: '仅书面调查可以发送调查问卷' });
    if (!row.enterpriseId) {
      throw conflict({ en: 'The enterprise of this case is not on the platform, so it cannot answer online', zh: '该案件涉及的企业未在平台注册，无法在线答复问卷' });
    }
    if (!QUESTIONNAIRE_SENDABLE.includes(row.state as InvestigationState)) {
      throw conflict({ en: 'Questionnaires can be sent while the case is assigned or in progress', zh: '仅“已分派”或“调查中”的案件可以发送调查问卷' });
    }
    const [open] = await tx.select({ id: questionnaires.id }).from(questionnaires)
      .where(and(eq(questionnaires.investigationId, row.id), inArray(questionnaires.state, [...OPEN_STATES])));
    if (open) throw conflict({ en: 'A questionnaire of this case is still open; accept or withdraw it first', zh: '本案件尚有未办结的问卷，请先采纳或撤回' });
    const now = ctx.clock.now();
    const today = beijingDate(now);
    const { policy } = await investigationTypePolicyFor(tx, row.officePath, now);
    const dueOn = input.dueOn ?? addDays(today, policy.questionnaire.answerDays);
    if (dueOn <= today) {
      throw fieldProblem('dueOn', 'due_not_future', { en: 'The due date must be after today', zh: '答复期限须晚于今天' });
    }
    const [q] = await tx.insert(questionnaires).values({
      investigationId: row.id, enterpriseId: row.enterpriseId, sections: input.sections, questions: input.questions, message: input.message,
      dueOn, state: 'sent', sentBy: ctx.actor!.userId, sentAt: now,
    }).returning({ id: questionnaires.id });
    await emitEvent(tx, {
      type: 'questionnaire.sent', aggregateType: 'questionnaire', aggregateId: q!.id, orgPath: '',
      payload: { questionnaireId: q!.id, investigationId: row.id, caseNo: row.caseNo, enterpriseId: row.enterpriseId, dueOn }, at: now,
    });
    await audit(ctx, tx, {
      action: 'investigation.questionnaire.send', objectType: 'investigation', objectId: row.id,
      detail: { caseNo: row.caseNo, questionnaireId: q!.id, sections: input.sections, dueOn },
    });
  });
  return toInvestigationView(ctx, await loadCase(ctx, id));
}

/** A questionnaire with its case, loaded for the investigator's decision (404 outside the case's readers). */
async function loadForDecision(ctx: Ctx, tx: DbOrTx, questionnaireId: string): Promise<{ q: QuestionnaireRow; c: LoadedCase }> {
  const [q] = await tx.select().from(questionnaires).where(eq(questionnaires.id, questionnaireId)).for('update');
  if (!q) throw notFound('questionnaire');
  const c = await loadCase(ctx, q.investigationId, tx, true);
  requireAccess(c, 'edit');
  return { q, c };
}

function decide(q: QuestionnaireRow, event: QuestionnaireEvent) {
  const v = questionnaireTransition(q.state as QuestionnaireState, event);
  if (!v.ok) throw conflict(v.message);
  return v;
}

/** POST /questionnaires/:id/accept — the answer becomes part of the findings draft (findingsVersion + 1). */
export async function acceptQuestionnaire(ctx: Ctx, questionnaireId: string): Promise<InvestigationView> {
  const caseId = await transaction(ctx.db, async (tx) => {
    const { q, c } = await loadForDecision(ctx, tx, questionnaireId);
    const v = decide(q, 'accept');
    assertFindingsEditable(c.row);
    const now = ctx.clock.now();
    const merged = mergeAnswerIntoFindings(findingsSchema.parse(c.row.findings), q.answer as QuestionnaireAnswer, q.questions as string[], beijingDate(q.answeredAt ?? now));
    const findingsVersion = c.row.findingsVersion + 1;
    await tx.update(investigations).set({ findings: merged, findingsVersion, updatedAt: now }).where(eq(investigations.id, c.row.id));
    await tx.update(questionnaires).set({ state: v.to, version: q.version + 1 }).where(eq(questionnaires.id, q.id));
    await audit(ctx, tx, {
      action: 'investigation.questionnaire.accept', objectType: 'investigation', objectId: c.row.id,
      detail: { caseNo: c.row.caseNo, questionnaireId: q.id, findingsVersion },
    });
    return c.row.id;
  });
  return toInvestigationView(ctx, await loadCase(ctx, caseId));
}

/** POST /questionnaires/:id/return — back to the enterprise with the reason; the due date is at least a fresh answer period. */
export async function returnQuestionnaire(ctx: Ctx, questionnaireId: string, reason: string): Promise<InvestigationView> {
  const caseId = await transaction(ctx.db, async (tx) => {
    const { q, c } = await loadForDecision(ctx, tx, questionnaireId);
    const v = decide(q, 'return');
    const now = ctx.clock.now();
    const { policy } = await investigationTypePolicyFor(tx, c.row.officePath, now);
    const fresh = addDays(beijingDate(now), policy.questionnaire.answerDays);
    const dueOn = fresh > q.dueOn ? fresh : q.dueOn;
    await tx.update(questionnaires).set({ state: v.to, returnReason: reason, dueOn, version: q.version + 1 }).where(eq(questionnaires.id, q.id));
    await audit(ctx, tx, {
      action: 'investigation.questionnaire.return', objectType: 'investigation', objectId: c.row.id,
      detail: { caseNo: c.row.caseNo, questionnaireId: q.id, reason, dueOn },
    });
    return c.row.id;
  });
  return toInvestigationView(ctx, await loadCase(ctx, caseId));
}

/** POST /questionnaires/:id/withdraw */
export async function withdrawQuestionnaire(ctx: Ctx, questionnaireId: string): Promise<InvestigationView> {
  const caseId = await transaction(ctx.db, async (tx) => {
    const { q, c } = await loadForDecision(ctx, tx, questionnaireId);
    const v = decide(q, 'withdraw');
    await tx.update(questionnaires).set({ state: v.to, version: q.version + 1 }).where(eq(questionnaires.id, q.id));
    await audit(ctx, tx, {
      action: 'investigation.questionnaire.withdraw', objectType: 'investigation', objectId: c.row.id,
      detail: { caseNo: c.row.caseNo, questionnaireId: q.id },
    });
    return c.row.id;
  });
  return toInvestigationView(ctx, await loadCase(ctx, caseId));
}
