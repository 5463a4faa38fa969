import { describe, expect, it } from 'vitest';
import { beijingDate, subtractWorkingDays } from './beijing-time';
import {
  CUSTOMS_RULES, DEFAULT_EXPORT_RETURN_AUDIT_POLICY, evaluateRules, exportReturnAuditPolicySchema, type CustomsProcessingFacts,
} from './eaudit.rules';
import { isIndustrialHsCode } from './industrial';
import { formatReturnNo, formatUnifiedNo } from './numbering';
import { isOverdue, overdueCutoff } from './overdue';

const facts = (over: Partial<CustomsProcessingFacts> = {}): CustomsProcessingFacts => ({
  importDeclarationNo: '530120261000000001',
  importDeclaration: { withdrawn: false },
  lines: [{ lineNo: 1, industrial: true }],
  approvedReturnsOnSameImport: [],
  unknownExportDeclarationNos: [],
  ...over,
});
const fired = (stage: 'receipt' | 'eaudit', f: CustomsProcessingFacts, rules = DEFAULT_EXPORT_RETURN_AUDIT_POLICY.rules) =>
  evaluateRules(stage, f, rules).fired.map((r) => r.id);

describe('customs processing rules', () => {
  it.each([
    ['a clean declaration passes both stages', facts(), [], []],
    ['withdrawn import declaration: refused at receipt', facts({ importDeclaration: { withdrawn: true } }), ['receipt.import_declaration_withdrawn'], []],
    ['import declaration gone from the feed', facts({ importDeclaration: null }), ['receipt.import_declaration_missing'], []],
    ['already approved return on the same import', facts({ approvedReturnsOnSameImport: [{ unifiedNo: '1', returnNo: '530126000001' }] }), [], ['eaudit.already_approved_for_import']],
    ['no industrial line', facts({ lines: [{ lineNo: 1, industrial: false }, { lineNo: 2, industrial: false }] }), [], ['eaudit.no_industrial_goods']],
    ['no lines at all', facts({ lines: [] }), [], ['eaudit.no_industrial_goods']],
    ['one industrial line among food', facts({ lines: [{ lineNo: 1, industrial: false }, { lineNo: 2, industrial: true }] }), [], []],
    ['unknown export declarations: off by default', facts({ unknownExportDeclarationNos: ['530120250000000001'] }), [], []],
    ['every e-audit reason at once', facts({ lines: [], approvedReturnsOnSameImport: [{ unifiedNo: '1', returnNo: null }] }), [], ['eaudit.already_approved_for_import', 'eaudit.no_industrial_goods']],
  ])('%s', (_n, f, receipt, eaudit) => {
    expect(fired('receipt', f)).toEqual(receipt);
    expect(fired('eaudit', f)).toEqual(eaudit);
    expect(evaluateRules('eaudit', f, DEFAULT_EXPORT_RETURN_AUDIT_POLICY.rules).pass).toBe(eaudit.length === 0);
  });

  it('follows the policy switches; receipt rules cannot be switched off', () => {
    const f = facts({ lines: [], unknownExportDeclarationNos: ['530120250000000001'], importDeclaration: { withdrawn: true } });
    const rules = { 'eaudit.no_industrial_goods': false, 'eaudit.export_declarations_unknown': true, 'receipt.import_declaration_withdrawn': false };
    expect(fired('eaudit', f, rules)).toEqual(['eaudit.export_declarations_unknown']);
    expect(fired('receipt', f, rules)).toEqual(['receipt.import_declaration_withdrawn']);
  });

  it('every rule has a bilingual reason and a clause; the default policy is valid', () => {
    for (const r of CUSTOMS_RULES) {
      expect(r.reason.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.reason.en).toBeTruthy();
      expect(r.clause).toBeTruthy();
    }
    expect(exportReturnAuditPolicySchema.parse(DEFAULT_EXPORT_RETURN_AUDIT_POLICY)).toEqual(DEFAULT_EXPORT_RETURN_AUDIT_POLICY);
    expect(exportReturnAuditPolicySchema.safeParse({ ...DEFAULT_EXPORT_RETURN_AUDIT_POLICY, overdueDays: 0 }).success).toBe(false);
  });
});

describe('industrial default by HS chapter', () => {
  it.each([
    ['0101210000', false], ['0201100000', false], ['2204210000', false], ['2402200000', false],
    ['2501001000', true], ['3926909090', true], ['6109100010', true], ['8517130000', true], ['9503008900', true],
  ])('%s → %s', (hs, industrial) => expect(isIndustrialHsCode(hs)).toBe(industrial));
});

describe('overdue and dates (Beijing time, working days)', () => {
  const policy = { overdueDays: 3, overdueUnit: 'working' as const };
  it('uses the Beijing date', () => {
    expect(beijingDate(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    expect(beijingDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
  });
  it('skips weekends', () => {
    expect(subtractWorkingDays('2026-03-02', 3)).toBe('2026-02-25');
    expect(subtractWorkingDays('2026-03-04', 1)).toBe('2026-03-03');
  });
  it('marks overdue after N working days', () => {
    const now = new Date('2026-03-02T02:00:00.000Z'); // Monday
    expect(overdueCutoff(now, policy).toISOString()).toBe('2026-02-24T16:00:00.000Z');
    expect(isOverdue(new Date('2026-02-24T15:59:00.000Z'), now, policy)).toBe(true);
    expect(isOverdue(new Date('2026-02-24T16:00:00.000Z'), now, policy)).toBe(false);
    expect(isOverdue(null, now, policy)).toBe(false);
    expect(isOverdue(new Date('2026-02-26T02:00:00.000Z'), now, { overdueDays: 3, overdueUnit: 'calendar' })).toBe(true);
  });
});

describe('numbers', () => {
  it('formats unified and return numbers', () => {
    expect(formatUnifiedNo(2026, 42)).toBe('202600000000000042');
    expect(formatReturnNo('5301', 2026, 1)).toBe('530126000001');
  });
});
