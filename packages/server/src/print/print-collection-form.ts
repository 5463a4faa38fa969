import { eq, inArray, refCountries, refReturnReasons } from '@returntrace/db';
import { auditAlone } from '../audit/audit';
import type { Ctx } from '../context';
import { loadRiskInfoInScope, presentRiskInfo } from '../use-cases/risk-info/load';
import { collectionFormDocument } from './collection-form-pdf';
import type { PdfRenderer } from './pdf-renderer';

/**
 * GET /risk-info/:id/collection-form.pdf — the 采集表 as a Chinese PDF. Printing takes the record out of the system,
 * so it is audited like an export (`risk_info.print`).
 */
export async function printCollectionForm(ctx: Ctx, renderer: PdfRenderer, id: string): Promise<{ fileName: string; pdf: Buffer }> {
  const row = await loadRiskInfoInScope(ctx, id);
  renderer.assertAvailable();
  const view = await presentRiskInfo(ctx.db, ctx.actor, row);
  const [reasons, country] = await Promise.all([
    view.reasonCodes.length
      ? ctx.db.select({ code: refReturnReasons.code, nameZh: refReturnReasons.nameZh }).from(refReturnReasons).where(inArray(refReturnReasons.code, view.reasonCodes))
      : Promise.resolve([]),
    view.countryCode
      ? ctx.db.select({ nameZh: refCountries.nameZh }).from(refCountries).where(eq(refCountries.alpha3, view.countryCode)).limit(1)
      : Promise.resolve([]),
  ]);
  const doc = collectionFormDocument({
    view, reasonNames: new Map(reasons.map((r) => [r.code, r.nameZh])), countryName: country[0]?.nameZh ?? null,
    printedAt: ctx.clock.now(), printedBy: ctx.actor?.displayName || ctx.actor?.username || '',
  });
  const pdf = await renderer.render(doc);
  await auditAlone(ctx, { action: 'risk_info.print', objectType: 'risk_info', objectId: row.id, detail: { infoNo: row.infoNo, state: row.state, bytes: pdf.length } });
  return { fileName: `${row.infoNo}.pdf`, pdf };
}
