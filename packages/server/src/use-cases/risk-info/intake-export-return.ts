/**
 * Automatic intake (001 art. 8 出口退运信息): every declaration approved in manual audit becomes a risk-information
 * record of its competent office, filled from the declaration — goods lines with amounts and currencies, reasons
 * and their tags, 出口是否法检, manufacturer, returning country, intended disposal — with the approving auditor as
 * collector. Runs as the outbox handler of `export_return.approved`: idempotent (one record per declaration), and a
 * further declaration on an import declaration that already has a record is linked to it instead.
 */
import { eq, exportReturnLines, exportReturns, inArray, refReturnReasons, riskInfos, users, asc, type Tx } from '@returntrace/db';
import {
  beijingDate, DISPOSAL_LABELS, riskGoodsLineSchema, type Disposal, type ExportReturnFilled, type ExportReturnInput,
  type RiskFactors, type RiskGoodsLine,
} from '@returntrace/domain';
import type { Ctx } from '../../context';
import type { DomainEvent } from '../../jobs/outbox';
import type { JobContext } from '../../jobs/scheduler';
import { createRiskInfoRecord } from './create';
import { addRiskInfoLink, findRecordForImportDeclaration } from './duplicates';

export const EXPORT_RETURN_APPROVED = 'export_return.approved';
const SYSTEM = { userId: null, username: 'system', orgId: null, orgPath: '' } as const;

/** Declaration text is stored data, not validated markup: neutralise anything that could read as a tag. */
const plain = (s: string) => s.replace(/</g, '＜').replace(/>/g, '＞');
const dateOrNull = (s: unknown) => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);

/** A goods line as the record keeps it; fields the record schema would refuse are left out, never the line. */
function goodsLine(l: typeof exportReturnLines.$inferSelect): RiskGoodsLine {
  const candidate = {
    name: l.goodsName.trim().slice(0, 200) || l.hsCode,
    hsCode: l.hsCode, quantity: Number(l.quantity), unit: l.unit.slice(0, 20), amount: Number(l.amount), currency: l.currency,
  };
  const parsed = riskGoodsLineSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept: Record<string, unknown> = { name: candidate.name };
  for (const [k, v] of Object.entries(candidate)) if (k !== 'name' && !bad.has(k)) kept[k] = v;
  if (bad.has('amount') || bad.has('currency')) { delete kept.amount; delete kept.currency; }
  return riskGoodsLineSchema.parse(kept);
}

export async function intakeFromExportReturn(tx: Tx, event: DomainEvent, job: JobContext): Promise<void> {
  const returnId = String(event.payload.id ?? event.aggregateId);
  const ctx: Ctx = { db: job.db, clock: job.clock, actor: null, ip: '' };
  const [er] = await tx.select().from(exportReturns).where(eq(exportReturns.id, returnId)).for('update');
  if (!er || er.deleted || !er.competentOfficeId) return;
  // idempotent: the declaration already has its record (redelivery, or both dispatchers raced)
  const [existing] = await tx.select({ id: riskInfos.id }).from(riskInfos).where(eq(riskInfos.exportReturnId, returnId));
  if (existing) return;

  if (er.importDeclarationNo) {
    const dup = await findRecordForImportDeclaration(tx, er.competentOfficePath, er.importDeclarationNo);
    if (dup) {
      await addRiskInfoLink(ctx, tx, dup.id, {
        kind: 'duplicate_declaration', exportReturnId: returnId, linkedBy: null,
        note: `同一进口报关单 ${er.importDeclarationNo} 的另一份退运申报 ${er.returnNo ?? er.unifiedNo}`,
      }, SYSTEM);
      return;
    }
  }

  const input = er.input as ExportReturnInput;
  const filled = er.filled as Partial<ExportReturnFilled>;
  const lines = await tx.select().from(exportReturnLines).where(eq(exportReturnLines.returnId, returnId)).orderBy(asc(exportReturnLines.lineNo));
  const goods = lines.map(goodsLine);
  const reasonCodes = input.reasons ?? [];
  const reasons = reasonCodes.length ? await tx.select().from(refReturnReasons).where(inArray(refReturnReasons.code, reasonCodes)) : [];
  const factors: RiskFactors = {
    safetyHealthEnv: reasons.some((r) => r.safetyHealthEnv),
    technicalBarrier: reasons.some((r) => r.technicalBarrier),
    foreignOfficial: reasons.some((r) => r.foreignOfficial),
    overseasProjectEquipment: reasons.some((r) => r.overseasProjectEquipment),
    inspectedAtExport: input.exportInspected === true,
    warningInForce: false,
    higherRiskAssessed: false,
  };
  const [auditor] = er.decidedBy ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, er.decidedBy)) : [];
  const disposals = (input.disposals ?? []).map((d) => DISPOSAL_LABELS[d as Disposal]?.zh ?? d);
  const reasonText = reasons.map((r) => `${r.code} ${r.nameZh}`).join('；');
  const description = [
    reasonText && `退运原因：${reasonText}`,
    input.reasonExplanation && `原因说明：${plain(input.reasonExplanation)}`,
    `出口是否法检：${input.exportInspected === true ? '是' : input.exportInspected === false ? '否' : '未填'}`,
    disposals.length && `拟处理方式：${disposals.join('、')}${input.disposalOther ? `（${plain(input.disposalOther)}）` : ''}`,
  ].filter(Boolean).join('\n').slice(0, 5000);
  const first = goods[0]?.name ?? '';
  const title = `出口退运 ${er.returnNo ?? er.unifiedNo}${first ? ` ${first}` : ''}${goods.length > 1 ? ` 等${goods.length}项` : ''}`.slice(0, 200);
  const country = typeof filled.returnCountry === 'string' && /^[A-Z]{3}$/.test(filled.returnCountry) ? filled.returnCountry : null;

  await createRiskInfoRecord(tx, {
    source: 'export_return',
    officeId: er.competentOfficeId,
    title,
    description,
    sourceRef: er.returnNo ?? er.unifiedNo,
    occurredOn: dateOrNull(filled.arrivalDate) ?? dateOrNull(filled.declareDate),
    importDeclarationNo: er.importDeclarationNo,
    exportReturnId: er.id,
    enterpriseCreditCode: input.manufacturer?.creditCode ?? er.manufacturerCreditCode ?? null,
    enterpriseName: input.manufacturer?.name ?? '',
    fallbackEnterpriseId: er.enterpriseId,
    countryCode: country,
    goods,
    reasonCodes,
    factors,
    collection: {
      collectedOn: beijingDate(er.decidedAt ?? job.clock.now()),
      collectorId: auditor?.id ?? null,
      collectorName: auditor?.name ?? '系统',
      collectingOrgId: er.competentOfficeId,
    },
    createdBy: null,
  }, { ctx, auditAs: SYSTEM, auditDetail: { exportReturnId: er.id, unifiedNo: er.unifiedNo, returnNo: er.returnNo, eventId: event.id } });
}
