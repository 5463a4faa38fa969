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
): Promise<void> {
  await tx.insert(domainEvents).values({
    type: e.type, aggregateType: e.aggregateType, aggregateId: e.aggregateId, orgPath: e.orgPath ?? '', payload: e.payload, occurredAt: e.at,
  });
}

export type EventHandler = (tx: Tx, event: DomainEvent, ctx: JobContext) => Promise<void>;

/**
 * Delivers pending events, oldest first, to the handler registered for their type, each in its own transaction
 * that also marks the event processed. Events without a handler stay pending, so nothing is lost before their
 * consumer exists.
 */
export function outboxJob(handlers: Record<string, EventHandler>, batch = 100): Job {
  return {
    name: 'outbox.dispatch',
    everyMs: 5_000,
    async run(ctx) {
      const types = Object.keys(handlers);
      if (!types.length) return { delivered: 0 };
      const pending = await ctx.db.select().from(domainEvents)
        .where(sql`${isNull(domainEvents.processedAt)} AND ${domainEvents.type} IN (${sql.join(types.map((t) => sql`${t}`), sql`, `)})`)
        .orderBy(asc(domainEvents.id)).limit(batch);
      let delivered = 0;
      let failed = 0;
      for (const e of pending) {
        const event: DomainEvent = { ...e, payload: e.payload as Record<string, unknown> };
        try {
          await transaction(ctx.db, async (tx) => {
            await handlers[e.type]!(tx, event, ctx);
            await tx.update(domainEvents).set({ processedAt: ctx.clock.now(), attempts: e.attempts + 1 }).where(eq(domainEvents.id, e.id));
          });
          delivered += 1;
        } catch (err) {
          failed += 1;
          await ctx.db.update(domainEvents).set({ attempts: e.attempts + 1, lastError: String(err).slice(0, 500) }).where(eq(domainEvents.id, e.id));
        }
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
