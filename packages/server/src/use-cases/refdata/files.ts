import {
  REF_DATASETS, REF_IMPORT_MAX_ROWS, formatRefCell, refFieldError, refHeader, type RefDatasetId, type RefFileFormat,
  type RefRowError,
} from '@returntrace/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { ProblemError } from '../../errors';
import { cellValue, loadWorkbook } from '../../files/workbook';

/** An uploaded sheet: its header row and the data rows keyed by header (cells under no header by `#<column>`). */
export interface ParsedSheet {
  format: RefFileFormat;
  header: string[];
  rows: Record<string, unknown>[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = '\uFEFF';

export const CONTENT_TYPES: Record<RefFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A 400 for a file that cannot be read at all, naming the spreadsheet row when known. */
export function fileProblem(errors: RefRowError[]): ProblemError {
  const first = errors[0];
  return new ProblemError(400, 'validation', {
    en: `The file was not imported: ${first?.message ?? 'it cannot be read'}`,
    zh: `文件未导入：${first?.messageZh ?? '无法读取'}`,
  }, errors);
}

const unsupported = (en: string, zh: string) => new ProblemError(415, 'unsupported_media_type', { en, zh });

/** Reads CSV (UTF-8, with or without BOM) or XLSX (first sheet), told apart by content, never by file name. */
export async function parseRefFile(buf: Buffer): Promise<ParsedSheet> {
  if (buf.length >= 4 && buf.subarray(0, 4).equals(ZIP_MAGIC)) return parseXlsx(buf);
  if (buf.length >= 4 && buf.subarray(0, 4).equals(OLE_MAGIC)) {
    throw unsupported('Legacy Excel .xls files are not supported: save the workbook as .xlsx or as CSV UTF-8',
      '不支持旧版 Excel .xls 文件：请另存为 .xlsx 或 CSV UTF-8 格式');
  }
  return parseCsv(buf);
}

function toRecords(table: unknown[][]): { header: string[]; rows: Record<string, unknown>[] } {
  const headerCells = (table[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v)));
  const keys = headerCells.map((h, i) => (h.trim() === '' ? `#${i + 1}` : h));
  const header = headerCells.filter((h) => h.trim() !== '');
  const rows = table.slice(1).map((cells) => {
    const rec: Record<string, unknown> = {};
    cells.forEach((v, i) => {
      rec[keys[i] ?? `#${i + 1}`] = v;
    });
    return rec;
  });
  return { header, rows };
}

function tooMany(): ProblemError {
  return fileProblem([{ row: REF_IMPORT_MAX_ROWS + 2, ...refFieldError('file', 'too_many_rows', { max: REF_IMPORT_MAX_ROWS }) }]);
}

function parseCsv(buf: Buffer): ParsedSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw fileProblem([{ row: 1, ...refFieldError('file', 'not_utf8') }]);
  }
  if (text.includes('\u0000')) throw fileProblem([{ row: 1, ...refFieldError('file', 'not_utf8') }]);
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  let table: string[][];
  try {
    table = parse(text, { relax_column_count: true, skip_empty_lines: false, to_line: REF_IMPORT_MAX_ROWS + 2 }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    throw fileProblem([{
      row: err.lines ?? 1,
      ...refFieldError('file', 'malformed_csv', { reason: (err.message ?? 'invalid CSV').replace(/^Invalid [^:]*: /, '') }),
    }]);
  }
  if (table.length > REF_IMPORT_MAX_ROWS + 1) throw tooMany();
  return { format: 'csv', ...toRecords(table) };
}


async function parseXlsx(buf: Buffer): Promise<ParsedSheet> {
  const wb = await loadWorkbook(buf);
  const ws = wb.worksheets[0];
  if (!ws) throw fileProblem([{ row: 1, ...refFieldError('file', 'empty_file') }]);
  if (ws.rowCount > REF_IMPORT_MAX_ROWS + 1) throw tooMany();
  const table: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellValue(row.getCell(c).value));
    table.push(cells);
  }
  return { format: 'xlsx', ...toRecords(table) };
}

/** CSV with a UTF-8 BOM (so that Excel shows Chinese correctly) and the camelCase header row. */
export function toCsv(id: RefDatasetId, rows: readonly Record<string, unknown>[]): Buffer {
  const cols = REF_DATASETS[id].columns;
  const body = stringify([refHeader(id), ...rows.map((r) => cols.map((c) => formatRefCell(r[c.field])))], { record_delimiter: '\r\n' });
  return Buffer.from(UTF8_BOM + body, 'utf8');
}

/**
 * XLSX: the first sheet holds the data under the camelCase header (so that an export imports back unchanged), each
 * header cell carrying its Chinese and English label as a note; a second sheet explains the columns.
 */
export async function toXlsx(id: RefDatasetId, rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const ds = REF_DATASETS[id];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ReturnTrace';
  const ws = wb.addWorksheet(id, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ds.columns.map((c) => ({
    header: c.field,
    key: c.field,
    width: c.field.startsWith('name') ? 40 : 14,
    // text columns stay text, so that codes such as 035 keep their leading zeros when edited
    ...(c.type === 'text' || c.type === 'nullableText' ? { style: { numFmt: '@' } } : {}),
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  ds.columns.forEach((c, i) => {
    head.getCell(i + 1).note = `${c.label.zh} / ${c.label.en}`;
  });
  for (const r of rows) {
    ws.addRow(ds.columns.map((c) => {
      const v = r[c.field];
      return v === undefined ? null : (v as ExcelJS.CellValue);
    }));
  }
  const info = wb.addWorksheet('说明 Columns');
  info.columns = [
    { header: '列 Column', key: 'field', width: 16 },
    { header: '中文', key: 'zh', width: 20 },
    { header: 'English', key: 'en', width: 24 },
    { header: '类型 Type', key: 'type', width: 14 },
  ];
  info.getRow(1).font = { bold: true };
  for (const c of ds.columns) info.addRow({ field: c.field, zh: c.label.zh, en: c.label.en, type: c.type });
  info.addRow({});
  info.addRow({ field: `${ds.label.zh} ${ds.label.en}`, zh: '只导入第一个工作表', en: 'Only the first sheet is imported' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function refFileName(id: RefDatasetId, format: RefFileFormat, suffix: string): string {
  return `refdata-${id}${suffix ? `-${suffix}` : ''}.${format}`;
}
