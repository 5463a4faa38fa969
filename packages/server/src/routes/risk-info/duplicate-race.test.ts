import { eq, riskInfoLinks, riskInfos } from '@returntrace/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test/helpers';

/**
 * Two officers of the same directly-affiliated customs entering the same import declaration at the same moment:
 * exactly one record is created, the other entry is linked to it (on PostgreSQL the requests really overlap).
 */
let t: TestApp;
let hg: Client;
let sz: Client;

beforeAll(async () => {
  t = await createTestApp();
  [hg, sz] = await Promise.all([loginAs(t.app, 'hg.officer'), loginAs(t.app, 'sz.officer')]);
});
afterAll(async () => t?.close());

const body = (title: string) => ({
  source: 'media', title, importDeclarationNo: '530120261000777001', countryCode: 'USA',
  goods: [{ name: '蓝牙音箱', quantity: 500, unit: '个', amount: 30000, currency: 'USD' }],
  collection: { collectedOn: '2026-03-02' },
});

describe('duplicate entries racing', () => {
  it('creates one record and links the rest, whatever the interleaving', async () => {
    const answers = await Promise.all([
      hg.post('/api/v1/risk-info', body('媒体报道一')), sz.post('/api/v1/risk-info', body('媒体报道二')),
      hg.post('/api/v1/risk-info', body('媒体报道三')), sz.post('/api/v1/risk-info', body('媒体报道四')),
    ]);
    // sz (the directly-affiliated customs) sees hg's records; hg does not see sz's (409 then, nothing revealed)
    for (const a of answers) expect([200, 201, 409], a.body).toContain(a.statusCode);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    const records = await t.db.db.select({ id: riskInfos.id }).from(riskInfos).where(eq(riskInfos.importDeclarationNo, '530120261000777001'));
    expect(records).toHaveLength(1);
    const links = await t.db.db.select().from(riskInfoLinks).where(eq(riskInfoLinks.riskInfoId, records[0]!.id));
    expect(links.length).toBe(answers.filter((a) => a.statusCode === 200).length);
  });
});
