/**
 * Deterministic generator of customs declarations for the demo enterprises: a year of general-trade exports
 * (监管方式 0110) and, for a fraction of them, the import declaration of the returned goods (4561 退运货物) whose lines
 * mirror the export's lines. Some declarations are lodged by a customs broker, some returns of outside traders are
 * declared by a demo enterprise as agent, a few are withdrawn. The same seed always yields the same declarations.
 */
import { mulberry32 } from '@returntrace/domain';
import type { CustomsDeclaration, CustomsDeclarationLine } from '@returntrace/domain';
import { DEMO_ORGS, type DemoOrg } from '../demo-orgs';
import {
  BROKERS, DECLARANTS, DESTINATIONS, ENTERPRISE_CHAPTERS, ENTERPRISE_DISTRICTS, PER_USD, PRODUCTS, THIRD_PARTY_TRADERS,
  regionOf, type ThirdParty,
} from './catalogue';

/** The demo feed's seeded generator (mulberry32): the same seed gives the same declarations everywhere. */
export const prng = mulberry32;

export interface FeedGeneratorOptions {
  seed?: number;
  /** calendar year of the export declarations */
  year?: number;
  /** export declarations per enterprise (default 150) */
  exportsPerEnterprise?: number;
  /** share of exports that come back (default 0.15) */
  returnRate?: number;
  /** share of declarations withdrawn (default 0.02) */
  withdrawnRate?: number;
  /** returns of outside traders each enterprise declares as agent (default 5) */
  agentReturnsPerEnterprise?: number;
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Cents (or 1/100 of any currency) as a decimal string. */
const money = (cents: number): string => {
  const c = Math.max(0, Math.round(cents));
  const frac = c % 100;
  return frac ? `${Math.floor(c / 100)}.${String(frac).padStart(2, '0').replace(/0$/, '')}` : String(Math.floor(c / 100));
};

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export const demoEnterprises = (): DemoOrg[] => DEMO_ORGS.filter((o) => o.kind === 'enterprise');

interface Party { creditCode: string; customsCode: string; name: string }
const partyOf = (o: DemoOrg | ThirdParty): Party =>
  'code' in o ? { creditCode: o.code, customsCode: o.customsCode ?? '', name: o.nameZh } : { creditCode: o.creditCode, customsCode: o.customsCode, name: o.name };
const addressOf = (o: DemoOrg | ThirdParty): string => ('address' in o ? o.address ?? '' : '');

/** Allocates 9-digit sequences per district, year and direction. */
export class EntryIdAllocator {
  private readonly next = new Map<string, number>();
  constructor(private readonly start = 1001) {}
  allocate(district: string, date: string, direction: 'import' | 'export'): string {
    const key = `${district}${date.slice(0, 4)}${direction === 'import' ? 1 : 0}`;
    const n = this.next.get(key) ?? this.start;
    this.next.set(key, n + 1);
    return `${key}${String(n).padStart(9, '0')}`;
  }
}

interface ExportDraft {
  ent: DemoOrg;
  district: string;
  date: string;
  dest: (typeof DESTINATIONS)[number];
  lines: CustomsDeclarationLine[];
}

function exportLines(r: Rand, ent: DemoOrg, dest: ExportDraft['dest']): CustomsDeclarationLine[] {
  const chapters = ENTERPRISE_CHAPTERS[ent.slug] ?? ['85'];
  const n = int(r, 1, 6);
  const lines: CustomsDeclarationLine[] = [];
  for (let i = 1; i <= n; i += 1) {
    const prod = pick(r, PRODUCTS[r() < 0.75 ? chapters[0]! : chapters[1] ?? chapters[0]!]!);
    const qty = int(r, prod.quantity[0], prod.quantity[1]);
    const unitCents = int(r, prod.priceCents[0], prod.priceCents[1]) * (PER_USD[dest.currency] ?? 1);
    lines.push({
      lineNo: i, hsCode: prod.hsCode, goodsName: prod.goodsName, supervisionCategory: prod.supervisionCategory,
      quantity: String(qty), unit: prod.unit, totalPrice: money(unitCents * qty), currency: dest.currency, originCountry: dest.country,
    });
  }
  return lines;
}

function exportDeclaration(r: Rand, ids: EntryIdAllocator, d: ExportDraft, withdrawnRate: number, entryId?: string): CustomsDeclaration {
  const region = regionOf(d.district);
  const broker = r() < 0.3 ? pick(r, BROKERS[region]) : null;
  const self = partyOf(d.ent);
  const declaring = broker ? partyOf(broker) : self;
  return {
    entryId: entryId ?? ids.allocate(d.district, d.date, 'export'), direction: 'export', declarePort: d.district,
    iePort: d.district, destinationPort: '', declareDate: d.date, ieDate: addDays(d.date, int(r, 0, 2)),
    declaringUnitCreditCode: declaring.creditCode, declaringUnitCustomsCode: declaring.customsCode, declaringUnitName: declaring.name,
    declarantName: pick(r, DECLARANTS), traderCreditCode: self.creditCode, traderCustomsCode: self.customsCode, traderName: self.name,
    traderAddress: addressOf(d.ent), ownerCreditCode: self.creditCode, ownerCustomsCode: self.customsCode, ownerName: self.name,
    ownerDistrict: ENTERPRISE_DISTRICTS[d.ent.slug]?.[0] ?? d.district, countryCode: d.dest.country, tradeMode: '0110',
    billOfLading: `${d.district.startsWith('53') ? 'SZX' : 'PEK'}${int(r, 10_000_000, 99_999_999)}`,
    withdrawn: r() < withdrawnRate, lines: d.lines,
  };
}

/**
 * The import declaration of goods returned after `exp`: consignee = the exporter (or `trader` when an outside trader
 * returns goods and `agent` declares them), lines mirror the export lines with part or all of the quantity.
 */
function returnDeclaration(
  r: Rand, ids: EntryIdAllocator, exp: CustomsDeclaration,
  opts: { trader?: ThirdParty; agent?: DemoOrg; withdrawn?: boolean; entryId?: string; home: string },
): CustomsDeclaration {
  const date = addDays(exp.declareDate, int(r, 20, 90));
  const district = opts.home;
  const trader: Party = opts.trader ? partyOf(opts.trader) : { creditCode: exp.traderCreditCode, customsCode: exp.traderCustomsCode, name: exp.traderName };
  const declaring: Party = opts.agent ? partyOf(opts.agent) : trader;
  const lines = exp.lines.map((l) => {
    const q = Number(l.quantity);
    const back = r() < 0.5 ? q : Math.max(1, Math.floor(q * (0.1 + 0.8 * r())));
    const unitCents = Math.round((Number(l.totalPrice) * 100) / q);
    return { ...l, quantity: String(back), totalPrice: money(unitCents * back), originCountry: 'CHN' };
  });
  return {
    entryId: opts.entryId ?? ids.allocate(district, date, 'import'), direction: 'import', declarePort: district,
    iePort: district, destinationPort: district, declareDate: date, ieDate: addDays(date, -int(r, 0, 2)),
    declaringUnitCreditCode: declaring.creditCode, declaringUnitCustomsCode: declaring.customsCode, declaringUnitName: declaring.name,
    declarantName: pick(r, DECLARANTS), traderCreditCode: trader.creditCode, traderCustomsCode: trader.customsCode, traderName: trader.name,
    traderAddress: opts.trader ? '' : exp.traderAddress, ownerCreditCode: trader.creditCode, ownerCustomsCode: trader.customsCode,
    ownerName: trader.name, ownerDistrict: opts.trader?.district ?? exp.ownerDistrict, countryCode: exp.countryCode,
    tradeMode: '4561', billOfLading: `${exp.countryCode}${int(r, 1_000_000, 9_999_999)}`, withdrawn: opts.withdrawn ?? false, lines,
  };
}

/**
 * Declarations, lazily (the benchmark streams a million lines from here). Order: per enterprise, each export followed
 * by its return when it has one, then the returns the enterprise declares as agent.
 */
export function* iterateDemoDeclarations(options: FeedGeneratorOptions = {}): Generator<CustomsDeclaration> {
  const seed = options.seed ?? 2025;
  const year = options.year ?? 2025;
  const perEnt = options.exportsPerEnterprise ?? 150;
  const returnRate = options.returnRate ?? 0.15;
  const withdrawnRate = options.withdrawnRate ?? 0.02;
  const agentReturns = options.agentReturnsPerEnterprise ?? 5;
  const r = prng(seed);
  const ids = new EntryIdAllocator();
  for (const ent of demoEnterprises()) {
    const districts = ENTERPRISE_DISTRICTS[ent.slug] ?? ['5301'];
    const region = regionOf(districts[0]!);
    for (let i = 0; i < perEnt; i += 1) {
      // returns need room before the year ends: exports spread over the year, returns within 90 days
      const date = addDays(`${year}-01-02`, int(r, 0, 360));
      const dest = pick(r, DESTINATIONS);
      const district = r() < 0.8 ? districts[0]! : districts[1] ?? districts[0]!;
      const exp = exportDeclaration(r, ids, { ent, district, date, dest, lines: exportLines(r, ent, dest) }, withdrawnRate);
      yield exp;
      if (!exp.withdrawn && r() < returnRate) {
        yield returnDeclaration(r, ids, exp, { home: districts[0]!, withdrawn: r() < withdrawnRate });
      }
    }
    for (let i = 0; i < agentReturns; i += 1) {
      const trader = pick(r, THIRD_PARTY_TRADERS[region]);
      const date = addDays(`${year}-01-02`, int(r, 0, 270));
      const dest = pick(r, DESTINATIONS);
      const exp = exportDeclaration(r, ids, { ent, district: districts[0]!, date, dest, lines: exportLines(r, ent, dest) }, 0);
      const asTrader = { ...exp, traderCreditCode: partyOf(trader).creditCode, traderCustomsCode: trader.customsCode, traderName: trader.name };
      yield returnDeclaration(r, ids, asTrader, { home: districts[0]!, trader, agent: ent });
    }
  }
}

/** A year of demo declarations (several thousand lines with the defaults). */
export function generateDemoDeclarations(options: FeedGeneratorOptions = {}): CustomsDeclaration[] {
  return [...iterateDemoDeclarations(options)];
}
