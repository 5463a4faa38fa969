/**
 * Customs declarations for tests, written straight into the feed tables (`customs_declarations` and their lines),
 * as the customs feed would have loaded them.
 */
import { customsDeclarationLines, customsDeclarations, type Db } from '@returntrace/db';

export interface PartyFixture {
  creditCode: string;
  customsCode: string;
  name: string;
}

export interface LineFixture {
  hsCode: string;
  goodsName?: string;
  quantity?: string;
  unit?: string;
  totalPrice?: string;
  currency?: string;
}

export interface DeclarationFixture {
  entryId: string;
  declarePort?: string;
  trader: PartyFixture;
  declaringUnit?: PartyFixture;
  withdrawn?: boolean;
  lines?: LineFixture[];
  declareDate?: string;
}

/** An import (flag 1) or export (flag 0) declaration number: district + year + flag + 9-digit sequence. */
export const declarationNo = (district: string, seq: number, direction: 'import' | 'export' = 'import', year = 2026): string =>
  `${district}${year}${direction === 'import' ? '1' : '0'}${String(seq).padStart(9, '0')}`;

const AGENT: PartyFixture = { creditCode: '91440300MA5AGENT01', customsCode: '4403980001', name: '深圳通关报关行有限公司' };

export async function insertCustomsDeclaration(db: Db, f: DeclarationFixture): Promise<string> {
  const lines = f.lines ?? [{ hsCode: '8517130000' }];
  const agent = f.declaringUnit ?? AGENT;
  const [row] = await db.insert(customsDeclarations).values({
    entryId: f.entryId,
    direction: f.entryId[8] === '1' ? 'import' : 'export',
    declarePort: f.declarePort ?? f.entryId.slice(0, 4),
    iePort: f.declarePort ?? f.entryId.slice(0, 4),
    destinationPort: f.declarePort ?? f.entryId.slice(0, 4),
    declareDate: f.declareDate ?? '2026-02-10',
    ieDate: '2026-02-08',
    declaringUnitCreditCode: agent.creditCode, declaringUnitCustomsCode: agent.customsCode, declaringUnitName: agent.name,
    declarantName: '李报关',
    traderCreditCode: f.trader.creditCode, traderCustomsCode: f.trader.customsCode, traderName: f.trader.name,
    ownerCreditCode: f.trader.creditCode, ownerCustomsCode: f.trader.customsCode, ownerName: f.trader.name, ownerDistrict: '5301',
    traderAddress: '深圳市福田区华强北路1002号', countryCode: 'USA', tradeMode: '4561', billOfLading: 'COSU6281234560',
    withdrawn: f.withdrawn ?? false, lineCount: lines.length,
  }).returning({ id: customsDeclarations.id });
  await db.insert(customsDeclarationLines).values(lines.map((l, i) => ({
    declarationId: row!.id, lineNo: i + 1, hsCode: l.hsCode, goodsName: l.goodsName ?? `商品${i + 1}`,
    supervisionCategory: '法检', quantity: l.quantity ?? '100', unit: l.unit ?? '011', totalPrice: l.totalPrice ?? '2500.5',
    currency: l.currency ?? 'USD', originCountry: 'CHN',
  })));
  return row!.id;
}
