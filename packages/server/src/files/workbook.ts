import ExcelJS from 'exceljs';
import { ProblemError } from '../errors';
import { checkZip } from './zip-guard';

const unsupported = (en: string, zh: string) => new ProblemError(415, 'unsupported_media_type', { en, zh });

/**
 * Opens an uploaded .xlsx workbook. The ZIP container is checked first (entry count, unpacked size, ZIP64,
 * encryption), because exceljs would inflate a zip bomb into memory before any row limit applies.
 */
export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const zip = checkZip(buf);
  if (!zip.ok) throw unsupported(`The workbook was refused: ${zip.reason}`, `工作簿被拒绝：${zip.reasonZh}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw unsupported('The file looks like a ZIP archive but is not a readable .xlsx workbook', '文件不是可读取的 .xlsx 工作簿');
  }
  return wb;
}

/** A cell as a plain value: rich text joined, formulas by their result, hyperlinks by their text, dates as days. */
export function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return (v as ExcelJS.CellHyperlinkValue).text;
  if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  return String(v);
}
