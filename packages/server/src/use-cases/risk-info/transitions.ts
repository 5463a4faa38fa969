/**
 * Persisting a change of a risk-information record: the domain machine (`riskInfoTransition`) decides, then the
 * new state, version and audit row `risk_info.<event>` are written in the caller's transaction. Who may act is
 * checked here too, after the jurisdiction (404) and before the machine (409).
 */
import { eq, riskInfos, type DbOrTx } from '@returntrace/db';
import { riskInfoTransition, type RiskInfoEvent, type RiskInfoState } from '@returntrace/domain';
import { audit } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, forbidden, ProblemError } from '../../errors';
import { can, type Permission } from '../../policies/permissions';
import { officeInScope, targetInScope, type RiskInfoRecord } from './load';

/** The machine's verdict for `event`, or a 409 naming the refusal in both languages. */
export function decideRiskInfo(row: Pick<RiskInfoRecord, 'state'>, event: RiskInfoEvent) {
  const r = riskInfoTransition(row.state as RiskInfoState, event);
  if (!r.ok) throw conflict(r.message);
  return r;
}

/** If-Match: required where `required` (editing the form), checked when sent elsewhere; stale → 412. */
export function checkVersion(row: Pick<RiskInfoRecord, 'version'>, ifMatch: number | undefined, required = false): void {
  if (ifMatch === undefined) {
    if (!required) return;
    throw new ProblemError(428, 'precondition_required', {
      en: 'Send the record version in If-Match (from the ETag of the last read)', zh: '请在 If-Match 中携带记录版本（取自上次读取的 ETag）',
    });
  }
  if (ifMatch !== row.version) {
    throw new ProblemError(412, 'precondition_failed', { en: 'The record was changed in the meantime; reload it', zh: '风险信息已被修改，请刷新后重试' });
  }
}

export type Side = 'office' | 'target';

/**
 * The caller acts for the collecting office (its office in scope) or for the organisation the record is
 * transferred to, with the permission the action needs; visible records refused otherwise answer 403.
 */
export function requireSide(ctx: Ctx, row: RiskInfoRecord, side: Side, permission: Permission): void {
  const a = ctx.actor!;
  const ok = side === 'office' ? officeInScope(a, row) : targetInScope(a, row);
  if (!ok || !can(a, permission)) {
    throw forbidden(side === 'office'
      ? { en: 'Only the collecting customs office may do this', zh: '仅采集风险信息的海关可执行此操作' }
      : { en: 'Only the organisation the record is transferred to may do this', zh: '仅接收移送的调查机构可执行此操作' });
  }
}

export interface RiskInfoChange {
  set?: Partial<typeof riskInfos.$inferInsert>;
  auditDetail?: Record<string, unknown>;
  /** audit action instead of `risk_info.<event>` (override, crime lead, redecide keep their own names) */
  action?: string;
}

/** Applies the machine's events in order (one UPDATE, one audit row per event) and answers the updated row. */
export async function applyRiskInfoEvents(
  ctx: Ctx, tx: DbOrTx, row: RiskInfoRecord, events: readonly RiskInfoEvent[], change: RiskInfoChange = {},
): Promise<RiskInfoRecord> {
  let state = row.state as RiskInfoState;
  const steps: { from: RiskInfoState; to: RiskInfoState; event: RiskInfoEvent }[] = [];
  for (const event of events) {
    const v = decideRiskInfo({ state }, event);
    steps.push({ from: v.from, to: v.to, event });
    state = v.to;
  }
  const updated = await writeChange(ctx, tx, row, { ...change.set, state }, Math.max(steps.length, 1));
  for (const s of steps) {
    await audit(ctx, tx, {
      action: change.action ?? `risk_info.${s.event}`, objectType: 'risk_info', objectId: row.id,
      detail: { infoNo: row.infoNo, from: s.from, to: s.to, ...change.auditDetail },
    });
  }
  return updated;
}

/** A change outside the machine (override, crime lead): new version, one audit row. */
export async function applyRiskInfoChange(ctx: Ctx, tx: DbOrTx, row: RiskInfoRecord, action: string, change: RiskInfoChange): Promise<RiskInfoRecord> {
  const updated = await writeChange(ctx, tx, row, change.set ?? {}, 1);
  await audit(ctx, tx, { action, objectType: 'risk_info', objectId: row.id, detail: { infoNo: row.infoNo, ...change.auditDetail } });
  return updated;
}

async function writeChange(ctx: Ctx, tx: DbOrTx, row: RiskInfoRecord, set: Partial<typeof riskInfos.$inferInsert>, steps: number): Promise<RiskInfoRecord> {
  const [updated] = await tx.update(riskInfos).set({ ...set, version: row.version + steps, updatedAt: ctx.clock.now() })
    .where(eq(riskInfos.id, row.id)).returning();
  return updated!;
}
