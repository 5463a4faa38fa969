/**
 * The investigation type of a record (000 §3.3): an officer's override with its mandatory reason — the rule
 * decision stays stored and both are shown — and re-running the rules with the policy now in force. And marking a
 * record as a crime lead for public security (涉案线索). Each change is one transaction with its audit row.
 */
import { riskInfoTransition, type InvestigationTypeOverride, type RiskInfoState, type RiskInfoView, type RiskSource } from '@returntrace/domain';
import { transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict } from '../../errors';
import { decideTypeFor, type StoredTypeDecision } from '../investigation-type/decide';
import { loadRiskInfoInScope, presentRiskInfo, type RiskInfoRecord } from './load';
import { applyRiskInfoChange, checkVersion, requireSide } from './transitions';
import type { RiskFactors, RiskGoodsLine } from '@returntrace/domain';

/** Once a case is open (or the record is dismissed or closed) the type belongs to the case, not the record. */
const TYPE_FIXED: readonly RiskInfoState[] = ['investigating', 'closed', 'dismissed'];

function requireTypeOpen(row: RiskInfoRecord): void {
  if (TYPE_FIXED.includes(row.state as RiskInfoState)) {
    const refusal = riskInfoTransition(row.state as RiskInfoState, 'edit');
    throw conflict(refusal.ok
      ? { en: 'The investigation type can no longer be changed', zh: '调查方式已不能修改' }
      : { en: `${refusal.message.en}; the investigation type can no longer be changed`, zh: `${refusal.message.zh}，调查方式已不能修改` });
  }
}

/** POST /risk-info/:id/type-override — audited with the rule decision it overrides. */
export async function overrideType(ctx: Ctx, id: string, input: InvestigationTypeOverride, ifMatch?: number): Promise<RiskInfoView> {
  const a = ctx.actor!;
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadRiskInfoInScope(ctx, id, tx, true);
    requireSide(ctx, current, 'office', 'risk_info.review');
    checkVersion(current, ifMatch);
    requireTypeOpen(current);
    const rule = (current.typeDecision as StoredTypeDecision | null)?.type ?? null;
    return applyRiskInfoChange(ctx, tx, current, 'risk_info.type_override', {
      set: { overrideType: input.type, overrideReason: input.reason, overrideBy: a.userId, overrideAt: ctx.clock.now() },
      auditDetail: { ruleType: rule, previousOverride: current.overrideType, type: input.type, reason: input.reason },
    });
  });
  return presentRiskInfo(ctx.db, a, row);
}

/** POST /risk-info/:id/redecide — the rules again with the policy in force now; an override stays as it is. */
export async function redecideType(ctx: Ctx, id: string, ifMatch?: number): Promise<RiskInfoView> {
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadRiskInfoInScope(ctx, id, tx, true);
    requireSide(ctx, current, 'office', 'risk_info.collect');
    checkVersion(current, ifMatch);
    requireTypeOpen(current);
    const { decision, batchValueUsd } = await decideTypeFor(tx, {
      officePath: current.officePath, at: ctx.clock.now(), source: current.source as RiskSource,
      goods: current.goods as RiskGoodsLine[], factors: current.factors as RiskFactors, reasonCodes: current.reasonCodes,
    });
    const before = current.typeDecision as StoredTypeDecision | null;
    return applyRiskInfoChange(ctx, tx, current, 'risk_info.redecide', {
      set: { typeDecision: decision, batchValueUsd: batchValueUsd === null ? null : batchValueUsd.toFixed(2) },
      auditDetail: {
        before: before ? { type: before.type, policyVersion: before.policyVersion } : null,
        after: { type: decision.type, decidedBy: decision.decidedBy, policyVersion: decision.policyVersion }, batchValueUsd,
      },
    });
  });
  return presentRiskInfo(ctx.db, ctx.actor, row);
}

/** POST /risk-info/:id/crime-lead — mark (with the reason) or unmark. */
export async function markCrimeLead(ctx: Ctx, id: string, input: { crimeLead: boolean; note: string }, ifMatch?: number): Promise<RiskInfoView> {
  const a = ctx.actor!;
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadRiskInfoInScope(ctx, id, tx, true);
    requireSide(ctx, current, 'office', 'risk_info.review');
    checkVersion(current, ifMatch);
    const now = ctx.clock.now();
    return applyRiskInfoChange(ctx, tx, current, input.crimeLead ? 'risk_info.crime_lead.mark' : 'risk_info.crime_lead.unmark', {
      set: input.crimeLead
        ? { crimeLead: true, crimeLeadNote: input.note, crimeLeadBy: a.userId, crimeLeadAt: now }
        : { crimeLead: false, crimeLeadNote: input.note, crimeLeadBy: a.userId, crimeLeadAt: now },
      auditDetail: { note: input.note },
    });
  });
  return presentRiskInfo(ctx.db, a, row);
}
