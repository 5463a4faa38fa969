/** Excel export of a query result (at most 10 000 rows), audited as an export. */
import { EXPORT_RETURN_STATUS_LABELS, isExportReturnStatus, type ExportReturnQuery, type ExportReturnRow } from '@returntrace/domain';
import ExcelJS from 'exceljs';
import { auditAlone } from '../../audit/audit';
import type { Ctx } from '../../context';
import { allExportReturnRows, EXPORT_MAX_ROWS } from './query';

const COLUMNS: { key: keyof ExportReturnRow | 'statusLabel'; header: string; width: number }[] = [
  { key: 'unifiedNo', header: '统一编号 Unified no.', width: 22 },
  { key: 'returnNo', header: '退货编号 Return no.', width: 16 },
  { key: 'importDeclarationNo', header: '进口报关单号 Import declaration no.', width: 22 },
  { key: 'status', header: '状态码 Status', width: 10 },
  { key: 'statusLabel', header: '状态 Status', width: 26 },
  { key: 'consigneeCode', header: '收货人代码 Consignee code', width: 20 },
  { key: 'consigneeName', header: '收货人名称 Consignee', width: 30 },
  { key: 'manufacturerCode', header: '原生产企业代码 Manufacturer code', width: 20 },
  { key: 'manufacturerName', header: '原生产企业名称 Manufacturer', width: 30 },
  { key: 'enterpriseName', header: '采集机构 Enterprise', width: 30 },
  { key: 'collectorName', header: '采集人 Collector', width: 12 },
  { key: 'collectedAt', header: '采集时间 Collected at', width: 22 },
  { key: 'totalAmount', header: '总金额 Total amount', width: 16 },
  { key: 'lastOperatedAt', header: '最近操作时间 Last operation', width: 22 },
];

/** A cell that a spreadsheet would evaluate as a formula is written as text (CSV/Excel injection). */
const inert = (v: unknown): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

export async function exportExportReturnsXlsx(ctx: Ctx, q: ExportReturnQuery): Promise<{ buffer: Buffer; rows: number; total: number }> {
  const { rows, total } = await allExportReturnRows(ctx, q);
  const wb = new ExcelJS.Workbook();
  wb.created = ctx.clock.now();
  const ws = wb.addWorksheet('出口退货 Export returns');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } }));
  for (const r of rows) {
    const label = isExportReturnStatus(r.status) ? EXPORT_RETURN_STATUS_LABELS[r.status] : null;
    ws.addRow(COLUMNS.map((c) => (c.key === 'statusLabel' ? (label ? `${label.zh} ${label.en}` : '') : inert(r[c.key]))));
  }
  ws.getRow(1).font = { bold: true };
  if (total > EXPORT_MAX_ROWS) ws.addRow([`仅导出前 ${EXPORT_MAX_ROWS} 条（共 ${total} 条） Only the first ${EXPORT_MAX_ROWS} of ${total} rows are exported`]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await auditAlone(ctx, { action: 'export_return.export', objectType: 'export_return', detail: { rows: rows.length, total, query: q } });
  return { buffer, rows: rows.length, total };
}
