/**
 * Loading one export-return declaration in the caller's jurisdiction and presenting it. Every use-case and route
 * of the module (workflow, print, attachments) loads through `loadExportReturnInScope`, so a declaration outside
 * the caller's jurisdiction answers 404 everywhere alike.
 */
import { and, asc, eq, exportReturnLines, exportReturns, getTableColumns, queryRows, sql, type DbOrTx } from '@returntrace/db';
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
  // named prepared statements: PostgreSQL parses and plans them once per pooled connection
  const q = db.select().from(exportReturns).where(and(eq(exportReturns.id, sql.placeholder('id')), eq(exportReturns.deleted, false)));
  const [row] = forUpdate
    ? await q.for('update').prepare('rt_export_return_locked').execute({ id })
    : await q.prepare('rt_export_return').execute({ id });
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

/** Trailing zeros of numeric columns are noise in the form ("12.5000" → "12.5"). */
export const trimDecimal = (s: string | null): string | null => (s === null ? null : s.includes('.') ? s.replace(/\.?0+$/, '') : s);

export async function loadLines(db: DbOrTx, returnId: string): Promise<ExportReturnLine[]> {
  const rows = await db.select().from(exportReturnLines).where(eq(exportReturnLines.returnId, sql.placeholder('returnId')))
    .orderBy(asc(exportReturnLines.lineNo)).prepare('rt_export_return_lines').execute({ returnId });
  return rows.map((l) => ({
    lineNo: l.lineNo, hsCode: l.hsCode, supervisionCategory: l.supervisionCategory, goodsName: l.goodsName,
    amount: trimDecimal(l.amount)!, currency: l.currency, quantity: trimDecimal(l.quantity)!, unit: l.unit,
    weightKg: trimDecimal(l.weightKg), industrial: l.industrial,
  }));
}

/** What the view shows around the row: parties, collector, latest receipt, attachment count. */
export interface ViewExtras {
  ent_code: string | null; ent_customs: string | null; ent_name: string | null; collector: string | null;
  office: { id: string; code: string; nameZh: string; nameEn: string } | null;
  latest: { messageZh: string; messageEn: string; reasons: { code: string; zh: string; en: string }[] } | null;
  attachments: number;
}

/** The declaration (not deleted, locked FOR UPDATE) with its goods lines and view extras, in one round trip. */
export async function loadLockedWithContext(ctx: Ctx, id: string, tx: DbOrTx): Promise<{ row: ExportReturnRecord; lines: ExportReturnLine[]; extras: ViewExtras }> {
  const [found] = await tx.select({
    ...getTableColumns(exportReturns),
    lines: sql<RawLine[]>`coalesce((SELECT json_agg(json_build_object('lineNo', l.line_no, 'hsCode', l.hs_code,
        'supervisionCategory', l.supervision_category, 'goodsName', l.goods_name, 'amount', l.amount::text, 'currency', l.currency,
        'quantity', l.quantity::text, 'unit', l.unit, 'weightKg', l.weight_kg::text, 'industrial', l.industrial) ORDER BY l.line_no)
      FROM export_return_lines l WHERE l.return_id = ${exportReturns.id}), '[]'::json)`,
    extras: sql<ViewExtras>`(SELECT json_build_object('ent_code', e.code, 'ent_customs', e.customs_code, 'ent_name', e.name_zh,
        'collector', (SELECT display_name FROM users u WHERE u.id = ${exportReturns.createdBy}),
        'office', (SELECT json_build_object('id', o.id, 'code', o.code, 'nameZh', o.name_zh, 'nameEn', o.name_en)
           FROM organisations o WHERE o.id = ${exportReturns.competentOfficeId}),
        'latest', NULL,
        'attachments', (SELECT count(*)::int FROM export_return_attachments a WHERE a.return_id = ${exportReturns.id}))
      FROM organisations e WHERE e.id = ${exportReturns.enterpriseId})`,
  }).from(exportReturns)
    .where(and(eq(exportReturns.id, sql.placeholder('id')), eq(exportReturns.deleted, false)))
    .for('update', { of: exportReturns })
    .prepare('rt_export_return_locked_with_context')
    .execute({ id });
  if (!found || !exportReturnVisible(ctx, found)) throw notFound('export-return declaration');
  const { lines, extras, ...row } = found;
  return {
    row,
    lines: lines.map((l) => ({ ...l, amount: trimDecimal(l.amount)!, quantity: trimDecimal(l.quantity)!, weightKg: trimDecimal(l.weightKg) })),
    extras,
  };
}
type RawLine = ExportReturnLine;

/**
 * The full view of a declaration as the API presents it. `lines` and `extras` when the caller has them at hand
 * (a submit loads them with the row); otherwise one more round trip.
 */
export async function toExportReturnView(ctx: Ctx, row: ExportReturnRecord, db: DbOrTx = ctx.db, lines?: readonly ExportReturnLine[], extras?: ViewExtras): Promise<ExportReturnView> {
  // one round trip for everything around the row: parties, collector, latest receipt, attachment count
  const [extra] = extras ? [extras] : await queryRows<ViewExtras>(db, sql`
    SELECT e.code AS ent_code, e.customs_code AS ent_customs, e.name_zh AS ent_name,
      (SELECT display_name FROM users u WHERE u.id = ${row.createdBy}) AS collector,
      (SELECT json_build_object('id', o.id, 'code', o.code, 'nameZh', o.name_zh, 'nameEn', o.name_en)
         FROM organisations o WHERE o.id = ${row.competentOfficeId}) AS office,
      (SELECT json_build_object('messageZh', r.message_zh, 'messageEn', r.message_en, 'reasons', r.reasons)
         FROM export_return_receipts r WHERE r.return_id = ${row.id} ORDER BY r.id DESC LIMIT 1) AS latest,
      (SELECT count(*)::int FROM export_return_attachments a WHERE a.return_id = ${row.id}) AS attachments
    FROM organisations e WHERE e.id = ${row.enterpriseId}`);
  const latest = extra?.latest ?? null;
  const rejected = isRejectedState(row.status as ExportReturnStatus) && latest;
  return {
    id: row.id,
    unifiedNo: row.unifiedNo,
    returnNo: row.returnNo,
    status: row.status,
    enterprise: { id: row.enterpriseId, creditCode: extra?.ent_code ?? '', customsCode: extra?.ent_customs ?? '', name: extra?.ent_name ?? '' },
    collectorName: extra?.collector ?? '',
    collectorType: 'enterprise',
    source: 'import_declaration_documents',
    collectedAt: iso(row.collectedAt),
    competentOffice: extra?.office ?? null,
    filled: row.filled as ExportReturnFilled,
    input: row.input as ExportReturnInput,
    lines: lines
      ? lines.map((l) => ({ ...l, amount: trimDecimal(l.amount)!, quantity: trimDecimal(l.quantity)!, weightKg: trimDecimal(l.weightKg) }))
      : await loadLines(db, row.id),
    rejection: rejected ? { messageZh: latest.messageZh, messageEn: latest.messageEn, reasons: latest.reasons } : null,
    attachmentCount: Number(extra?.attachments ?? 0),
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
