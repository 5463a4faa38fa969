import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customsCodeSchema, validateCustomsCode } from './customs-code';
import {
  declarationNumberSchema, exportDeclarationNumberSchema, importDeclarationNumberSchema, makeDeclarationNumberSchema,
  parseDeclarationNumber,
} from './declaration-number';
import { districtCodeSchema } from './district-code';
import { divisionCodeSchema } from './division-code';
import { hsCodeSchema, hsPrefixSchema } from './hs-code';

const paramsCode = (r: { success: boolean; error?: { issues: unknown[] } }): string | undefined =>
  (r.error?.issues[0] as { params?: { code?: string } } | undefined)?.params?.code;

describe('customs registration code', () => {
  it.each([
    ['4403160ABC', null],
    ['53019A0001', null],
    ['0101110000', null],
    ['4403160AB', 'customs_code_length'],
    ['4403160ABCD', 'customs_code_length'],
    ['4403160abc', 'customs_code_lowercase'],
    ['44A3160ABC', 'customs_code_district'],
    ['4403060ABC', 'customs_code_region'],
    ['4403X60ABC', 'customs_code_region'],
    ['4403100ABC', 'customs_code_nature'],
    ['44031-0ABC', 'customs_code_nature'],
    ['4403160AB-', 'customs_code_sequence'],
  ])('%s → %s', (input, code) => {
    const r = validateCustomsCode(input);
    expect(r.ok ? null : r.code).toBe(code);
    expect(paramsCode(customsCodeSchema.safeParse(input)) ?? null).toBe(code);
  });
});

describe('declaration number', () => {
  it('parses an import declaration number', () => {
    expect(parseDeclarationNumber('010120251000000892')).toEqual({
      ok: true, value: { district: '0101', year: 2025, direction: 'import', sequence: '000000892' },
    });
  });

  it('parses an export declaration number', () => {
    const r = parseDeclarationNumber('531620250000123456');
    expect(r.ok && r.value.direction).toBe('export');
  });

  it.each([
    ['01012025100000089', 'declaration_number_length'],
    ['0101202510000008921', 'declaration_number_length'],
    ['', 'declaration_number_length'],
    ['01012025100000089A', 'declaration_number_digits'],
    ['0101 2025100000089', 'declaration_number_digits'],
    ['010120252000000892', 'declaration_number_direction'],
    ['010119891000000892', 'declaration_number_year'],
    ['010121011000000892', 'declaration_number_year'],
  ])('%j → %s', (input, code) => {
    const r = parseDeclarationNumber(input);
    expect(r.ok ? null : r.code).toBe(code);
    expect(paramsCode(declarationNumberSchema.safeParse(input))).toBe(code);
  });

  it('takes the year bound as a parameter', () => {
    expect(parseDeclarationNumber('010120271000000892', { maxYear: 2026 }).ok).toBe(false);
    expect(parseDeclarationNumber('010120261000000892', { maxYear: 2026 }).ok).toBe(true);
    expect(makeDeclarationNumberSchema('import', { maxYear: 2026 }).safeParse('010120271000000892').success).toBe(false);
  });

  it('direction-specific schemas refuse the other direction with a clear message', () => {
    expect(importDeclarationNumberSchema.parse('010120251000000892')).toBe('010120251000000892');
    expect(exportDeclarationNumberSchema.parse('531620250000123456')).toBe('531620250000123456');
    const imp = importDeclarationNumberSchema.safeParse('531620250000123456');
    expect(paramsCode(imp)).toBe('declaration_number_not_import');
    expect(imp.error?.issues[0]?.message).toMatch(/export declaration number/);
    expect(paramsCode(exportDeclarationNumberSchema.safeParse('010120251000000892'))).toBe('declaration_number_not_export');
    expect(paramsCode(importDeclarationNumberSchema.safeParse('0101'))).toBe('declaration_number_length');
  });

  it('property: every well-formed number parses back to its parts', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
    fc.assert(
      fc.property(digits(4), fc.integer({ min: 1990, max: 2100 }), fc.boolean(), digits(9), (d, y, imp, seq) => {
        const r = parseDeclarationNumber(`${d}${y}${imp ? 1 : 0}${seq}`);
        expect(r).toEqual({ ok: true, value: { district: d, year: y, direction: imp ? 'import' : 'export', sequence: seq } });
      }),
    );
  });
});

describe('HS code and prefix', () => {
  it.each([
    ['8471300000', true],
    ['84713000', true],
    ['847130000', false],
    ['84713000001', false],
    ['847130000A', false],
    ['', false],
  ])('hsCodeSchema %j → %s', (input, ok) => {
    const r = hsCodeSchema.safeParse(input);
    expect(r.success).toBe(ok);
    if (!ok) expect(paramsCode(r)).toBe('hs_code_format');
  });

  it.each([
    ['84', true], ['8471', true], ['847130', true], ['84713000', true], ['8471300000', true],
    ['8', false], ['847', false], ['847130000', false], ['847130000000', false], ['8A', false], ['', false],
  ])('hsPrefixSchema %j → %s', (input, ok) => {
    const r = hsPrefixSchema.safeParse(input);
    expect(r.success).toBe(ok);
    if (!ok) expect(paramsCode(r)).toBe('hs_prefix_format');
  });
});

describe('district and division codes', () => {
  it.each([
    ['0101', null], ['5301', null], ['530', 'district_code_format'], ['53011', 'district_code_format'],
    ['53a1', 'district_code_format'],
  ])('district %j → %s', (input, code) => {
    expect(paramsCode(districtCodeSchema.safeParse(input)) ?? null).toBe(code);
  });

  it.each([
    ['440300', null], ['110000', null], ['820000', null], ['44030', 'division_code_format'],
    ['4403001', 'division_code_format'], ['44O300', 'division_code_format'], ['990000', 'division_code_province'],
    ['000000', 'division_code_province'],
  ])('division %j → %s', (input, code) => {
    expect(paramsCode(divisionCodeSchema.safeParse(input)) ?? null).toBe(code);
  });
});
