/**
 * The printed collection form (出口退运货物追溯调查信息采集表, 000 §3.1.2): collection date, collector, collecting
 * organisation, source, returned-goods details (goods, batch value in USD, reasons, risk factors), proposed
 * investigating organisation, investigation contact, review opinion — and the proposed investigation type with the
 * rules that fired and any override. Pure: the API view plus reference names in, a document for the worker out.
 */
import {
  INVESTIGATION_TYPE_LABELS, RISK_INFO_STATE_LABELS, RISK_SOURCE_INFO, type RiskFactors, type RiskInfoView,
} from '@returntrace/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { beijingDateTime } from './declaration-pdf';
import type { PrintDocument } from './pdf-renderer';

export interface CollectionFormInput {
  view: RiskInfoView;
  /** Chinese names of the reason codes and the country */
  reasonNames: ReadonlyMap<string, string>;
  countryName: string | null;
  printedAt: Date;
  printedBy: string;
}

const FACTOR_LABELS: Record<keyof RiskFactors, string> = {
  safetyHealthEnv: '涉及安全、卫生、环保、健康不合格',
  technicalBarrier: '退运理由涉及技术性贸易壁垒',
  foreignOfficial: '被境外官方召回、下架或通报强制退回',
  overseasProjectEquipment: '对外承包工程项下复运进境设备、物资',
  inspectedAtExport: '出口时实施检验检疫',
  warningInForce: '警示通报仍在有效期内',
  higherRiskAssessed: '经风险评估为较大风险',
};

const dash = (s: string | null | undefined): string => (s === null || s === undefined || s.trim() === '' ? '—' : s);
const GREY = '#eeeeee';
const label = (text: string): TableCell => ({ text, style: 'label', fillColor: GREY });
const head = (text: string): TableCell => ({ text, style: 'th', fillColor: GREY });
const section = (zh: string, en: string): Content => ({
  text: [{ text: zh, style: 'section' }, { text: `  ${en}`, style: 'sectionEn' }], margin: [0, 6, 0, 4],
});

/** Label/value rows, two pairs a row; a wide pair spans the row. */
function grid(pairs: readonly (readonly [string, string, 'wide'?])[]): Content {
  const body: TableCell[][] = [];
  let row: TableCell[] = [];
  const flush = () => {
    if (row.length === 2) row.push({ text: '' }, { text: '' });
    if (row.length) body.push(row);
    row = [];
  };
  for (const [l, v, wide] of pairs) {
    if (wide) {
      flush();
      body.push([label(l), { text: v, style: 'value', colSpan: 3 }, { text: '' }, { text: '' }]);
      continue;
    }
    row.push(label(l), { text: v, style: 'value' });
    if (row.length === 4) flush();
  }
  flush();
  return { table: { widths: [78, '*', 78, '*'], body, dontBreakRows: true }, layout: 'grid', margin: [0, 0, 0, 8] } as Content;
}

const orgText = (o: { name: { zh: string } } | null): string => (o ? o.name.zh : '—');
const usd = (s: string | null): string => (s === null ? '无法计算（缺少金额或汇率）' : `USD ${Number(s).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

function goodsTable(v: RiskInfoView): Content {
  const cols = ['序号', '货物名称', '商品编码', '数量', '单位', '金额', '币制'];
  const rows: TableCell[][] = v.goods.map((g, i) => [
    { text: String(i + 1) }, { text: g.name }, { text: dash(g.hsCode) }, { text: g.quantity === undefined ? '—' : String(g.quantity), alignment: 'right' },
    { text: dash(g.unit) }, { text: g.amount === undefined ? '—' : String(g.amount), alignment: 'right' }, { text: dash(g.currency) },
  ]);
  const body = rows.length ? rows : [[{ text: '无货物明细 (no goods lines)', colSpan: cols.length, alignment: 'center' }, ...cols.slice(1).map(() => ({ text: '' }))]];
  return { table: { headerRows: 1, dontBreakRows: true, widths: [20, '*', 60, 50, 36, 60, 30], body: [cols.map(head), ...body] }, layout: 'grid', style: 'small', margin: [0, 0, 0, 6] } as Content;
}

function typeSection(v: RiskInfoView): Content[] {
  const d = v.typeDecision;
  const out: Content[] = [section('拟定调查方式', 'Proposed investigation type')];
  const pairs: [string, string, 'wide'?][] = [
    ['规则判定', d ? INVESTIGATION_TYPE_LABELS[d.type].zh : '—'],
    ['政策版本', d ? (d.policyVersion === null ? '文件默认值' : `第 ${d.policyVersion} 版`) : '—'],
  ];
  if (v.typeOverride) {
    pairs.push(['人工调整', INVESTIGATION_TYPE_LABELS[v.typeOverride.type].zh], ['调整人', `${v.typeOverride.by}  ${beijingDateTime(v.typeOverride.at)}`]);
    pairs.push(['调整理由', v.typeOverride.reason, 'wide']);
  }
  pairs.push(['最终调查方式', v.effectiveType ? INVESTIGATION_TYPE_LABELS[v.effectiveType].zh : '—', 'wide']);
  out.push(grid(pairs));
  if (d) {
    const rows: TableCell[][] = d.fired.map((f, i) => [
      { text: String(i + 1) }, { text: f.outcome === 'exclude' ? '排除' : INVESTIGATION_TYPE_LABELS[f.outcome].zh },
      { text: f.reason.zh + (f.detail ? `（${f.detail.zh}）` : '') + (f.suppressed ? '〔被排除条款抵消〕' : '') }, { text: f.clause },
    ]);
    out.push({ table: { headerRows: 1, dontBreakRows: true, widths: [20, 50, '*', 110], body: [['序号', '结论', '命中规则', '依据条款'].map(head), ...rows] }, layout: 'grid', style: 'small', margin: [0, 0, 0, 6] } as Content);
    if (d.valueUnknown) out.push({ text: '注：单批金额无法折算为美元，金额规则未参与判定。', style: 'small', margin: [0, 0, 0, 6] });
  }
  return out;
}

export function collectionFormDocument(p: CollectionFormInput): PrintDocument {
  const v = p.view;
  const c = v.collection;
  const source = RISK_SOURCE_INFO[v.source];
  const reasons = v.reasonCodes.map((code) => { const n = p.reasonNames.get(code); return n ? `${code} ${n}` : code; }).join('；');
  const factors = (Object.keys(FACTOR_LABELS) as (keyof RiskFactors)[]).filter((k) => v.factors[k]).map((k) => FACTOR_LABELS[k]).join('；');
  const enterprise = [v.enterpriseCreditCode, v.enterpriseName].filter(Boolean).join('  ') || (v.brand ? `品牌 ${v.brand}` : '—');
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    info: { title: `出口退运货物追溯调查信息采集表 ${v.infoNo}`, subject: 'Risk information collection form', creator: 'ReturnTrace 出口退运追溯与风险预警平台', producer: 'ReturnTrace' },
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, alignment: 'center' },
      subtitle: { fontSize: 9, alignment: 'center', color: '#555555' },
      section: { fontSize: 11, color: '#1f3a93' },
      sectionEn: { fontSize: 8, color: '#777777' },
      label: { fontSize: 8, color: '#333333' },
      value: { fontSize: 9 },
      th: { fontSize: 7.5 },
      small: { fontSize: 7.5 },
    },
    content: [
      { text: '出口退运货物追溯调查信息采集表', style: 'title' },
      { text: `Collection form · 编号 ${v.infoNo} · 状态 ${RISK_INFO_STATE_LABELS[v.state].zh}`, style: 'subtitle', margin: [0, 2, 0, 8] },
      section('采集信息', 'Collection'),
      grid([
        ['信息收集日期', c.collectedOn],
        ['采集人', dash(c.collectorName)],
        ['采集单位', orgText(c.collectingOrg)],
        ['信息来源', source ? source.label.zh : v.source],
        ['来源编号', dash(v.sourceRef)],
        ['发生日期', dash(v.occurredOn)],
        ['标题', v.title, 'wide'],
        ['情况描述', dash(v.description), 'wide'],
      ]),
      section('退运货物情况', 'Returned goods'),
      grid([
        ['进口报关单号', dash(v.importDeclarationNo)],
        ['退运申报', v.exportReturn ? `${v.exportReturn.returnNo ?? ''} ${v.exportReturn.unifiedNo}`.trim() : '—'],
        ['涉及企业', enterprise, 'wide'],
        ['国家(地区)', v.countryCode ? `${v.countryCode}${p.countryName ? ` ${p.countryName}` : ''}` : '—'],
        ['单批货值(美元)', usd(v.batchValueUsd)],
        ['退运原因', dash(reasons), 'wide'],
        ['风险因素', dash(factors), 'wide'],
      ]),
      goodsTable(v),
      section('调查安排', 'Investigation'),
      grid([
        ['拟调查机构', orgText(c.proposedInvestigatingOrg)],
        ['调查机构', orgText(v.investigatingOrg)],
        ['调查联系人', dash(c.contactName)],
        ['联系电话', dash(c.contactPhone)],
        ['审核意见', dash(c.reviewOpinion), 'wide'],
        ['审核人', dash(c.reviewedBy)],
        ['审核时间', c.reviewedAt ? beijingDateTime(c.reviewedAt) : '—'],
      ]),
      ...typeSection(v),
    ],
    footer: {
      left: `编号 ${v.infoNo}　打印时间 ${beijingDateTime(p.printedAt)}（北京时间）　打印人 ${p.printedBy}`,
      right: '第 {page} 页 / 共 {pages} 页',
    },
  };
}
