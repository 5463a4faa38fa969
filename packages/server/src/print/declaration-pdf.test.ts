import type { ExportReturnView } from '@returntrace/domain';
import { describe, expect, it } from 'vitest';
import { beijingDateTime, declarationDocument, type PrintNames } from './declaration-pdf';

const party = { creditCode: '91440300MA5DHX8K1B', customsCode: '4403161001', name: '深圳华信电子有限公司' };
const view: ExportReturnView = {
  id: '11111111-1111-4111-8111-111111111111',
  unifiedNo: '202600000000000042',
  returnNo: '530126000007',
  status: 7,
  enterprise: { id: '22222222-2222-4222-8222-222222222222', ...party },
  collectorName: '林桂英',
  collectorType: 'enterprise',
  source: 'import_declaration_documents',
  collectedAt: '2026-03-01T16:30:00.000Z',
  competentOffice: { id: '33333333-3333-4333-8333-333333333333', code: '5301', nameZh: '皇岗海关', nameEn: 'Huanggang Customs' },
  filled: {
    importDeclarationNo: '530120261000000001', declaringUnit: party, declarantName: '李报关', consignee: party, consumerUnit: party,
    consigneeAddress: '深圳市福田区', consumerDistrict: '5301', declareDate: '2026-02-20', arrivalDate: null, returnCountry: 'USA',
    acceptingCustoms: '5301', tradeMode: '4561', billOfLading: 'COSU1', destinationCustoms: '5301',
  },
  input: {
    importDeclarationNo: '530120261000000001', disposals: ['destroy', 'other'], disposalOther: '捐赠', reasonCategories: ['trade', 'other'],
    reasons: ['TRD-02', 'OTH-02'], exportInspected: false, originalTradeMode: '0110',
    originalExportDeclarationNos: '530120250000123456/530120250000123457',
  },
  lines: [{ lineNo: 1, hsCode: '9503001000', supervisionCategory: '', goodsName: '塑料玩具', amount: '100.5', currency: 'USD', quantity: '3', unit: '007', weightKg: null, industrial: false }],
  rejection: null,
  attachmentCount: 0,
  allowedActions: [],
  lastOperatedAt: '2026-03-02T01:00:00.000Z',
  createdAt: '2026-03-01T01:00:00.000Z',
  version: 3,
};
const names: PrintNames = {
  districts: new Map([['5301', '皇岗海关']]), countries: new Map([['USA', '美国']]), currencies: new Map([['USD', '美元']]),
  units: new Map([['007', '个']]), divisions: new Map(), reasons: new Map([['TRD-02', '订单取消']]),
};

describe('beijingDateTime', () => {
  it.each([
    ['2026-03-02T01:00:00.000Z', '2026-03-02 09:00:00'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01 00:00:00'],
    ['2026-07-01T15:59:59.999Z', '2026-07-01 23:59:59'],
  ])('%s → %s', (utc, bj) => {
    expect(beijingDateTime(utc)).toBe(bj);
  });
});

describe('declarationDocument', () => {
  const doc = declarationDocument({ view, receipts: [], attachments: [], names, printedAt: new Date('2026-03-02T01:00:00Z'), printedBy: '林桂英' });
  const all = JSON.stringify(doc.content);

  it('lays out the form: title, the three sections of the manual, attachments and receipts', () => {
    for (const s of ['出口退货申请', '"表头"', '"商品信息"', '"其他"', '"随附单据"', '统一编号[202600000000000042]的回执信息']) expect(all).toContain(s);
  });

  it('prints codes with their Chinese names, and the code alone when the name is unknown', () => {
    for (const s of ['USA 美国', '5301 皇岗海关', 'USD 美元', '007 个', 'TRD-02 订单取消', 'OTH-02', '7-人工审核通过', '530126000007']) expect(all).toContain(s);
    expect(all).toContain('"N-否"');
    expect(all).toContain('0110 一般贸易');
    expect(all).toContain('销毁、其他（其他：捐赠）');
    expect(all).toContain('530120250000123456 / 530120250000123457');
  });

  it('shows times in Beijing time and numbers pages in the footer', () => {
    expect(all).toContain('2026-03-02 00:30:00'); // collectedAt 16:30 UTC
    expect(doc.footer?.left).toContain('打印时间 2026-03-02 09:00:00（北京时间）');
    expect(doc.footer?.right).toBe('第 {page} 页 / 共 {pages} 页');
  });

  it('states when there are no receipts or attachments, and marks empty values', () => {
    expect(all).toContain('暂无回执');
    expect(all).toContain('无 (none)');
    expect(all).toContain('"—"');
  });
});
