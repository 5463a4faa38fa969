import { asc, inArray, isNotNull, REF_TABLES, sql, type DbOrTx, type SQL } from '@returntrace/db';
import { REF_DATASETS, type RefDatasetId } from '@returntrace/domain';
import type { AnyPgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';

/**
 * Dataset-generic access to the reference tables. The registry (packages/domain) names the fields; the Drizzle
 * tables hold a column under each field name. Everything here is typed by field name, not per table.
 */
export { REF_TABLES };

export type RefRecord = Record<string, unknown>;

/** Rows per INSERT statement on import (divisions, the largest dataset, take four). */
export const REF_WRITE_BATCH = 1000;

export function refTable(id: RefDatasetId): PgTable {
  return REF_TABLES[id];
}

export function refColumn(id: RefDatasetId, field: string): AnyPgColumn {
  const col = (REF_TABLES[id] as unknown as Record<string, AnyPgColumn | undefined>)[field];
  if (!col) throw new Error(`reference table of ${id} has no column ${field}`);
  return col;
}

/** The select list of a dataset, in the registry's column order. */
export function refSelection(id: RefDatasetId): Record<string, AnyPgColumn> {
  return Object.fromEntries(REF_DATASETS[id].columns.map((c) => [c.field, refColumn(id, c.field)]));
}

export interface RefSelectOptions {
  where?: SQL | undefined;
  limit?: number;
  offset?: number;
}

/** Rows of a dataset in its default order (sort field, then code). */
export async function selectRefRows(db: DbOrTx, id: RefDatasetId, opts: RefSelectOptions = {}): Promise<RefRecord[]> {
  const ds = REF_DATASETS[id];
  let q = db.select(refSelection(id)).from(refTable(id)).where(opts.where)
    .orderBy(asc(refColumn(id, ds.sortField)), asc(refColumn(id, 'code'))).$dynamic();
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  if (opts.offset !== undefined) q = q.offset(opts.offset);
  return (await q) as RefRecord[];
}

export async function countRefRows(db: DbOrTx, id: RefDatasetId, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(refTable(id)).where(where);
  return Number(row?.n ?? 0);
}

/** All codes of a dataset, or those of `among` that exist. */
export async function refCodes(db: DbOrTx, id: RefDatasetId, among?: readonly string[]): Promise<Set<string>> {
  if (among && among.length === 0) return new Set();
  const code = refColumn(id, 'code');
  const rows = await db.select({ code }).from(refTable(id)).where(among ? inArray(code, [...among]) : undefined);
  return new Set(rows.map((r) => String(r.code)));
}

/** Distinct non-null values of `field` (codes another dataset refers to). */
export async function referencedCodes(db: DbOrTx, id: RefDatasetId, field: string): Promise<Map<string, string[]>> {
  const col = refColumn(id, field);
  const code = refColumn(id, 'code');
  const rows = await db.select({ ref: col, code }).from(refTable(id)).where(isNotNull(col)).orderBy(asc(code));
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(String(r.ref)) ?? [];
    list.push(String(r.code));
    out.set(String(r.ref), list);
  }
  return out;
}

/** Inserts rows in batches; with `upsert`, an existing code gets every other column from the row. */
export async function writeRefRows(db: DbOrTx, id: RefDatasetId, rows: readonly RefRecord[], upsert: boolean): Promise<void> {
  const table = refTable(id);
  const set = Object.fromEntries(REF_DATASETS[id].columns.filter((c) => c.field !== 'code')
    .map((c) => [c.field, sql`excluded.${sql.identifier(refColumn(id, c.field).name)}`])) as PgUpdateSetSource<PgTable>;
  for (let i = 0; i < rows.length; i += REF_WRITE_BATCH) {
    const batch = rows.slice(i, i + REF_WRITE_BATCH) as PgInsertValue<PgTable>[];
    const insert = db.insert(table).values(batch);
    if (upsert) await insert.onConflictDoUpdate({ target: refColumn(id, 'code'), set });
    else await insert;
  }
}

/** Is this error PostgreSQL's unique violation (directly or wrapped by Drizzle)? */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth += 1) {
    if ((cur as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
