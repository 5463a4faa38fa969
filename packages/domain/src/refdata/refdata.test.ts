import { describe, expect, it } from 'vitest';
import {
  REF_DATASET_IDS, REF_DATASETS, coerceRefCell, findMissingReferences, formatRefCell, refHeader, refReferrers,
  validateImportRows, validateRefEntry, type RefDatasetId,
} from './index';

const valid: { [K in RefDatasetId]: Record<string, unknown> } = {
  'hs-sections': { code: 'XVI', nameZh: '机器', nameEn: 'Machinery', chapterFrom: '84', chapterTo: '85' },
  'hs-chapters': { code: '85', sectionCode: 'XVI', nameZh: '电机', nameEn: 'Electrical machinery' },
  countries: { code: 'CN', alpha3: 'CHN', numeric: '156', nameZh: '中国', nameEn: 'China' },
  currencies: { code: 'CNY', numeric: '156', nameZh: '人民币', nameEn: 'Yuan Renminbi', minorUnits: 2 },
  divisions: { code: '440304', nameZh: '福田区', level: 3, parentCode: '440300' },
  'customs-districts': { code: '5301', nameZh: '皇岗海关', nameEn: 'Huanggang Customs', direct: false, parentCode: '5300' },
  units: { code: '035', nameZh: '千克', nameEn: 'Kilogram' },
  'return-reasons': {
    code: 'QUA-01', category: 'quality', nameZh: '安全项目不合格', nameEn: 'Safety non-conformity', safetyHealthEnv: true,
    technicalBarrier: false, foreignOfficial: false, overseasProjectEquipment: false, sortOrder: 1, active: true,
  },
  'legal-inspection': { code: '851650', nameZh: '微波炉', nameEn: 'Microwave ovens', conditions: 'A' },
  'prohibited-imports': { code: '7204', nameZh: '钢铁废碎料', nameEn: 'Ferrous waste and scrap', basis: '禁止进口固体废物' },
  'usd-rates': { code: 'EUR-2026-03', currency: 'EUR', month: '2026-03', usdPerUnit: '1.0825' },
};

describe('registry', () => {
  it('describes every dataset with columns matching its schema', () => {
    for (const id of REF_DATASET_IDS) {
      const ds = REF_DATASETS[id];
      expect(ds.id).toBe(id);
      expect(ds.columns[0]?.field).toBe('code');
      expect(Object.keys(valid[id]).sort()).toEqual(refHeader(id).sort());
      expect(ds.schema.safeParse(valid[id]).success).toBe(true);
    }
  });
  it('refuses a return reason whose code prefix names another category', () => {
    const r = REF_DATASETS['return-reasons'].schema.safeParse({ ...valid['return-reasons'], category: 'trade' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['category']);
  });
  it('knows which datasets refer to which', () => {
    expect(refReferrers('hs-sections')).toEqual([{ dataset: 'hs-chapters', field: 'sectionCode' }]);
    expect(refReferrers('divisions')).toEqual([{ dataset: 'divisions', field: 'parentCode' }]);
    expect(refReferrers('units')).toEqual([]);
    expect(refReferrers('currencies')).toEqual([{ dataset: 'usd-rates', field: 'currency' }]);
  });
});

describe('row schemas', () => {
  const cases: [RefDatasetId, Record<string, unknown>, string, string][] = [
    ['hs-chapters', { code: '98' }, 'code', 'hs_chapter_code'],
    ['hs-chapters', { code: '00' }, 'code', 'hs_chapter_code'],
    ['hs-chapters', { code: '1' }, 'code', 'hs_chapter_code'],
    ['hs-chapters', { code: '' }, 'code', 'required'],
    ['hs-chapters', { sectionCode: 'XXIII' }, 'sectionCode', 'hs_section_code'],
    ['hs-sections', { code: 'IIII' }, 'code', 'hs_section_code'],
    ['hs-sections', { chapterFrom: '86' }, 'chapterTo', 'hs_chapter_range'],
    ['countries', { code: 'cn' }, 'code', 'country_code'],
    ['countries', { alpha3: 'CH' }, 'alpha3', 'country_alpha3'],
    ['countries', { numeric: '15' }, 'numeric', 'numeric3'],
    ['countries', { nameZh: '' }, 'nameZh', 'required'],
    ['countries', { nameEn: 'x'.repeat(201) }, 'nameEn', 'too_long'],
    ['countries', { nameEn: 'a\u0000b' }, 'nameEn', 'control_chars'],
    ['countries', { nameEn: '=HYPERLINK("x")' }, 'nameEn', 'formula_prefix'],
    ['units', { nameZh: '@千克' }, 'nameZh', 'formula_prefix'],
    ['currencies', { code: 'CN1' }, 'code', 'currency_code'],
    ['currencies', { minorUnits: 5 }, 'minorUnits', 'minor_units'],
    ['currencies', { minorUnits: 1.5 }, 'minorUnits', 'integer'],
    ['currencies', { minorUnits: '2' }, 'minorUnits', 'integer'],
    ['divisions', { code: '44030' }, 'code', 'division_code'],
    ['divisions', { level: 4 }, 'level', 'division_level'],
    ['divisions', { level: 2 }, 'level', 'division_level_mismatch'],
    ['divisions', { parentCode: '440000' }, 'parentCode', 'division_parent'],
    ['divisions', { parentCode: null }, 'parentCode', 'division_parent'],
    ['customs-districts', { code: '530' }, 'code', 'district_code'],
    ['customs-districts', { direct: true }, 'direct', 'district_direct'],
    ['customs-districts', { direct: 'no' }, 'direct', 'boolean'],
    ['customs-districts', { parentCode: '0100' }, 'parentCode', 'district_parent'],
    ['units', { code: '35' }, 'code', 'unit_code'],
    ['units', { code: 35 }, 'code', 'invalid_type'],
    ['units', { extra: 'x' }, 'extra', 'unknown_field'],
    ['legal-inspection', { code: '851' }, 'code', 'hs_prefix'],
    ['legal-inspection', { code: '85165000001' }, 'code', 'hs_prefix'],
    ['legal-inspection', { code: '8516.50' }, 'code', 'hs_prefix'],
    ['legal-inspection', { nameZh: '' }, 'nameZh', 'required'],
    ['legal-inspection', { conditions: 'a/b' }, 'conditions', 'inspection_conditions'],
    ['legal-inspection', { conditions: 'A//B' }, 'conditions', 'inspection_conditions'],
    ['prohibited-imports', { code: 'HS7204' }, 'code', 'hs_prefix'],
    ['prohibited-imports', { basis: '=cmd' }, 'basis', 'formula_prefix'],
    ['usd-rates', { currency: 'eur', code: 'eur-2026-03' }, 'currency', 'currency_code'],
    ['usd-rates', { month: '2026-13', code: 'EUR-2026-13' }, 'month', 'rate_month'],
    ['usd-rates', { month: '2026/03' }, 'month', 'rate_month'],
    ['usd-rates', { code: 'EUR-2026-04' }, 'code', 'rate_code'],
    ['usd-rates', { usdPerUnit: '0' }, 'usdPerUnit', 'usd_rate'],
    ['usd-rates', { usdPerUnit: '-1.2' }, 'usdPerUnit', 'usd_rate'],
    ['usd-rates', { usdPerUnit: '0.000000001' }, 'usdPerUnit', 'usd_rate'],
    ['usd-rates', { usdPerUnit: '1e3' }, 'usdPerUnit', 'usd_rate'],
  ];
  it.each(cases)('%s %j → %s %s', (id, patch, field, code) => {
    const r = validateRefEntry(id, { ...valid[id], ...patch });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.field === field);
    expect(e?.code).toBe(code);
    expect(e?.message).toBeTruthy();
    expect(e?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('accepts HS prefixes of every even length, conditions as printed and rates up to 8 decimals', () => {
    for (const code of ['85', '8516', '851650', '85165000', '8516500000']) expect(validateRefEntry('legal-inspection', { ...valid['legal-inspection'], code }).ok, code).toBe(true);
    for (const conditions of ['', 'A', 'B', 'A/B', 'M/N']) expect(validateRefEntry('legal-inspection', { ...valid['legal-inspection'], conditions }).ok, conditions).toBe(true);
    expect(validateRefEntry('usd-rates', { ...valid['usd-rates'], code: 'JPY-2026-03', currency: 'JPY', usdPerUnit: '0.00666667' }).ok).toBe(true);
    expect(validateRefEntry('usd-rates', { ...valid['usd-rates'], usdPerUnit: '7' }).ok).toBe(true);
  });

  it('accepts the tree rules of divisions and districts', () => {
    expect(validateRefEntry('divisions', { code: '440000', nameZh: '广东省', level: 1, parentCode: null }).ok).toBe(true);
    expect(validateRefEntry('divisions', { code: '440300', nameZh: '深圳市', level: 2, parentCode: '440000' }).ok).toBe(true);
    expect(validateRefEntry('customs-districts', { code: '0000', nameZh: '海关总署', nameEn: '', direct: false, parentCode: null }).ok).toBe(true);
    expect(validateRefEntry('customs-districts', { code: '5300', nameZh: '深圳海关', nameEn: 'Shenzhen', direct: true, parentCode: '0000' }).ok).toBe(true);
  });

  it('takes the code of an update from the address and refuses a different one', () => {
    const { code: _c, ...rest } = valid.units;
    const r = validateRefEntry('units', rest, { code: '035' });
    expect(r.ok && r.row.code).toBe('035');
    const bad = validateRefEntry('units', { ...valid.units, code: '036' }, { code: '035' });
    expect(!bad.ok && bad.errors[0]?.code).toBe('key_mismatch');
  });

  it('trims text', () => {
    const r = validateRefEntry('units', { code: ' 035 ', nameZh: ' 千克', nameEn: 'Kilogram ' });
    expect(r.ok && r.row).toEqual({ code: '035', nameZh: '千克', nameEn: 'Kilogram' });
  });
});

describe('cells', () => {
  it.each([
    ['text', ' a ', { ok: true, value: 'a' }],
    ['text', 35, { ok: true, value: '35' }],
    ['text', '', { ok: true, value: '' }],
    ['nullableText', '', { ok: true, value: null }],
    ['nullableText', null, { ok: true, value: null }],
    ['integer', '2', { ok: true, value: 2 }],
    ['integer', 2, { ok: true, value: 2 }],
    ['integer', '2.5', { ok: false, code: 'integer' }],
    ['integer', '', { ok: false, code: 'required' }],
    ['boolean', 'TRUE', { ok: true, value: true }],
    ['boolean', '否', { ok: true, value: false }],
    ['boolean', 0, { ok: true, value: false }],
    ['boolean', 'maybe', { ok: false, code: 'boolean' }],
    ['text', { richText: [] }, { ok: false, code: 'invalid_type' }],
  ] as const)('%s %j', (type, value, expected) => {
    expect(coerceRefCell(type, value)).toEqual(expected);
  });
  it('formats cells for export', () => {
    expect([formatRefCell(null), formatRefCell(true), formatRefCell(2), formatRefCell('x')]).toEqual(['', 'true', '2', 'x']);
  });
});

const csvRows = (header: string[], lines: string[][]) =>
  lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i] ?? ''])));

describe('validateImportRows', () => {
  const header = ['code', 'nameZh', 'level', 'parentCode'];

  it('accepts a well-formed file, skipping blank lines but keeping row numbers', () => {
    const r = validateImportRows('divisions', csvRows(header, [
      ['440000', '广东省', '1', ''],
      ['', '', '', ''],
      ['440300', '深圳市', '2', '440000'],
    ]), { header });
    expect(r).toEqual({
      ok: true,
      rows: [
        { code: '440000', nameZh: '广东省', level: 1, parentCode: null },
        { code: '440300', nameZh: '深圳市', level: 2, parentCode: '440000' },
      ],
      rowNumbers: [2, 4],
    });
  });

  it('refuses the whole file and names the row (header = row 1) and field of each bad cell', () => {
    const r = validateImportRows('divisions', csvRows(header, [
      ['440000', '广东省', '1', ''],
      ['440300', '深圳市', 'two', '440000'],
      ['44030X', '福田区', '3', '440300'],
    ]), { header });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'level', 'integer'],
      [4, 'code', 'division_code'],
    ]);
    expect(r.errors[0]!.messageZh).toBeTruthy();
  });

  it('refuses duplicate codes within the file', () => {
    const r = validateImportRows('units', csvRows(['code', 'nameZh', 'nameEn'], [
      ['035', '千克', 'Kilogram'], ['036', '克', 'Gram'], ['035', '公斤', 'Kilo'],
    ]));
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ row: 4, field: 'code', code: 'duplicate_key' })]);
    expect(!r.ok && r.errors[0]!.message).toContain('row 2');
  });

  it.each([
    [['code', 'nameZh', 'nameEn', 'remark'], 'remark', 'unknown_column'],
    [['code', 'nameZh'], 'nameEn', 'missing_column'],
    [['code', 'nameZh', 'nameEn', 'nameZh'], 'nameZh', 'duplicate_column'],
  ])('refuses header %j', (h, field, code) => {
    const r = validateImportRows('units', [], { header: h });
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ row: 1, field, code })]);
  });

  it('accepts a header with a BOM and spaces, and typed XLSX cells', () => {
    const r = validateImportRows('currencies', [
      { '\uFEFFcode': 'CNY', ' numeric ': '156', nameZh: '人民币', nameEn: 'Yuan Renminbi', minorUnits: 2 },
    ]);
    expect(r.ok).toBe(true);
  });

  it('refuses a file without data rows, and one that is too long', () => {
    const empty = validateImportRows('units', [], { header: ['code', 'nameZh', 'nameEn'] });
    expect(!empty.ok && empty.errors[0]?.code).toBe('empty_file');
    const rows = Array.from({ length: 5 }, (_, i) => ({ code: String(i).padStart(3, '0'), nameZh: '个', nameEn: 'Piece' }));
    const long = validateImportRows('units', rows, { maxRows: 4 });
    expect(!long.ok && long.errors[0]?.code).toBe('too_many_rows');
  });

  it('refuses values in columns without header and caps the error list', () => {
    const r = validateImportRows('units', [{ code: '035', nameZh: '千克', nameEn: 'Kilogram', '#4': 'x' }],
      { header: ['code', 'nameZh', 'nameEn'] });
    expect(!r.ok && r.errors[0]).toMatchObject({ row: 2, field: '#4', code: 'extra_cells' });
    const many = Array.from({ length: 10 }, () => ({ code: 'x', nameZh: '个', nameEn: 'Piece' }));
    const capped = validateImportRows('units', many, { maxErrors: 3 });
    expect(!capped.ok && [capped.errors.length, capped.truncated]).toEqual([3, 7]);
  });
});

describe('findMissingReferences', () => {
  it('accepts parents in the file or already known, names the row of a missing one', () => {
    const rows = [
      { code: '440300', nameZh: '深圳市', level: 2, parentCode: '440000' },
      { code: '440304', nameZh: '福田区', level: 3, parentCode: '440300' },
      { code: '450100', nameZh: '南宁市', level: 2, parentCode: '450000' },
    ];
    const errs = findMissingReferences('divisions', rows, [2, 3, 5], () => new Set(['440000']));
    expect(errs).toEqual([expect.objectContaining({ row: 5, field: 'parentCode', code: 'unknown_reference' })]);
    expect(errs[0]!.messageZh).toContain('行政区划');
  });
  it('checks references into another dataset', () => {
    const errs = findMissingReferences('hs-chapters', [{ code: '01', sectionCode: 'I', nameZh: '活动物', nameEn: 'Live animals' }],
      [2], (d) => (d === 'hs-sections' ? new Set<string>() : new Set<string>()));
    expect(errs[0]).toMatchObject({ row: 2, field: 'sectionCode' });
  });
});
