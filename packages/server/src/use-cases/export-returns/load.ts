/**
 * Loading one export-return declaration in the caller's jurisdiction and presenting it. Every use-case and route
 * of the module (workflow, print, attachments) loads through `loadExportReturnInScope`, so a declaration outside
 * the caller's jurisdiction answers 404 everywhere alike.
 */
import {
  and, asc, count, desc, eq, exportReturnAttachments, exportReturnLines, exportReturnReceipts, exportReturns,
  organisations, users, type DbOrTx,
} from '@returntrace/db';
import {
  allowedEvents, isRejectedState, type ExportReturnFilled, type ExportReturnInput, type ExportReturnLine,
  type ExportReturnStatus, type ExportReturnView,
} from '@returntrace/domain';
import type { Ctx } from '../../context';
import { notFound } from '../../errors';
import { can } from '../../policies/permissions';
import { inScopeOfAny, scopeOf } from '../../policies/scope';

export type ExportReturnRecord = typeof exportReturns.$inferSelect;

/** The declaration (not deleted) if it exists and lies in the caller's jurisdiction; otherwise 404. */
export async function loadExportReturnInScope(ctx: Ctx, id: string, db: DbOrTx = ctx.db, forUpdate = false): Promise<ExportReturnRecord> {
  const q = db.select().from(exportReturns).where(and(eq(exportReturns.id, id), eq(exportReturns.deleted, false)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row || !exportReturnVisible(ctx, row)) throw notFound('export-return declaration');
  return row;
}

/** Jurisdiction: the declaring enterprise or the competent customs office lies in the caller's scope. */
export function exportReturnVisible(ctx: Ctx, row: Pick<ExportReturnRecord, 'enterpriseId' | 'enterprisePath' | 'competentOfficeId' | 'competentOfficePath'>): boolean {
  if (!ctx.actor) return false;
  return inScopeOfAny(scopeOf(ctx.actor), [
    { path: row.enterprisePath, orgId: row.enterpriseId },
    { path: row.competentOfficePath, orgId: row.competentOfficeId },
  ]);
}

/** The events the caller may cause now: the enterprise's own operator, or an auditor with audit permission. */
export function allowedActionsFor(ctx: Ctx, row: Pick<ExportReturnRecord, 'status' | 'enterpriseId'>): ExportReturnView['allowedActions'] {
  const a = ctx.actor;
  if (!a) return [];
  const state = row.status as ExportReturnStatus;
  const out: string[] = [];
  if (can(a, 'export_returns.declare') && a.orgId === row.enterpriseId) out.push(...allowedEvents(state, 'enterprise'));
  if (can(a, 'export_returns.audit')) out.push(...allowedEvents(state, 'auditor'));
  return out;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const officeView = (o: typeof organisations.$inferSelect | undefined) =>
  (o ? { id: o.id, code: o.code, nameZh: o.nameZh, nameEn: o.nameEn } : null);

/** Trailing zeros of numeric columns are noise in the form ("12.5000" → "12.5"). */
export const trimDecimal = (s: string | null): string | null => (s === null ? null : s.includes('.') ? s.replace(/\.?0+$/, '') : s);

export async function loadLines(db: DbOrTx, returnId: string): Promise<ExportReturnLine[]> {
  const rows = await db.select().from(exportReturnLines).where(eq(exportReturnLines.returnId, returnId)).orderBy(asc(exportReturnLines.lineNo));
  return rows.map((l) => ({
    lineNo: l.lineNo, hsCode: l.hsCode, supervisionCategory: l.supervisionCategory, goodsName: l.goodsName,
    amount: trimDecimal(l.amount)!, currency: l.currency, quantity: trimDecimal(l.quantity)!, unit: l.unit,
    weightKg: trimDecimal(l.weightKg), industrial: l.industrial,
  }));
}

/** The full view of a declaration as the API presents it. */
export async function toExportReturnView(ctx: Ctx, row: ExportReturnRecord, db: DbOrTx = ctx.db): Promise<ExportReturnView> {
  const [enterprise] = await db.select().from(organisations).where(eq(organisations.id, row.enterpriseId));
  const [office] = row.competentOfficeId
    ? await db.select().from(organisations).where(eq(organisations.id, row.competentOfficeId))
    : [];
  const [creator] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy));
  const lines = await loadLines(db, row.id);
  const [latest] = await db.select().from(exportReturnReceipts).where(eq(exportReturnReceipts.returnId, row.id))
    .orderBy(desc(exportReturnReceipts.id)).limit(1);
  const [att] = await db.select({ n: count() }).from(exportReturnAttachments).where(eq(exportReturnAttachments.returnId, row.id));
  const rejected = isRejectedState(row.status as ExportReturnStatus) && latest;
  return {
    id: row.id,
    unifiedNo: row.unifiedNo,
    returnNo: row.returnNo,
    status: row.status,
    enterprise: { id: row.enterpriseId, creditCode: enterprise?.code ?? '', customsCode: enterprise?.customsCode ?? '', name: enterprise?.nameZh ?? '' },
    collectorName: creator?.name ?? '',
    collectorType: 'enterprise',
    source: 'import_declaration_documents',
    collectedAt: iso(row.collectedAt),
    competentOffice: officeView(office),
    filled: row.filled as ExportReturnFilled,
    input: row.input as ExportReturnInput,
    lines,
    rejection: rejected
      ? { messageZh: latest.messageZh, messageEn: latest.messageEn, reasons: latest.reasons as { code: string; zh: string; en: string }[] }
      : null,
    attachmentCount: Number(att?.n ?? 0),
    allowedActions: allowedActionsFor(ctx, row),
    lastOperatedAt: row.lastOperatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** GET /export-returns/:id */
export async function getExportReturn(ctx: Ctx, id: string): Promise<ExportReturnView> {
  return toExportReturnView(ctx, await loadExportReturnInScope(ctx, id));
}
