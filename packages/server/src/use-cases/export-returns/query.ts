/**
 * 出口退货信息查询 and beyond: the paged list with the manual's conditions (last-operation time at most 30 days,
 * default today), the auditor's queue (status 5, oldest first, overdue marking), receipts and the dashboard.
 */
import {
  and, asc, count, desc, eq, exportReturnReceipts, exportReturns, gte, ilike, inArray, lt, organisations, or, sql,
  type SQL,
} from '@returntrace/db';
import {
  EXPORT_RETURN_STATUSES, MAX_QUERY_DAYS, REJECTION_EVENTS, addDays, beijingDate, beijingDayStart, daysBetween,
  isCustomsKind, isOverdue, overdueCutoff, targetOf, type auditQueueQuerySchema, type ExportReturnFilled,
  type ExportReturnInput, type ExportReturnQuery, type ExportReturnRow, type Receipt,
} from '@returntrace/domain';
import type { z } from 'zod';
import type { Ctx } from '../../context';
import { fieldProblem } from '../../errors';
import { scopeOf, scopeWhere, scopeWhereAny } from '../../policies/scope';
import { loadExportReturnInScope, trimDecimal } from './load';
import { loadAuditPolicies, policyFor, type AuditPolicies } from './policy';

/** Declarations in the caller's jurisdiction: own enterprise, or enterprise / competent office in the subtree. */
export function exportReturnScope(ctx: Ctx): SQL | undefined {
  return scopeWhereAny(scopeOf(ctx.actor!), [
    [exportReturns.enterprisePath, exportReturns.enterpriseId],
    [exportReturns.competentOfficePath, exportReturns.competentOfficeId],
  ]);
}

/** The window of last-operation dates: both default to today (Beijing); `to` at most 30 days after `from`. */
export function queryWindow(now: Date, q: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
  const today = beijingDate(now);
  const from = q.from ?? q.to ?? today;
  const to = q.to ?? today;
  if (from > to) {
    throw fieldProblem('from', 'from_after_to', { en: `The start date ${from} is after the end date ${to}`, zh: `开始日期 ${from} 晚于结束日期 ${to}` });
  }
  if (daysBetween(from, to) > MAX_QUERY_DAYS) {
    throw fieldProblem('to', 'range_too_long', {
      en: `Last operation time may span at most ${MAX_QUERY_DAYS} days; narrow the dates`,
      zh: `最近操作时间的查询范围不能超过 ${MAX_QUERY_DAYS} 天，请缩小日期范围`,
    });
  }
  return { from, to };
}

/** Credit code (18) or customs code (10): the party conditions of the manual accept either. */
const partyCondition = (value: string, credit: SQL, customs: SQL): SQL => sql`(${credit} = ${value} OR ${customs} = ${value})`;

export function listConditions(ctx: Ctx, q: ExportReturnQuery): SQL | undefined {
  const w = queryWindow(ctx.clock.now(), q);
  return and(
    exportReturnScope(ctx),
    eq(exportReturns.deleted, false),
    gte(exportReturns.lastOperatedAt, beijingDayStart(w.from)),
    lt(exportReturns.lastOperatedAt, beijingDayStart(addDays(w.to, 1))),
    q.importDeclarationNo ? ilike(exportReturns.importDeclarationNo, `${q.importDeclarationNo}%`) : undefined,
    q.unifiedNo ? ilike(exportReturns.unifiedNo, `${q.unifiedNo}%`) : undefined,
    q.status !== undefined ? eq(exportReturns.status, q.status) : undefined,
    q.consignee ? partyCondition(q.consignee, sql`${exportReturns.consigneeCreditCode}`, sql`(${exportReturns.filled} -> 'consignee' ->> 'customsCode')`) : undefined,
    q.manufacturer ? partyCondition(q.manufacturer, sql`${exportReturns.manufacturerCreditCode}`, sql`${exportReturns.manufacturerCustomsCode}`) : undefined,
  );
}

const rowSelection = {
  r: exportReturns,
  enterpriseName: organisations.nameZh,
  collectorName: sql<string>`(SELECT display_name FROM users u WHERE u.id = ${exportReturns.createdBy})`,
};
type SelectedRow = { r: typeof exportReturns.$inferSelect; enterpriseName: string; collectorName: string };

function toRow(s: SelectedRow, now: Date, policies: AuditPolicies): ExportReturnRow {
  const { r } = s;
  const filled = r.filled as ExportReturnFilled;
  const input = r.input as ExportReturnInput;
  return {
    id: r.id, unifiedNo: r.unifiedNo, returnNo: r.returnNo, importDeclarationNo: r.importDeclarationNo, status: r.status,
    consigneeCode: filled.consignee.customsCode || filled.consignee.creditCode, consigneeName: filled.consignee.name,
    manufacturerCode: r.manufacturerCustomsCode || r.manufacturerCreditCode, manufacturerName: input.manufacturer?.name ?? '',
    enterpriseName: s.enterpriseName, collectorName: s.collectorName ?? '', collectedAt: r.collectedAt?.toISOString() ?? null,
    totalAmount: trimDecimal(r.totalAmount)!, lastOperatedAt: r.lastOperatedAt.toISOString(),
    queuedAt: r.queuedAt?.toISOString() ?? null,
    overdue: r.status === targetOf('eaudit_pass') && isOverdue(r.queuedAt, now, policyFor(policies, r.competentOfficePath)),
  };
}

async function selectRows(ctx: Ctx, where: SQL | undefined, order: SQL[], limit: number, offset: number): Promise<ExportReturnRow[]> {
  const rows = await ctx.db.select(rowSelection).from(exportReturns)
    .innerJoin(organisations, eq(organisations.id, exportReturns.enterpriseId))
    .where(where).orderBy(...order).limit(limit).offset(offset);
  const now = ctx.clock.now();
  const policies = await loadAuditPolicies(ctx.db, now);
  return rows.map((s) => toRow(s, now, policies));
}

async function countRows(ctx: Ctx, where: SQL | undefined): Promise<number> {
  const [n] = await ctx.db.select({ n: count() }).from(exportReturns).where(where);
  return Number(n?.n ?? 0);
}

export async function listExportReturns(ctx: Ctx, q: ExportReturnQuery) {
  const where = listConditions(ctx, q);
  const items = await selectRows(ctx, where, [desc(exportReturns.lastOperatedAt), desc(exportReturns.unifiedNo)], q.pageSize, (q.page - 1) * q.pageSize);
  return { items, total: await countRows(ctx, where), page: q.page, pageSize: q.pageSize };
}

export const EXPORT_MAX_ROWS = 10_000;

/** Every row of a query (at most 10 000), for the Excel export. */
export async function allExportReturnRows(ctx: Ctx, q: ExportReturnQuery): Promise<{ rows: ExportReturnRow[]; total: number }> {
  const where = listConditions(ctx, q);
  const rows = await selectRows(ctx, where, [desc(exportReturns.lastOperatedAt), desc(exportReturns.unifiedNo)], EXPORT_MAX_ROWS, 0);
  return { rows, total: await countRows(ctx, where) };
}

/** Overdue condition across jurisdictions: per directly-affiliated customs, queued before its policy's cutoff. */
function overdueCondition(policies: AuditPolicies, now: Date, directPaths: { id: string; path: string }[]): SQL {
  const parts = directPaths.map((d) => {
    const cutoff = overdueCutoff(now, policyFor(policies, d.path));
    return sql`(starts_with(${exportReturns.competentOfficePath}, ${d.path}) AND ${exportReturns.queuedAt} < ${cutoff.toISOString()}::timestamptz)`;
  });
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}

async function queueConditions(ctx: Ctx, q: z.infer<typeof auditQueueQuerySchema> | null): Promise<SQL | undefined> {
  const now = ctx.clock.now();
  const policies = await loadAuditPolicies(ctx.db, now);
  const directs = await ctx.db.select({ id: organisations.id, path: organisations.path }).from(organisations).where(eq(organisations.kind, 'direct_customs'));
  const officeIds = q?.office
    ? (await ctx.db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.code, q.office), inArray(organisations.kind, ['gacc', 'direct_customs', 'sub_customs'])))).map((o) => o.id)
    : null;
  return and(
    scopeWhere(scopeOf(ctx.actor!), exportReturns.competentOfficePath, exportReturns.competentOfficeId),
    eq(exportReturns.deleted, false),
    eq(exportReturns.status, targetOf('eaudit_pass') as number),
    q?.overdueOnly === 'true' ? overdueCondition(policies, now, directs.map((d) => ({ id: d.id, path: d.path }))) : undefined,
    officeIds ? (officeIds.length ? inArray(exportReturns.competentOfficeId, officeIds) : sql`false`) : undefined,
    q?.importDeclarationNo ? ilike(exportReturns.importDeclarationNo, `${q.importDeclarationNo}%`) : undefined,
    q?.enterprise ? or(ilike(organisations.nameZh, `%${q.enterprise.replace(/[\\%_]/g, '\\$&')}%`), eq(organisations.code, q.enterprise)) : undefined,
  );
}

/** GET /export-returns/audit-queue — status 5 whose competent office is in the auditor's jurisdiction, oldest first. */
export async function auditQueue(ctx: Ctx, q: z.infer<typeof auditQueueQuerySchema>) {
  const where = await queueConditions(ctx, q);
  const items = await selectRows(ctx, where, [asc(exportReturns.queuedAt), asc(exportReturns.unifiedNo)], q.pageSize, (q.page - 1) * q.pageSize);
  const [n] = await ctx.db.select({ n: count() }).from(exportReturns).innerJoin(organisations, eq(organisations.id, exportReturns.enterpriseId)).where(where);
  return { items, total: Number(n?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** GET /export-returns/:id/receipts — newest first. */
export async function listReceipts(ctx: Ctx, id: string): Promise<{ items: Receipt[] }> {
  await loadExportReturnInScope(ctx, id);
  const rows = await ctx.db.select().from(exportReturnReceipts).where(eq(exportReturnReceipts.returnId, id)).orderBy(desc(exportReturnReceipts.id));
  return {
    items: rows.map((r) => ({
      seq: r.id, status: r.status, messageZh: r.messageZh, messageEn: r.messageEn,
      reasons: r.reasons as Receipt['reasons'], at: r.at.toISOString(),
    })),
  };
}

/** GET /export-returns/dashboard — counts by status in scope, recent rejections, and for customs the queue. */
export async function exportReturnDashboard(ctx: Ctx) {
  const scope = and(exportReturnScope(ctx), eq(exportReturns.deleted, false));
  const counts = await ctx.db.select({ status: exportReturns.status, n: count() }).from(exportReturns).where(scope).groupBy(exportReturns.status);
  const byStatus = EXPORT_RETURN_STATUSES.map((s) => ({ status: s as number, count: Number(counts.find((c) => c.status === s)?.n ?? 0) }));
  const rejectedStates = REJECTION_EVENTS.map((e) => targetOf(e) as number);
  const recent = await ctx.db.select({
    id: exportReturns.id, unifiedNo: exportReturns.unifiedNo, status: exportReturnReceipts.status,
    messageZh: exportReturnReceipts.messageZh, messageEn: exportReturnReceipts.messageEn, at: exportReturnReceipts.at,
  }).from(exportReturnReceipts).innerJoin(exportReturns, eq(exportReturns.id, exportReturnReceipts.returnId))
    .where(and(scope, inArray(exportReturnReceipts.status, rejectedStates)))
    .orderBy(desc(exportReturnReceipts.id)).limit(10);
  let queue: { waiting: number; overdue: number } | null = null;
  if (isCustomsKind(ctx.actor!.orgKind)) {
    const waiting = await ctx.db.select({ n: count() }).from(exportReturns).innerJoin(organisations, eq(organisations.id, exportReturns.enterpriseId)).where(await queueConditions(ctx, null));
    const overdue = await ctx.db.select({ n: count() }).from(exportReturns).innerJoin(organisations, eq(organisations.id, exportReturns.enterpriseId))
      .where(await queueConditions(ctx, { page: 1, pageSize: 1, overdueOnly: 'true' }));
    queue = { waiting: Number(waiting[0]?.n ?? 0), overdue: Number(overdue[0]?.n ?? 0) };
  }
  return {
    byStatus,
    total: byStatus.reduce((a, b) => a + b.count, 0),
    recentRejections: recent.map((r) => ({ ...r, at: r.at.toISOString() })),
    queue,
  };
}
