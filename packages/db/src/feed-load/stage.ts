/**
 * Set-based loading of customs declarations: validated rows go into a temporary staging table (by COPY on
 * PostgreSQL, by multi-row INSERT on PGlite or for small batches), then a handful of statements merge the stage into
 * `customs_declarations` (INSERT … ON CONFLICT (entry_id) DO UPDATE) and replace the goods lines of every staged
 * declaration. Every channel of the feed (JSON batch, upload, bulk file, demo seed) ends here, so re-loading a
 * declaration always updates it and never duplicates it.
 */
import type { CustomsDeclarationHeader, CustomsDeclarationLine, FeedRowError } from '@returntrace/domain';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../client';
import { customsFeedLoads } from '../schema/customs-feed';

export const STAGE_TABLE = 'customs_feed_stage';

/** Header columns of the stage, in order: [stage column, key of the parsed header]. */
export const STAGE_HEADER_COLUMNS = [
  ['entry_id', 'entryId'], ['direction', 'direction'], ['declare_port', 'declarePort'], ['ie_port', 'iePort'],
  ['destination_port', 'destinationPort'], ['declare_date', 'declareDate'], ['ie_date', 'ieDate'],
  ['declaring_unit_credit_code', 'declaringUnitCreditCode'], ['declaring_unit_customs_code', 'declaringUnitCustomsCode'],
  ['declaring_unit_name', 'declaringUnitName'], ['declarant_name', 'declarantName'],
  ['trader_credit_code', 'traderCreditCode'], ['trader_customs_code', 'traderCustomsCode'], ['trader_name', 'traderName'],
  ['trader_address', 'traderAddress'], ['owner_credit_code', 'ownerCreditCode'], ['owner_customs_code', 'ownerCustomsCode'],
  ['owner_name', 'ownerName'], ['owner_district', 'ownerDistrict'], ['country_code', 'countryCode'],
  ['trade_mode', 'tradeMode'], ['bill_of_lading', 'billOfLading'], ['withdrawn', 'withdrawn'],
] as const satisfies readonly (readonly [string, keyof CustomsDeclarationHeader])[];

export const STAGE_LINE_COLUMNS = [
  ['line_no', 'lineNo'], ['hs_code', 'hsCode'], ['goods_name', 'goodsName'], ['supervision_category', 'supervisionCategory'],
  ['quantity', 'quantity'], ['unit', 'unit'], ['total_price', 'totalPrice'], ['currency', 'currency'],
  ['origin_country', 'originCountry'],
] as const satisfies readonly (readonly [string, keyof CustomsDeclarationLine])[];

/** Every stage column in order: the spreadsheet row first. */
export const STAGE_COLUMNS: readonly string[] = ['row_no', ...STAGE_HEADER_COLUMNS.map((c) => c[0]), ...STAGE_LINE_COLUMNS.map((c) => c[0])];
const HEADER_COLS = STAGE_HEADER_COLUMNS.map((c) => c[0]);

export type StageValue = string | number | boolean | null;

/** One stage row: spreadsheet row number, header values, line values. */
export function stageTuple(row: number, h: CustomsDeclarationHeader, l: CustomsDeclarationLine): StageValue[] {
  const out: StageValue[] = [row];
  for (const [, k] of STAGE_HEADER_COLUMNS) out.push(h[k] as StageValue);
  for (const [, k] of STAGE_LINE_COLUMNS) out.push(l[k] as StageValue);
  return out;
}

/** The temporary stage; dropped when the transaction ends. */
export async function createStage(tx: DbOrTx): Promise<void> {
  await tx.execute(sql.raw(`DROP TABLE IF EXISTS pg_temp.${STAGE_TABLE}`));
  await tx.execute(sql.raw(`CREATE TEMP TABLE ${STAGE_TABLE} (
    row_no integer NOT NULL, entry_id text NOT NULL, direction text NOT NULL, declare_port text NOT NULL,
    ie_port text NOT NULL, destination_port text NOT NULL, declare_date date NOT NULL, ie_date date,
    declaring_unit_credit_code text NOT NULL, declaring_unit_customs_code text NOT NULL, declaring_unit_name text NOT NULL,
    declarant_name text NOT NULL, trader_credit_code text NOT NULL, trader_customs_code text NOT NULL,
    trader_name text NOT NULL, trader_address text NOT NULL, owner_credit_code text NOT NULL,
    owner_customs_code text NOT NULL, owner_name text NOT NULL, owner_district text NOT NULL, country_code text NOT NULL,
    trade_mode text NOT NULL, bill_of_lading text NOT NULL, withdrawn boolean NOT NULL,
    line_no integer NOT NULL, hs_code text NOT NULL, goods_name text NOT NULL, supervision_category text NOT NULL,
    quantity numeric(19,5) NOT NULL, unit text NOT NULL, total_price numeric(19,4) NOT NULL, currency text NOT NULL,
    origin_country text NOT NULL
  ) ON COMMIT DROP`));
}

/** Rows per INSERT statement (one JSON parameter each). */
export const STAGE_BATCH_ROWS = 5000;

/**
 * Inserts rows into the stage (PGlite, and loads that arrive as JSON or spreadsheets). The rows travel as one JSON
 * parameter expanded by json_populate_recordset: far cheaper than one bound parameter per cell.
 */
export async function insertStageRows(tx: DbOrTx, tuples: readonly StageValue[][]): Promise<void> {
  for (let i = 0; i < tuples.length; i += STAGE_BATCH_ROWS) {
    const chunk = tuples.slice(i, i + STAGE_BATCH_ROWS).map((t) => {
      const o: Record<string, StageValue> = {};
      STAGE_COLUMNS.forEach((c, k) => {
        o[c] = t[k]!;
      });
      return o;
    });
    await tx.execute(sql`INSERT INTO ${sql.raw(STAGE_TABLE)}
      SELECT * FROM json_populate_recordset(NULL::${sql.raw(STAGE_TABLE)}, ${JSON.stringify(chunk)}::json)`);
  }
}

/** Indexes the filled stage and refreshes its statistics so that the merge plans well for large loads. */
export async function prepareStage(tx: DbOrTx): Promise<void> {
  await tx.execute(sql.raw(`CREATE INDEX ON ${STAGE_TABLE} (entry_id, row_no)`));
  await tx.execute(sql.raw(`ANALYZE ${STAGE_TABLE}`));
}

const snake = new Map<string, string>([...STAGE_HEADER_COLUMNS, ...STAGE_LINE_COLUMNS].map(([c, k]) => [c, k]));

/**
 * Rows that contradict an earlier row of the same declaration: a header column with another value, or a line number
 * already staged. Rows parsed in memory are grouped before staging; this catches the same faults in bulk files.
 */
export async function findStageConflicts(tx: DbOrTx, max = 50): Promise<FeedRowError[]> {
  const mismatched = await queryRows<Record<string, unknown> & { first: Record<string, unknown> }>(tx, sql.raw(`
    WITH f AS (SELECT DISTINCT ON (entry_id) * FROM ${STAGE_TABLE} ORDER BY entry_id, row_no)
    SELECT s.*, row_to_json(f) AS first FROM ${STAGE_TABLE} s JOIN f ON f.entry_id = s.entry_id
    WHERE s.row_no <> f.row_no AND (${HEADER_COLS.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${HEADER_COLS.map((c) => `f.${c}`).join(', ')})
    ORDER BY s.row_no LIMIT ${max}`));
  const errors: FeedRowError[] = mismatched.map((r) => {
    const col = HEADER_COLS.find((c) => String(r[c] ?? '') !== String(r.first[c] ?? '') && !sameDate(r[c], r.first[c])) ?? 'entry_id';
    const key = snake.get(col) ?? col;
    return {
      row: Number(r.row_no), column: key, field: key, cell: '', code: 'header_mismatch',
      message: `Declaration ${String(r.entry_id)}: ${key} differs from row ${String(r.first.row_no)}; header columns must be equal on every line`,
      messageZh: `报关单 ${String(r.entry_id)}：该列与第 ${String(r.first.row_no)} 行不一致；同一报关单各行的表头列必须相同`,
    };
  });
  const dups = await queryRows<{ row_no: number; entry_id: string; line_no: number; first_row: number }>(tx, sql.raw(`
    SELECT row_no, entry_id, line_no, first_row FROM (
      SELECT row_no, entry_id, line_no, min(row_no) OVER (PARTITION BY entry_id, line_no) AS first_row FROM ${STAGE_TABLE}
    ) x WHERE row_no <> first_row ORDER BY row_no LIMIT ${max}`));
  for (const d of dups) {
    errors.push({
      row: Number(d.row_no), column: 'lineNo', field: 'lineNo', cell: '', code: 'duplicate_line_no',
      message: `Declaration ${d.entry_id}: line ${d.line_no} already on row ${d.first_row}`,
      messageZh: `报关单 ${d.entry_id}：项号 ${d.line_no} 已出现在第 ${d.first_row} 行`,
    });
  }
  return errors.sort((a, b) => a.row - b.row).slice(0, max);
}

/** Dates come back as Date objects on node-postgres and strings on PGlite. */
function sameDate(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
}

export interface MergeCounts {
  declarations: number;
  lines: number;
  inserted: number;
  updated: number;
}

/**
 * Merges the stage: one statement upserts the headers (the first staged row of each entry id wins, which the
 * conflict check has made equal to all others), one deletes the old lines of the staged declarations, one inserts
 * the new lines. `loaded_at` keeps the time of the first load; `updated_at` is the time of this one.
 */
export async function mergeStage(tx: DbOrTx, now: Date): Promise<MergeCounts> {
  const at = now.toISOString();
  const insertCols = HEADER_COLS.join(', ');
  const updates = HEADER_COLS.filter((c) => c !== 'entry_id').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const [counts] = await queryRows<{ inserted: number; updated: number }>(tx, sql`
    WITH h AS (
      SELECT DISTINCT ON (entry_id) ${sql.raw(insertCols)} FROM ${sql.raw(STAGE_TABLE)} ORDER BY entry_id, row_no
    ), c AS (
      SELECT entry_id, count(*)::int AS n FROM ${sql.raw(STAGE_TABLE)} GROUP BY entry_id
    ), up AS (
      INSERT INTO customs_declarations (${sql.raw(insertCols)}, line_count, loaded_at, updated_at)
      SELECT ${sql.raw(HEADER_COLS.map((col) => `h.${col}`).join(', '))}, c.n, ${at}::timestamptz, ${at}::timestamptz
      FROM h JOIN c ON c.entry_id = h.entry_id ORDER BY h.entry_id
      ON CONFLICT (entry_id) DO UPDATE SET ${sql.raw(updates)}, line_count = EXCLUDED.line_count, updated_at = EXCLUDED.updated_at
      RETURNING (xmax = 0) AS inserted
    )
    SELECT (count(*) FILTER (WHERE inserted))::int AS inserted, (count(*) FILTER (WHERE NOT inserted))::int AS updated FROM up`);
  const inserted = Number(counts?.inserted ?? 0);
  const updated = Number(counts?.updated ?? 0);
  if (updated > 0) {
    await tx.execute(sql.raw(`DELETE FROM customs_declaration_lines l USING customs_declarations d
      WHERE l.declaration_id = d.id AND d.entry_id IN (SELECT DISTINCT entry_id FROM ${STAGE_TABLE})`));
  }
  const lineCols = STAGE_LINE_COLUMNS.map((c) => c[0]);
  const [lines] = await queryRows<{ n: number }>(tx, sql.raw(`
    WITH ins AS (
      INSERT INTO customs_declaration_lines (declaration_id, ${lineCols.join(', ')})
      SELECT d.id, ${lineCols.map((c) => `s.${c}`).join(', ')} FROM ${STAGE_TABLE} s JOIN customs_declarations d ON d.entry_id = s.entry_id
      RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`));
  return { declarations: inserted + updated, lines: Number(lines?.n ?? 0), inserted, updated };
}

/** Serialises feed loads: two loads touching the same declarations would otherwise deadlock on their lines. */
export async function lockFeed(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7310101)`);
}

export interface LoadRecord extends MergeCounts {
  channel: string;
  fileName: string;
  startedAt: Date;
  finishedAt: Date;
  loadedBy: string | null;
}

/** The customs_feed_loads row of a load; answers its id. */
export async function recordLoad(tx: DbOrTx, r: LoadRecord): Promise<number> {
  const [row] = await tx.insert(customsFeedLoads).values({
    channel: r.channel, fileName: r.fileName.slice(0, 200), declarations: r.declarations, lines: r.lines,
    inserted: r.inserted, updated: r.updated, startedAt: r.startedAt, finishedAt: r.finishedAt, loadedBy: r.loadedBy,
  }).returning({ id: customsFeedLoads.id });
  return row!.id;
}
