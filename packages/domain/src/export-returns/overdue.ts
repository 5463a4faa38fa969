import { addDays, beijingDate, beijingDayStart, subtractWorkingDays } from './beijing-time';
import type { ExportReturnAuditPolicy } from './eaudit.rules';

/**
 * A declaration queued for manual audit on Beijing date d is due by the end of the N-th working (or calendar)
 * day after d; from the next day on it is overdue. Equivalently: it is overdue when it was queued before the
 * start of the day N days before today. Answers that instant, so the queue can filter with one comparison.
 */
export function overdueCutoff(now: Date, policy: Pick<ExportReturnAuditPolicy, 'overdueDays' | 'overdueUnit'>): Date {
  const today = beijingDate(now);
  const day = policy.overdueUnit === 'working' ? subtractWorkingDays(today, policy.overdueDays) : addDays(today, -policy.overdueDays);
  return beijingDayStart(day);
}

export function isOverdue(queuedAt: Date | null, now: Date, policy: Pick<ExportReturnAuditPolicy, 'overdueDays' | 'overdueUnit'>): boolean {
  return queuedAt !== null && queuedAt.getTime() < overdueCutoff(now, policy).getTime();
}
