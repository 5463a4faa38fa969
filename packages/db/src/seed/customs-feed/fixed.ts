/**
 * Fixed, documented declarations per demo enterprise, for trying the export-return backfill by hand and for tests.
 * Their numbers use sequences below 1000, which the generator never allocates, and their content does not depend on
 * the generator's seed.
 *
 * For the enterprise with index k (huaxin 0, pengcheng 1, qianhai 2, jinghua 3, yanjing 4, tianzhu 5) and home
 * district DDDD, sequence s = 10·(k+1):
 *  - DDDD 2025 0 00000s+1  export declaration (一般贸易 0110) of the goods that came back
 *  - DDDD 2025 1 00000s+1  import declaration of the returned goods (退运货物 4561), consignee = the enterprise
 *  - DDDD 2025 1 00000s+2  import of an outside trader's returned goods, declaring unit (agent) = the enterprise
 *  - DDDD 2025 1 00000s+3  import declaration of the enterprise that was withdrawn (撤单)
 */
import type { CustomsDeclaration, CustomsDeclarationLine } from '@returntrace/domain';
import { DEMO_ORGS, type DemoOrg } from '../demo-orgs';
import { ENTERPRISE_CHAPTERS, ENTERPRISE_DISTRICTS, PRODUCTS, THIRD_PARTY_TRADERS, regionOf } from './catalogue';

export interface DemoFeedNumbers {
  slug: string;
  username: string;
  export: string;
  returnImport: string;
  agentImport: string;
  withdrawnImport: string;
}

const ENTERPRISES = DEMO_ORGS.filter((o) => o.kind === 'enterprise');
const seqNo = (n: number) => String(n).padStart(9, '0');

/** The fixed numbers, by enterprise slug. */
export const DEMO_FEED_NUMBERS: Record<string, DemoFeedNumbers> = Object.fromEntries(ENTERPRISES.map((e, k) => {
  const d = ENTERPRISE_DISTRICTS[e.slug]![0]!;
  const s = 10 * (k + 1);
  return [e.slug, {
    slug: e.slug, username: `ent.${e.slug}`,
    export: `${d}20250${seqNo(s + 1)}`, returnImport: `${d}20251${seqNo(s + 1)}`,
    agentImport: `${d}20251${seqNo(s + 2)}`, withdrawnImport: `${d}20251${seqNo(s + 3)}`,
  }];
}));

function linesFor(e: DemoOrg, currency: string, country: string, origin: string, factor: number): CustomsDeclarationLine[] {
  const chapters = ENTERPRISE_CHAPTERS[e.slug]!;
  const goods = [PRODUCTS[chapters[0]!]![0]!, PRODUCTS[chapters[0]!]![1]!, PRODUCTS[chapters[1]!]![0]!];
  return goods.map((g, i) => {
    const qty = Math.round(g.quantity[0] * 2 * factor) || 1;
    const cents = g.priceCents[1] * qty;
    return {
      lineNo: i + 1, hsCode: g.hsCode, goodsName: g.goodsName, supervisionCategory: g.supervisionCategory, quantity: String(qty),
      unit: g.unit, totalPrice: String(cents / 100), currency, originCountry: origin || country,
    };
  });
}

/** The four fixed declarations of every demo enterprise. */
export function fixedDemoDeclarations(): CustomsDeclaration[] {
  const out: CustomsDeclaration[] = [];
  ENTERPRISES.forEach((e) => {
    const n = DEMO_FEED_NUMBERS[e.slug]!;
    const d = ENTERPRISE_DISTRICTS[e.slug]![0]!;
    const self = { creditCode: e.code, customsCode: e.customsCode ?? '', name: e.nameZh };
    const outsider = THIRD_PARTY_TRADERS[regionOf(d)][0]!;
    const header = {
      declarePort: d, iePort: d, destinationPort: '', declaringUnitCreditCode: self.creditCode,
      declaringUnitCustomsCode: self.customsCode, declaringUnitName: self.name, declarantName: '陈晓东',
      traderCreditCode: self.creditCode, traderCustomsCode: self.customsCode, traderName: self.name, traderAddress: e.address ?? '',
      ownerCreditCode: self.creditCode, ownerCustomsCode: self.customsCode, ownerName: self.name, ownerDistrict: d,
      countryCode: 'USA', billOfLading: `DEMO${n.export.slice(-6)}`, withdrawn: false,
    };
    out.push({
      ...header, entryId: n.export, direction: 'export', declareDate: '2025-03-10', ieDate: '2025-03-11', tradeMode: '0110',
      lines: linesFor(e, 'USD', 'USA', 'USA', 1),
    });
    const imp = { ...header, direction: 'import' as const, destinationPort: d, tradeMode: '4561', declareDate: '2025-06-16', ieDate: '2025-06-15' };
    out.push({ ...imp, entryId: n.returnImport, lines: linesFor(e, 'USD', 'USA', 'CHN', 0.5) });
    out.push({
      ...imp, entryId: n.agentImport, traderCreditCode: outsider.creditCode, traderCustomsCode: outsider.customsCode,
      traderName: outsider.name, traderAddress: '', ownerCreditCode: outsider.creditCode, ownerCustomsCode: outsider.customsCode,
      ownerName: outsider.name, ownerDistrict: outsider.district, countryCode: 'DEU', declareDate: '2025-07-21', ieDate: '2025-07-20',
      lines: linesFor(e, 'EUR', 'DEU', 'CHN', 0.3).map((l) => ({ ...l, currency: 'EUR' })),
    });
    out.push({ ...imp, entryId: n.withdrawnImport, withdrawn: true, declareDate: '2025-08-05', ieDate: '2025-08-04', lines: linesFor(e, 'USD', 'USA', 'CHN', 0.2) });
  });
  return out;
}
