import { demoUsers } from '@returntrace/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedRecord } from '../../test/factories/investigations';
import { createTestApp, loginAs, type TestApp } from '../../test/helpers';

/**
 * Who sees a case, written out by hand: a case of Huanggang customs worked by Huanggang, and one transferred to the
 * Shenzhen market regulator. Readers are the roles with investigations.read in an organisation whose scope holds
 * either owner; managers (auditor, warning office) of those customs manage. Everyone else gets 404.
 */
const READER_ROLES = new Set(['customs_officer', 'customs_auditor', 'investigator', 'warning_office']);
const MANAGER_ROLES = new Set(['customs_auditor', 'warning_office']);
const SEES: Record<'own' | 'transferred', string[]> = {
  own: ['gacc', 'sz', 'hg'],
  transferred: ['gacc', 'sz', 'hg', 'szscjg'],
};
const CUSTOMS = new Set(['gacc', 'sz', 'hg']);

let t: TestApp;
const cases: Record<'own' | 'transferred', string> = { own: '', transferred: '' };

beforeAll(async () => {
  t = await createTestApp();
  const auditor = await loginAs(t.app, 'hg.auditor');
  for (const [key, acceptedBy] of [['own', 'hg'], ['transferred', 'szscjg']] as const) {
    const rec = await acceptedRecord(t.db.db, t.clock, { type: 'on_site', acceptedBy });
    const res = await auditor.post('/api/v1/investigations', { riskInfoId: rec.id });
    expect(res.statusCode, res.body).toBe(201);
    cases[key] = res.json().id;
  }
});
afterAll(async () => t?.close());

describe('the jurisdiction matrix of cases', () => {
  it.each(demoUsers().map((u) => [u.username, u.org, u.roles[0]!] as const))('%s', async (username, org, role) => {
    const c = await loginAs(t.app, username);
    for (const key of ['own', 'transferred'] as const) {
      const res = await c.get(`/api/v1/investigations/${cases[key]}`);
      const reads = READER_ROLES.has(role) && SEES[key].includes(org);
      expect(res.statusCode, `${username} on the ${key} case`).toBe(reads ? 200 : 404);
      if (reads) {
        const manages = MANAGER_ROLES.has(role) && CUSTOMS.has(org);
        expect(res.json().access).toBe(manages ? 'manage' : 'read');
      }
      if (role !== 'enterprise_operator') {
        const list = await c.get('/api/v1/investigations?pageSize=200');
        expect(list.json().items.some((i: { id: string }) => i.id === cases[key])).toBe(reads);
      }
    }
  });
});
