/**
 * The printed export-return declaration (出口退货申请), laid out like the Single Window form (003 §4.1.1): header
 * (表头), goods lines (商品信息), other (其他), then the accompanying documents and the receipts (回执) history.
 * Pure: it turns the API view plus reference-data names into a document for the render worker.
 */
import {
  DISPOSAL_LABELS, EXPORT_RETURN_STATUS_LABELS, ORIGINAL_TRADE_MODE_LABELS, REASON_CATEGORY_LABELS,
  splitExportDeclarationNos, type Attachment, type ExportReturnView, type Party, type Receipt,
} from '@returntrace/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { PrintDocument } from './pdf-renderer';

/** Chinese names of the codes a declaration carries, looked up in reference data; a missing name prints the code alone. */
export interface PrintNames {
  districts: ReadonlyMap<string, string>;
  countries: ReadonlyMap<string, string>;
  currencies: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
  divisions: ReadonlyMap<string, string>;
  reasons: ReadonlyMap<string, string>;
}

export interface DeclarationPrintInput {
  view: ExportReturnView;
  /** newest first, as the receipts panel shows them */
  receipts: readonly Receipt[];
  attachments: readonly Attachment[];
  names: PrintNames;
  printedAt: Date;
  printedBy: string;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** `2026-03-02 09:00:00`: an instant in Beijing time (UTC+8, no daylight saving). */
export function beijingDateTime(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + BEIJING_OFFSET_MS);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

const dash = (s: string | null | undefined): string => (s === null || s === undefined || s.trim() === '' ? '—' : s);
const named = (code: string | null | undefined, names: ReadonlyMap<string, string>): string => {
  if (!code) return '—';
  const n = names.get(code);
  return n ? `${code} ${n}` : code;
};
const party = (p: Party | { creditCode: string; customsCode: string; name: string }): string =>
  [p.creditCode, p.customsCode, p.name].filter((x) => x && x.trim() !== '').join('  ') || '—';
const yesNo = (b: boolean | undefined): string => (b === undefined ? '—' : b ? 'Y-是' : 'N-否');
const statusText = (s: number): string => {
  const label = EXPORT_RETURN_STATUS_LABELS[s as keyof typeof EXPORT_RETURN_STATUS_LABELS];
  return label ? `${s}-${label.zh}` : String(s);
};
const sizeText = (bytes: number): string =>
  (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

const GREY = '#eeeeee';
const label = (text: string): TableCell => ({ text, style: 'label', fillColor: GREY });
const value = (text: string, colSpan?: number): TableCell => ({ text, style: 'value', ...(colSpan ? { colSpan } : {}) });
const head = (text: string): TableCell => ({ text, style: 'th', fillColor: GREY });

/** Label/value pairs laid out in rows of `perRow` pairs; a pair may span the rest of its row. */
function fieldGrid(pairs: readonly (readonly [string, string, 'wide'?])[], perRow = 3): Content {
  const body: TableCell[][] = [];
  let row: TableCell[] = [];
  const flush = () => {
    while (row.length > 0 && row.length < perRow * 2) row.push({ text: '' }, { text: '' });
    if (row.length) body.push(row);
    row = [];
  };
  for (const [l, v, wide] of pairs) {
    if (wide) {
      flush();
      const span = perRow * 2 - 1;
      body.push([label(l), value(v, span), ...Array.from({ length: span - 1 }, () => ({ text: '' }))]);
      continue;
    }
    row.push(label(l), value(v));
    if (row.length === perRow * 2) flush();
  }
  flush();
  const widths = Array.from({ length: perRow }, () => [62, '*'] as const).flat();
  return { table: { widths: [...widths], body, dontBreakRows: true }, layout: 'grid', margin: [0, 0, 0, 8] } as Content;
}

const section = (zh: string, en: string): Content => ({
  text: [{ text: zh, style: 'section' }, { text: `  ${en}`, style: 'sectionEn' }], margin: [0, 6, 0, 4],
});

function headerSection(v: ExportReturnView, n: PrintNames): Content[] {
  const f = v.filled;
  const i = v.input;
  const disposals = (i.disposals ?? []).map((d) => DISPOSAL_LABELS[d].zh).join('、');
  return [
    section('表头', 'Header'),
    fieldGrid([
      ['统一编号', v.unifiedNo],
      ['退货编号', dash(v.returnNo)],
      ['状态', statusText(v.status)],
      ['采集人', dash(v.collectorName)],
      ['采集机构类别', '企业'],
      ['采集时间', v.collectedAt ? beijingDateTime(v.collectedAt) : '—'],
      ['采集机构', party(v.enterprise), 'wide'],
      ['退货信息来源', '进境货物报关时提供的有效单证', 'wide'],
      ['进口报关单号', f.importDeclarationNo || i.importDeclarationNo],
      ['报关员', dash(f.declarantName)],
      ['报关日期', dash(f.declareDate)],
      ['报关单位', party(f.declaringUnit), 'wide'],
      ['收货人', party(f.consignee), 'wide'],
      ['收货人所在地', dash(i.consigneeAddress ?? f.consigneeAddress), 'wide'],
      ['收货联系人', dash(i.consigneeContact)],
      ['联系电话', dash(i.consigneePhone)],
      ['退货日期', dash(i.returnAgreementDate)],
      ['消费使用单位', party(f.consumerUnit), 'wide'],
      ['消费使用单位所在地关区', named(i.consumerDistrict ?? f.consumerDistrict, n.districts)],
      ['到港日期', dash(f.arrivalDate)],
      ['退货国家(地区)', named(f.returnCountry, n.countries)],
      ['受理报关机构', named(f.acceptingCustoms, n.districts)],
      ['海关贸易方式', dash(f.tradeMode)],
      ['提运单号', dash(f.billOfLading)],
      ['目的地海关', named(f.destinationCustoms, n.districts)],
      ['审核海关', v.competentOffice ? `${v.competentOffice.code} ${v.competentOffice.nameZh}` : '—'],
      ['拟处理方式', dash(disposals) + (i.disposals?.includes('other') && i.disposalOther ? `（其他：${i.disposalOther}）` : ''), 'wide'],
    ]),
  ];
}

function goodsSection(v: ExportReturnView, n: PrintNames): Content[] {
  const cols = ['序号', '货物HS编码', '监管类别名称', '货物名称', '退货金额', '退货金额单位', '退货数量', '数量单位', '退货重量', '重量单位', '是否属于工业品'];
  const right = (text: string): TableCell => ({ text, alignment: 'right' });
  const cell = (text: string): TableCell => ({ text });
  const rows: TableCell[][] = v.lines.map((l) => [
    cell(String(l.lineNo)), cell(l.hsCode), cell(dash(l.supervisionCategory)), cell(l.goodsName), right(l.amount),
    cell(named(l.currency, n.currencies)), right(l.quantity), cell(named(l.unit, n.units)),
    right(dash(l.weightKg)), cell('千克'), cell(l.industrial ? '是' : '否'),
  ]);
  const body = rows.length ? rows : [[{ text: '没有商品信息 (no goods lines)', colSpan: cols.length, alignment: 'center' }, ...cols.slice(1).map(() => ({ text: '' }))]];
  return [
    section('商品信息', 'Goods'),
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [18, 44, 38, '*', 44, 34, 40, 30, 36, 24, 30], body: [cols.map(head), ...body] },
      layout: 'grid', style: 'small', margin: [0, 0, 0, 8],
    } as Content,
  ];
}

function otherSection(v: ExportReturnView, n: PrintNames): Content[] {
  const i = v.input;
  const m = i.manufacturer;
  const exportNos = i.originalExportDeclarationNos ? splitExportDeclarationNos(i.originalExportDeclarationNos).join(' / ') : '—';
  const categories = (i.reasonCategories ?? []).map((c) => REASON_CATEGORY_LABELS[c].zh).join('、');
  const reasons = (i.reasons ?? []).map((c) => named(c, n.reasons)).join('；');
  const tradeMode = i.originalTradeMode ? `${i.originalTradeMode} ${ORIGINAL_TRADE_MODE_LABELS[i.originalTradeMode].zh}` : '—';
  return [
    section('其他', 'Other'),
    fieldGrid([
      ['原出口报关单号', exportNos, 'wide'],
      ['原生产企业', m ? party(m) : '—', 'wide'],
      ['原生产企业联系人', dash(i.manufacturerContact)],
      ['原生产企业联系电话', dash(i.manufacturerPhone)],
      ['出口是否法检', yesNo(i.exportInspected)],
      ['原生产企业行政区划', named(i.manufacturerDivision, n.divisions)],
      ['原生产企业所属机构', named(i.manufacturerOffice, n.districts)],
      ['关联报关单原出口监管方式', tradeMode],
      ['退货原因类别', dash(categories), 'wide'],
      ['具体退运原因', dash(reasons), 'wide'],
      ['退货原因具体说明', dash(i.reasonExplanation), 'wide'],
    ]),
  ];
}

function rejectionSection(v: ExportReturnView): Content[] {
  if (!v.rejection) return [];
  const reasons = v.rejection.reasons.map((r) => `${r.code} ${r.zh}`).join('；');
  return [
    section('退单原因', 'Rejection'),
    fieldGrid([['退单回执', v.rejection.messageZh, 'wide'], ...(reasons ? [['退单原因', reasons, 'wide'] as const] : [])]),
  ];
}

function attachmentsSection(list: readonly Attachment[]): Content[] {
  const body: TableCell[][] = list.map((a, idx) => [
    { text: String(idx + 1) }, { text: a.fileName }, { text: a.mediaType }, { text: sizeText(a.size), alignment: 'right' },
    { text: beijingDateTime(a.uploadedAt) },
  ]);
  return [
    section('随附单据', 'Accompanying documents'),
    list.length === 0
      ? { text: '无 (none)', style: 'value', margin: [0, 0, 0, 8] }
      : {
        table: { headerRows: 1, dontBreakRows: true, widths: [18, '*', 70, 50, 90], body: [['序号', '文件名', '类型', '大小', '上传时间'].map(head), ...body] },
        layout: 'grid', style: 'small', margin: [0, 0, 0, 8],
      } as Content,
  ];
}

function receiptsSection(unifiedNo: string, receipts: readonly Receipt[]): Content[] {
  const body: TableCell[][] = receipts.map((r, idx) => [
    { text: String(idx + 1) }, { text: statusText(r.status) },
    { text: r.messageZh + (r.reasons.length ? `（${r.reasons.map((x) => x.zh).join('；')}）` : '') },
    { text: beijingDateTime(r.at) },
  ]);
  return [
    section(`统一编号[${unifiedNo}]的回执信息`, 'Receipts'),
    receipts.length === 0
      ? { text: '暂无回执 (no receipts yet)', style: 'value' }
      : {
        table: { headerRows: 1, dontBreakRows: true, widths: [18, 110, '*', 90], body: [['序号', '审核状态', '回执内容', '回执时间'].map(head), ...body] },
        layout: 'grid', style: 'small',
      } as Content,
  ];
}

/** The whole printable document for one declaration. */
export function declarationDocument(p: DeclarationPrintInput): PrintDocument {
  const v = p.view;
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    info: { title: `出口退货申请 ${v.unifiedNo}`, subject: 'Export return declaration', creator: 'ReturnTrace 出口退运追溯与风险预警平台', producer: 'ReturnTrace' },
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, alignment: 'center' },
      subtitle: { fontSize: 9, alignment: 'center', color: '#555555' },
      section: { fontSize: 11, color: '#1f3a93' },
      sectionEn: { fontSize: 8, color: '#777777' },
      label: { fontSize: 8, color: '#333333' },
      value: { fontSize: 9 },
      th: { fontSize: 7.5 },
      small: { fontSize: 7.5 },
    },
    content: [
      { text: '出口退货申请', style: 'title' },
      { text: `Export return declaration · 统一编号 ${v.unifiedNo} · 状态 ${statusText(v.status)}`, style: 'subtitle', margin: [0, 2, 0, 8] },
      ...headerSection(v, p.names),
      ...goodsSection(v, p.names),
      ...otherSection(v, p.names),
      ...rejectionSection(v),
      ...attachmentsSection(p.attachments),
      ...receiptsSection(v.unifiedNo, p.receipts),
    ],
    footer: {
      left: `统一编号 ${v.unifiedNo}　打印时间 ${beijingDateTime(p.printedAt)}（北京时间）　打印人 ${p.printedBy}`,
      right: '第 {page} 页 / 共 {pages} 页',
    },
  };
}
