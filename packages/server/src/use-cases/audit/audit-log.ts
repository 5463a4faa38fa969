import { and, auditLog, count, desc, eq, gte, lte, sql } from '@returntrace/db';
import type { z } from 'zod';
import type { auditQuerySchema } from '@returntrace/domain';
import { audit, verifyAuditChain, type ChainReport, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { scopeOf, scopeWhere } from '../../policies/scope';

/** Audit rows of the caller's jurisdiction (by the organisation of the acting user). */
export async function listAudit(ctx: Ctx, q: z.infer<typeof auditQuerySchema>) {
  const where = and(
    scopeWhere(scopeOf(ctx.actor!), auditLog.orgPath, auditLog.orgId),
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
    q.action ? sql`${auditLog.action} LIKE ${`${q.action}%`}` : undefined,
    q.result ? eq(auditLog.result, q.result) : undefined,
    q.username ? eq(auditLog.username, q.username.toLowerCase()) : undefined,
    q.objectType ? eq(auditLog.objectType, q.objectType) : undefined,
    q.objectId ? eq(auditLog.objectId, q.objectId) : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(where);
  const rows = await ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id, at: r.at.toISOString(), userId: r.userId, username: r.username, orgId: r.orgId, action: r.action,
      objectType: r.objectType, objectId: r.objectId, result: r.result, clientIp: r.clientIp,
      detail: r.detail as Record<string, unknown>, hash: r.hash,
    })),
    total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize,
  };
}

export async function verifyChain(ctx: Ctx): Promise<ChainReport> {
  const report = await verifyAuditChain(ctx.db);
  await transaction(ctx.db, (tx) => audit(ctx, tx, {
    action: 'audit.verify', objectType: 'audit_log', result: report.ok ? 'success' : 'failure',
    detail: { checked: report.checked, firstBrokenId: report.firstBrokenId },
  }));
  return report;
}
