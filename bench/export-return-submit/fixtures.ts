// Data for the export-return submit benchmark: customs-feed import declarations (the backfill source), logged-in
// demo enterprise operators, and drafts created through the API, each turned into one distinct submit request.
import {
  customsDeclarationLines, customsDeclarations, eq, like, organisations, users, type Db,
} from '@returntrace/db';
import type { ExportReturnInput } from '@returntrace/domain';
import { cookieHeader, cookiesOf } from '../lib';

const PASSWORD = 'ReturnTrace@2026';
/** competent offices (受理报关机构) the feed rows are declared at, rotated over the drafts */
const PORTS = ['5301', '5316', '0101', '0105'] as const;
const FEED_BATCH = 500;

export interface Operator {
  username: string;
  orgCode: string;
  customsCode: string;
  nameZh: string;
  address: string;
  /** Cookie header (session + CSRF cookie) and the CSRF header value */
  cookie: string;
  csrf: string;
}

/** One prepared submit: a distinct draft of `operator`, with its version for If-Match. */
export interface SubmitRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Logs every demo enterprise operator in (one session each). */
export async function loginOperators(db: Db, base: string): Promise<Operator[]> {
  const rows = await db.select({ username: users.username, code: organisations.code, customsCode: organisations.customsCode,
    nameZh: organisations.nameZh, address: organisations.address })
    .from(users).innerJoin(organisations, eq(users.orgId, organisations.id))
    .where(like(users.username, 'ent.%')).orderBy(users.username);
  if (rows.length === 0) throw new Error('the demo data set has no enterprise operator (ent.*)');
  const out: Operator[] = [];
  for (const r of rows) {
    const csrfRes = await fetch(`${base}/api/v1/auth/csrf`);
    if (!csrfRes.ok) throw new Error(`GET /api/v1/auth/csrf: ${csrfRes.status}`);
    const pre = cookiesOf(csrfRes);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookieHeader(pre), 'x-csrf-token': csrfToken },
      body: JSON.stringify({ username: r.username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${r.username}: ${res.status} ${await res.text()}`);
    const cookies = { ...pre, ...cookiesOf(res) };
    if (!cookies.rt_session || !cookies.rt_csrf) throw new Error(`login ${r.username} answered without session/CSRF cookies`);
    out.push({
      username: r.username, orgCode: r.code, customsCode: r.customsCode ?? '', nameZh: r.nameZh, address: r.address ?? '',
      cookie: cookieHeader(cookies), csrf: cookies.rt_csrf,
    });
  }
  return out;
}

const entryId = (port: string, year: number, direction: 0 | 1, seq: number) =>
  `${port}${year}${direction}${String(seq).padStart(9, '0')}`;

/** Two export declarations per port, listed as 原出口报关单号 by every draft declared there. */
export async function insertExportDeclarations(db: Db, op: Operator): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const port of PORTS) {
    const nos = [entryId(port, 2025, 0, 900_001), entryId(port, 2025, 0, 900_002)];
    await db.insert(customsDeclarations).values(nos.map((no) => ({
      entryId: no, direction: 'export', declarePort: port, declareDate: '2025-09-01', ieDate: '2025-09-03',
      traderCreditCode: op.orgCode, traderCustomsCode: op.customsCode, traderName: op.nameZh, countryCode: 'USA', tradeMode: '0110',
    })));
    out[port] = nos.join('/');
  }
  return out;
}

export interface FeedRow {
  no: string;
  port: string;
  operator: Operator;
}

/**
 * `count` import declarations (2 goods lines each) whose consignee is the operator's enterprise, numbered from
 * `firstSeq`; written in batches straight into the feed tables, as a feed load would.
 */
export async function insertImportDeclarations(db: Db, operators: readonly Operator[], firstSeq: number, count: number): Promise<FeedRow[]> {
  const rows: FeedRow[] = [];
  for (let i = 0; i < count; i++) {
    const seq = firstSeq + i;
    const port = PORTS[seq % PORTS.length]!;
    rows.push({ no: entryId(port, 2026, 1, seq), port, operator: operators[seq % operators.length]! });
  }
  for (let at = 0; at < rows.length; at += FEED_BATCH) {
    const batch = rows.slice(at, at + FEED_BATCH);
    const inserted = await db.insert(customsDeclarations).values(batch.map((r) => ({
      entryId: r.no, direction: 'import', declarePort: r.port, iePort: r.port, destinationPort: r.port,
      declareDate: '2026-10-20', ieDate: '2026-10-18',
      declaringUnitCreditCode: r.operator.orgCode, declaringUnitCustomsCode: r.operator.customsCode, declaringUnitName: r.operator.nameZh,
      declarantName: '李报关',
      traderCreditCode: r.operator.orgCode, traderCustomsCode: r.operator.customsCode, traderName: r.operator.nameZh,
      ownerCreditCode: r.operator.orgCode, ownerCustomsCode: r.operator.customsCode, ownerName: r.operator.nameZh,
      ownerDistrict: r.port, traderAddress: r.operator.address, countryCode: 'USA', tradeMode: '4561',
      billOfLading: `COSU${String(r.no).slice(-10)}`, lineCount: 2,
    }))).returning({ id: customsDeclarations.id });
    await db.insert(customsDeclarationLines).values(inserted.flatMap(({ id }) => [
      { declarationId: id, lineNo: 1, hsCode: '8516400000', goodsName: '电熨斗 蒸汽式 1200W', supervisionCategory: '法检',
        quantity: '500', unit: '011', totalPrice: '10345.6700', currency: 'USD', originCountry: 'CHN' },
      { declarationId: id, lineNo: 2, hsCode: '6109100022', goodsName: '棉制针织男式T恤衫', supervisionCategory: '非法检',
        quantity: '1000', unit: '011', totalPrice: '2000.0000', currency: 'USD', originCountry: 'CHN' },
    ]));
  }
  return rows;
}

/** A complete declaration input (every yellow field), varied per row so no two bodies are equal. */
export function fullInput(row: FeedRow, exportNos: Record<string, string>, n: number): ExportReturnInput {
  const op = row.operator;
  return {
    importDeclarationNo: row.no,
    consigneeAddress: op.address || '深圳市福田区',
    consigneeContact: '张三',
    consigneePhone: '0755-88886666',
    returnAgreementDate: '2026-10-25',
    consumerDistrict: row.port,
    disposals: ['domestic_sale'],
    originalExportDeclarationNos: exportNos[row.port]!,
    manufacturer: { creditCode: op.orgCode, customsCode: op.customsCode, name: op.nameZh },
    manufacturerContact: '王五',
    manufacturerPhone: '13800138000',
    manufacturerDivision: '440304',
    manufacturerOffice: row.port,
    exportInspected: true,
    originalTradeMode: '0110',
    reasonCategories: ['quality'],
    reasons: ['QUA-01'],
    reasonExplanation: `插头不符合目的国安全标准（第 ${n} 批）。`,
    lines: [{ lineNo: 1, weightKg: 700 + (n % 100), industrial: true }, { lineNo: 2, weightKg: null, industrial: false }],
  };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i);
  }));
  return out;
}

/**
 * Creates one draft per feed row through POST /export-returns (暂存, the whole input) and answers the submit
 * request of each: its own path, the owner's session, If-Match from the draft's ETag, a fresh Idempotency-Key and
 * a body that differs from the saved one (the contact person), so submit saves and submits atomically.
 */
export async function createDrafts(base: string, rows: readonly FeedRow[], exportNos: Record<string, string>, tag: string): Promise<SubmitRequest[]> {
  return mapLimit(rows, 8, async (row, i) => {
    const op = row.operator;
    const headers = { 'content-type': 'application/json', cookie: op.cookie, 'x-csrf-token': op.csrf };
    const input = fullInput(row, exportNos, i);
    const res = await fetch(`${base}/api/v1/export-returns`, { method: 'POST', headers, body: JSON.stringify(input) });
    if (res.status !== 201) throw new Error(`POST /api/v1/export-returns (${op.username}, ${row.no}): ${res.status} ${await res.text()}`);
    const view = (await res.json()) as { id: string; status: number; version: number };
    const etag = res.headers.get('etag');
    if (view.status !== 0 || etag !== `"${view.version}"`) throw new Error(`draft ${view.id}: status ${view.status}, ETag ${etag}`);
    return {
      path: `/api/v1/export-returns/${view.id}/submit`,
      headers: { ...headers, 'if-match': etag, 'idempotency-key': `bench-${tag.replace(/[^A-Za-z0-9]+/g, '-')}-${view.id}` },
      body: JSON.stringify({ ...input, consigneeContact: '张三丰' }),
    };
  });
}
