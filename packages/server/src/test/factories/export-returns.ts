/** Demo parties and a complete, valid export-return input for tests of the declaration workflow. */
import { DEMO_ORGS } from '@returntrace/db/seed';
import { makeCreditCode, type ExportReturnInput } from '@returntrace/domain';
import type { PartyFixture } from './customs-declarations';

export function demoParty(slug: string): PartyFixture {
  const o = DEMO_ORGS.find((d) => d.slug === slug)!;
  return { creditCode: o.code, customsCode: o.customsCode ?? '', name: o.nameZh };
}

export const MANUFACTURER = { creditCode: makeCreditCode('91440300MA5FMK001'), customsCode: '4403160099', name: '深圳精工电子制造有限公司' };

/** Every yellow field filled: passes `checkExportReturn(…, { submit: true })` on 2026-03-02. */
export function validInput(importDeclarationNo: string, overrides: Partial<ExportReturnInput> = {}): ExportReturnInput {
  return {
    importDeclarationNo,
    consigneeAddress: '深圳市福田区华强北路1002号',
    consigneeContact: '王伟',
    consigneePhone: '0755-88880000',
    returnAgreementDate: '2026-02-20',
    consumerDistrict: '5301',
    disposals: ['domestic_sale'],
    lines: [{ lineNo: 1, weightKg: 12.5, industrial: true }],
    originalExportDeclarationNos: '530120250000000001/530120250000000002',
    manufacturer: MANUFACTURER,
    manufacturerContact: '张强',
    manufacturerPhone: '0755-66660000',
    manufacturerDivision: '440304',
    manufacturerOffice: '5301',
    exportInspected: false,
    originalTradeMode: '0110',
    reasonCategories: ['quality'],
    reasons: ['QUA-01'],
    reasonExplanation: '境外客户检测发现绝缘性能不合格',
    ...overrides,
  };
}
