import { eq, inArray, organisations, policyVersions, refLegalInspection, refUsdRates, type DbHandle } from '@returntrace/db';
import { DEFAULT_INVESTIGATION_TYPE_POLICY, ManualClock, NO_RISK_FACTORS, type RiskGoodsLine } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../index';
import { createTestDb } from '../../test/helpers';
import { batchValueUsd, catalogueMatches, decideTypeFor, investigationTypePolicyFor } from './decide';

let h: DbHandle;
const path: Record<string, string> = {};
const id: Record<string, string> = {};

beforeAll(async () => {
  h = await createTestDb();
  await seedIfEmpty(h, new ManualClock('2026-03-02T01:00:00.000Z'));
  const orgs = await h.db.select({ id: organisations.id, code: organisations.code, kind: organisations.kind, path: organisations.path })
    .from(organisations).where(inArray(organisations.code, ['0000', '5300', '5301', '0100']));
  for (const o of orgs) {
    if (o.kind === 'enterprise') continue;
    path[o.code] = o.path;
    id[o.code] = o.id;
  }
}, 120_000);
afterAll(async () => { await h.close(); });

/** A Beijing wall-clock time as an instant (UTC+8, no daylight saving). */
const beijing = (local: string) => new Date(`${local}+08:00`);
const line = (over: Partial<RiskGoodsLine>): RiskGoodsLine => ({ name: '货物', ...over });

describe('catalogueMatches', () => {
  it('matches HS codes by catalogue prefix of any length', async () => {
    // 851762 (routers), 8516 (microwaves), 950300 (toys) are seeded; T-shirts and plastic tableware are not
    expect(await catalogueMatches(h.db, ['8517629900', '6109100021', '8516500000', '9503002100', '3924100000']))
      .toEqual(['8516500000', '8517629900', '9503002100']);
    expect(await catalogueMatches(h.db, ['6109100021'])).toEqual([]);
    expect(await catalogueMatches(h.db, [])).toEqual([]);
  });

  it('follows the catalogue as maintained, and is not fooled by a code that only shares digits', async () => {
    expect(await catalogueMatches(h.db, ['6402999000'])).toEqual([]);
    await h.db.insert(refLegalInspection).values({ code: '640299', nameZh: '其他鞋靴', nameEn: 'Other footwear', conditions: 'B' });
    expect(await catalogueMatches(h.db, ['6402999000', '6402910000'])).toEqual(['6402999000']);
    // a code that contains a catalogue entry but does not start with it
    expect(await catalogueMatches(h.db, ['1085160000'])).toEqual([]);
    await h.db.delete(refLegalInspection).where(eq(refLegalInspection.code, '640299'));
    expect(await catalogueMatches(h.db, ['6402999000'])).toEqual([]);
  });
});

describe('batchValueUsd', () => {
  it('converts every line with the rate of the Beijing month of the decision', async () => {
    // 2026-03: EUR 1.1610, JPY 0.00668 (seeded)
    const goods = [line({ amount: 1000, currency: 'EUR' }), line({ amount: 500, currency: 'USD' }), line({ amount: 150_000, currency: 'JPY' }), line({ name: '无金额' })];
    expect(await batchValueUsd(h.db, goods, beijing('2026-03-15T10:00:00'))).toBe(1161 + 500 + 1002);
    // 2026-02-28 17:00 UTC is already 1 March in Beijing
    expect(await batchValueUsd(h.db, [line({ amount: 1000, currency: 'EUR' })], new Date('2026-02-28T17:00:00Z'))).toBe(1161);
    expect(await batchValueUsd(h.db, [line({ amount: 1000, currency: 'EUR' })], new Date('2026-02-28T15:59:59Z'))).toBe(1168);
  });

  it('rounds to cents', async () => {
    expect(await batchValueUsd(h.db, [line({ amount: 333.33, currency: 'EUR' })], beijing('2026-03-15T10:00:00'))).toBe(387);
    expect(await batchValueUsd(h.db, [line({ amount: 10.01, currency: 'GBP' })], beijing('2026-03-15T10:00:00'))).toBe(13.3);
  });

  it('falls back to the latest earlier month when the month has no rate', async () => {
    // the seeded rates end in 2026-11: EUR 1.1640
    expect(await batchValueUsd(h.db, [line({ amount: 1000, currency: 'EUR' })], beijing('2027-02-10T09:00:00'))).toBe(1164);
    // a rate entered for the month wins over the fallback
    await h.db.insert(refUsdRates).values({ code: 'EUR-2027-02', currency: 'EUR', month: '2027-02', usdPerUnit: '1.2' });
    expect(await batchValueUsd(h.db, [line({ amount: 1000, currency: 'EUR' })], beijing('2027-02-10T09:00:00'))).toBe(1200);
    // and never a later month's rate
    expect(await batchValueUsd(h.db, [line({ amount: 1000, currency: 'EUR' })], beijing('2027-01-31T23:00:00'))).toBe(1164);
    await h.db.delete(refUsdRates).where(eq(refUsdRates.code, 'EUR-2027-02'));
  });

  it('is null when a currency has no rate at all, when the only rates are later, or when nothing is priced', async () => {
    expect(await batchValueUsd(h.db, [line({ amount: 1000, currency: 'USD' }), line({ amount: 10, currency: 'CHF' })], beijing('2026-03-15T10:00:00'))).toBeNull();
    expect(await batchValueUsd(h.db, [line({ amount: 1000, currency: 'EUR' })], beijing('2025-10-31T12:00:00'))).toBeNull();
    expect(await batchValueUsd(h.db, [line({ name: '无金额' })], beijing('2026-03-15T10:00:00'))).toBeNull();
    expect(await batchValueUsd(h.db, [], beijing('2026-03-15T10:00:00'))).toBeNull();
    // dollars need no rate
    expect(await batchValueUsd(h.db, [line({ amount: 1234.5, currency: 'USD' })], beijing('2025-01-01T12:00:00'))).toBe(1234.5);
  });
});

describe('investigationTypePolicyFor', () => {
  const body = (lower: number, upper: number) => ({ ...DEFAULT_INVESTIGATION_TYPE_POLICY, writtenBandUsd: { lower, upper } });
  const insert = (version: number, status: string, effectiveFrom: string, b: unknown, jurisdiction = '5300') =>
    h.db.insert(policyVersions).values({ kind: 'investigations.type', jurisdictionId: id[jurisdiction]!, version, status, effectiveFrom, body: b });

  beforeAll(async () => {
    // sz: v1 seeded (2020-01-01); v2 from 2026-04-01; v3 a draft from 2026-05-01; v4 withdrawn; bj: v2 unreadable
    await insert(2, 'published', '2026-04-01', body(20_000, 40_000));
    await insert(3, 'draft', '2026-05-01', body(10_000, 20_000));
    await insert(4, 'withdrawn', '2026-06-01', body(1_000, 2_000));
    await insert(2, 'published', '2026-03-01', { writtenBandUsd: { lower: 9, upper: 1 } }, '0100');
  });

  it('the seeded version 1 applies until the next published version takes effect (Beijing date)', async () => {
    expect(await investigationTypePolicyFor(h.db, path['5301']!, beijing('2026-03-31T23:59:00'))).toEqual({ policy: DEFAULT_INVESTIGATION_TYPE_POLICY, version: 1 });
    const v2 = await investigationTypePolicyFor(h.db, path['5301']!, beijing('2026-04-01T00:00:00'));
    expect(v2).toMatchObject({ version: 2, policy: { writtenBandUsd: { lower: 20_000, upper: 40_000 } } });
    // the same from the directly-affiliated customs itself
    expect((await investigationTypePolicyFor(h.db, path['5300']!, beijing('2026-04-01T00:00:00'))).version).toBe(2);
  });

  it('ignores drafts and withdrawn versions', async () => {
    expect((await investigationTypePolicyFor(h.db, path['5301']!, beijing('2026-07-01T12:00:00'))).version).toBe(2);
  });

  it('skips a stored body the schema no longer accepts, and falls back to the defaults outside a directly-affiliated customs', async () => {
    expect(await investigationTypePolicyFor(h.db, path['0100']!, beijing('2026-03-15T12:00:00'))).toEqual({ policy: DEFAULT_INVESTIGATION_TYPE_POLICY, version: 1 });
    expect(await investigationTypePolicyFor(h.db, path['0000']!, beijing('2026-03-15T12:00:00'))).toEqual({ policy: DEFAULT_INVESTIGATION_TYPE_POLICY, version: null });
  });

  it('decideTypeFor puts it together: catalogue, converted value and the policy in force, with its version', async () => {
    const base = { officePath: path['5301']!, factors: NO_RISK_FACTORS, reasonCodes: [] as string[] };
    // T-shirts (outside the catalogue) worth EUR 30,000 → USD 34,830 in March 2026
    const shirts = [line({ name: '棉制针织男式T恤衫', hsCode: '6109100021', amount: 30_000, currency: 'EUR' })];
    const march = await decideTypeFor(h.db, { ...base, at: beijing('2026-03-15T10:00:00'), source: 'export_return', goods: shirts });
    expect(march.batchValueUsd).toBe(34_830);
    expect(march.decision).toMatchObject({ type: 'filing_only', decidedBy: 'filing.default', policyVersion: 1, valueUnknown: false });
    expect(march.decision.decidedAt).toBe('2026-03-15T02:00:00.000Z');
    // from April the band of version 2 (USD 20,000-40,000) makes it written (EUR 1.1540 → USD 34,620)
    const april = await decideTypeFor(h.db, { ...base, at: beijing('2026-04-02T10:00:00'), source: 'export_return', goods: shirts });
    expect(april.batchValueUsd).toBe(34_620);
    expect(april.decision).toMatchObject({ type: 'written', decidedBy: 'written.value_band', policyVersion: 2 });
    // goods in the catalogue go on-site, naming the matched code
    const routers = [...shirts, line({ name: '无线路由器', hsCode: '8517629900', amount: 100, currency: 'USD' })];
    const onSite = await decideTypeFor(h.db, { ...base, at: beijing('2026-03-15T10:00:00'), source: 'export_return', goods: routers });
    expect(onSite.decision).toMatchObject({ type: 'on_site', decidedBy: 'onsite.legal_inspection' });
    expect(onSite.decision.fired[0]!.detail!.en).toBe('HS 8517629900');
    // a tagged reason, the source and an unknown value
    const tagged = await decideTypeFor(h.db, { ...base, at: beijing('2026-03-15T10:00:00'), source: 'export_return', goods: [line({ amount: 10, currency: 'CHF' })], reasonCodes: ['OTH-04'] });
    expect(tagged.decision).toMatchObject({ type: 'filing_only', decidedBy: 'exclude.overseas_project', valueUnknown: true });
    expect(tagged.batchValueUsd).toBeNull();
    const media = await decideTypeFor(h.db, { ...base, at: beijing('2026-03-15T10:00:00'), source: 'media', goods: [] });
    expect(media.decision.decidedBy).toBe('onsite.complaint_or_media');
    const notified = await decideTypeFor(h.db, { ...base, at: beijing('2026-03-15T10:00:00'), source: 'foreign_notification', goods: [] });
    expect(notified.decision.decidedBy).toBe('onsite.foreign_official');
  });
});
