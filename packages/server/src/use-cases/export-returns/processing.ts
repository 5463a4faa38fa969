/**
 * Customs processing after a submission, inside the platform: receipt check (3, or 4 with the reasons), then the
 * electronic audit (5 queued for manual audit, or 6 with the reasons). Rules and their switches are data
 * (`CUSTOMS_RULES`, the audit policy); this module only gathers the facts and persists the machine's transitions.
 */
import { and, customsDeclarations, eq, exportReturns, inArray, sql, type DbOrTx } from '@returntrace/db';
import {
  evaluateRules, splitExportDeclarationNos, targetOf, type CustomsProcessingFacts, type ExportReturnInput,
  type ExportReturnLine,
} from '@returntrace/domain';
import type { Ctx } from '../../context';
import type { ExportReturnRecord } from './load';
import { policyFor } from './policy';
import { auditPoliciesInForce } from './reference-cache';
import type { ReceiptReason, Step } from './transitions';

async function gatherFacts(tx: DbOrTx, row: ExportReturnRecord, lines: readonly ExportReturnLine[], checkExportNos: boolean): Promise<CustomsProcessingFacts> {
  // one round trip, a named prepared statement: the import declaration and the approved returns on it
  const [facts] = await tx.select({
    withdrawn: customsDeclarations.withdrawn,
    direction: customsDeclarations.direction,
    approved: sql<{ unifiedNo: string; returnNo: string | null }[]>`coalesce((
      SELECT json_agg(json_build_object('unifiedNo', r.unified_no, 'returnNo', r.return_no))
        FROM export_returns r
       WHERE r.import_declaration_no = ${sql.placeholder('importNo')} AND r.id <> ${sql.placeholder('id')}
         AND NOT r.deleted AND r.status = ${sql.placeholder('approved')}), '[]'::json)`,
  }).from(sql`(SELECT 1) AS one`)
    .leftJoin(customsDeclarations, eq(customsDeclarations.entryId, sql.placeholder('importNo')))
    .prepare('rt_export_return_facts')
    .execute({ importNo: row.importDeclarationNo, id: row.id, approved: targetOf('approve') as number });
  const decl = facts?.direction ? { withdrawn: facts.withdrawn!, direction: facts.direction } : undefined;
  const approved = facts?.approved ?? [];
  const listed = (row.input as ExportReturnInput).originalExportDeclarationNos;
  // the look-up is needed only when the policy switches the rule on
  const nos = checkExportNos && listed ? splitExportDeclarationNos(listed) : [];
  const known = nos.length
    ? new Set((await tx.select({ no: customsDeclarations.entryId }).from(customsDeclarations)
      .where(and(inArray(customsDeclarations.entryId, nos), eq(customsDeclarations.direction, 'export')))).map((r) => r.no))
    : new Set<string>();
  return {
    importDeclarationNo: row.importDeclarationNo,
    importDeclaration: decl && decl.direction === 'import' ? { withdrawn: decl.withdrawn } : null,
    lines: lines.map((l) => ({ lineNo: l.lineNo, industrial: l.industrial })),
    approvedReturnsOnSameImport: approved,
    unknownExportDeclarationNos: nos.filter((n) => !known.has(n)),
  };
}

const asReasons = (fired: { id: string; reason: { zh: string; en: string } }[]): ReceiptReason[] =>
  fired.map((f) => ({ code: f.id, zh: f.reason.zh, en: f.reason.en }));

/**
 * Receipt check and electronic audit of a declaration being submitted (`row` as it stands once submitted), inside
 * the caller's transaction: the facts are read and the rules decide the steps that follow the submission (3 then 5
 * or 6, or 4). The caller writes them with the submission itself (`applyEvents`: one update, one receipts insert).
 */
export async function processingSteps(ctx: Ctx, tx: DbOrTx, row: ExportReturnRecord, lines: readonly ExportReturnLine[]): Promise<Step[]> {
  const policy = policyFor(await auditPoliciesInForce(ctx.db, tx, ctx.clock.now()), row.competentOfficePath);
  const facts = await gatherFacts(tx, row, lines, policy.rules['eaudit.export_declarations_unknown'] === true);
  const receipt = evaluateRules('receipt', facts, policy.rules);
  if (!receipt.pass) return [{ event: 'customs_refuse', opts: { reasons: asReasons(receipt.fired) } }];
  const eaudit = evaluateRules('eaudit', facts, policy.rules);
  return [
    { event: 'customs_accept' },
    eaudit.pass
      ? { event: 'eaudit_pass', opts: { set: { queuedAt: ctx.clock.now() }, auditDetail: { rulesChecked: Object.keys(policy.rules) } } }
      : { event: 'eaudit_reject', opts: { reasons: asReasons(eaudit.fired) } },
  ];
}

/** When processing failed unexpectedly: the declaration goes to 2 (提交失败) with a receipt, and can be submitted again. */
export function submitFailedStep(error: unknown): Step {
  return {
    event: 'submit_failed',
    opts: {
      reasons: [{ code: 'processing_error', zh: '海关处理暂时不可用', en: 'Customs processing was temporarily unavailable' }],
      auditDetail: { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' },
    },
  };
}
