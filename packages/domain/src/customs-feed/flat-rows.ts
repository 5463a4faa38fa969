/**
 * The flat row format of the customs feed (CSV / Excel): one row per goods line, the header columns repeated on
 * every line of a declaration. Column headers are bilingual (`报关单号 entryId`); a file may also use only the
 * Chinese label or only the camelCase key. Parsing names the spreadsheet row (header = row 1), the column and the
 * cell (A1 notation) of every error.
 */
import type { z } from 'zod';
import { localizeIssue } from '../i18n/problem-messages';
import { columnLetter, FEED_COLUMNS, FEED_HEADER_LABELS, feedColumnOf, feedHeaderLabel, type FeedColumn, type FeedColumnKind } from './columns';
import {
  deriveFeedHeader, FEED_MAX_LINES, type CustomsDeclaration, type CustomsDeclarationHeader, type CustomsDeclarationLine,
} from './declaration.schema';
import { FEED_HEADER_KEYS, FEED_LINE_KEYS, FeedFieldValidator } from './field-validator';
import { normaliseDateText } from './values';

export interface FeedRowError {
  /** spreadsheet row: the header is row 1 */
  row: number;
  /** the header cell as written in the file (or the column's bilingual label) */
  column: string;
  /** camelCase key of the column, or 'file' */
  field: string;
  /** A1 reference of the cell, when one cell is at fault */
  cell: string;
  code: string;
  message: string;
  messageZh: string;
}

const err = (row: number, column: string, field: string, cell: string, code: string, en: string, zh: string): FeedRowError =>
  ({ row, column, field, cell, code, message: en, messageZh: zh });

export interface FeedHeaderMap {
  /** column of each position of the file, null for a position without a header */
  columns: (FeedColumn | null)[];
  /** header text as written, per position */
  labels: string[];
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Reads the header row: unknown, repeated and missing required columns are errors on row 1. */
export function resolveFeedHeader(cells: readonly unknown[]): { ok: true; map: FeedHeaderMap } | { ok: false; errors: FeedRowError[] } {
  const errors: FeedRowError[] = [];
  const columns: (FeedColumn | null)[] = [];
  const labels: string[] = [];
  const seen = new Map<string, number>();
  cells.forEach((raw, i) => {
    const label = isBlank(raw) ? '' : String(raw).replace(/^\uFEFF/, '').trim();
    labels.push(label);
    if (label === '') return columns.push(null);
    const c = feedColumnOf(label);
    if (!c) {
      errors.push(err(1, label, label, `${columnLetter(i)}1`, 'unknown_column',
        `Unknown column "${label}"; the template lists the columns (e.g. "${FEED_HEADER_LABELS[0]}")`,
        `未知的列“${label}”；请参照模板中的列（如“${FEED_HEADER_LABELS[0]}”）`));
      return columns.push(null);
    }
    const first = seen.get(c.key);
    if (first !== undefined) {
      errors.push(err(1, label, c.key, `${columnLetter(i)}1`, 'duplicate_column',
        `Column ${c.key} appears twice (columns ${columnLetter(first)} and ${columnLetter(i)})`,
        `列“${c.zh}”重复出现（第 ${columnLetter(first)} 列和第 ${columnLetter(i)} 列）`));
      return columns.push(null);
    }
    seen.set(c.key, i);
    columns.push(c);
  });
  for (const c of FEED_COLUMNS) {
    if (c.required && !seen.has(c.key)) {
      errors.push(err(1, feedHeaderLabel(c), c.key, '', 'missing_column', `Missing column "${feedHeaderLabel(c)}"`, `缺少列“${feedHeaderLabel(c)}”`));
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, map: { columns, labels } };
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否']);

/** A cell as the value the schema expects; undefined for a blank cell (so that required fields say "Required"). */
function coerceCell(kind: FeedColumnKind, v: unknown): unknown {
  if (isBlank(v)) return kind === 'text' ? '' : undefined;
  switch (kind) {
    case 'text':
      return typeof v === 'string' ? v : String(v);
    case 'integer':
      if (typeof v === 'number') return v;
      return /^\s*\d{1,6}\s*$/.test(String(v)) ? Number(String(v).trim()) : String(v);
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const w = String(v).trim().toLowerCase();
      return TRUE_WORDS.has(w) ? true : FALSE_WORDS.has(w) ? false : String(v);
    }
    case 'date':
      // a date typed into a spreadsheet may arrive as its serial number (days since 1899-12-30)
      if (typeof v === 'number' && Number.isInteger(v) && v > 20_000 && v < 80_000) {
        return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
      }
      return normaliseDateText(String(v));
    case 'decimal':
      return typeof v === 'number' ? v : String(v);
  }
}

export interface FeedRow {
  row: number;
  header: CustomsDeclarationHeader;
  line: CustomsDeclarationLine;
  /** the header cells as read, one string, equal on every row of a declaration */
  headerKey: string;
}

export type FeedRowParse = { kind: 'row'; value: FeedRow } | { kind: 'errors'; errors: FeedRowError[] } | { kind: 'empty' };

/**
 * Parses one data row. `cache` remembers the last validated header cells so that the lines of a declaration
 * (consecutive rows with the same header cells) validate the header once.
 */
export function parseFeedRow(
  map: FeedHeaderMap, cells: readonly unknown[], row: number,
  cache: { key?: string; header?: CustomsDeclarationHeader; fields?: FeedFieldValidator } = {},
): FeedRowParse {
  if (cells.every(isBlank)) return { kind: 'empty' };
  cache.fields ??= new FeedFieldValidator();
  const errors: FeedRowError[] = [];
  const header: Record<string, unknown> = {};
  const line: Record<string, unknown> = {};
  const headerCells: string[] = [];
  const position = new Map<string, number>();
  cells.forEach((v, i) => {
    const c = map.columns[i];
    if (!c) {
      if (!isBlank(v)) {
        errors.push(err(row, map.labels[i] ?? '', `#${i + 1}`, `${columnLetter(i)}${row}`, 'extra_cell',
          `Column ${columnLetter(i)} has a value but no header`, `第 ${columnLetter(i)} 列有内容但没有表头`));
      }
      return;
    }
    position.set(c.key, i);
    const value = coerceCell(c.kind, v);
    if (c.level === 'header') {
      if (value !== undefined) header[c.key] = value;
      headerCells.push(`${c.key}=${value === undefined ? '' : String(value)}`);
    } else if (value !== undefined) line[c.key] = value;
  });
  const where = (key: string) => {
    const i = position.get(key) ?? map.columns.findIndex((c) => c?.key === key);
    return { column: i >= 0 ? map.labels[i] || key : key, cell: i >= 0 ? `${columnLetter(i)}${row}` : '' };
  };
  const addIssues = (issues: readonly z.core.$ZodIssue[]) => {
    for (const issue of issues) {
      const l = localizeIssue(issue);
      const key = l.field.split('.')[0] || 'row';
      const w = where(key);
      errors.push(err(row, w.column, key, w.cell, l.code, l.message, l.messageZh));
    }
  };
  const headerKey = headerCells.join('\u0001');
  let parsedHeader: CustomsDeclarationHeader | undefined;
  if (cache.key === headerKey && cache.header) parsedHeader = cache.header;
  else {
    const h = cache.fields.object(FEED_HEADER_KEYS, header);
    if (h.ok) {
      const d = deriveFeedHeader(h.value as unknown as CustomsDeclarationHeader);
      if (d.mismatch) {
        const w = where('direction');
        errors.push(err(row, w.column, 'direction', w.cell, d.mismatch.code, d.mismatch.en, d.mismatch.zh));
      } else {
        parsedHeader = d.value;
        cache.key = headerKey;
        cache.header = d.value;
      }
    } else addIssues(h.issues);
  }
  const l = cache.fields.object(FEED_LINE_KEYS, line);
  if (!l.ok) addIssues(l.issues);
  if (errors.length || !parsedHeader || !l.ok) return { kind: 'errors', errors };
  return { kind: 'row', value: { row, header: parsedHeader, line: l.value as unknown as CustomsDeclarationLine, headerKey } };
}

/** Upper bound of data rows in one uploaded file (larger files go through the bulk loader). */
export const FEED_UPLOAD_MAX_ROWS = 20_000;
export const FEED_MAX_ERRORS = 200;

export type FeedTableParse =
  | { ok: true; declarations: CustomsDeclaration[]; rows: number }
  | { ok: false; errors: FeedRowError[]; truncated: number };

/**
 * Parses a whole table (header row first) into declarations, all or nothing: every cell is checked, the header
 * columns of all rows of a declaration must agree, and a line number may appear once per declaration.
 */
export function parseFeedTable(table: readonly (readonly unknown[])[], opts: { maxRows?: number; maxErrors?: number } = {}): FeedTableParse {
  const maxRows = opts.maxRows ?? FEED_UPLOAD_MAX_ROWS;
  const maxErrors = opts.maxErrors ?? FEED_MAX_ERRORS;
  const head = resolveFeedHeader(table[0] ?? []);
  if (!head.ok) return { ok: false, errors: head.errors.slice(0, maxErrors), truncated: Math.max(0, head.errors.length - maxErrors) };
  const errors: FeedRowError[] = [];
  let truncated = 0;
  const add = (es: FeedRowError[]) => {
    for (const e of es) {
      if (errors.length < maxErrors) errors.push(e);
      else truncated += 1;
    }
  };
  const grouper = new FeedRowGrouper(head.map);
  const cache = {};
  let rows = 0;
  for (let i = 1; i < table.length; i += 1) {
    const r = parseFeedRow(head.map, table[i]!, i + 1, cache);
    if (r.kind === 'empty') continue;
    rows += 1;
    if (rows > maxRows) {
      return { ok: false, errors: [err(i + 1, '', 'file', '', 'too_many_rows',
        `At most ${maxRows} data rows per upload; load larger files with the bulk loader (npm run feed:load)`,
        `每次上传最多 ${maxRows} 行数据；更大的文件请使用批量装载工具（npm run feed:load）`)], truncated: 0 };
    }
    if (r.kind === 'errors') add(r.errors);
    else add(grouper.add(r.value));
  }
  if (rows === 0) add([err(2, '', 'file', '', 'empty_file', 'The file has no data rows', '文件中没有数据行')]);
  if (errors.length) return { ok: false, errors, truncated };
  return { ok: true, declarations: grouper.declarations(), rows };
}

/** Collects parsed rows into declarations, refusing rows that contradict an earlier row of the same declaration. */
export class FeedRowGrouper {
  private readonly byEntry = new Map<string, { first: FeedRow; lines: Map<number, { line: CustomsDeclarationLine; row: number }> }>();
  constructor(private readonly map: FeedHeaderMap) {}

  add(r: FeedRow): FeedRowError[] {
    const g = this.byEntry.get(r.header.entryId);
    if (!g) {
      this.byEntry.set(r.header.entryId, { first: r, lines: new Map([[r.line.lineNo, { line: r.line, row: r.row }]]) });
      return [];
    }
    if (g.first.headerKey !== r.headerKey) {
      const a = g.first.headerKey.split('\u0001');
      const b = r.headerKey.split('\u0001');
      const k = b.findIndex((x, i) => x !== a[i]);
      const key = (b[k] ?? a[k] ?? 'entryId').split('=')[0]!;
      const i = this.map.columns.findIndex((c) => c?.key === key);
      return [err(r.row, i >= 0 ? this.map.labels[i]! : key, key, i >= 0 ? `${columnLetter(i)}${r.row}` : '', 'header_mismatch',
        `Declaration ${r.header.entryId}: ${key} differs from row ${g.first.row}; header columns must be equal on every line`,
        `报关单 ${r.header.entryId}：该列与第 ${g.first.row} 行不一致；同一报关单各行的表头列必须相同`)];
    }
    const dup = g.lines.get(r.line.lineNo);
    if (dup) {
      const i = this.map.columns.findIndex((c) => c?.key === 'lineNo');
      return [err(r.row, this.map.labels[i] ?? 'lineNo', 'lineNo', `${columnLetter(i)}${r.row}`, 'duplicate_line_no',
        `Declaration ${r.header.entryId}: line ${r.line.lineNo} already on row ${dup.row}`,
        `报关单 ${r.header.entryId}：项号 ${r.line.lineNo} 已出现在第 ${dup.row} 行`)];
    }
    if (g.lines.size >= FEED_MAX_LINES) {
      return [err(r.row, '', 'lineNo', '', 'too_many_lines', `A declaration has at most ${FEED_MAX_LINES} lines`, `一份报关单最多 ${FEED_MAX_LINES} 项商品`)];
    }
    g.lines.set(r.line.lineNo, { line: r.line, row: r.row });
    return [];
  }

  declarations(): CustomsDeclaration[] {
    return [...this.byEntry.values()].map(({ first, lines }) => ({
      ...first.header,
      lines: [...lines.values()].map((x) => x.line).sort((a, b) => a.lineNo - b.lineNo),
    }));
  }
}

/** The cell text of a field value (what a template or an export writes). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** Declarations as flat rows under the bilingual header: the inverse of parseFeedTable. */
export function declarationsToFeedTable(decls: readonly CustomsDeclaration[]): string[][] {
  const out: string[][] = [[...FEED_HEADER_LABELS]];
  for (const d of decls) {
    const h = d as unknown as Record<string, unknown>;
    for (const l of d.lines) {
      const line = l as unknown as Record<string, unknown>;
      out.push(FEED_COLUMNS.map((c) => cellText(c.level === 'header' ? h[c.key] : line[c.key])));
    }
  }
  return out;
}
