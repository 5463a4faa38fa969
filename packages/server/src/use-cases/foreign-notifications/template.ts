/** The import template of foreign notifications: the header row (field names), with Chinese and English labels. */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { FOREIGN_NOTIFICATION_COLUMNS } from '@returntrace/domain';
import { CONTENT_TYPES } from '../refdata/files';

export async function notificationTemplate(format: 'csv' | 'xlsx') {
  const fileName = `foreign-notifications-template.${format}`;
  const header = FOREIGN_NOTIFICATION_COLUMNS.map((c) => c.field);
  if (format === 'csv') {
    // BOM so that Excel shows Chinese correctly
    return { fileName, contentType: CONTENT_TYPES.csv, body: Buffer.from(`\uFEFF${stringify([header], { record_delimiter: '\r\n' })}`, 'utf8') };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ReturnTrace';
  const ws = wb.addWorksheet('notifications', { views: [{ state: 'frozen', ySplit: 1 }] });
  // every column is text, so that HS codes keep their leading zeros and dates stay as typed
  ws.columns = header.map((h) => ({ header: h, key: h, width: h === 'reason' || h === 'product' ? 36 : 16, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  FOREIGN_NOTIFICATION_COLUMNS.forEach((c, i) => {
    ws.getRow(1).getCell(i + 1).note = `${c.label.zh} / ${c.label.en}${c.required ? '（必填 required）' : ''}`;
  });
  const info = wb.addWorksheet('说明 Columns');
  info.columns = [
    { header: '列 Column', key: 'field', width: 20 }, { header: '中文', key: 'zh', width: 20 },
    { header: 'English', key: 'en', width: 24 }, { header: '必填 Required', key: 'req', width: 14 },
  ];
  info.getRow(1).font = { bold: true };
  for (const c of FOREIGN_NOTIFICATION_COLUMNS) info.addRow({ field: c.field, zh: c.label.zh, en: c.label.en, req: c.required ? '是 yes' : '否 no' });
  info.addRow({});
  info.addRow({ field: 'country', zh: '二位/三位字母代码或中文名称', en: 'Alpha-2, alpha-3 or the Chinese name' });
  info.addRow({ field: 'date', zh: '格式 2026-03-01', en: 'Format 2026-03-01' });
  info.addRow({ field: 'hsCode', zh: 'HS 编码或前 2-10 位', en: 'HS code or its first 2-10 digits' });
  return { fileName, contentType: CONTENT_TYPES.xlsx, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
