import {
  desc, eq, exportReturnReceipts, inArray, refCountries, refCurrencies, refCustomsDistricts, refDivisions,
  refReturnReasons, refUnits, type DbOrTx,
} from '@returntrace/db';
import type { ExportReturnView, Receipt } from '@returntrace/domain';
import { auditAlone } from '../audit/audit';
import type { Ctx } from '../context';
import { attachmentsOf } from '../use-cases/export-returns/attachments';
import { loadExportReturnInScope, toExportReturnView } from '../use-cases/export-returns/load';
import { declarationDocument, type PrintNames } from './declaration-pdf';
import type { PdfRenderer } from './pdf-renderer';

async function receiptsOf(db: DbOrTx, returnId: string): Promise<Receipt[]> {
  const rows = await db.select().from(exportReturnReceipts).where(eq(exportReturnReceipts.returnId, returnId))
    .orderBy(desc(exportReturnReceipts.id));
  return rows.map((r, i) => ({
    seq: rows.length - i, status: r.status, messageZh: r.messageZh, messageEn: r.messageEn,
    reasons: r.reasons as Receipt['reasons'], at: r.at.toISOString(),
  }));
}

const present = (xs: (string | null | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))];
const toMap = (rows: { code: string; nameZh: string }[]): Map<string, string> => new Map(rows.map((r) => [r.code, r.nameZh]));

/** Chinese names of every code the declaration shows, in one query per reference table. */
async function namesFor(db: DbOrTx, v: ExportReturnView): Promise<PrintNames> {
  const f = v.filled;
  const i = v.input;
  const districts = present([f.acceptingCustoms, f.destinationCustoms, f.consumerDistrict, i.consumerDistrict, i.manufacturerOffice]);
  const countries = present([f.returnCountry]);
  const currencies = present(v.lines.map((l) => l.currency));
  const units = present(v.lines.map((l) => l.unit));
  const divisions = present([i.manufacturerDivision]);
  const reasons = present(i.reasons ?? []);
  const pick = async <T extends { code: string; nameZh: string }>(codes: string[], query: (codes: string[]) => Promise<T[]>) =>
    (codes.length ? toMap(await query(codes)) : new Map<string, string>());
  return {
    districts: await pick(districts, (c) => db.select({ code: refCustomsDistricts.code, nameZh: refCustomsDistricts.nameZh }).from(refCustomsDistricts).where(inArray(refCustomsDistricts.code, c))),
    // the declaration carries ISO alpha-3 codes; the reference table is keyed by alpha-2
    countries: await pick(countries, (c) => db.select({ code: refCountries.alpha3, nameZh: refCountries.nameZh }).from(refCountries).where(inArray(refCountries.alpha3, c))),
    currencies: await pick(currencies, (c) => db.select({ code: refCurrencies.code, nameZh: refCurrencies.nameZh }).from(refCurrencies).where(inArray(refCurrencies.code, c))),
    units: await pick(units, (c) => db.select({ code: refUnits.code, nameZh: refUnits.nameZh }).from(refUnits).where(inArray(refUnits.code, c))),
    divisions: await pick(divisions, (c) => db.select({ code: refDivisions.code, nameZh: refDivisions.nameZh }).from(refDivisions).where(inArray(refDivisions.code, c))),
    reasons: await pick(reasons, (c) => db.select({ code: refReturnReasons.code, nameZh: refReturnReasons.nameZh }).from(refReturnReasons).where(inArray(refReturnReasons.code, c))),
  };
}

export interface PrintedDeclaration {
  fileName: string;
  pdf: Buffer;
}

/**
 * GET /export-returns/:id/print.pdf — the declaration as a Chinese PDF. Printing takes the record out of the
 * system, so it is audited like an export (`export_return.print`).
 */
export async function printExportReturn(ctx: Ctx, renderer: PdfRenderer, id: string): Promise<PrintedDeclaration> {
  const row = await loadExportReturnInScope(ctx, id);
  renderer.assertAvailable();
  const view = await toExportReturnView(ctx, row);
  const [receipts, attachments, names] = [await receiptsOf(ctx.db, row.id), await attachmentsOf(ctx.db, row.id), await namesFor(ctx.db, view)];
  const doc = declarationDocument({
    view, receipts, attachments, names, printedAt: ctx.clock.now(), printedBy: ctx.actor?.displayName || ctx.actor?.username || '',
  });
  const pdf = await renderer.render(doc);
  await auditAlone(ctx, {
    action: 'export_return.print', objectType: 'export_return', objectId: row.id,
    detail: { unifiedNo: row.unifiedNo, status: row.status, bytes: pdf.length },
  });
  return { fileName: `${row.unifiedNo}.pdf`, pdf };
}
