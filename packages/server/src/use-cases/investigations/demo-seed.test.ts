import { asc, investigations, questionnaires, riskInfos, type DbHandle } from '@returntrace/db';
import { ManualClock } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../index';
import { createTestDb } from '../../test/helpers';
import { ctxFor } from '../export-returns/demo-seed';
import { investigationSummary, listInvestigations } from './query';

let h: DbHandle;
const now = new Date('2026-11-23T02:00:00.000Z');

beforeAll(async () => {
  h = await createTestDb();
  await seedIfEmpty(h, new ManualClock(now));
});
afterAll(async () => h?.close());

describe('risk and investigation demo data', () => {
  it('holds a record per stage, made through the use-cases', async () => {
    const rows = await h.db.select({ source: riskInfos.source, state: riskInfos.state, override: riskInfos.overrideType }).from(riskInfos).orderBy(asc(riskInfos.createdAt));
    expect(rows.map((r) => `${r.source}:${r.state}`).sort()).toEqual([
      'consumer_complaint:transferred', 'enterprise_self_report:investigating', 'export_return:investigating', 'media:collected',
    ]);
    expect(rows.find((r) => r.source === 'export_return')!.override).toBe('written');
  });

  it('has a written case waiting for the enterprise and an overdue filing-only case', async () => {
    const cases = await h.db.select({ type: investigations.type, state: investigations.state }).from(investigations);
    expect(cases.map((c) => `${c.type}:${c.state}`).sort()).toEqual(['filing_only:in_progress', 'written:in_progress']);
    const [q] = await h.db.select({ state: questionnaires.state }).from(questionnaires);
    expect(q!.state).toBe('sent');

    const pek = await ctxFor(h.db, new ManualClock(now), 'pek.auditor');
    const list = await listInvestigations(pek, { page: 1, pageSize: 20 } as never);
    expect(list.items.map((i) => i.overdue)).toEqual([true]);
    expect((await investigationSummary(pek)).overdue).toBe(1);
  });
});
