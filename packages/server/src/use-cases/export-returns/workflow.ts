/**
 * The enterprise's side of a declaration: create (暂存 with a new unified number), save, delete, batch delete and
 * submit. Each use-case loads in scope, lets the domain machine decide, and writes the change with its receipt and
 * audit row in one transaction.
 */
import { exportReturns, organisations, eq, type DbOrTx } from '@returntrace/db';
import {
  UNIFIED_NO_KIND, formatUnifiedNo, unifiedNoScope, beijingDate, transition,
  type ExportReturnInput, type ExportReturnLine, type ExportReturnState, type ExportReturnView,
} from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { notFound, ProblemError } from '../../errors';
import { backfillProblem, lookupBackfill } from './backfill';
import { checkDeclarationInput, contentColumns, linesDiffer, mergeLines, writeLines, type DeclarationContent } from './declaration-input';
import { loadExportReturnInScope, loadLines, loadLockedWithContext, toExportReturnView, type ExportReturnRecord, type ViewExtras } from './load';
import { processingSteps, submitFailedStep } from './processing';
import { applyEvent, applyEvents, decide, nextSequence, requireVersion, type Step, type WrittenReceipts } from './transitions';

/** Content of a declaration from its input: backfilled afresh when the import declaration number is new. */
async function contentFor(
  ctx: Ctx, tx: DbOrTx, input: ExportReturnInput, current: ExportReturnRecord | null, submit: boolean, storedLines?: ExportReturnLine[],
): Promise<DeclarationContent> {
  if (current && current.importDeclarationNo === input.importDeclarationNo) {
    const base = storedLines ?? await loadLines(tx, current.id);
    await checkDeclarationInput(ctx, tx, input, base, submit);
    const lines = mergeLines(base, input.lines);
    return {
      input, filled: current.filled as DeclarationContent['filled'], lines, linesChanged: linesDiffer(base, lines),
      competentOfficeId: current.competentOfficeId, competentOfficePath: current.competentOfficePath,
    };
  }
  const bf = await lookupBackfill(ctx, tx, input.importDeclarationNo);
  if (!bf.ok) throw backfillProblem(bf.refusal, 'body');
  await checkDeclarationInput(ctx, tx, input, bf.value.lines, submit);
  return {
    input, filled: bf.value.filled, lines: mergeLines(bf.value.lines, input.lines), linesChanged: true,
    competentOfficeId: bf.value.competentOffice?.id ?? null, competentOfficePath: bf.value.competentOfficePath,
  };
}

/** A declaration the caller's enterprise owns (enterprise operators see only their own; 404 otherwise). */
async function loadOwn(ctx: Ctx, id: string, tx: DbOrTx): Promise<ExportReturnRecord> {
  const row = await loadExportReturnInScope(ctx, id, tx, true);
  if (row.enterpriseId !== ctx.actor!.orgId) throw notFound('export-return declaration');
  return row;
}

/** POST /export-returns — a new draft (status 0) with its unified number. */
export async function createExportReturn(ctx: Ctx, input: ExportReturnInput): Promise<ExportReturnView> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const row = await transaction(ctx.db, async (tx) => {
    const content = await contentFor(ctx, tx, input, null, false);
    const [org] = await tx.select({ path: organisations.path }).from(organisations).where(eq(organisations.id, actor.orgId));
    const year = Number(beijingDate(now).slice(0, 4));
    const unifiedNo = formatUnifiedNo(year, await nextSequence(tx, UNIFIED_NO_KIND, unifiedNoScope(year)));
    const [created] = await tx.insert(exportReturns).values({
      ...contentColumns(content), unifiedNo, status: 0, enterpriseId: actor.orgId, enterprisePath: org!.path,
      createdBy: actor.userId, lastOperatedAt: now, createdAt: now,
    }).returning();
    await writeLines(tx, created!.id, content.lines);
    await audit(ctx, tx, { action: 'export_return.create', objectType: 'export_return', objectId: created!.id, detail: { unifiedNo, importDeclarationNo: input.importDeclarationNo } });
    return created!;
  });
  return toExportReturnView(ctx, row);
}

/** PUT /export-returns/:id — 暂存: saves the input; a sent-back declaration becomes a draft (0) again. */
export async function saveExportReturn(ctx: Ctx, id: string, input: ExportReturnInput, ifMatch: number | undefined): Promise<ExportReturnView> {
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadOwn(ctx, id, tx);
    requireVersion(current, ifMatch);
    decide(current, 'save');
    const content = await contentFor(ctx, tx, input, current, false);
    if (content.linesChanged) await writeLines(tx, id, content.lines);
    return applyEvent(ctx, tx, current, 'save', { set: contentColumns(content) });
  });
  return toExportReturnView(ctx, row);
}

/** DELETE /export-returns/:id — irreversible for the enterprise; the row stays (deleted flag) for the audit trail. */
export async function deleteExportReturn(ctx: Ctx, id: string, ifMatch: number | undefined): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const current = await loadOwn(ctx, id, tx);
    requireVersion(current, ifMatch);
    await applyEvent(ctx, tx, current, 'delete');
  });
}

export interface BatchDeleteResult {
  deleted: string[];
  refused: { id: string; unifiedNo: string | null; code: string; message: string; messageZh: string }[];
}

/** POST /export-returns/batch-delete — deletes what the status rule allows, reports the others with the reason. */
export async function batchDeleteExportReturns(ctx: Ctx, ids: readonly string[]): Promise<BatchDeleteResult> {
  const out: BatchDeleteResult = { deleted: [], refused: [] };
  await transaction(ctx.db, async (tx) => {
    for (const id of [...new Set(ids)]) {
      let row: ExportReturnRecord;
      try {
        row = await loadOwn(ctx, id, tx);
      } catch (e) {
        if (!(e instanceof ProblemError)) throw e;
        out.refused.push({ id, unifiedNo: null, code: 'not_found', message: e.detailMsg.en, messageZh: e.detailMsg.zh });
        continue;
      }
      const verdict = transition(row.status as ExportReturnState, 'delete');
      if (!verdict.ok) {
        out.refused.push({ id, unifiedNo: row.unifiedNo, code: verdict.code, message: verdict.message.en, messageZh: verdict.message.zh });
        continue;
      }
      await applyEvent(ctx, tx, row, 'delete', { auditDetail: { batch: true } });
      out.deleted.push(id);
    }
  });
  return out;
}

/** Customs processing failed unexpectedly inside a submit transaction (which is then rolled back). */
class ProcessingFailed extends Error {
  constructor(readonly reason: unknown) {
    super('customs processing failed');
  }
}

/**
 * POST /export-returns/:id/submit — saves the input and submits (1), then customs processing decides the next
 * steps; the submission and the processing steps are written together (one update with its receipts), in one
 * transaction. Should processing fail unexpectedly, that transaction is rolled back and a second one saves the input
 * and submits with the outcome 2 (提交失败) and its receipt instead: the enterprise's input and the submission are
 * kept either way, and the common path needs no savepoint.
 */
export async function submitExportReturn(ctx: Ctx, id: string, input: ExportReturnInput, ifMatch: number | undefined): Promise<ExportReturnView> {
  const now = ctx.clock.now();
  const attempt = (failure: ProcessingFailed | null) => transaction(ctx.db, async (tx) => {
    // the row, its goods lines and what the answer shows around it, in one round trip
    const { row: current, lines: stored, extras } = await loadLockedWithContext(ctx, id, tx);
    if (current.enterpriseId !== ctx.actor!.orgId) throw notFound('export-return declaration');
    requireVersion(current, ifMatch);
    decide(current, 'submit');
    const content = await contentFor(ctx, tx, input, current, true, stored);
    if (content.linesChanged) await writeLines(tx, id, content.lines);
    const set = { ...contentColumns(content), submittedAt: now, collectedAt: now, queuedAt: null, returnNo: null, decidedAt: null, decidedBy: null };
    const submit: Step = { event: 'submit', opts: { set } };
    const written: WrittenReceipts = { receipts: [] };
    let row: ExportReturnRecord;
    if (failure) {
      row = await applyEvents(ctx, tx, current, [submit, submitFailedStep(failure.reason)], undefined, written);
    } else {
      try {
        const steps = await processingSteps(ctx, tx, { ...current, ...set }, content.lines);
        row = await applyEvents(ctx, tx, current, [submit, ...steps], undefined, written);
      } catch (err) {
        throw new ProcessingFailed(err);
      }
    }
    const last = written.receipts[written.receipts.length - 1]!;
    const latest = { messageZh: last.messageZh, messageEn: last.messageEn, reasons: (last.reasons ?? []) as NonNullable<ViewExtras['latest']>['reasons'] };
    // the answer is built from what is at hand, unless the competent office changed with a new import declaration
    const view = content.competentOfficeId === current.competentOfficeId ? { ...extras, latest } : undefined;
    return { row, lines: content.lines, view };
  });
  let result: { row: ExportReturnRecord; lines: ExportReturnLine[]; view: ViewExtras | undefined };
  try {
    result = await attempt(null);
  } catch (err) {
    if (!(err instanceof ProcessingFailed)) throw err;
    result = await attempt(err);
  }
  return toExportReturnView(ctx, result.row, ctx.db, result.lines, result.view);
}
