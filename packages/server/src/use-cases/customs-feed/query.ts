import {
  isCustomsKind, type CustomsDeclarationQuery, type CustomsDeclarationRow, type CustomsDeclarationView, type FeedLoadRow,
  type PageQuery,
} from '@returntrace/domain';
import {
  and, asc, count, customsDeclarationLines, customsDeclarations, customsFeedLoads, desc, eq, gte, like, lte, organisations,
  sql, users, type DbOrTx, type SQL,
} from '@returntrace/db';
import type { Ctx } from '../../context';
import { notFound } from '../../errors';
import { scopeOf } from '../../policies/scope';

/**
 * Which declarations a caller sees. GACC: all. A customs office: those declared at a district of its subtree (its
 * own code, the codes of the offices under it, and for a directly-affiliated customs XX00 every district XXnn).
 * An enterprise: those where it is the consignee/consignor (境内收发货人) or the declaring unit (申报单位).
 * Anyone else: none. Answers undefined for "no restriction", or a condition.
 */
export async function feedScope(ctx: Ctx, db: DbOrTx = ctx.db): Promise<SQL | undefined> {
  const actor = ctx.actor;
  if (!actor) return sql`false`;
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return undefined;
  const d = customsDeclarations;
  if (isCustomsKind(actor.orgKind)) {
    const offices = await db.select({ kind: organisations.kind, code: organisations.code }).from(organisations)
      .where(and(sql`starts_with(${organisations.path}, ${actor.orgPath})`, sql`${organisations.kind} IN ('direct_customs', 'sub_customs')`));
    const codes = offices.map((o) => o.code).filter((c) => /^\d{4}$/.test(c));
    const prefixes = offices.filter((o) => o.kind === 'direct_customs' && /^\d{2}00$/.test(o.code)).map((o) => o.code.slice(0, 2));
    const parts: SQL[] = [];
    if (codes.length) parts.push(sql`${d.declarePort} IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
    if (prefixes.length) parts.push(sql`left(${d.declarePort}, 2) IN (${sql.join(prefixes.map((c) => sql`${c}`), sql`, `)})`);
    return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
  }
  if (actor.orgKind === 'enterprise') {
    const [org] = await db.select({ code: organisations.code, customsCode: organisations.customsCode }).from(organisations)
      .where(eq(organisations.id, actor.orgId));
    if (!org) return sql`false`;
    const parts: SQL[] = [sql`${d.traderCreditCode} = ${org.code}`, sql`${d.declaringUnitCreditCode} = ${org.code}`];
    if (org.customsCode) parts.push(sql`${d.traderCustomsCode} = ${org.customsCode}`, sql`${d.declaringUnitCustomsCode} = ${org.customsCode}`);
    return sql`(${sql.join(parts, sql` OR `)})`;
  }
  return sql`false`;
}

const iso = (t: Date | string): string => (t instanceof Date ? t.toISOString() : new Date(t).toISOString());
type DeclRow = typeof customsDeclarations.$inferSelect;

function toRow(r: DeclRow): CustomsDeclarationRow {
  return {
    entryId: r.entryId, direction: r.direction as 'import' | 'export', declarePort: r.declarePort, declareDate: r.declareDate,
    ieDate: r.ieDate, traderCreditCode: r.traderCreditCode, traderCustomsCode: r.traderCustomsCode, traderName: r.traderName,
    declaringUnitCreditCode: r.declaringUnitCreditCode, declaringUnitName: r.declaringUnitName, countryCode: r.countryCode,
    tradeMode: r.tradeMode, withdrawn: r.withdrawn, lineCount: r.lineCount, updatedAt: iso(r.updatedAt),
  };
}

/** GET /customs-declarations: scoped, filtered, newest declaration date first. */
export async function listDeclarations(ctx: Ctx, q: CustomsDeclarationQuery) {
  const d = customsDeclarations;
  const conds: (SQL | undefined)[] = [await feedScope(ctx)];
  if (q.entryId) conds.push(q.entryId.length === 18 ? eq(d.entryId, q.entryId) : like(d.entryId, `${q.entryId}%`));
  if (q.direction) conds.push(eq(d.direction, q.direction));
  if (q.partyCode) {
    conds.push(q.partyCode.length === 10
      ? sql`(${d.traderCustomsCode} = ${q.partyCode} OR ${d.declaringUnitCustomsCode} = ${q.partyCode})`
      : sql`(${d.traderCreditCode} = ${q.partyCode} OR ${d.declaringUnitCreditCode} = ${q.partyCode})`);
  }
  if (q.declarePort) conds.push(eq(d.declarePort, q.declarePort));
  if (q.tradeMode) conds.push(eq(d.tradeMode, q.tradeMode));
  if (q.from) conds.push(gte(d.declareDate, q.from));
  if (q.to) conds.push(lte(d.declareDate, q.to));
  if (q.withdrawn) conds.push(eq(d.withdrawn, q.withdrawn === 'true'));
  const where = and(...conds);
  const [total] = await ctx.db.select({ n: count() }).from(d).where(where);
  const rows = await ctx.db.select().from(d).where(where).orderBy(desc(d.declareDate), desc(d.entryId))
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items: rows.map(toRow), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

/** GET /customs-declarations/:entryId: header and lines; outside the caller's scope it does not exist (404). */
export async function getDeclaration(ctx: Ctx, entryId: string): Promise<CustomsDeclarationView> {
  const d = customsDeclarations;
  const [r] = await ctx.db.select().from(d).where(and(eq(d.entryId, entryId), await feedScope(ctx)));
  if (!r) throw notFound('customs declaration');
  const l = customsDeclarationLines;
  const lines = await ctx.db.select().from(l).where(eq(l.declarationId, r.id)).orderBy(asc(l.lineNo));
  return {
    ...toRow(r), iePort: r.iePort, destinationPort: r.destinationPort, declaringUnitCustomsCode: r.declaringUnitCustomsCode,
    declarantName: r.declarantName, traderAddress: r.traderAddress, ownerCreditCode: r.ownerCreditCode,
    ownerCustomsCode: r.ownerCustomsCode, ownerName: r.ownerName, ownerDistrict: r.ownerDistrict, billOfLading: r.billOfLading,
    loadedAt: iso(r.loadedAt),
    lines: lines.map((x) => ({
      lineNo: x.lineNo, hsCode: x.hsCode, goodsName: x.goodsName, supervisionCategory: x.supervisionCategory,
      quantity: trimDecimal(x.quantity), unit: x.unit, totalPrice: trimDecimal(x.totalPrice), currency: x.currency,
      originCountry: x.originCountry,
    })),
  };
}

/** NUMERIC text without the padding zeros of its scale: 120.00000 → 120, 3600.5000 → 3600.5. */
export const trimDecimal = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

/** GET /customs-declarations/loads: load history, newest first. */
export async function listLoads(ctx: Ctx, q: PageQuery) {
  const f = customsFeedLoads;
  const [total] = await ctx.db.select({ n: count() }).from(f);
  const rows = await ctx.db.select({ f, username: users.username }).from(f).leftJoin(users, eq(users.id, f.loadedBy))
    .orderBy(desc(f.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const items: FeedLoadRow[] = rows.map(({ f: r, username }) => ({
    id: r.id, channel: r.channel, fileName: r.fileName, declarations: r.declarations, lines: r.lines, inserted: r.inserted,
    updated: r.updated, startedAt: iso(r.startedAt), finishedAt: r.finishedAt ? iso(r.finishedAt) : null, loadedBy: r.loadedBy,
    loadedByName: username ?? '',
  }));
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
