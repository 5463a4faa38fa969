/**
 * Customs processing after a submission, inside the platform: receipt check (3, or 4 with the reasons), then the
 * electronic audit (5 queued for manual audit, or 6 with the reasons). Rules and their switches are data
 * (`CUSTOMS_RULES`, the audit policy); this module only gathers the facts and persists the machine's transitions.
 */
import {
  and, customsDeclarations, eq, exportReturnLines, exportReturns, inArray, sql, type DbOrTx,
} from '@returntrace/db';
import {
  evaluateRules, splitExportDeclarationNos, targetOf, type CustomsProcessingFacts, type ExportReturnInput,
} from '@returntrace/domain';
import type { Ctx } from '../../context';
import type { ExportReturnRecord } from './load';
import { loadAuditPolicies, policyFor } from './policy';
import { applyEvent, type ReceiptReason } from './transitions';

async function gatherFacts(tx: DbOrTx, row: ExportReturnRecord): Promise<CustomsProcessingFacts> {
  const [decl] = await tx.select({ withdrawn: customsDeclarations.withdrawn, direction: customsDeclarations.direction })
    .from(customsDeclarations).where(eq(customsDeclarations.entryId, row.importDeclarationNo));
  const lines = await tx.select({ lineNo: exportReturnLines.lineNo, industrial: exportReturnLines.industrial })
    .from(exportReturnLines).where(eq(exportReturnLines.returnId, row.id));
  const approved = await tx.select({ unifiedNo: exportReturns.unifiedNo, returnNo: exportReturns.returnNo }).from(exportReturns)
    .where(and(
      eq(exportReturns.importDeclarationNo, row.importDeclarationNo), sql`${exportReturns.id} <> ${row.id}`,
      eq(exportReturns.deleted, false), eq(exportReturns.status, targetOf('approve') as number),
    ));
  const listed = (row.input as ExportReturnInput).originalExportDeclarationNos;
  const nos = listed ? splitExportDeclarationNos(listed) : [];
  const known = nos.length
    ? new Set((await tx.select({ no: customsDeclarations.entryId }).from(customsDeclarations)
      .where(and(inArray(customsDeclarations.entryId, nos), eq(customsDeclarations.direction, 'export')))).map((r) => r.no))
    : new Set<string>();
  return {
    importDeclarationNo: row.importDeclarationNo,
    importDeclaration: decl && decl.direction === 'import' ? { withdrawn: decl.withdrawn } : null,
    lines,
    approvedReturnsOnSameImport: approved,
    unknownExportDeclarationNos: nos.filter((n) => !known.has(n)),
  };
}

const asReasons = (fired: { id: string; reason: { zh: string; en: string } }[]): ReceiptReason[] =>
  fired.map((f) => ({ code: f.id, zh: f.reason.zh, en: f.reason.en }));

/** Runs receipt check and electronic audit on a submitted (status 1) declaration, in one transaction. */
export async function runCustomsProcessing(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(exportReturns).where(eq(exportReturns.id, id)).for('update');
    let row = locked!;
    const facts = await gatherFacts(tx, row);
    const policy = policyFor(await loadAuditPolicies(tx, ctx.clock.now()), row.competentOfficePath);
    const receipt = evaluateRules('receipt', facts, policy.rules);
    if (!receipt.pass) {
      await applyEvent(ctx, tx, row, 'customs_refuse', { reasons: asReasons(receipt.fired) });
      return;
    }
    row = await applyEvent(ctx, tx, row, 'customs_accept');
    const eaudit = evaluateRules('eaudit', facts, policy.rules);
    if (!eaudit.pass) {
      await applyEvent(ctx, tx, row, 'eaudit_reject', { reasons: asReasons(eaudit.fired) });
      return;
    }
    await applyEvent(ctx, tx, row, 'eaudit_pass', { set: { queuedAt: ctx.clock.now() }, auditDetail: { rulesChecked: Object.keys(policy.rules) } });
  });
}

/** When processing failed unexpectedly: the declaration goes to 2 (提交失败) with a receipt, and can be submitted again. */
export async function markSubmitFailed(ctx: Ctx, id: string, error: unknown): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(exportReturns).where(eq(exportReturns.id, id)).for('update');
    await applyEvent(ctx, tx, row!, 'submit_failed', {
      reasons: [{ code: 'processing_error', zh: '海关处理暂时不可用', en: 'Customs processing was temporarily unavailable' }],
      auditDetail: { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' },
    });
  });
}
