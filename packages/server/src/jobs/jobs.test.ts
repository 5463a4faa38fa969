import { domainEvents, eq } from '@returntrace/db';
import { ManualClock } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../test/helpers';
import { emitEvent, outboxJob } from './outbox';
import { runJobOnce, type Job } from './scheduler';

let db: Awaited<ReturnType<typeof createTestDb>>;
const clock = new ManualClock('2026-05-01T00:00:00Z');
beforeAll(async () => { db = await createTestDb(); });
afterAll(async () => { await db.close(); });

describe('scheduled jobs', () => {
  it('runs a job on one instance at a time and again once its period has passed', async () => {
    let runs = 0;
    const job: Job = { name: 'test.count', everyMs: 60_000, run: async () => ({ n: ++runs }) };
    const ctx = { db: db.db, clock };
    const results = await Promise.all([runJobOnce(job, ctx, 'a'), runJobOnce(job, ctx, 'b'), runJobOnce(job, ctx, 'c')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await runJobOnce(job, ctx, 'b')).toBeNull();
    clock.advance(60_000);
    expect(await runJobOnce(job, ctx, 'b')).toEqual({ n: 2 });
  });
});

describe('outbox', () => {
  it('keeps events without a handler, delivers each handled event once, retries a failing handler', async () => {
    await db.db.transaction(async (tx) => {
      await emitEvent(tx, { type: 'declaration.approved', aggregateType: 'declaration', aggregateId: 'd1', payload: { n: 1 }, at: clock.now() });
      await emitEvent(tx, { type: 'other.thing', aggregateType: 'x', aggregateId: 'x1', payload: {}, at: clock.now() });
    });
    const ctx = { db: db.db, clock };
    const seen: string[] = [];
    let fail = true;
    const job = outboxJob({
      'declaration.approved': async (_tx, e) => {
        if (fail) throw new Error('consumer down');
        seen.push(e.aggregateId);
      },
    });
    expect(await job.run(ctx)).toEqual({ delivered: 0, failed: 1 });
    fail = false;
    expect(await job.run(ctx)).toEqual({ delivered: 1, failed: 0 });
    expect(await job.run(ctx)).toEqual({ delivered: 0, failed: 0 });
    expect(seen).toEqual(['d1']);
    const other = await db.db.select().from(domainEvents).where(eq(domainEvents.type, 'other.thing'));
    expect(other[0]!.processedAt).toBeNull();
  });
});
