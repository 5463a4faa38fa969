import {
  FEED_COLUMNS, FEED_HEADER_LABELS, FEED_UPLOAD_MAX_ROWS, declarationsToFeedTable, makeCreditCode,
  type CustomsDeclaration, type FeedRowError,
} from '@returntrace/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { ProblemError } from '../../errors';
import { cellValue, loadWorkbook } from '../../files/workbook';

export type FeedFileFormat = 'csv' | 'xlsx';

export const FEED_CONTENT_TYPES: Record<FeedFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const BOM = '\uFEFF';

const fileError = (row: number, code: string, message: string, messageZh: string): FeedRowError =>
  ({ row, column: '', field: 'file', cell: '', code, message, messageZh });

/** A 400 naming the first error's row and column; every error is listed in `errors`. */
export function feedRowsProblem(errors: readonly FeedRowError[], truncated = 0): ProblemError {
  const first = errors[0]!;
  const rows = new Set(errors.map((e) => e.row)).size;
  const where = `row ${first.row}${first.column ? `, column ${first.column}` : ''}`;
  const whereZh = `第 ${first.row} 行${first.column ? `“${first.column}”列` : ''}`;
  return new ProblemError(400, 'validation', {
    en: `The file was not loaded: ${errors.length + truncated} error(s) in ${rows} row(s); first on ${where}: ${first.message}`,
    zh: `文件未装载：${rows} 行共 ${errors.length + truncated} 处错误；首个错误在${whereZh}：${first.messageZh}`,
  }, errors.map((e) => ({ ...e })));
}

const unsupported = (en: string, zh: string) => new ProblemError(415, 'unsupported_media_type', { en, zh });

/** Reads an uploaded CSV (UTF-8) or XLSX (first sheet), told apart by content, into a table of cells. */
export async function readFeedUpload(buf: Buffer): Promise<{ format: FeedFileFormat; table: unknown[][] }> {
  if (buf.length >= 4 && buf.subarray(0, 4).equals(ZIP_MAGIC)) return { format: 'xlsx', table: await readXlsx(buf) };
  if (buf.length >= 4 && buf.subarray(0, 4).equals(OLE_MAGIC)) {
    throw unsupported('Legacy Excel .xls files are not supported: save as .xlsx or CSV UTF-8', '不支持旧版 Excel .xls 文件：请另存为 .xlsx 或 CSV UTF-8 格式');
  }
  return { format: 'csv', table: readCsv(buf) };
}

function readCsv(buf: Buffer): unknown[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw feedRowsProblem([fileError(1, 'not_utf8', 'The file is not UTF-8 text: save it as "CSV UTF-8" or upload the .xlsx workbook',
      '文件不是 UTF-8 编码：请另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 工作簿')]);
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  try {
    // one line beyond the limit, so that an oversized file is recognised without reading all of it
    return parse(text, { relax_column_count: true, skip_empty_lines: true, to_line: FEED_UPLOAD_MAX_ROWS + 2 }) as string[][];
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    throw feedRowsProblem([fileError(err.lines ?? 1, 'malformed_csv', `The CSV cannot be read: ${err.message ?? 'invalid CSV'}`,
      `无法读取 CSV 文件：${err.message ?? '格式错误'}`)]);
  }
}


async function readXlsx(buf: Buffer): Promise<unknown[][]> {
  const wb = await loadWorkbook(buf);
  const ws = wb.worksheets[0];
  if (!ws) throw feedRowsProblem([fileError(1, 'empty_file', 'The workbook has no sheet', '工作簿中没有工作表')]);
  if (ws.rowCount > FEED_UPLOAD_MAX_ROWS + 1) {
    throw feedRowsProblem([fileError(FEED_UPLOAD_MAX_ROWS + 2, 'too_many_rows',
      `At most ${FEED_UPLOAD_MAX_ROWS} data rows per upload; load larger files with the bulk loader (npm run feed:load)`,
      `每次上传最多 ${FEED_UPLOAD_MAX_ROWS} 行数据；更大的文件请使用批量装载工具（npm run feed:load）`)]);
  }
  const table: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellValue(row.getCell(c).value));
    table.push(cells);
  }
  return table;
}

/** The example row of the templates: a return of goods declared at Huanggang Customs (皇岗海关). */
export const TEMPLATE_EXAMPLE: CustomsDeclaration = {
  entryId: '530120251000000999', direction: 'import', declarePort: '5301', iePort: '5301', destinationPort: '5301',
  declareDate: '2025-06-16', ieDate: '2025-06-15', declaringUnitCreditCode: makeCreditCode('91440300MA5F2B7C1'),
  declaringUnitCustomsCode: '4403180A21', declaringUnitName: '深圳市中港通报关有限公司', declarantName: '陈晓东',
  traderCreditCode: makeCreditCode('91440300MA5J1N4W2'), traderCustomsCode: '4403963011', traderName: '深圳市星辰电子贸易有限公司',
  traderAddress: '深圳市福田区深南中路3031号', ownerCreditCode: makeCreditCode('91440300MA5J1N4W2'), ownerCustomsCode: '4403963011',
  ownerName: '深圳市星辰电子贸易有限公司', ownerDistrict: '5301', countryCode: 'USA', tradeMode: '4561', billOfLading: 'USA1234567',
  withdrawn: false,
  lines: [{
    lineNo: 1, hsCode: '8517629900', goodsName: '无线路由器', supervisionCategory: '法检', quantity: '120', unit: '001',
    totalPrice: '3600.5', currency: 'USD', originCountry: 'CHN',
  }],
};

/** CSV template: UTF-8 with BOM (Excel shows Chinese), bilingual header, one example row. */
export function feedTemplateCsv(): Buffer {
  const table = declarationsToFeedTable([TEMPLATE_EXAMPLE]);
  return Buffer.from(BOM + stringify(table, { record_delimiter: '\r\n' }), 'utf8');
}

/** XLSX template: the sheet to fill (text-formatted cells keep leading zeros), and a sheet explaining each column. */
export async function feedTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ReturnTrace';
  const ws = wb.addWorksheet('报关单 Declarations', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = FEED_COLUMNS.map((c, i) => ({
    header: FEED_HEADER_LABELS[i]!, key: c.key, width: Math.min(40, Math.max(14, c.zh.length * 2 + 4)), style: { numFmt: '@' },
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  FEED_COLUMNS.forEach((c, i) => {
    head.getCell(i + 1).note = `${c.zh} / ${c.en}${c.required ? '（必填 required）' : ''}`;
    if (c.required) head.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  });
  for (const row of declarationsToFeedTable([TEMPLATE_EXAMPLE]).slice(1)) ws.addRow(row);
  const info = wb.addWorksheet('说明 Columns');
  info.columns = [
    { header: '列 Column', key: 'label', width: 44 }, { header: '中文', key: 'zh', width: 30 },
    { header: 'English', key: 'en', width: 36 }, { header: '必填 Required', key: 'required', width: 14 },
    { header: '层级 Level', key: 'level', width: 12 },
  ];
  info.getRow(1).font = { bold: true };
  FEED_COLUMNS.forEach((c, i) => info.addRow({
    label: FEED_HEADER_LABELS[i], zh: c.zh, en: c.en, required: c.required ? '是 yes' : '否 no', level: c.level === 'header' ? '表头 header' : '表体 line',
  }));
  info.addRow({});
  info.addRow({ label: '每行一项商品，同一报关单的表头列在各行重复且必须一致 / One row per goods line; header columns repeat and must agree' });
  info.addRow({ label: '日期 YYYY-MM-DD；数量与金额为十进制数 / Dates YYYY-MM-DD; quantities and amounts are decimals' });
  info.addRow({ label: '只导入第一个工作表 / Only the first sheet is loaded' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
