// Many transactions appending to the audit chain at once — on PGlite, and on PostgreSQL (TEST_DATABASE_URL) through
// two connection pools as two app instances would — leave one linear, gap-free chain that verifies; rows of a
// transaction that rolls back, or of a savepoint that fails, never reach the chain.
import { auditLog, createDb, queryRows, sql, type DbHandle } from '@returntrace/db';
import { ManualClock } from '@returntrace/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../context';
import { createTestDb } from '../test/helpers';
import { seedIfEmpty } from '../index';
import { audit, auditAlone, transaction, verifyAuditChain } from './audit';

let main: DbHandle;
/** a second app instance on the same PostgreSQL database (PGlite: the same handle, it has one connection) */
let other: DbHandle | null = null;
const clock = new ManualClock('2026-03-02T01:00:00.000Z');

beforeAll(async () => {
  main = await createTestDb();
  await seedIfEmpty(main, clock);
  if (main.url) other = await createDb({ databaseUrl: main.url, poolSize: 5 });
});
afterAll(async () => {
  await other?.close();
  if (main?.pool) {
    // let every connection finish closing before the test database is dropped (a drop terminates the stragglers)
    await main.pool.end();
    main.pool.end = () => Promise.resolve();
    await new Promise((r) => setTimeout(r, 300));
  }
  await main?.close();
});

const ctxOf = (h: DbHandle, ip: string): Ctx => ({ db: h.db, clock, actor: null, ip });

async function chainRows(marker: string) {
  return queryRows<{ id: number; object_id: string; action: string }>(main.db,
    sql`SELECT id, object_id, action FROM ${auditLog} WHERE client_ip = ${marker} ORDER BY id`);
}

describe('audit chain under concurrent transactions', () => {
  it('keeps one verifiable chain; each transaction\'s rows stay together and in order; rolled-back rows are absent', async () => {
    const marker = `concurrency-${Date.now()}`;
    const handles = other ? [main, other] : [main];
    const work = Array.from({ length: 60 }, (_, i) => {
      const ctx = ctxOf(handles[i % handles.length]!, marker);
      const objectId = `tx-${i}`;
      const entry = (step: number) => ({ action: `test.step${step}`, objectType: 'test', objectId, username: 'system', detail: { i, step } });
      if (i % 10 === 7) return auditAlone(ctx, entry(0)); // a denial-style row in its own transaction
      return transaction(ctx.db, async (tx) => {
        await audit(ctx, tx, entry(1));
        await tx.execute(sql`SELECT pg_sleep(${(i % 5) / 1000})`); // interleave with the other transactions
        // a savepoint that fails: its row is dropped, the transaction goes on
        await transaction(tx, async (sp) => {
          await audit(ctx, sp, entry(99));
          throw new Error('savepoint undone');
        }).catch(() => {});
        await transaction(tx, (sp) => audit(ctx, sp, entry(2)));
        await audit(ctx, tx, entry(3));
        if (i % 10 === 3) throw new Error('rolled back');
      }).catch((e: Error) => {
        if (e.message !== 'rolled back') throw e;
      });
    });
    await Promise.all(work);

    const rows = await chainRows(marker);
    const byTx = new Map<string, { id: number; action: string }[]>();
    for (const r of rows) byTx.set(r.object_id, [...(byTx.get(r.object_id) ?? []), { id: Number(r.id), action: r.action }]);
    for (let i = 0; i < 60; i++) {
      const got = byTx.get(`tx-${i}`) ?? [];
      if (i % 10 === 3) expect(got).toEqual([]);
      else if (i % 10 === 7) expect(got.map((r) => r.action)).toEqual(['test.step0']);
      else {
        expect(got.map((r) => r.action)).toEqual(['test.step1', 'test.step2', 'test.step3']);
        // appended together under the chain's lock: consecutive ids
        expect(got.map((r) => r.id - got[0]!.id)).toEqual([0, 1, 2]);
      }
    }
    expect(rows).toHaveLength(48 * 3 + 6);

    const report = await verifyAuditChain(main.db);
    expect(report).toMatchObject({ ok: true, firstBrokenId: null });
    const [head] = await queryRows<{ value: { id: number } }>(main.db, sql`SELECT value FROM settings WHERE key = 'audit.head'`);
    const [last] = await queryRows<{ id: number }>(main.db, sql`SELECT max(id) AS id FROM audit_log`);
    expect(Number(head!.value.id)).toBe(Number(last!.id));
  });

  it('a chain whose head row is missing continues from its last row', async () => {
    if (main.pglite) await main.pglite.exec(`DELETE FROM settings WHERE key = 'audit.head'`);
    else {
      const owner = new pg.Client({ connectionString: main.url }); // the application role may not delete
      await owner.connect();
      try { await owner.query(`DELETE FROM settings WHERE key = 'audit.head'`); } finally { await owner.end(); }
    }
    const ctx = ctxOf(main, 'head-missing');
    await Promise.all([1, 2, 3].map((n) => auditAlone(ctx, { action: 'test.after_head_loss', objectId: String(n), username: 'system' })));
    expect(await verifyAuditChain(main.db)).toMatchObject({ ok: true });
  });
});
