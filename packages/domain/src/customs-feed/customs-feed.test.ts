import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../codes/credit-code';
import {
  customsDeclarationBatchSchema, customsDeclarationSchema, type CustomsDeclarationInput,
} from './declaration.schema';
import { FEED_HEADER_LABELS, columnLetter, feedColumnOf } from './columns';
import { declarationsToFeedTable, parseFeedTable } from './flat-rows';
import { PRICE_SPEC, QUANTITY_SPEC, normaliseDateText, parseDecimal, validateFeedDate } from './values';

const TRADER = makeCreditCode('91440300MA5DHX8K1');
const issueCodes = (r: { success: boolean; error?: { issues: unknown[] } }) =>
  (r.error?.issues ?? []).map((i) => {
    const x = i as { code: string; params?: { code?: string }; path: unknown[] };
    return `${x.path.join('.')}:${x.params?.code ?? x.code}`;
  });

const base = (): CustomsDeclarationInput => ({
  entryId: '530120251000000101',
  declareDate: '2025-03-04',
  ieDate: '2025-03-03',
  traderCreditCode: TRADER,
  traderCustomsCode: '4403161001',
  traderName: '深圳华信电子有限公司',
  countryCode: 'USA',
  tradeMode: '4561',
  lines: [
    { lineNo: 1, hsCode: '8517629900', goodsName: '无线路由器', quantity: '120', unit: '007', totalPrice: '3600.50', currency: 'USD', originCountry: 'CHN' },
    { lineNo: 2, hsCode: '85044014', goodsName: '电源适配器', quantity: 40.25, unit: '007', totalPrice: 0, currency: 'USD' },
  ],
});

describe('decimals are exact strings', () => {
  it.each([
    ['12.50', '12.5'], ['0012', '12'], [12.5, '12.5'], [0.1, '0.1'], ['+3', '3'], [1e-5, '0.00001'], ['100.00000', '100'],
  ])('%j → %s', (input, out) => {
    expect(parseDecimal(input, QUANTITY_SPEC)).toEqual({ ok: true, value: out });
  });
  it.each([
    [-1, 'decimal_negative'], ['-0.5', 'decimal_negative'], [Number.NaN, 'decimal_not_finite'],
    [Number.POSITIVE_INFINITY, 'decimal_not_finite'], ['NaN', 'decimal_format'], ['1e309', 'decimal_format'],
    ['12,5', 'decimal_format'], ['', 'decimal_format'], ['0', 'decimal_not_positive'], ['1.123456', 'decimal_scale'],
    [1e-7, 'decimal_scale'], ['123456789012345', 'decimal_too_large'], [1e21, 'decimal_too_large'], [true, 'decimal_type'],
  ])('quantity %j refused: %s', (input, code) => {
    const r = parseDecimal(input, QUANTITY_SPEC);
    expect(r.ok ? null : r.code).toBe(code);
  });
  it('a price may be zero but has 4 decimals at most', () => {
    expect(parseDecimal('0', PRICE_SPEC)).toEqual({ ok: true, value: '0' });
    expect(parseDecimal('1.00001', PRICE_SPEC).ok).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2025-02-28', null], ['2024-02-29', null], ['2025-02-30', 'date_invalid'], ['2025-02-29', 'date_invalid'],
    ['2025-13-01', 'date_invalid'], ['2025-3-1', 'date_format'], ['1989-12-31', 'date_range'], ['tomorrow', 'date_format'],
  ])('%s → %s', (s, code) => {
    const r = validateFeedDate(s);
    expect(r.ok ? null : r.code).toBe(code);
  });
  it('reads spreadsheet spellings', () => {
    expect(normaliseDateText('2025/3/1')).toBe('2025-03-01');
    expect(normaliseDateText('20250301')).toBe('2025-03-01');
    expect(normaliseDateText(' 2025.03.01 ')).toBe('2025-03-01');
  });
});

describe('customs declaration schema', () => {
  it('derives the direction and the declaring port, and stores decimals as strings', () => {
    const d = customsDeclarationSchema.parse(base());
    expect(d.direction).toBe('import');
    expect(d.declarePort).toBe('5301');
    expect(d.lines[1]).toMatchObject({ quantity: '40.25', totalPrice: '0', originCountry: '', supervisionCategory: '' });
    expect(d.withdrawn).toBe(false);
    expect(customsDeclarationSchema.parse({ ...base(), entryId: '531620250000000101' }).direction).toBe('export');
  });
  it.each<[string, (d: Record<string, unknown>) => void, string]>([
    ['bad entry id', (d) => { d.entryId = '53012025100000010'; }, 'entryId:declaration_number_length'],
    ['direction contradicts the 9th digit', (d) => { d.direction = 'export'; }, 'direction:direction_mismatch'],
    ['2025-02-30', (d) => { d.declareDate = '2025-02-30'; }, 'declareDate:date_invalid'],
    ['credit code check', (d) => { d.traderCreditCode = `${TRADER.slice(0, 17)}${TRADER[17] === 'A' ? 'B' : 'A'}`; }, 'traderCreditCode:credit_code_check'],
    ['customs code', (d) => { d.traderCustomsCode = '4403X61001'; }, 'traderCustomsCode:customs_code_region'],
    ['country alpha-2', (d) => { d.countryCode = 'US'; }, 'countryCode:country_alpha3'],
    ['trade mode', (d) => { d.tradeMode = '45'; }, 'tradeMode:trade_mode'],
    ['unknown field', (d) => { d.colour = 'red'; }, ':unrecognized_keys'],
    ['no lines', (d) => { d.lines = []; }, 'lines:too_small'],
  ])('refuses %s', (_name, change, expected) => {
    const d = base() as unknown as Record<string, unknown>;
    change(d);
    expect(issueCodes(customsDeclarationSchema.safeParse(d))).toContain(expected);
  });
  it.each<[string, Record<string, unknown>, string]>([
    ['negative quantity', { quantity: '-1' }, 'lines.0.quantity:decimal_negative'],
    ['NaN quantity', { quantity: 'NaN' }, 'lines.0.quantity:decimal_format'],
    ['bad HS code', { hsCode: '85176299' + 'X' }, 'lines.0.hsCode:hs_code_format'],
    ['currency', { currency: 'RMB' }, 'lines.0.currency:currency_code'],
    ['unit', { unit: '7' }, 'lines.0.unit:unit_code'],
    ['duplicate line number', { lineNo: 2 }, 'lines.0.lineNo:duplicate_line_no'],
  ])('refuses a line with %s', (_n, patch, expected) => {
    const d = base();
    d.lines[0] = { ...d.lines[0]!, ...patch } as never;
    const codes = issueCodes(customsDeclarationSchema.safeParse(d));
    expect(codes.some((c) => c === expected || c.replace('lines.1', 'lines.0') === expected)).toBe(true);
  });
  it('a batch names declarations.N.field and refuses a repeated entry id', () => {
    const bad = base();
    bad.declareDate = '2025-02-30';
    const r = customsDeclarationBatchSchema.safeParse({ declarations: [base(), bad, base()] });
    expect(issueCodes(r)).toContain('declarations.1.declareDate:date_invalid');
    const dup = customsDeclarationBatchSchema.safeParse({ declarations: [base(), base()] });
    expect(issueCodes(dup)).toContain('declarations.1.entryId:duplicate_entry_id');
  });
});

describe('flat rows', () => {
  const table = () => declarationsToFeedTable([customsDeclarationSchema.parse(base())]);

  it('round-trips declarations through the flat format', () => {
    const r = parseFeedTable(table());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.declarations).toEqual([customsDeclarationSchema.parse(base())]);
  });
  it('accepts Chinese-only, key-only and combined headers', () => {
    expect(feedColumnOf('报关单号')?.key).toBe('entryId');
    expect(feedColumnOf('ENTRYID')?.key).toBe('entryId');
    expect(feedColumnOf('\uFEFF报关单号 entryId')?.key).toBe('entryId');
    expect(feedColumnOf('启运国/运抵国')?.key).toBe('countryCode');
    expect(feedColumnOf('成交数量/quantity')?.key).toBe('quantity');
    expect(feedColumnOf('colour')).toBeUndefined();
  });
  it('names the row, column and cell of a bad value', () => {
    const t = table();
    const q = FEED_HEADER_LABELS.indexOf('成交数量 quantity');
    t[2]![q] = '-3';
    const d = FEED_HEADER_LABELS.indexOf('申报日期 declareDate');
    t[1]![d] = '2025-02-30';
    const r = parseFeedTable(t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 2, field: 'declareDate', column: '申报日期 declareDate', cell: `${columnLetter(d)}2`, code: 'date_invalid' }),
      expect.objectContaining({ row: 3, field: 'quantity', cell: `${columnLetter(q)}3`, code: 'decimal_negative' }),
    ]));
  });
  it.each<[string, (t: string[][]) => void, { row: number; code: string; field?: string }]>([
    ['unknown column', (t) => { t[0]!.push('颜色 colour'); t[1]!.push('red'); t[2]!.push('red'); }, { row: 1, code: 'unknown_column' }],
    ['missing required column', (t) => { for (const r of t) r.splice(FEED_HEADER_LABELS.indexOf('币制 currency'), 1); }, { row: 1, code: 'missing_column', field: 'currency' }],
    ['repeated column', (t) => { t[0]![1] = '报关单号'; }, { row: 1, code: 'duplicate_column' }],
    ['value without header', (t) => { t[2]!.push('stray'); }, { row: 3, code: 'extra_cell' }],
    ['header differs between lines', (t) => { t[2]![FEED_HEADER_LABELS.indexOf('境内收发货人名称 traderName')] = '别的公司'; }, { row: 3, code: 'header_mismatch', field: 'traderName' }],
    ['line number twice', (t) => { t[2]![FEED_HEADER_LABELS.indexOf('项号 lineNo')] = '1'; }, { row: 3, code: 'duplicate_line_no' }],
    ['line number not a number', (t) => { t[2]![FEED_HEADER_LABELS.indexOf('项号 lineNo')] = 'two'; }, { row: 3, code: 'invalid_type', field: 'lineNo' }],
    ['empty required cell', (t) => { t[1]![FEED_HEADER_LABELS.indexOf('成交数量 quantity')] = ''; }, { row: 2, code: 'required', field: 'quantity' }],
    ['withdrawn not a yes/no', (t) => { t[1]![FEED_HEADER_LABELS.indexOf('是否撤单 withdrawn')] = 'perhaps'; t[2]![FEED_HEADER_LABELS.indexOf('是否撤单 withdrawn')] = 'perhaps'; }, { row: 2, code: 'invalid_type', field: 'withdrawn' }],
    ['no data rows', (t) => { t.splice(1); }, { row: 2, code: 'empty_file' }],
  ])('refuses the file: %s', (_n, change, expected) => {
    const t = table();
    change(t);
    const r = parseFeedTable(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
  });
  it('refuses more rows than the upload allows', () => {
    const r = parseFeedTable(table(), { maxRows: 1 });
    expect(!r.ok && r.errors[0]!.code).toBe('too_many_rows');
  });
  it('reads typed spreadsheet cells and other date spellings', () => {
    const t: unknown[][] = table();
    t[1]![FEED_HEADER_LABELS.indexOf('申报日期 declareDate')] = '2025/3/4';
    t[2]![FEED_HEADER_LABELS.indexOf('申报日期 declareDate')] = '20250304';
    t[1]![FEED_HEADER_LABELS.indexOf('进出口日期 ieDate')] = 45719; // Excel serial of 2025-03-03
    t[2]![FEED_HEADER_LABELS.indexOf('进出口日期 ieDate')] = '2025-03-03';
    t[1]![FEED_HEADER_LABELS.indexOf('成交数量 quantity')] = 120;
    t[1]![FEED_HEADER_LABELS.indexOf('项号 lineNo')] = 1;
    const withdrawn = FEED_HEADER_LABELS.indexOf('是否撤单 withdrawn');
    t[1]![withdrawn] = '是';
    t[2]![withdrawn] = '是';
    const r = parseFeedTable(t);
    expect(r.ok && r.declarations[0]).toMatchObject({ declareDate: '2025-03-04', ieDate: '2025-03-03', withdrawn: true, lines: [{ quantity: '120' }, {}] });
  });
});
