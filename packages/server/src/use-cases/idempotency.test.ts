import { randomUUID } from 'node:crypto';
import { idempotencyKeys } from '@returntrace/db';
import { ManualClock } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobOnce } from '../jobs/scheduler';
import { createTestDb } from '../test/helpers';
import type { Ctx } from '../context';
import { idempotencyPurgeJob, requestDigest, withIdempotency } from './idempotency';

let db: Awaited<ReturnType<typeof createTestDb>>;
const clock = new ManualClock('2026-05-02T12:00:00Z');
beforeAll(async () => { db = await createTestDb(); });
afterAll(async () => { await db.close(); });

describe('idempotency keys', () => {
  it('digests method, path and body, independent of key order', () => {
    expect(requestDigest('post', '/a', { x: 1, y: [1, 2] })).toBe(requestDigest('POST', '/a', { y: [1, 2], x: 1 }));
    expect(requestDigest('POST', '/a', { x: 1 })).not.toBe(requestDigest('POST', '/b', { x: 1 }));
    expect(requestDigest('POST', '/a', { x: 1 })).not.toBe(requestDigest('POST', '/a', { x: 2 }));
  });

  it('the scheduled purge removes keys older than 24 hours only', async () => {
    const user = randomUUID();
    const at = (hoursAgo: number) => new Date(clock.now().getTime() - hoursAgo * 3_600_000);
    await db.db.insert(idempotencyKeys).values([
      { userId: user, key: 'old-key-0001', requestHash: 'h', statusCode: 200, responseBody: {}, createdAt: at(25) },
      { userId: user, key: 'new-key-0001', requestHash: 'h', statusCode: 200, responseBody: {}, createdAt: at(23) },
    ]);
    expect(await runJobOnce(idempotencyPurgeJob, { db: db.db, clock }, 'test')).toEqual({ purged: 1 });
    expect((await db.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((r) => r.key)).toEqual(['new-key-0001']);
  });

  it('replays within 24 hours, refuses another request with 422, and frees the key after 24 hours', async () => {
    const ctx = { db: db.db, clock, ip: '', actor: { userId: randomUUID() } } as unknown as Ctx;
    let runs = 0;
    const perform = async () => ({ statusCode: 200, body: { run: ++runs } });
    expect(await withIdempotency(ctx, 'key-000001', 'a', perform)).toEqual({ statusCode: 200, body: { run: 1 }, replayed: false });
    expect(await withIdempotency(ctx, 'key-000001', 'a', perform)).toEqual({ statusCode: 200, body: { run: 1 }, replayed: true });
    await expect(withIdempotency(ctx, 'key-000001', 'b', perform)).rejects.toMatchObject({ status: 422 });
    clock.advance(24 * 3_600_000 + 1);
    expect(await withIdempotency(ctx, 'key-000001', 'b', perform)).toEqual({ statusCode: 200, body: { run: 2 }, replayed: false });
    expect(runs).toBe(2);
  });
});
