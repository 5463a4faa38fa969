import type { z } from 'zod';
import {
  isRefErrorCode, refFieldError, type RefErrorCode, type RefFieldError, type RefMessageParams, type RefRowError,
} from './messages';
import {
  REF_DATASETS, refHeader, type RefColumnType, type RefDatasetId, type RefReference, type RefRowMap,
} from './registry';

/** Upper bound of data rows in one import file (the largest dataset, divisions, has about 3,400). */
export const REF_IMPORT_MAX_ROWS = 50_000;
/** At most this many errors are reported for one file; the rest are counted in `truncated`. */
export const REF_IMPORT_MAX_ERRORS = 200;

type Coerced = { ok: true; value: unknown } | { ok: false; code: RefErrorCode };

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', '真']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', '假']);

/**
 * Reads one spreadsheet cell as the column's type. CSV cells are strings; XLSX cells may already be numbers or
 * booleans. Empty cells become '' (text, left to the schema to call required) or null (nullable text).
 */
export function coerceRefCell(type: RefColumnType, value: unknown): Coerced {
  if (isBlank(value)) {
    if (type === 'nullableText') return { ok: true, value: null };
    if (type === 'text') return { ok: true, value: '' };
    return { ok: false, code: 'required' };
  }
  switch (type) {
    case 'text':
    case 'nullableText':
      if (typeof value === 'string') return { ok: true, value: value.trim() };
      if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
      return { ok: false, code: 'invalid_type' };
    case 'integer':
      if (typeof value === 'number') return Number.isInteger(value) ? { ok: true, value } : { ok: false, code: 'integer' };
      if (typeof value === 'string' && /^[+-]?\d{1,9}$/.test(value.trim())) return { ok: true, value: Number(value.trim()) };
      return { ok: false, code: 'integer' };
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const w = String(value).trim().toLowerCase();
      if (TRUE_WORDS.has(w)) return { ok: true, value: true };
      if (FALSE_WORDS.has(w)) return { ok: true, value: false };
      return { ok: false, code: 'boolean' };
    }
  }
}

/** Writes a value as a spreadsheet cell (the inverse of coerceRefCell for CSV). */
export function formatRefCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** Turns zod issues into one error per field (the first issue of each field wins), in English and Chinese. */
export function refIssuesToErrors(issues: readonly z.core.$ZodIssue[]): RefFieldError[] {
  const out: RefFieldError[] = [];
  const seen = new Set<string>();
  const push = (e: RefFieldError) => {
    if (seen.has(e.field)) return;
    seen.add(e.field);
    out.push(e);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) push(refFieldError(k, 'unknown_field', { value: k }));
      continue;
    }
    const field = issue.path.map(String).join('.');
    const params: RefMessageParams = {};
    const extra = issue as unknown as { params?: Record<string, string | number>; maximum?: number; expected?: string };
    Object.assign(params, extra.params ?? {});
    if (extra.maximum !== undefined) params.max = Number(extra.maximum);
    if (issue.code === 'invalid_type') {
      // a wrong JSON type: the schema's own code would describe the format, this says what type was expected
      push(refFieldError(field, extra.expected === 'boolean' ? 'boolean' : extra.expected === 'number' || extra.expected === 'int' ? 'integer' : 'invalid_type',
        { expected: extra.expected }));
      continue;
    }
    push(refFieldError(field, isRefErrorCode(issue.message) ? issue.message : 'invalid_type', params));
  }
  return out;
}

export type RefValidation<Id extends RefDatasetId> =
  | { ok: true; row: RefRowMap[Id] }
  | { ok: false; errors: RefFieldError[] };

/**
 * Validates one entry sent as JSON (create or update). With `code` (the code in the address of an update) the body
 * may omit its code, and a different one is refused.
 */
export function validateRefEntry<Id extends RefDatasetId>(
  datasetId: Id, input: unknown, opts: { code?: string } = {},
): RefValidation<Id> {
  const ds = REF_DATASETS[datasetId];
  let value = input;
  if (opts.code !== undefined && input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const body = input as Record<string, unknown>;
    if ('code' in body && body.code !== opts.code) {
      return { ok: false, errors: [refFieldError('code', 'key_mismatch', { expected: opts.code })] };
    }
    value = { ...body, code: opts.code };
  }
  const parsed = (ds.schema as z.ZodType<RefRowMap[Id]>).safeParse(value);
  if (parsed.success) return { ok: true, row: parsed.data };
  return { ok: false, errors: refIssuesToErrors(parsed.error.issues) };
}

export type RefImportValidation<Id extends RefDatasetId> =
  | {
      ok: true;
      rows: RefRowMap[Id][];
      /** spreadsheet row number of each entry of `rows` */
      rowNumbers: number[];
    }
  | { ok: false; errors: RefRowError[]; /** errors left out beyond REF_IMPORT_MAX_ERRORS */ truncated: number };

export interface RefImportOptions {
  /** the header row as read from the file; defaults to the keys of the rows in order of appearance */
  header?: readonly string[];
  maxRows?: number;
  maxErrors?: number;
}

const normaliseHeader = (h: string): string => h.replace(/^\uFEFF/, '').trim();

/**
 * Validates a whole import file, all or nothing. `rawRows[i]` is the i-th line after the header, keyed by header.
 * Row numbers in errors are what a spreadsheet user sees: the header is row 1, so `rawRows[0]` is row 2. Rows whose
 * cells are all empty are skipped (they still count for numbering). The file is refused on any malformed cell,
 * a code that appears twice, or a header that lacks a column or has an unknown or repeated one.
 */
export function validateImportRows<Id extends RefDatasetId>(
  datasetId: Id, rawRows: readonly Record<string, unknown>[], opts: RefImportOptions = {},
): RefImportValidation<Id> {
  const ds = REF_DATASETS[datasetId];
  const maxErrors = opts.maxErrors ?? REF_IMPORT_MAX_ERRORS;
  const maxRows = opts.maxRows ?? REF_IMPORT_MAX_ROWS;
  const expected = refHeader(datasetId);
  const errors: RefRowError[] = [];
  let truncated = 0;
  const add = (row: number, e: RefFieldError) => {
    if (errors.length < maxErrors) errors.push({ row, ...e });
    else truncated += 1;
  };

  // Header (row 1)
  const rawHeader = opts.header ?? [...new Set(rawRows.flatMap((r) => Object.keys(r)))];
  const header = rawHeader.map(normaliseHeader);
  const headerSeen = new Set<string>();
  for (const h of header) {
    if (h === '') continue;
    if (headerSeen.has(h)) add(1, refFieldError(h, 'duplicate_column', { value: h }));
    else if (!expected.includes(h)) add(1, refFieldError(h, 'unknown_column', { value: h, expected: expected.join(', ') }));
    headerSeen.add(h);
  }
  for (const f of expected) if (!headerSeen.has(f)) add(1, refFieldError(f, 'missing_column', { value: f }));
  if (errors.length) return { ok: false, errors, truncated };

  // Data rows
  const rows: RefRowMap[Id][] = [];
  const rowNumbers: number[] = [];
  const firstRowOfKey = new Map<string, number>();
  let dataRows = 0;
  rawRows.forEach((raw, i) => {
    const rowNo = i + 2; // header is spreadsheet row 1
    const cells = new Map<string, unknown>();
    for (const [k, v] of Object.entries(raw)) cells.set(normaliseHeader(k), v);
    if ([...cells.values()].every(isBlank)) return;
    dataRows += 1;
    if (dataRows > maxRows) return;
    let rowOk = true;
    for (const [k, v] of cells) {
      if (!expected.includes(k) && !isBlank(v)) {
        add(rowNo, refFieldError(k, 'extra_cells', { value: k }));
        rowOk = false;
      }
    }
    const value: Record<string, unknown> = {};
    for (const col of ds.columns) {
      const c = coerceRefCell(col.type, cells.get(col.field));
      if (c.ok) value[col.field] = c.value;
      else {
        add(rowNo, refFieldError(col.field, c.code));
        rowOk = false;
      }
    }
    if (!rowOk) return;
    const parsed = (ds.schema as z.ZodType<RefRowMap[Id]>).safeParse(value);
    if (!parsed.success) {
      for (const e of refIssuesToErrors(parsed.error.issues)) add(rowNo, e);
      return;
    }
    const key = String((parsed.data as { code: string }).code);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      add(rowNo, refFieldError('code', 'duplicate_key', { value: key, first }));
      return;
    }
    firstRowOfKey.set(key, rowNo);
    rows.push(parsed.data);
    rowNumbers.push(rowNo);
  });
  if (dataRows > maxRows) {
    return { ok: false, errors: [{ row: maxRows + 2, ...refFieldError('file', 'too_many_rows', { max: maxRows }) }], truncated: 0 };
  }
  if (dataRows === 0) add(2, refFieldError('file', 'empty_file'));
  if (errors.length) return { ok: false, errors, truncated };
  return { ok: true, rows, rowNumbers };
}

/**
 * Refuses references to codes that do not exist. `known(dataset)` answers the codes that will exist after the
 * change apart from the rows themselves (the database's codes, or none when the dataset is being replaced); codes of
 * the rows count for references into their own dataset (a province and its prefectures in the same file).
 */
export function findMissingReferences<Id extends RefDatasetId>(
  datasetId: Id,
  rows: readonly RefRowMap[Id][],
  rowNumbers: readonly number[],
  known: (dataset: RefDatasetId) => ReadonlySet<string>,
  maxErrors = REF_IMPORT_MAX_ERRORS,
): RefRowError[] {
  const ds = REF_DATASETS[datasetId];
  const own = new Set(rows.map((r) => (r as { code: string }).code));
  const errors: RefRowError[] = [];
  for (const ref of ds.references as readonly RefReference[]) {
    const target = REF_DATASETS[ref.dataset];
    const other = known(ref.dataset);
    rows.forEach((r, i) => {
      const v = (r as Record<string, unknown>)[ref.field];
      if (v === null || v === undefined || v === '') return;
      const code = String(v);
      if ((ref.dataset === datasetId && own.has(code)) || other.has(code)) return;
      if (errors.length >= maxErrors) return;
      errors.push({
        row: rowNumbers[i] ?? i + 2,
        ...refFieldError(ref.field, 'unknown_reference', { value: code, dataset: target.label.en, datasetZh: target.label.zh }),
      });
    });
  }
  return errors;
}
