import { REF_DATASET_IDS, REF_DATASETS, findMissingReferences } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createDb, type DbHandle } from '../../client';
import { DESTINATIONS } from '../customs-feed/catalogue';
import { fixedDemoDeclarations } from '../customs-feed/fixed';
import { REF_TABLES, referenceSeedRows, seedReferenceData } from './index';

describe('reference seed data', () => {
  const data = referenceSeedRows();

  it('has the expected sizes', () => {
    expect(data['hs-sections']).toHaveLength(22);
    expect(data['hs-chapters']).toHaveLength(97);
    expect(data.countries.length).toBeGreaterThanOrEqual(249);
    expect(data.currencies.length).toBeGreaterThanOrEqual(150);
    expect(data.divisions.length).toBeGreaterThanOrEqual(3000);
    expect(data.divisions.filter((d) => d.level === 1)).toHaveLength(34);
    expect(data['customs-districts'].length).toBeGreaterThanOrEqual(7);
    expect(data.units.length).toBeGreaterThanOrEqual(60);
    expect(data['legal-inspection'].length).toBeGreaterThanOrEqual(30);
    expect(data['prohibited-imports'].length).toBeGreaterThanOrEqual(15);
    expect(data['usd-rates']).toHaveLength(7 * 13);
  });

  it('has a catalogue that covers some of the demo feed\'s goods and not others, and a rate for every feed currency', () => {
    const inCatalogue = (hs: string) => data['legal-inspection'].some((e) => hs.startsWith(e.code));
    const lines = fixedDemoDeclarations().filter((d) => d.direction === 'import' && !d.withdrawn).flatMap((d) => d.lines);
    expect(lines.some((l) => inCatalogue(l.hsCode))).toBe(true);
    expect(lines.some((l) => !inCatalogue(l.hsCode))).toBe(true);
    expect(inCatalogue('8517629900')).toBe(true); // routers of huaxin
    expect(inCatalogue('6109100021')).toBe(false); // T-shirts of yanjing
    const feedCurrencies = new Set(DESTINATIONS.map((d) => d.currency).filter((c) => c !== 'USD'));
    for (const c of feedCurrencies) {
      const months = data['usd-rates'].filter((r) => r.currency === c).map((r) => r.month);
      expect(months, c).toHaveLength(13);
      expect(new Set(months).size, c).toBe(13);
    }
  });

  it('passes the domain schemas, has unique codes and resolvable references', () => {
    for (const id of REF_DATASET_IDS) {
      const rows = data[id] as Record<string, unknown>[];
      for (const row of rows) {
        const r = REF_DATASETS[id].schema.safeParse(row);
        if (!r.success) throw new Error(`${id} ${JSON.stringify(row)}: ${r.error.message}`);
      }
      expect(new Set(rows.map((r) => r.code)).size, id).toBe(rows.length);
      const known = (d: string) => new Set((data[d as typeof id] as { code: string }[]).map((r) => r.code));
      expect(findMissingReferences(id, data[id], rows.map((_, i) => i + 2), known), id).toEqual([]);
    }
  });

  it('carries the facts the demo and the UI rely on', () => {
    const chapter = (c: string) => data['hs-chapters'].find((x) => x.code === c);
    expect(chapter('77')).toMatchObject({ nameZh: '（保留为税则将来所用）', nameEn: 'Reserved for possible future use in the HS' });
    expect(chapter('85')?.sectionCode).toBe('XVI');
    expect(chapter('97')?.sectionCode).toBe('XXI');
    expect(data.countries.find((c) => c.code === 'CN')).toMatchObject({ alpha3: 'CHN', numeric: '156', nameZh: '中国' });
    expect(data.countries.find((c) => c.code === 'HK')?.nameZh).toBe('中国香港');
    expect(data.countries.some((c) => c.code === 'XK')).toBe(false);
    expect(data.currencies.find((c) => c.code === 'CNY')).toMatchObject({ numeric: '156', nameZh: '人民币', minorUnits: 2 });
    expect(data.currencies.find((c) => c.code === 'JPY')?.minorUnits).toBe(0);
    expect(data.divisions.find((d) => d.code === '440304')).toMatchObject({ nameZh: '福田区', level: 3, parentCode: '440300' });
    expect(data.divisions.filter((d) => ['710000', '810000', '820000'].includes(d.code))).toHaveLength(3);
    expect(data.units.find((u) => u.code === '035')?.nameZh).toBe('千克');
    for (const c of ['0000', '5300', '5301', '5316', '0100', '0101', '0105']) {
      expect(data['customs-districts'].some((d) => d.code === c), c).toBe(true);
    }
  });
});

describe('seedReferenceData', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createDb();
  });
  afterAll(async () => {
    await h.close();
  });

  it('inserts everything, and a second run inserts nothing', async () => {
    const data = referenceSeedRows();
    const first = await seedReferenceData(h.db);
    for (const id of REF_DATASET_IDS) {
      expect(first[id], id).toBe(data[id].length);
      const [row] = await h.db.select({ n: count() }).from(REF_TABLES[id]);
      expect(Number(row?.n), id).toBe(data[id].length);
    }
    const second = await seedReferenceData(h.db);
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
  });
});
