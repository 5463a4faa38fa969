/**
 * Every consumer of the domain-event outbox, in one place: the scheduled outbox job and the immediate dispatch
 * after a commit (`dispatchNow`) deliver through the same table, so an event is handled the same way either way.
 */
import { intakeFromExportReturn, EXPORT_RETURN_APPROVED } from '../use-cases/risk-info/intake-export-return';
import { deliverEvent, type EventHandler } from './outbox';
import type { JobContext } from './scheduler';

export const EVENT_HANDLERS: Record<string, EventHandler> = {
  [EXPORT_RETURN_APPROVED]: intakeFromExportReturn,
};

/**
 * Delivers events right after the transaction that emitted them committed, so their effect (a risk record) exists
 * when the request answers. A failure is recorded on the event and left to the scheduled job (the safety net).
 */
export async function dispatchNow(ctx: JobContext, ids: readonly number[]): Promise<void> {
  for (const id of ids) await deliverEvent(ctx, EVENT_HANDLERS, id);
}
