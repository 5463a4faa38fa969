/**
 * The collecting office's and the investigating body's use-cases on a record (000 §3.1.2-3.1.3): manual entry with
 * duplicate detection, editing the collection form, review, dismissal and reopening, transfer to an investigating
 * organisation and its acceptance or refusal. One transaction each, with its audit rows; the machine decides.
 */
import { and, eq, organisations, riskInfos, riskInfoTransfers, type DbOrTx } from '@returntrace/db';
import type { RiskInfoCreateInput, RiskInfoUpdateInput, RiskInfoView, riskInfoTransferSchema } from '@returntrace/domain';
import { isCustomsKind } from '@returntrace/domain';
import type { z } from 'zod';
import { transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, fieldProblem } from '../../errors';
import { inScope, scopeOf } from '../../policies/scope';
import { decideTypeFor } from '../investigation-type/decide';
import { createRiskInfoRecord, investigatingOrg } from './create';
import { addRiskInfoLink, findRecordForImportDeclaration } from './duplicates';
import { loadRiskInfoInScope, presentRiskInfo, riskInfoVisible, type RiskInfoRecord } from './load';
import { applyRiskInfoEvents, checkVersion, requireSide } from './transitions';

export interface CreateResult {
  duplicate: boolean;
  record: RiskInfoView;
}

/** The owning office of a manual entry: the one named (a customs office in the caller's scope) or the caller's. */
async function ownOffice(ctx: Ctx, tx: DbOrTx, officeId: string | undefined) {
  const a = ctx.actor!;
  const id = officeId ?? a.orgId;
  const [o] = await tx.select().from(organisations).where(eq(organisations.id, id));
  if (!o || !o.active || !isCustomsKind(o.kind) || !inScope(scopeOf(a), { path: o.path, orgId: o.id })) {
    throw fieldProblem('officeId', 'office_out_of_scope', {
      en: 'The record must belong to an active customs office in your jurisdiction', zh: '风险信息须归属于您管辖范围内的有效海关机构',
    });
  }
  return o;
}

/**
 * POST /risk-info — a record entered by hand. A record on the same import declaration in the same
 * directly-affiliated customs is not re-created: the entry is linked to it (200, duplicate: true).
 */
export async function createManualRiskInfo(ctx: Ctx, input: RiskInfoCreateInput): Promise<CreateResult> {
  const a = ctx.actor!;
  const out = await transaction(ctx.db, async (tx) => {
    const office = await ownOffice(ctx, tx, input.officeId);
    if (input.importDeclarationNo) {
      const dup = await findRecordForImportDeclaration(tx, office.path, input.importDeclarationNo);
      if (dup) {
        const [existing] = await tx.select().from(riskInfos).where(eq(riskInfos.id, dup.id));
        if (!riskInfoVisible(a, existing!)) {
          throw conflict({
            en: `Risk information ${dup.infoNo} of another office of the same customs already covers import declaration ${input.importDeclarationNo}`,
            zh: `同一直属海关的其他机构已就进口报关单 ${input.importDeclarationNo} 采集风险信息 ${dup.infoNo}`,
          });
        }
        await addRiskInfoLink(ctx, tx, dup.id, {
          kind: 'duplicate_declaration', linkedBy: a.userId,
          note: `${a.displayName} 重复录入：${input.title}`.slice(0, 500),
        });
        return { duplicate: true, id: dup.id };
      }
    }
    const created = await createRiskInfoRecord(tx, {
      ...input,
      officeId: office.id,
      collection: {
        ...input.collection,
        collectorId: a.userId,
        collectorName: a.displayName,
        collectingOrgId: isCustomsKind(a.orgKind) ? a.orgId : office.id,
      },
      createdBy: a.userId,
    }, { ctx });
    return { duplicate: false, id: created.id };
  });
  const row = await loadRiskInfoInScope(ctx, out.id);
  return { duplicate: out.duplicate, record: await presentRiskInfo(ctx.db, a, row) };
}

async function present(ctx: Ctx, row: RiskInfoRecord): Promise<RiskInfoView> {
  return presentRiskInfo(ctx.db, ctx.actor, row);
}

/** PUT /risk-info/:id — edits the collection form (If-Match required); the batch value and type are decided again. */
export async function updateRiskInfo(ctx: Ctx, id: string, input: RiskInfoUpdateInput, ifMatch: number | undefined): Promise<RiskInfoView> {
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadRiskInfoInScope(ctx, id, tx, true);
    requireSide(ctx, current, 'office', 'risk_info.collect');
    checkVersion(current, ifMatch, true);
    const proposed = input.collection.proposedInvestigatingOrgId ?? null;
    if (proposed) await investigatingOrg(tx, proposed, 'collection.proposedInvestigatingOrgId');
    const now = ctx.clock.now();
    const { decision, batchValueUsd } = await decideTypeFor(tx, {
      officePath: current.officePath, at: now, source: current.source as never, goods: input.goods, factors: input.factors, reasonCodes: input.reasonCodes,
    });
    const [enterprise] = input.enterpriseCreditCode
      ? await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.kind, 'enterprise'), eq(organisations.code, input.enterpriseCreditCode)))
      : [];
    return applyRiskInfoEvents(ctx, tx, current, ['edit'], {
      set: {
        title: input.title, description: input.description, sourceRef: input.sourceRef, occurredOn: input.occurredOn ?? null,
        importDeclarationNo: current.exportReturnId ? current.importDeclarationNo : (input.importDeclarationNo ?? null),
        enterpriseCreditCode: input.enterpriseCreditCode ?? null, enterpriseName: input.enterpriseName,
        // the enterprise addressed stays when the stated one is unchanged (a declaration's record may address the declarant)
        enterpriseId: enterprise?.id ?? ((input.enterpriseCreditCode ?? null) === current.enterpriseCreditCode ? current.enterpriseId : null),
        brand: input.brand, countryCode: input.countryCode ?? null, goods: input.goods,
        hsCodes: [...new Set(input.goods.map((g) => g.hsCode).filter((h): h is string => !!h))],
        reasonCodes: input.reasonCodes, factors: input.factors,
        batchValueUsd: batchValueUsd === null ? null : batchValueUsd.toFixed(2), typeDecision: decision,
        collectedOn: input.collection.collectedOn, proposedInvestigatingOrgId: proposed,
        contactName: input.collection.contactName ?? '', contactPhone: input.collection.contactPhone ?? '',
      },
      auditDetail: { type: decision.type, decidedBy: decision.decidedBy, policyVersion: decision.policyVersion, batchValueUsd },
    });
  });
  return present(ctx, row);
}

/** POST /risk-info/:id/review — 审核意见 of the collecting office. */
export async function reviewRiskInfo(ctx: Ctx, id: string, opinion: string, ifMatch?: number): Promise<RiskInfoView> {
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadRiskInfoInScope(ctx, id, tx, true);
    requireSide(ctx, current, 'office', 'risk_info.review');
    checkVersion(current, ifMatch);
    return applyRiskInfoEvents(ctx, tx, current, ['review'], {
      set: { reviewOpinion: opinion, reviewedBy: ctx.actor!.userId, reviewedAt: ctx.clock.now() },
      auditDetail: { opinion },
    });
  });
  return present(ctx, row);
}

/** POST /risk-info/:id/dismiss | /reopen — with the reason, audited. */
export async function dismissOrReopen(ctx: Ctx, id: string, event: 'dismiss' | 'reopen', reason: string, ifMatch?: number): Promise<RiskInfoView> {
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadRiskInfoInScope(ctx, id, tx, true);
    requireSide(ctx, current, 'office', 'risk_info.review');
    checkVersion(current, ifMatch);
    return applyRiskInfoEvents(ctx, tx, current, [event], {
      set: event === 'dismiss' ? { dismissReason: reason } : { dismissReason: '' },
      auditDetail: { reason },
    });
  });
  return present(ctx, row);
}

export type TransferInput = z.infer<typeof riskInfoTransferSchema>;

/**
 * POST /risk-info/:id/transfer — to any active non-enterprise organisation; the target sees the record from now
 * on. Transferring to the record's own office is accepted at once (transfer + accept, one transaction).
 */
export async function transferRiskInfo(ctx: Ctx, id: string, input: TransferInput, ifMatch?: number): Promise<RiskInfoView> {
  const a = ctx.actor!;
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadRiskInfoInScope(ctx, id, tx, true);
    requireSide(ctx, current, 'office', 'risk_info.review');
    checkVersion(current, ifMatch);
    const target = await investigatingOrg(tx, input.toOrgId, 'toOrgId');
    const now = ctx.clock.now();
    const own = target.id === current.officeId;
    const [transfer] = await tx.insert(riskInfoTransfers).values({
      riskInfoId: id, toOrgId: target.id, note: input.note, status: own ? 'accepted' : 'pending', by: a.userId, at: now,
      ...(own ? { decidedBy: a.userId, decidedAt: now } : {}),
    }).returning({ id: riskInfoTransfers.id });
    return applyRiskInfoEvents(ctx, tx, current, own ? ['transfer', 'accept'] : ['transfer'], {
      set: {
        investigatingOrgId: target.id, investigatingOrgPath: target.path,
        proposedInvestigatingOrgId: current.proposedInvestigatingOrgId ?? target.id,
        ...(input.contactName !== undefined ? { contactName: input.contactName } : {}),
        ...(input.contactPhone !== undefined ? { contactPhone: input.contactPhone } : {}),
      },
      auditDetail: { transferId: transfer!.id, toOrgId: target.id, note: input.note, ownOffice: own },
    });
  });
  return present(ctx, row);
}

/** POST /risk-info/:id/accept | /decline — by the organisation the record is pending with; a refusal needs a reason. */
export async function answerTransfer(ctx: Ctx, id: string, event: 'accept' | 'decline', reason: string, ifMatch?: number): Promise<RiskInfoView> {
  const a = ctx.actor!;
  const row = await transaction(ctx.db, async (tx) => {
    const current = await loadRiskInfoInScope(ctx, id, tx, true);
    requireSide(ctx, current, 'target', 'risk_info.accept');
    checkVersion(current, ifMatch);
    const [pending] = await tx.select().from(riskInfoTransfers)
      .where(and(eq(riskInfoTransfers.riskInfoId, id), eq(riskInfoTransfers.status, 'pending'))).for('update');
    // the machine refuses first when the record is not awaiting acceptance (409 with its message)
    if (current.state !== 'transferred' || !pending) {
      return applyRiskInfoEvents(ctx, tx, current, [event]);
    }
    const now = ctx.clock.now();
    await tx.update(riskInfoTransfers).set({ status: event === 'accept' ? 'accepted' : 'declined', reason, decidedBy: a.userId, decidedAt: now })
      .where(eq(riskInfoTransfers.id, pending.id));
    return applyRiskInfoEvents(ctx, tx, current, [event], {
      // a declining body no longer holds the record; the office may transfer it elsewhere
      set: event === 'decline' ? { investigatingOrgId: null, investigatingOrgPath: '' } : {},
      auditDetail: { transferId: pending.id, toOrgId: pending.toOrgId, ...(reason ? { reason } : {}) },
    });
  });
  return present(ctx, row);
}
