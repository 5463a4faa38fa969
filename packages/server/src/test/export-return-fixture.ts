import { randomBytes } from 'node:crypto';
import {
  and, eq, exportReturnLines, exportReturnReceipts, exportReturns, organisations, users, type Db,
} from '@returntrace/db';
import type { ExportReturnFilled, ExportReturnInput } from '@returntrace/domain';

/**
 * Export-return rows written straight into the database, for tests of features that sit beside the workflow
 * (print, attachments) and need a declaration in a given status and jurisdiction.
 */
export interface DeclarationFixture {
  /** credit-code slug of the demo enterprise, e.g. 'huaxin' */
  enterpriseUser: string;
  /** district code of the competent office, e.g. '5301' */
  officeCode: string;
  status: number;
  returnNo?: string | null;
  receipts?: { status: number; messageZh: string; messageEn: string; reasons?: { code: string; zh: string; en: string }[] }[];
}

async function orgByCode(db: Db, kind: string, code: string) {
  const [o] = await db.select().from(organisations).where(and(eq(organisations.kind, kind), eq(organisations.code, code)));
  if (!o) throw new Error(`no ${kind} ${code}`);
  return o;
}

export async function insertDeclaration(db: Db, f: DeclarationFixture, at = new Date('2026-03-02T01:00:00.000Z')): Promise<{ id: string; unifiedNo: string }> {
  const [user] = await db.select().from(users).where(eq(users.username, f.enterpriseUser));
  if (!user) throw new Error(`no user ${f.enterpriseUser}`);
  const [ent] = await db.select().from(organisations).where(eq(organisations.id, user.orgId));
  const office = await orgByCode(db, 'sub_customs', f.officeCode).catch(() => orgByCode(db, 'direct_customs', f.officeCode));
  const unifiedNo = `2026${String(parseInt(randomBytes(6).toString('hex'), 16) % 1e14).padStart(14, '0')}`;
  const importNo = `${f.officeCode}20261000${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const filled: ExportReturnFilled = {
    importDeclarationNo: importNo,
    declaringUnit: { creditCode: ent!.code, customsCode: ent!.customsCode ?? '', name: ent!.nameZh },
    declarantName: '李报关',
    consignee: { creditCode: ent!.code, customsCode: ent!.customsCode ?? '', name: ent!.nameZh },
    consumerUnit: { creditCode: ent!.code, customsCode: ent!.customsCode ?? '', name: ent!.nameZh },
    consigneeAddress: ent!.address,
    consumerDistrict: f.officeCode,
    declareDate: '2026-02-20',
    arrivalDate: '2026-02-18',
    returnCountry: 'USA',
    acceptingCustoms: f.officeCode,
    tradeMode: '4561',
    billOfLading: 'COSU6234567890',
    destinationCustoms: f.officeCode,
  };
  const input: ExportReturnInput = {
    importDeclarationNo: importNo,
    consigneeAddress: ent!.address,
    consigneeContact: '张三',
    consigneePhone: '0755-88886666',
    returnAgreementDate: '2026-02-10',
    consumerDistrict: f.officeCode,
    disposals: ['domestic_sale', 'other'],
    disposalOther: '返修后再出口 <script>alert(1)</script>',
    originalExportDeclarationNos: '530120250000123456/530120250000123457',
    manufacturer: { creditCode: ent!.code, customsCode: ent!.customsCode ?? '4403161001', name: ent!.nameZh },
    manufacturerContact: '王五',
    manufacturerPhone: '13800138000',
    manufacturerDivision: '440304',
    manufacturerOffice: f.officeCode,
    exportInspected: true,
    originalTradeMode: '0110',
    reasonCategories: ['quality'],
    reasons: ['QUA-01', 'QUA-05'],
    reasonExplanation: '插头不符合目的国安全标准，标签缺少警示语。',
  };
  const [row] = await db.insert(exportReturns).values({
    unifiedNo, returnNo: f.returnNo ?? null, status: f.status, enterpriseId: ent!.id, enterprisePath: ent!.path,
    createdBy: user.id, competentOfficeId: office.id, competentOfficePath: office.path, importDeclarationNo: importNo,
    consigneeCreditCode: ent!.code, manufacturerCreditCode: ent!.code, manufacturerCustomsCode: ent!.customsCode ?? '',
    input, filled, totalAmount: '12345.6700', lastOperatedAt: at, createdAt: at,
  }).returning({ id: exportReturns.id });
  await db.insert(exportReturnLines).values([
    { returnId: row!.id, lineNo: 1, hsCode: '8516400000', supervisionCategory: '法检', goodsName: '电熨斗 蒸汽式 1200W', amount: '10345.6700', currency: 'USD', quantity: '500', unit: '011', weightKg: '750.5', industrial: true },
    { returnId: row!.id, lineNo: 2, hsCode: '6109100022', supervisionCategory: '非法检', goodsName: '棉制针织男式T恤衫', amount: '2000', currency: 'USD', quantity: '1000', unit: '011', weightKg: null, industrial: true },
  ]);
  let t = at.getTime();
  for (const r of f.receipts ?? []) {
    t += 60_000;
    await db.insert(exportReturnReceipts).values({ returnId: row!.id, status: r.status, messageZh: r.messageZh, messageEn: r.messageEn, reasons: r.reasons ?? [], at: new Date(t) });
  }
  return { id: row!.id, unifiedNo };
}

/** A multipart/form-data body with the given parts, as a browser would send it. */
export function multipart(parts: { name: string; fileName?: string; contentType?: string; content: Buffer | string }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----rt${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = p.fileName === undefined ? `form-data; name="${p.name}"` : `form-data; name="${p.name}"; filename="${p.fileName}"`;
    const head = `--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.fileName === undefined ? '' : `Content-Type: ${p.contentType ?? 'application/octet-stream'}\r\n`}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
