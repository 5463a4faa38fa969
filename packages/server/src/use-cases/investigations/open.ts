/**
 * Opening a case (立案调查) from an accepted risk-information record: the record moves `accepted` → `investigating`
 * through its machine in the same transaction; the case gets a number, the record's effective type, the record's
 * office and investigating organisation, the enterprise when it is on the platform, and a deadline from the
 * investigation-type policy in force for the office.
 */
import { eq, investigationHistory, investigations, organisations, riskInfos, type DbOrTx } from '@returntrace/db';
import {
  beijingDate, EMPTY_FINDINGS, riskInfoTransition, type InvestigationType, type InvestigationView, type RiskInfoState,
} from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, notFound } from '../../errors';
import { inScopeOfAny, scopeOf } from '../../policies/scope';
import { directCustomsIdOf } from '../export-returns/policy';
import { nextSequence } from '../export-returns/transitions';
import { investigationTypePolicyFor } from '../investigation-type/decide';
import { loadCase } from './access';
import { toInvestigationView } from './view';

export const CASE_NO_KIND = 'investigation.case_no';
const DAY_MS = 24 * 60 * 60 * 1000;

type RiskRow = typeof riskInfos.$inferSelect;

/** The type the case follows: the officer's override, else the rule decision. */
export function effectiveTypeOf(r: Pick<RiskRow, 'overrideType' | 'typeDecision'>): InvestigationType | null {
  return (r.overrideType as InvestigationType | null) ?? ((r.typeDecision as { type?: InvestigationType } | null)?.type ?? null);
}

/** The 4-digit customs district of the office (or of its directly-affiliated customs). */
async function districtOf(db: DbOrTx, officeId: string, officePath: string): Promise<string> {
  const [office] = await db.select({ code: organisations.code }).from(organisations).where(eq(organisations.id, officeId));
  if (office && /^\d{4}$/.test(office.code)) return office.code;
  const directId = directCustomsIdOf(officePath);
  const [direct] = directId ? await db.select({ code: organisations.code }).from(organisations).where(eq(organisations.id, directId)) : [];
  return direct && /^\d{4}$/.test(direct.code) ? direct.code : '0000';
}

/** 调查编号: `D` + district + YY + 6-digit sequence per district and year. */
export async function nextCaseNo(tx: DbOrTx, district: string, at: Date): Promise<string> {
  const yy = beijingDate(at).slice(2, 4);
  const n = await nextSequence(tx, CASE_NO_KIND, `${district}${yy}`);
  return `D${district}${yy}${String(n).padStart(6, '0')}`;
}

/** POST /investigations */
export async function openInvestigation(ctx: Ctx, input: { riskInfoId: string }): Promise<InvestigationView> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const id = await transaction(ctx.db, async (tx) => {
    const [risk] = await tx.select().from(riskInfos).where(eq(riskInfos.id, input.riskInfoId)).for('update');
    const owners = risk ? [{ path: risk.officePath, orgId: risk.officeId }, { path: risk.investigatingOrgPath, orgId: risk.investigatingOrgId }] : [];
    if (!risk || !inScopeOfAny(scopeOf(actor), owners)) throw notFound('risk-information record');
    const verdict = riskInfoTransition(risk.state as RiskInfoState, 'open_case');
    if (!verdict.ok) throw conflict(verdict.message);
    const type = effectiveTypeOf(risk);
    if (!type) {
      throw conflict({ en: 'The record has no investigation type yet; decide it first', zh: '该风险信息尚未确定调查类型，请先判定调查类型' });
    }
    const investigatingOrgId = risk.investigatingOrgId ?? risk.officeId;
    const [invOrg] = await tx.select({ path: organisations.path }).from(organisations).where(eq(organisations.id, investigatingOrgId));
    const [ent] = risk.enterpriseId
      ? await tx.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(eq(organisations.id, risk.enterpriseId))
      : [];
    const { policy, version: policyVersion } = await investigationTypePolicyFor(tx, risk.officePath, now);
    const dueAt = new Date(now.getTime() + policy.deadlineDays[type] * DAY_MS);
    const caseNo = await nextCaseNo(tx, await districtOf(tx, risk.officeId, risk.officePath), now);
    const [created] = await tx.insert(investigations).values({
      caseNo, riskInfoId: risk.id, type, state: 'opened', officeId: risk.officeId, officePath: risk.officePath,
      investigatingOrgId, investigatingOrgPath: invOrg!.path, enterpriseId: ent?.kind === 'enterprise' ? ent.id : null,
      dueAt, openedAt: now, findings: EMPTY_FINDINGS, findingsVersion: 1, createdBy: actor.userId, updatedAt: now,
    }).returning({ id: investigations.id });
    await tx.insert(investigationHistory).values({
      investigationId: created!.id, event: 'open', fromState: '', toState: 'opened', reason: '', by: actor.userId, at: now,
    });
    await tx.update(riskInfos).set({ state: verdict.to, version: risk.version + 1, updatedAt: now }).where(eq(riskInfos.id, risk.id));
    await audit(ctx, tx, {
      action: 'risk_info.open_case', objectType: 'risk_info', objectId: risk.id,
      detail: { infoNo: risk.infoNo, from: verdict.from, to: verdict.to, investigationId: created!.id, caseNo },
    });
    await audit(ctx, tx, {
      action: 'investigation.open', objectType: 'investigation', objectId: created!.id,
      detail: { caseNo, riskInfoId: risk.id, infoNo: risk.infoNo, type, dueAt: dueAt.toISOString(), policyVersion },
    });
    return created!.id;
  });
  return toInvestigationView(ctx, await loadCase(ctx, id));
}
