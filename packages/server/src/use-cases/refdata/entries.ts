import { and, eq, isNull, sql, type DbOrTx, type SQL } from '@returntrace/db';
import {
  REF_DATASET_IDS, REF_DATASETS, findMissingReferences, isRefDatasetId, refFieldError, refReferrers, validateRefEntry,
  type RefDatasetId, type RefDatasetInfo, type RefFieldError, type RefListQuery, type RefRowMap,
} from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { returnReasonsChanged } from '../export-returns/reference-cache';
import { conflict, notFound, ProblemError, validationProblem } from '../../errors';
import {
  countRefRows, isUniqueViolation, refCodes, refColumn, refTable, referencedCodes, selectRefRows, writeRefRows,
  type RefRecord,
} from './tables';

/** The dataset named in the address, or 404. */
export function datasetOr404(id: string): RefDatasetId {
  if (!isRefDatasetId(id)) throw notFound('reference dataset');
  return id;
}

export async function listDatasets(ctx: Ctx): Promise<RefDatasetInfo[]> {
  const out: RefDatasetInfo[] = [];
  for (const id of REF_DATASET_IDS) {
    const ds = REF_DATASETS[id];
    out.push({
      id, label: ds.label, description: ds.description, keyField: ds.keyField,
      columns: ds.columns.map((c) => ({ field: c.field, label: c.label, type: c.type })),
      references: ds.references.map((r) => ({ field: r.field, dataset: r.dataset })),
      count: await countRefRows(ctx.db, id),
    });
  }
  return out;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Filters of the list: `q` over the search fields, and equality on a reference field ('' = top level). */
function listWhere(id: RefDatasetId, q: RefListQuery): SQL | undefined {
  const ds = REF_DATASETS[id];
  const conds: (SQL | undefined)[] = [];
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    conds.push(sql`(${sql.join(ds.searchFields.map((f) => sql`${refColumn(id, f)} ILIKE ${pattern}`), sql` OR `)})`);
  }
  for (const field of ['parentCode', 'sectionCode'] as const) {
    const v = q[field];
    if (v === undefined) continue;
    if (!ds.columns.some((c) => c.field === field)) {
      throw validationProblem([refFieldError(field, 'unknown_field', { value: field })]);
    }
    conds.push(v === '' ? isNull(refColumn(id, field)) : eq(refColumn(id, field), v));
  }
  return and(...conds);
}

export async function listEntries(ctx: Ctx, id: RefDatasetId, q: RefListQuery) {
  const where = listWhere(id, q);
  const total = await countRefRows(ctx.db, id, where);
  const items = await selectRefRows(ctx.db, id, { where, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function loadEntry(db: DbOrTx, id: RefDatasetId, code: string): Promise<RefRecord | undefined> {
  const [row] = await selectRefRows(db, id, { where: eq(refColumn(id, 'code'), code), limit: 1 });
  return row;
}

export async function getEntry(ctx: Ctx, id: RefDatasetId, code: string): Promise<RefRecord> {
  const row = await loadEntry(ctx.db, id, code);
  if (!row) throw notFound('reference entry');
  return row;
}

function validOr400<Id extends RefDatasetId>(id: Id, body: unknown, code?: string): RefRowMap[Id] {
  const r = validateRefEntry(id, body, code === undefined ? {} : { code });
  if (!r.ok) throw validationProblem(r.errors);
  return r.row;
}

/** Refuses a row whose references (parent, section) name codes that do not exist. */
async function checkReferences<Id extends RefDatasetId>(db: DbOrTx, id: Id, row: RefRowMap[Id]): Promise<void> {
  const known = new Map<RefDatasetId, Set<string>>();
  for (const ref of REF_DATASETS[id].references) {
    const v = (row as Record<string, unknown>)[ref.field];
    if (typeof v === 'string' && v !== '') known.set(ref.dataset, await refCodes(db, ref.dataset, [v]));
  }
  const errors = findMissingReferences(id, [row], [0], (d) => known.get(d) ?? new Set());
  if (errors.length) throw validationProblem(errors.map(({ row: _r, ...e }) => e));
}

/** Errors for codes of `id` that entries of other (or the same) datasets still use. */
export async function inUseErrors(
  db: DbOrTx, id: RefDatasetId, codes: Iterable<string>, opts: { otherDatasetsOnly?: boolean } = {},
): Promise<RefFieldError[]> {
  const errors: RefFieldError[] = [];
  const wanted = new Set(codes);
  if (wanted.size === 0) return errors;
  for (const { dataset, field } of refReferrers(id)) {
    if (opts.otherDatasetsOnly && dataset === id) continue;
    const used = await referencedCodes(db, dataset, field);
    const target = REF_DATASETS[dataset];
    for (const [code, users] of used) {
      if (!wanted.has(code)) continue;
      const examples = users.slice(0, 5).join(', ') + (users.length > 5 ? ', …' : '');
      errors.push(refFieldError('code', 'in_use', { value: code, dataset: target.label.en, datasetZh: target.label.zh, examples }));
      if (errors.length >= 50) return errors;
    }
  }
  return errors;
}

const objectId = (id: RefDatasetId, code: string) => `${id}/${code}`;

/** After a committed change: drops what caches the dataset (the return-reason catalogue is read by every submit). */
export function refdataChanged(id: RefDatasetId): void {
  if (id === 'return-reasons') returnReasonsChanged();
}

export async function createEntry(ctx: Ctx, id: RefDatasetId, body: unknown): Promise<RefRecord> {
  const row = validOr400(id, body);
  const code = (row as { code: string }).code;
  try {
    const created = await transaction(ctx.db, async (tx) => {
      if (await loadEntry(tx, id, code)) throw duplicate(id, code);
      await checkReferences(tx, id, row);
      await writeRefRows(tx, id, [row], false);
      await audit(ctx, tx, { action: 'refdata.create', objectType: 'refdata', objectId: objectId(id, code), detail: { dataset: id, after: row } });
      return (await loadEntry(tx, id, code))!;
    });
    refdataChanged(id);
    return created;
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(id, code);
    throw e;
  }
}

function duplicate(id: RefDatasetId, code: string): ProblemError {
  const ds = REF_DATASETS[id];
  return conflict({ en: `${ds.label.en}: code ${code} exists`, zh: `${ds.label.zh}：代码 ${code} 已存在` }, [
    { field: 'code', code: 'duplicate', message: `Code ${code} already exists`, messageZh: `代码 ${code} 已存在` },
  ]);
}

export async function updateEntry(ctx: Ctx, id: RefDatasetId, code: string, body: unknown): Promise<RefRecord> {
  const row = validOr400(id, body, code);
  const updated = await transaction(ctx.db, async (tx) => {
    const before = await loadEntry(tx, id, code);
    if (!before) throw notFound('reference entry');
    await checkReferences(tx, id, row);
    const changes = Object.fromEntries(Object.entries(row as RefRecord).filter(([k, v]) => k !== 'code' && before[k] !== v));
    if (Object.keys(changes).length) {
      await tx.update(refTable(id)).set(changes).where(eq(refColumn(id, 'code'), code));
      await audit(ctx, tx, {
        action: 'refdata.update', objectType: 'refdata', objectId: objectId(id, code),
        detail: { dataset: id, before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k]])), after: changes },
      });
    }
    return (await loadEntry(tx, id, code))!;
  });
  refdataChanged(id);
  return updated;
}

export async function deleteEntry(ctx: Ctx, id: RefDatasetId, code: string): Promise<void> {
  await transaction(ctx.db, async (tx) => {
    const before = await loadEntry(tx, id, code);
    if (!before) throw notFound('reference entry');
    const used = await inUseErrors(tx, id, [code]);
    if (used.length) {
      throw conflict({ en: `Code ${code} is still in use and cannot be deleted`, zh: `代码 ${code} 仍在使用，不能删除` }, used);
    }
    await tx.delete(refTable(id)).where(eq(refColumn(id, 'code'), code));
    await audit(ctx, tx, { action: 'refdata.delete', objectType: 'refdata', objectId: objectId(id, code), detail: { dataset: id, before } });
  });
  refdataChanged(id);
}
