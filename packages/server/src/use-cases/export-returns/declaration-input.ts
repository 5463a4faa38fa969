/**
 * Checks and writes the enterprise-entered part of a declaration: the rules of the domain schema that need
 * "today" or the submit flag (`checkExportReturn`), line numbers against the backfilled lines, reason codes
 * against the active catalogue (`ref_return_reasons`, cached: `reference-cache.ts`); then the row, its goods lines and the derived columns.
 */
import { asc, eq, exportReturnLines, exportReturns, refReturnReasons, type DbOrTx } from '@returntrace/db';
import {
  beijingDate, checkExportReturn, type ExportReturnFilled, type ExportReturnInput, type ExportReturnLine,
  type ReasonCategory, type ReturnReason,
} from '@returntrace/domain';
import type { Ctx } from '../../context';
import { validationProblem, type FieldError } from '../../errors';
import { knownActiveReasons } from './reference-cache';

export async function activeReasons(db: DbOrTx): Promise<ReturnReason[]> {
  const rows = await db.select().from(refReturnReasons).where(eq(refReturnReasons.active, true))
    .orderBy(asc(refReturnReasons.category), asc(refReturnReasons.sortOrder), asc(refReturnReasons.code));
  return rows.map((r) => ({ ...r, category: r.category as ReasonCategory }));
}

/** Every rule beyond the request schema; throws one 400 listing all failing fields, before anything is written. */
export async function checkDeclarationInput(ctx: Ctx, db: DbOrTx, input: ExportReturnInput, lines: readonly ExportReturnLine[], submit: boolean): Promise<void> {
  const errors: FieldError[] = checkExportReturn(input, { today: beijingDate(ctx.clock.now()), submit }).map((i) => ({ ...i }));
  const known = new Set(lines.map((l) => l.lineNo));
  const seen = new Set<number>();
  (input.lines ?? []).forEach((l, i) => {
    if (!known.has(l.lineNo)) {
      errors.push({ field: `lines.${i}.lineNo`, code: 'line_unknown', message: `The import declaration has no goods line ${l.lineNo}`, messageZh: `进口报关单没有第 ${l.lineNo} 项商品` });
    } else if (seen.has(l.lineNo)) {
      errors.push({ field: `lines.${i}.lineNo`, code: 'line_duplicate', message: `Goods line ${l.lineNo} is given twice`, messageZh: `第 ${l.lineNo} 项商品重复` });
    }
    seen.add(l.lineNo);
  });
  if (input.reasons?.length) {
    const active = await knownActiveReasons(ctx.db, db, input.reasons);
    input.reasons.forEach((code, i) => {
      if (!active.has(code)) {
        errors.push({ field: `reasons.${i}`, code: 'reason_unknown', message: `${code} is not a reason of the current catalogue`, messageZh: `${code} 不是现行退运原因目录中的原因` });
      }
    });
  }
  if (errors.length) throw validationProblem(errors);
}

/** The goods lines after applying the enterprise's entries (weight, industrial flag) to the backfilled ones. */
export function mergeLines(base: readonly ExportReturnLine[], input: ExportReturnInput['lines']): ExportReturnLine[] {
  const byNo = new Map((input ?? []).map((l) => [l.lineNo, l]));
  return base.map((l) => {
    const e = byNo.get(l.lineNo);
    if (!e) return { ...l };
    return { ...l, industrial: e.industrial, weightKg: e.weightKg === undefined ? l.weightKg : e.weightKg === null ? null : String(e.weightKg) };
  });
}

/** Sum of decimal strings with 4 decimals, exact (money is never a float). */
export function sumAmounts(values: readonly string[]): string {
  const SCALE = 10_000n;
  let total = 0n;
  for (const v of values) {
    const neg = v.startsWith('-');
    const [int = '0', frac = ''] = v.replace('-', '').split('.');
    const n = BigInt(int || '0') * SCALE + BigInt((frac + '0000').slice(0, 4));
    total += neg ? -n : n;
  }
  const abs = total < 0n ? -total : total;
  return `${total < 0n ? '-' : ''}${abs / SCALE}.${String(abs % SCALE).padStart(4, '0')}`;
}

export interface DeclarationContent {
  input: ExportReturnInput;
  /** false when the goods lines are exactly the stored ones (nothing to rewrite) */
  linesChanged: boolean;
  filled: ExportReturnFilled;
  lines: ExportReturnLine[];
  competentOfficeId: string | null;
  competentOfficePath: string;
}

/** Column values derived from the content (searchable codes, totals). */
export function contentColumns(c: DeclarationContent) {
  return {
    importDeclarationNo: c.input.importDeclarationNo,
    input: c.input,
    filled: c.filled,
    consigneeCreditCode: c.filled.consignee.creditCode,
    manufacturerCreditCode: c.input.manufacturer?.creditCode ?? '',
    manufacturerCustomsCode: c.input.manufacturer?.customsCode ?? '',
    totalAmount: sumAmounts(c.lines.map((l) => l.amount)),
    competentOfficeId: c.competentOfficeId,
    competentOfficePath: c.competentOfficePath,
  } satisfies Partial<typeof exportReturns.$inferInsert>;
}

const sameLine = (a: ExportReturnLine, b: ExportReturnLine): boolean =>
  a.industrial === b.industrial && (a.weightKg === null ? b.weightKg === null : b.weightKg !== null && Number(a.weightKg) === Number(b.weightKg));

/** Do the merged lines differ from the stored ones in what the enterprise may change? */
export function linesDiffer(stored: readonly ExportReturnLine[], merged: readonly ExportReturnLine[]): boolean {
  return stored.length !== merged.length || stored.some((l, i) => !sameLine(l, merged[i]!));
}

/** Replaces the goods lines of a declaration. */
export async function writeLines(tx: DbOrTx, returnId: string, lines: readonly ExportReturnLine[]): Promise<void> {
  await tx.delete(exportReturnLines).where(eq(exportReturnLines.returnId, returnId));
  if (lines.length === 0) return;
  await tx.insert(exportReturnLines).values(lines.map((l) => ({
    returnId, lineNo: l.lineNo, hsCode: l.hsCode, supervisionCategory: l.supervisionCategory, goodsName: l.goodsName,
    amount: l.amount, currency: l.currency, quantity: l.quantity, unit: l.unit, weightKg: l.weightKg, industrial: l.industrial,
  })));
}
