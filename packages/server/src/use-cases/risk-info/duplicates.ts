/**
 * Duplicates are linked, not re-created: a second declaration or a manual entry naming an import declaration that
 * already has a record in the same directly-affiliated customs gets a `risk_info_links` row on that record.
 */
import { and, asc, eq, riskInfoLinks, riskInfos, sql, type DbOrTx } from '@returntrace/db';
import { audit, type AuditInput } from '../../audit/audit';
import type { Ctx } from '../../context';

/** `/<gacc>/<direct>/` of an office path (the path itself above that level). */
export function directCustomsPrefix(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return `/${parts.slice(0, 2).join('/')}/`;
}

/**
 * The oldest record on the same import declaration in the same directly-affiliated customs, locked. A transaction
 * advisory lock on (customs, import declaration) comes first: row locks cannot stop two transactions that both find
 * nothing from both creating a record, the advisory lock makes the second wait and then see the first one's record.
 */
export async function findRecordForImportDeclaration(tx: DbOrTx, officePath: string, importDeclarationNo: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`risk_info.import:${directCustomsPrefix(officePath)}${importDeclarationNo}`}, 0))`);
  const [row] = await tx.select({ id: riskInfos.id, infoNo: riskInfos.infoNo }).from(riskInfos)
    .where(and(eq(riskInfos.importDeclarationNo, importDeclarationNo), sql`starts_with(${riskInfos.officePath}, ${directCustomsPrefix(officePath)})`))
    .orderBy(asc(riskInfos.createdAt), asc(riskInfos.id)).limit(1).for('update');
  return row ?? null;
}

export interface LinkInput {
  kind: 'duplicate_declaration' | 'duplicate_notification' | 'related_return';
  exportReturnId?: string | null;
  foreignNotificationId?: string | null;
  note?: string;
  linkedBy: string | null;
}

/**
 * Adds the link unless the same one exists (a redelivered event or a repeated request changes nothing); audits
 * `risk_info.link`. Answers whether a link was added.
 */
export async function addRiskInfoLink(
  ctx: Ctx, tx: DbOrTx, riskInfoId: string, link: LinkInput, auditAs?: Pick<AuditInput, 'userId' | 'username' | 'orgId' | 'orgPath'>,
): Promise<boolean> {
  const same = await tx.select({ id: riskInfoLinks.id }).from(riskInfoLinks).where(and(
    eq(riskInfoLinks.riskInfoId, riskInfoId), eq(riskInfoLinks.kind, link.kind),
    link.exportReturnId ? eq(riskInfoLinks.exportReturnId, link.exportReturnId) : sql`${riskInfoLinks.exportReturnId} IS NULL`,
    link.foreignNotificationId ? eq(riskInfoLinks.foreignNotificationId, link.foreignNotificationId) : sql`${riskInfoLinks.foreignNotificationId} IS NULL`,
  )).limit(1);
  // manual duplicates (no declaration or notification behind them) are each recorded with their note
  if (same.length && (link.exportReturnId || link.foreignNotificationId)) return false;
  const now = ctx.clock.now();
  const [row] = await tx.insert(riskInfoLinks).values({
    riskInfoId, kind: link.kind, exportReturnId: link.exportReturnId ?? null, foreignNotificationId: link.foreignNotificationId ?? null,
    note: link.note ?? '', linkedBy: link.linkedBy, at: now,
  }).returning({ id: riskInfoLinks.id });
  await tx.update(riskInfos).set({ updatedAt: now }).where(eq(riskInfos.id, riskInfoId));
  await audit(ctx, tx, {
    action: 'risk_info.link', objectType: 'risk_info', objectId: riskInfoId, ...auditAs,
    detail: { linkId: row!.id, kind: link.kind, exportReturnId: link.exportReturnId ?? null, foreignNotificationId: link.foreignNotificationId ?? null },
  });
  return true;
}
