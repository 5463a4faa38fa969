/**
 * Persisting a state change of a declaration: the domain machine decides, then the new status, its receipt (回执)
 * and the audit row are written in the caller's transaction. Nothing here compares statuses itself.
 */
import { eq, exportReturnReceipts, exportReturns, getTableColumns, queryRows, sql, type DbOrTx } from '@returntrace/db';
import { EXPORT_RETURN_TRANSITIONS, transition, type ExportReturnEvent, type ExportReturnState, type ExportReturnStatus } from '@returntrace/domain';
import { auditMany, type AuditInput } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, ProblemError } from '../../errors';
import type { ExportReturnRecord } from './load';

export interface ReceiptReason {
  code: string;
  zh: string;
  en: string;
}

/** The machine's verdict for `event`, or a 409 naming the refusal in both languages. */
export function decide(row: Pick<ExportReturnRecord, 'status'>, event: ExportReturnEvent) {
  const r = transition(row.status as ExportReturnState, event);
  if (!r.ok) throw conflict(r.message);
  return r;
}

/** If-Match is mandatory on changes of a declaration: absent → 428, stale → 412. */
export function requireVersion(row: Pick<ExportReturnRecord, 'version'>, ifMatch: number | undefined): void {
  if (ifMatch === undefined) {
    throw new ProblemError(428, 'precondition_required', {
      en: 'Send the record version in If-Match (from the ETag of the last read)', zh: '请在 If-Match 中携带记录版本（取自上次读取的 ETag）',
    });
  }
  if (ifMatch !== row.version) {
    throw new ProblemError(412, 'precondition_failed', {
      en: 'The declaration was changed in the meantime; reload it', zh: '申报数据已被修改，请刷新后重试',
    });
  }
}

export interface ApplyOptions {
  /** extra columns changed with the status */
  set?: Partial<typeof exportReturns.$inferInsert>;
  reasons?: ReceiptReason[];
  /** text appended to the machine's receipt message, e.g. the auditor's rejection reason */
  detail?: { zh: string; en: string };
  auditDetail?: Record<string, unknown>;
}

export interface WrittenReceipts {
  receipts: (typeof exportReturnReceipts.$inferInsert)[];
}

export interface Step {
  event: ExportReturnEvent;
  opts?: ApplyOptions;
}

/**
 * Applies `event` to the row inside `tx`: status, version and last-operation time, the receipt when the machine
 * defines one, and the audit row `export_return.<event>`. Answers the updated row.
 */
export function applyEvent(ctx: Ctx, tx: DbOrTx, row: ExportReturnRecord, event: ExportReturnEvent, opts: ApplyOptions = {}): Promise<ExportReturnRecord> {
  return applyEvents(ctx, tx, row, [{ event, opts }]);
}

/**
 * Applies several events in order, each decided by the machine from the state the previous one left: one UPDATE
 * (the last state; the version counts every step) with the receipts' INSERT in the same statement, and one audit row per event —
 * written at once, or collected into `pendingAudits` when the caller writes them later in the same transaction.
 */
export async function applyEvents(
  ctx: Ctx, tx: DbOrTx, row: ExportReturnRecord, steps: readonly Step[], pendingAudits?: AuditInput[],
  /** filled with the receipts written (a caller that presents the result without reading it back) */
  written?: WrittenReceipts,
): Promise<ExportReturnRecord> {
  const now = ctx.clock.now();
  let state = row.status as ExportReturnState;
  let set: Partial<typeof exportReturns.$inferInsert> = {};
  const receipts: (typeof exportReturnReceipts.$inferInsert)[] = [];
  const audits: AuditInput[] = [];
  const join = (a: string, b: string | undefined, sep: string) => (b ? `${a}${sep}${b}` : a);
  for (const { event, opts = {} } of steps) {
    const verdict = decide({ status: state as number }, event);
    state = verdict.to;
    set = { ...set, ...opts.set };
    // the platform's own processing is recorded as the system, not as the user whose request started it
    const bySystem = EXPORT_RETURN_TRANSITIONS[event].by === 'system';
    if (verdict.receipt && verdict.to !== 'deleted') {
      receipts.push({
        returnId: row.id,
        status: verdict.to as ExportReturnStatus,
        messageZh: join(verdict.receipt.zh, opts.detail?.zh ?? opts.reasons?.map((r) => r.zh).join('；'), '：'),
        messageEn: join(verdict.receipt.en, opts.detail?.en ?? opts.reasons?.map((r) => r.en).join('; '), ': '),
        reasons: opts.reasons ?? [],
        at: now,
        byUser: bySystem ? null : (ctx.actor?.userId ?? null),
      });
    }
    audits.push({
      action: `export_return.${event}`, objectType: 'export_return', objectId: row.id,
      ...(bySystem ? { userId: null, username: 'system', orgId: null, orgPath: '' } : {}),
      detail: { unifiedNo: row.unifiedNo, from: verdict.from, to: verdict.to, ...(opts.reasons ? { reasons: opts.reasons.map((r) => r.code) } : {}), ...opts.auditDetail },
    });
  }
  const update = tx.update(exportReturns).set({
    ...set,
    ...(state === 'deleted' ? { deleted: true } : { status: state }),
    version: row.version + steps.length,
    lastOperatedAt: now,
  }).where(eq(exportReturns.id, row.id)).returning();
  let updated: ExportReturnRecord | undefined;
  if (receipts.length) {
    // the receipts and the row in one statement (a data-modifying CTE): one round trip fewer
    const [raw] = await queryRows<Record<string, unknown>>(tx, sql`WITH receipts AS (${tx.insert(exportReturnReceipts).values(receipts).getSQL()}) ${update.getSQL()}`);
    updated = raw && recordFromDriverRow(raw);
  } else {
    [updated] = await update;
  }
  if (pendingAudits) pendingAudits.push(...audits);
  else await auditMany(ctx, tx, audits);
  if (written) written.receipts = receipts;
  return updated!;
}

const RECORD_COLUMNS = Object.entries(getTableColumns(exportReturns));

/** A row of `export_returns` as the driver returned it (column names, driver values) → the typed record. */
function recordFromDriverRow(raw: Record<string, unknown>): ExportReturnRecord {
  const out: Record<string, unknown> = {};
  for (const [key, column] of RECORD_COLUMNS) {
    const v = raw[column.name];
    out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out as ExportReturnRecord;
}

/** Takes the next number of a sequence (kind, scope) in `tx`; the first number is 1. */
export async function nextSequence(tx: DbOrTx, kind: string, scope: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`
    INSERT INTO sequence_counters (kind, scope, next) VALUES (${kind}, ${scope}, 2)
    ON CONFLICT (kind, scope) DO UPDATE SET next = sequence_counters.next + 1
    RETURNING next - 1 AS n`);
  return Number(row!.n);
}
