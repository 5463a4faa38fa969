/**
 * State changes of a case, decided only by `investigationTransition`. The caller's access must match the event's
 * actor (manager events: manage; investigator events: edit), events that need a reason refuse an empty one (422 on
 * `reason`), submitting checks the findings are complete for the type (422 listing the fields). Closing the case
 * closes its risk record and reopening reopens it, through the risk-info machine, in the same transaction.
 */
import { and, desc, eq, inArray, investigationHistory, investigations, organisations, questionnaires, riskInfos, users, type DbOrTx } from '@returntrace/db';
import {
  checkFindingsComplete, findingsSchema, INVESTIGATION_TRANSITIONS, investigationTransition, isCustomsKind, questionnaireTransition, riskInfoTransition,
  type InvestigationEvent, type InvestigationState, type InvestigationType, type InvestigationView, type RiskInfoEvent,
  type QuestionnaireState, type RiskInfoState,
} from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, ProblemError, validationProblem } from '../../errors';
import { investigationTypePolicyFor } from '../investigation-type/decide';
import { accessForEvent, loadCase, requireAccess, type CaseRow, type MemberRow } from './access';
import { toInvestigationView } from './view';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TransitionInput {
  event: InvestigationEvent;
  reason: string;
  leadInvestigatorId?: string | undefined;
}

/** 422 with field errors: the request is well-formed but the case cannot take it as it stands. */
export function unprocessable(en: string, zh: string, errors: { field: string; code: string; message: string; messageZh: string }[]): ProblemError {
  return new ProblemError(422, 'validation', { en, zh }, errors);
}

/** If-Match on the case version, when the client sends one (stale → 412). */
export function checkVersion(row: Pick<CaseRow, 'version'>, ifMatch: number | undefined): void {
  if (ifMatch !== undefined && ifMatch !== row.version) {
    throw new ProblemError(412, 'precondition_failed', { en: 'The case was changed in the meantime; reload it', zh: '调查案件已被修改，请刷新后重试' });
  }
}

/**
 * The lead investigator: an active user of the investigating organisation (or, for a customs office, of an office
 * under it), or a member with edit access.
 */
export async function leadEligible(db: DbOrTx, row: Pick<CaseRow, 'investigatingOrgId' | 'investigatingOrgPath'>, members: readonly MemberRow[], userId: string): Promise<boolean> {
  const [u] = await db.select({ id: users.id, orgId: users.orgId, active: users.active, kind: organisations.kind, path: organisations.path })
    .from(users).innerJoin(organisations, eq(organisations.id, users.orgId)).where(eq(users.id, userId));
  if (!u || !u.active) return false;
  const ofOrg = u.kind !== 'enterprise' && (u.orgId === row.investigatingOrgId || (isCustomsKind(u.kind) && u.path.startsWith(row.investigatingOrgPath)));
  const editMember = members.some((m) => m.access === 'edit' && (m.userId === u.id || (m.userId === null && m.orgId === u.orgId)));
  return ofOrg || editMember;
}

export async function checkLeadInvestigator(db: DbOrTx, row: CaseRow, members: readonly MemberRow[], userId: string): Promise<void> {
  if (!(await leadEligible(db, row, members, userId))) {
    throw unprocessable('The lead investigator is not eligible', '调查负责人不符合条件', [{
      field: 'leadInvestigatorId', code: 'not_eligible',
      message: 'Choose an active user of the investigating organisation or a collaborator with edit access',
      messageZh: '请选择调查机构的在岗人员或具有编辑权限的协作人员',
    }]);
  }
}

/** After a suspension the deadline moves by the time the case stood still. */
async function dueAfterResume(tx: DbOrTx, row: CaseRow, now: Date): Promise<Date> {
  const [s] = await tx.select({ at: investigationHistory.at }).from(investigationHistory)
    .where(and(eq(investigationHistory.investigationId, row.id), eq(investigationHistory.event, 'suspend')))
    .orderBy(desc(investigationHistory.id)).limit(1);
  return s ? new Date(row.dueAt.getTime() + Math.max(0, now.getTime() - s.at.getTime())) : row.dueAt;
}

/** Closing a case withdraws questionnaires still awaiting the enterprise, so it is not asked (or reminded) any more. */
async function withdrawOpenQuestionnaires(ctx: Ctx, tx: DbOrTx, row: CaseRow): Promise<void> {
  const open = await tx.select().from(questionnaires)
    .where(and(eq(questionnaires.investigationId, row.id), inArray(questionnaires.state, ['sent', 'returned']))).for('update');
  for (const q of open) {
    const v = questionnaireTransition(q.state as QuestionnaireState, 'withdraw');
    if (!v.ok) continue;
    await tx.update(questionnaires).set({ state: v.to, version: q.version + 1 }).where(eq(questionnaires.id, q.id));
    await audit(ctx, tx, {
      action: 'investigation.questionnaire.withdraw', objectType: 'investigation', objectId: row.id,
      detail: { caseNo: row.caseNo, questionnaireId: q.id, because: 'case_closed' },
    });
  }
}

const RISK_EVENT: Partial<Record<InvestigationEvent, RiskInfoEvent>> = { close: 'close', close_on_review: 'close', reopen: 'reopen_case' };

/** POST /investigations/:id/transition */
export async function transitionInvestigation(ctx: Ctx, id: string, input: TransitionInput, ifMatch?: number): Promise<InvestigationView> {
  const now = ctx.clock.now();
  await transaction(ctx.db, async (tx) => {
    const c = await loadCase(ctx, id, tx, true);
    const { row } = c;
    requireAccess(c, accessForEvent(input.event));
    checkVersion(row, ifMatch);
    const verdict = investigationTransition(row.state as InvestigationState, input.event, row.type as InvestigationType);
    if (!verdict.ok) throw conflict(verdict.message);
    const reason = input.reason.trim();
    const { needsReason } = INVESTIGATION_TRANSITIONS[input.event];
    if (needsReason && !reason) {
      throw unprocessable('A reason is required', '请填写原因', [{ field: 'reason', code: 'required', message: 'Give the reason for this step', messageZh: '此操作须填写原因' }]);
    }
    const set: Partial<typeof investigations.$inferInsert> = { state: verdict.to, version: row.version + 1, updatedAt: now };
    if (input.event === 'assign' || input.event === 'reassign') {
      if (!input.leadInvestigatorId) {
        throw unprocessable('Choose the lead investigator', '请选择调查负责人', [{ field: 'leadInvestigatorId', code: 'required', message: 'Choose the lead investigator', messageZh: '请选择调查负责人' }]);
      }
      await checkLeadInvestigator(tx, row, c.members, input.leadInvestigatorId);
      set.leadInvestigatorId = input.leadInvestigatorId;
    } else if (input.leadInvestigatorId) {
      throw validationProblem([{ field: 'leadInvestigatorId', code: 'not_allowed', message: 'Only assign and reassign take a lead investigator', messageZh: '仅分派或改派时可指定调查负责人' }]);
    }
    if (input.event === 'submit_findings') {
      const missing = checkFindingsComplete(findingsSchema.parse(row.findings), row.type as InvestigationType);
      if (missing.length) {
        throw unprocessable(`The findings are incomplete (${missing.length} field(s))`, `调查结果尚不完整（${missing.length} 项）`, missing);
      }
      set.findingsSubmittedAt = now;
    }
    if (input.event === 'resume') set.dueAt = await dueAfterResume(tx, row, now);
    if (verdict.to === 'closed') set.closedAt = now;
    if (input.event === 'reopen') {
      // a reopened case gets a fresh deadline under the policy in force
      const { policy } = await investigationTypePolicyFor(tx, row.officePath, now);
      set.closedAt = null;
      set.dueAt = new Date(now.getTime() + policy.deadlineDays[row.type as InvestigationType] * DAY_MS);
    }
    await tx.update(investigations).set(set).where(eq(investigations.id, row.id));
    await tx.insert(investigationHistory).values({
      investigationId: row.id, event: input.event, fromState: verdict.from, toState: verdict.to, reason, by: ctx.actor!.userId, at: now,
    });
    await audit(ctx, tx, {
      action: `investigation.${input.event}`, objectType: 'investigation', objectId: row.id,
      detail: { caseNo: row.caseNo, from: verdict.from, to: verdict.to, ...(reason ? { reason } : {}), ...(set.leadInvestigatorId ? { leadInvestigatorId: set.leadInvestigatorId } : {}) },
    });
    if (verdict.to === 'closed') await withdrawOpenQuestionnaires(ctx, tx, row);
    const riskEvent = RISK_EVENT[input.event];
    if (riskEvent) {
      const [risk] = await tx.select().from(riskInfos).where(eq(riskInfos.id, row.riskInfoId)).for('update');
      const rv = riskInfoTransition(risk!.state as RiskInfoState, riskEvent);
      if (!rv.ok) throw conflict(rv.message);
      await tx.update(riskInfos).set({ state: rv.to, version: risk!.version + 1, updatedAt: now }).where(eq(riskInfos.id, risk!.id));
      await audit(ctx, tx, {
        action: `risk_info.${riskEvent}`, objectType: 'risk_info', objectId: risk!.id,
        detail: { infoNo: risk!.infoNo, from: rv.from, to: rv.to, investigationId: row.id, caseNo: row.caseNo },
      });
    }
  });
  return toInvestigationView(ctx, await loadCase(ctx, id));
}
