/**
 * Lists of cases with the overdue flag computed in SQL against the injected clock, and the home-page counters.
 */
import { and, asc, count, desc, eq, ilike, inArray, investigations, or, questionnaires, riskInfos, sql, type SQL } from '@returntrace/db';
import {
  beijingDate, isQuestionnaireOverdue, RUNNING_INVESTIGATION_STATES, type InvestigationState, type InvestigationSummary,
  type InvestigationType, type investigationListQuerySchema, type QuestionnaireState,
} from '@returntrace/domain';
import type { z } from 'zod';
import type { Ctx } from '../../context';
import { forbidden } from '../../errors';
import { mineWhere, readableWhere } from './access';
import { orgRefs, userRefs } from './view';

type ListQuery = z.infer<typeof investigationListQuerySchema>;

const RUNNING = sql.join(RUNNING_INVESTIGATION_STATES.map((s) => sql`${s}`), sql`, `);

/** SQL: the case is running and its due time has passed at `now`. */
export const overdueSql = (now: Date): SQL => sql`(${investigations.state} IN (${RUNNING}) AND ${investigations.dueAt} < ${now.toISOString()}::timestamptz)`;

/** Enterprises use the portal; every other caller sees the cases she may read. */
function assertOfficial(ctx: Ctx): void {
  if (ctx.actor!.orgKind === 'enterprise') throw forbidden({ en: 'Enterprises see their cases in the portal', zh: '企业请在企业端查看调查案件' });
}

/** GET /investigations */
export async function listInvestigations(ctx: Ctx, q: ListQuery) {
  assertOfficial(ctx);
  const now = ctx.clock.now();
  const text = q.q?.trim();
  const where = and(
    readableWhere(ctx),
    q.state ? eq(investigations.state, q.state) : undefined,
    q.type ? eq(investigations.type, q.type) : undefined,
    q.overdue === 'true' ? overdueSql(now) : q.overdue === 'false' ? sql`NOT ${overdueSql(now)}` : undefined,
    q.mine === 'true' ? mineWhere(ctx) : undefined,
    text ? or(ilike(investigations.caseNo, `%${text}%`), ilike(riskInfos.infoNo, `%${text}%`), ilike(riskInfos.title, `%${text}%`), ilike(riskInfos.enterpriseName, `%${text}%`)) : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(investigations).innerJoin(riskInfos, eq(riskInfos.id, investigations.riskInfoId)).where(where);
  const rows = await ctx.db.select({ c: investigations, infoNo: riskInfos.infoNo, title: riskInfos.title, overdue: sql<boolean>`${overdueSql(now)}` })
    .from(investigations).innerJoin(riskInfos, eq(riskInfos.id, investigations.riskInfoId)).where(where)
    .orderBy(desc(investigations.openedAt), asc(investigations.caseNo))
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const orgs = await orgRefs(ctx.db, rows.flatMap((r) => [r.c.officeId, r.c.investigatingOrgId, r.c.enterpriseId]));
  const people = await userRefs(ctx.db, rows.map((r) => r.c.leadInvestigatorId));
  return {
    items: rows.map(({ c, infoNo, title, overdue }) => ({
      id: c.id, caseNo: c.caseNo, type: c.type as InvestigationType, state: c.state as InvestigationState,
      riskInfo: { id: c.riskInfoId, infoNo, title }, office: orgs.get(c.officeId)!, investigatingOrg: orgs.get(c.investigatingOrgId)!,
      enterprise: c.enterpriseId ? (orgs.get(c.enterpriseId) ?? null) : null,
      leadInvestigator: c.leadInvestigatorId ? (people.get(c.leadInvestigatorId) ?? null) : null,
      dueAt: c.dueAt.toISOString(), overdue: Boolean(overdue), openedAt: c.openedAt.toISOString(), closedAt: c.closedAt?.toISOString() ?? null,
    })),
    total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize,
  };
}

const AWAITING: QuestionnaireState[] = ['sent', 'returned'];

/** GET /investigations/summary — the home-page cards. */
export async function investigationSummary(ctx: Ctx): Promise<InvestigationSummary> {
  const a = ctx.actor!;
  const now = ctx.clock.now();
  const today = beijingDate(now);
  if (a.orgKind === 'enterprise') {
    const rows = await ctx.db.select({ id: questionnaires.id, caseId: questionnaires.investigationId, caseNo: investigations.caseNo, dueOn: questionnaires.dueOn, state: questionnaires.state })
      .from(questionnaires).innerJoin(investigations, eq(investigations.id, questionnaires.investigationId))
      .where(and(eq(questionnaires.enterpriseId, a.orgId), inArray(questionnaires.state, AWAITING)))
      .orderBy(asc(questionnaires.dueOn), asc(investigations.caseNo));
    const open = rows.map((r) => ({ ...r, state: r.state as QuestionnaireState, overdue: isQuestionnaireOverdue(r.state as QuestionnaireState, r.dueOn, today) }));
    return { mineOpen: 0, overdue: 0, questionnairesOverdue: open.filter((r) => r.overdue).length, openQuestionnaires: open };
  }
  const readable = readableWhere(ctx);
  const [mine] = await ctx.db.select({ n: count() }).from(investigations).where(and(mineWhere(ctx), sql`${investigations.state} <> 'closed'`));
  const [overdue] = await ctx.db.select({ n: count() }).from(investigations).where(and(readable, overdueSql(now)));
  const [qOverdue] = await ctx.db.select({ n: count() }).from(questionnaires).innerJoin(investigations, eq(investigations.id, questionnaires.investigationId))
    .where(and(readable, inArray(questionnaires.state, AWAITING), sql`${questionnaires.dueOn} < ${today}::date`));
  return { mineOpen: Number(mine?.n ?? 0), overdue: Number(overdue?.n ?? 0), questionnairesOverdue: Number(qOverdue?.n ?? 0), openQuestionnaires: [] };
}
