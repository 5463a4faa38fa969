import { asc, domainEvents, eq, isNull, sql, type DbOrTx, type Tx } from '@returntrace/db';
import { transaction } from '../audit/audit';
import type { Job, JobContext } from './scheduler';

export interface DomainEvent {
  id: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** Records an event in the same transaction as the change it describes. */
export async function emitEvent(
  tx: DbOrTx, e: { type: string; aggregateType: string; aggregateId: string; orgPath?: string; payload: Record<string, unknown>; at: Date },
): Promise<number> {
  const [row] = await tx.insert(domainEvents).values({
    type: e.type, aggregateType: e.aggregateType, aggregateId: e.aggregateId, orgPath: e.orgPath ?? '', payload: e.payload, occurredAt: e.at,
  }).returning({ id: domainEvents.id });
  return row!.id;
}

export type EventHandler = (tx: Tx, event: DomainEvent, ctx: JobContext) => Promise<void>;

export type DeliveryResult = 'delivered' | 'skipped' | 'failed';

/**
 * Delivers one event to its handler in a transaction that also marks it processed. The event row is locked
 * `FOR UPDATE SKIP LOCKED` and re-checked as unprocessed under the lock, so the scheduled job and an immediate
 * dispatch after a commit never both deliver it: whoever comes second skips it. A failing handler rolls back its
 * writes; the attempt and the error are recorded and the event stays pending for the next run.
 */
export async function deliverEvent(ctx: JobContext, handlers: Record<string, EventHandler>, id: number): Promise<DeliveryResult> {
  let attempts = 0;
  try {
    const delivered = await transaction(ctx.db, async (tx) => {
      const [e] = await tx.select().from(domainEvents)
        .where(sql`${eq(domainEvents.id, id)} AND ${isNull(domainEvents.processedAt)}`)
        .for('update', { skipLocked: true });
      const handler = e && handlers[e.type];
      if (!e || !handler) return false;
      attempts = e.attempts;
      await handler(tx, { ...e, payload: e.payload as Record<string, unknown> }, ctx);
      await tx.update(domainEvents).set({ processedAt: ctx.clock.now(), attempts: e.attempts + 1 }).where(eq(domainEvents.id, e.id));
      return true;
    });
    return delivered ? 'delivered' : 'skipped';
  } catch (err) {
    await ctx.db.update(domainEvents).set({ attempts: attempts + 1, lastError: String(err).slice(0, 500) }).where(eq(domainEvents.id, id));
    return 'failed';
  }
}

/**
 * Delivers pending events, oldest first, to the handler registered for their type (`deliverEvent`). Events
 * without a handler stay pending, so nothing is lost before their consumer exists.
 */
export function outboxJob(handlers: Record<string, EventHandler>, batch = 100): Job {
  return {
    name: 'outbox.dispatch',
    everyMs: 5_000,
    async run(ctx) {
      const types = Object.keys(handlers);
      if (!types.length) return { delivered: 0 };
      const pending = await ctx.db.select({ id: domainEvents.id }).from(domainEvents)
        .where(sql`${isNull(domainEvents.processedAt)} AND ${domainEvents.type} IN (${sql.join(types.map((t) => sql`${t}`), sql`, `)})`)
        .orderBy(asc(domainEvents.id)).limit(batch);
      let delivered = 0;
      let failed = 0;
      for (const e of pending) {
        const r = await deliverEvent(ctx, handlers, e.id);
        if (r === 'delivered') delivered += 1;
        else if (r === 'failed') failed += 1;
      }
      return { delivered, failed };
    },
  };
}

/** Removes sessions that ended more than a day ago (the audit log keeps their history). */
export const sessionCleanupJob: Job = {
  name: 'sessions.cleanup',
  everyMs: 60 * 60_000,
  async run(ctx) {
    const cutoff = new Date(ctx.clock.now().getTime() - 24 * 60 * 60_000).toISOString();
    const res = (await ctx.db.execute(sql`DELETE FROM sessions WHERE (revoked_at IS NOT NULL AND revoked_at < ${cutoff}::timestamptz) OR expires_at < ${cutoff}::timestamptz`)) as unknown as { affectedRows?: number; rowCount?: number };
    return { deleted: res.rowCount ?? res.affectedRows ?? 0 };
  },
};
