/**
 * Backfill (返填): pressing Enter on the import declaration number fills the grey fields and the goods lines from
 * the customs feed. The enterprise may declare a return when it is the declaration's consignee (境内收发货人) or
 * its declaring unit (报关单位); for anyone else the declaration answers as unknown, so others' declarations are
 * never revealed.
 */
import { and, asc, customsDeclarationLines, customsDeclarations, eq, inArray, organisations, type DbOrTx } from '@returntrace/db';
import {
  CUSTOMS_KINDS, importDeclarationNumberSchema, isIndustrialHsCode, parseDeclarationNumber, type Backfill, type ExportReturnLine,
} from '@returntrace/domain';
import type { Ctx } from '../../context';
import { conflict, fieldProblem, parseOrThrow, ProblemError } from '../../errors';

export type BackfillRefusal = 'unknown' | 'export' | 'not_party' | 'withdrawn';

const REFUSALS: Record<BackfillRefusal, { en: string; zh: string }> = {
  unknown: { en: 'No import declaration with this number is known for your enterprise', zh: '未找到本企业作为收货人或申报单位的该进口报关单' },
  not_party: { en: 'No import declaration with this number is known for your enterprise', zh: '未找到本企业作为收货人或申报单位的该进口报关单' },
  export: { en: 'This is an export declaration; enter the import declaration of the returned goods', zh: '该报关单为出口报关单，请填写退运货物的进口报关单号' },
  withdrawn: { en: 'The import declaration has been withdrawn and cannot be used for a return', zh: '该进口报关单已撤单，不能申报出口退货' },
};

export interface BackfillResult extends Backfill {
  competentOfficePath: string;
}

export type BackfillOutcome = { ok: true; value: BackfillResult } | { ok: false; refusal: BackfillRefusal };

/** The caller's enterprise (credit code and customs code) as the feed names parties. */
async function callerEnterprise(ctx: Ctx, db: DbOrTx) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, ctx.actor!.orgId));
  return org!;
}

export async function lookupBackfill(ctx: Ctx, db: DbOrTx, importDeclarationNo: string): Promise<BackfillOutcome> {
  const parsed = parseDeclarationNumber(importDeclarationNo);
  if (parsed.ok && parsed.value.direction === 'export') return { ok: false, refusal: 'export' };
  const [decl] = await db.select().from(customsDeclarations).where(eq(customsDeclarations.entryId, importDeclarationNo));
  if (!decl) return { ok: false, refusal: 'unknown' };
  if (decl.direction !== 'import') return { ok: false, refusal: 'export' };
  const me = await callerEnterprise(ctx, db);
  const mine = (credit: string, customs: string) => (credit !== '' && credit === me.code) || (customs !== '' && customs === me.customsCode);
  if (!mine(decl.traderCreditCode, decl.traderCustomsCode) && !mine(decl.declaringUnitCreditCode, decl.declaringUnitCustomsCode)) {
    return { ok: false, refusal: 'not_party' };
  }
  if (decl.withdrawn) return { ok: false, refusal: 'withdrawn' };
  const lines = await db.select().from(customsDeclarationLines).where(eq(customsDeclarationLines.declarationId, decl.id))
    .orderBy(asc(customsDeclarationLines.lineNo));
  const [office] = await db.select().from(organisations)
    .where(and(eq(organisations.code, decl.declarePort), inArray(organisations.kind, [...CUSTOMS_KINDS])));
  const goods: ExportReturnLine[] = lines.map((l) => ({
    lineNo: l.lineNo, hsCode: l.hsCode, supervisionCategory: l.supervisionCategory, goodsName: l.goodsName,
    amount: l.totalPrice, currency: l.currency, quantity: l.quantity, unit: l.unit, weightKg: null,
    industrial: isIndustrialHsCode(l.hsCode),
  }));
  return {
    ok: true,
    value: {
      filled: {
        importDeclarationNo,
        declaringUnit: { creditCode: decl.declaringUnitCreditCode, customsCode: decl.declaringUnitCustomsCode, name: decl.declaringUnitName },
        declarantName: decl.declarantName,
        consignee: { creditCode: decl.traderCreditCode, customsCode: decl.traderCustomsCode, name: decl.traderName },
        consumerUnit: { creditCode: decl.ownerCreditCode, customsCode: decl.ownerCustomsCode, name: decl.ownerName },
        consigneeAddress: decl.traderAddress,
        consumerDistrict: decl.ownerDistrict,
        declareDate: decl.declareDate,
        arrivalDate: decl.ieDate,
        returnCountry: decl.countryCode,
        acceptingCustoms: decl.declarePort,
        tradeMode: decl.tradeMode,
        billOfLading: decl.billOfLading,
        destinationCustoms: decl.destinationPort,
      },
      lines: goods,
      competentOffice: office ? { id: office.id, code: office.code, nameZh: office.nameZh, nameEn: office.nameEn } : null,
      competentOfficePath: office?.path ?? '',
    },
  };
}

/** GET /export-returns/backfill/:no — 404 unknown or not the enterprise's, 400 export declaration, 409 withdrawn. */
export async function getBackfill(ctx: Ctx, importDeclarationNo: string): Promise<Backfill> {
  parseOrThrow(importDeclarationNumberSchema, importDeclarationNo, 'importDeclarationNo');
  const r = await lookupBackfill(ctx, ctx.db, importDeclarationNo);
  if (r.ok) {
    const { competentOfficePath: _p, ...view } = r.value;
    return view;
  }
  throw backfillProblem(r.refusal, 'lookup');
}

/**
 * The problem for a refusal: on the lookup endpoint the status says what happened (404/400/409); when the number
 * comes in a request body every refusal is a 400 naming the field `importDeclarationNo`.
 */
export function backfillProblem(refusal: BackfillRefusal, where: 'lookup' | 'body'): ProblemError {
  const msg = REFUSALS[refusal];
  // "not yours" and "unknown" look the same from outside
  const code = `import_declaration_${refusal === 'not_party' ? 'unknown' : refusal}`;
  if (where === 'body' || refusal === 'export') return fieldProblem('importDeclarationNo', code, msg);
  if (refusal === 'withdrawn') {
    return conflict(msg, [{ field: 'importDeclarationNo', code: 'import_declaration_withdrawn', message: msg.en, messageZh: msg.zh }]);
  }
  return new ProblemError(404, 'not_found', msg, [{ field: 'importDeclarationNo', code, message: msg.en, messageZh: msg.zh }]);
}
