/**
 * Manual audit (人工审核) by a customs auditor of the competent office: approve (7, with a return number per
 * district and year, and the domain event `export_return.approved` for the risk-information intake) or reject
 * (8, with the reason the enterprise sees).
 */
import { organisations, eq } from '@returntrace/db';
import {
  RETURN_NO_KIND, beijingDate, formatReturnNo, returnNoScope, type auditDecisionSchema, type ExportReturnView,
} from '@returntrace/domain';
import type { z } from 'zod';
import { transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { notFound } from '../../errors';
import { dispatchNow } from '../../jobs/handlers';
import { emitEvent } from '../../jobs/outbox';
import { inScope, scopeOf } from '../../policies/scope';
import { loadExportReturnInScope, toExportReturnView, type ExportReturnRecord } from './load';
import { applyEvent, decide, nextSequence, requireVersion } from './transitions';

export type AuditDecision = z.infer<typeof auditDecisionSchema>;

/** An auditor decides only on declarations whose competent office lies in her jurisdiction. */
export function auditorCompetent(ctx: Ctx, row: Pick<ExportReturnRecord, 'competentOfficePath' | 'competentOfficeId'>): boolean {
  return row.competentOfficePath !== '' && inScope(scopeOf(ctx.actor!), { path: row.competentOfficePath, orgId: row.competentOfficeId });
}

export async function decideExportReturn(ctx: Ctx, id: string, decision: AuditDecision, ifMatch: number | undefined): Promise<ExportReturnView> {
  const now = ctx.clock.now();
  let approvedEvent: number | null = null;
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadExportReturnInScope(ctx, id, tx, true);
    if (!auditorCompetent(ctx, current)) throw notFound('export-return declaration');
    requireVersion(current, ifMatch);
    if (decision.decision === 'reject') {
      return applyEvent(ctx, tx, current, 'reject', {
        set: { decidedAt: now, decidedBy: ctx.actor!.userId, queuedAt: null },
        reasons: [{ code: 'manual_audit', zh: decision.reason, en: decision.reason }],
        detail: { zh: decision.reason, en: decision.reason },
      });
    }
    decide(current, 'approve');
    const [office] = await tx.select({ code: organisations.code }).from(organisations).where(eq(organisations.id, current.competentOfficeId!));
    const year = Number(beijingDate(now).slice(0, 4));
    const returnNo = formatReturnNo(office!.code, year, await nextSequence(tx, RETURN_NO_KIND, returnNoScope(office!.code, year)));
    const updated = await applyEvent(ctx, tx, current, 'approve', {
      set: { returnNo, decidedAt: now, decidedBy: ctx.actor!.userId, queuedAt: null },
      auditDetail: { returnNo, ...(decision.opinion ? { opinion: decision.opinion } : {}) },
    });
    approvedEvent = await emitEvent(tx, {
      type: 'export_return.approved', aggregateType: 'export_return', aggregateId: id, orgPath: current.competentOfficePath,
      payload: {
        id, unifiedNo: current.unifiedNo, returnNo, enterpriseId: current.enterpriseId,
        competentOfficeId: current.competentOfficeId, importDeclarationNo: current.importDeclarationNo,
      },
      at: now,
    });
    return updated;
  });
  // the risk-information record exists when the approval answers; the outbox job retries should this fail
  if (approvedEvent !== null) await dispatchNow(ctx, [approvedEvent]);
  return toExportReturnView(ctx, row);
}
