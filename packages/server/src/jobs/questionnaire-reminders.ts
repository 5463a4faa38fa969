/**
 * Questionnaire reminders (催办): for each questionnaire still awaiting the enterprise's answer, one reminder once
 * the Beijing date reaches `dueOn − reminderDaysBefore` (the policy in force for the case's office), and one more
 * once it is overdue. Each reminder increments `remindersSent`, stamps `lastReminderAt` and emits the domain event
 * `questionnaire.reminder` in the same transaction; `lastReminderAt` compared with the due date makes both at most
 * once per due date (a returned questionnaire with a later due date is reminded again).
 */
import { and, eq, inArray, investigations, questionnaires } from '@returntrace/db';
import { addDays, beijingDate, type InvestigationTypePolicy } from '@returntrace/domain';
import { appendAudit } from '../audit/audit';
import { directCustomsIdOf } from '../use-cases/export-returns/policy';
import { investigationTypePolicyFor } from '../use-cases/investigation-type/decide';
import { emitEvent } from './outbox';
import type { Job } from './scheduler';

export type ReminderKind = 'due_soon' | 'overdue';

/** Which reminder (if any) is due today for a questionnaire, given the last one sent. */
export function reminderDue(dueOn: string, lastReminderAt: Date | null, today: string, reminderDaysBefore: number): ReminderKind | null {
  const last = lastReminderAt ? beijingDate(lastReminderAt) : null;
  if (today > dueOn) return last !== null && last > dueOn ? null : 'overdue';
  const from = addDays(dueOn, -reminderDaysBefore);
  if (today >= from && (last === null || last < from)) return 'due_soon';
  return null;
}

export const questionnaireReminderJob: Job = {
  name: 'questionnaires.reminders',
  everyMs: 60 * 60_000,
  async run(ctx) {
    const now = ctx.clock.now();
    const today = beijingDate(now);
    const rows = await ctx.db.select({
      id: questionnaires.id, dueOn: questionnaires.dueOn, state: questionnaires.state, lastReminderAt: questionnaires.lastReminderAt,
      remindersSent: questionnaires.remindersSent, enterpriseId: questionnaires.enterpriseId, caseId: investigations.id,
      caseNo: investigations.caseNo, officePath: investigations.officePath,
    }).from(questionnaires).innerJoin(investigations, eq(investigations.id, questionnaires.investigationId))
      .where(inArray(questionnaires.state, ['sent', 'returned']));
    const policies = new Map<string, InvestigationTypePolicy>();
    let dueSoon = 0;
    let overdue = 0;
    for (const r of rows) {
      const key = directCustomsIdOf(r.officePath) ?? '';
      let policy = policies.get(key);
      if (!policy) {
        policy = (await investigationTypePolicyFor(ctx.db, r.officePath, now)).policy;
        policies.set(key, policy);
      }
      const kind = reminderDue(r.dueOn, r.lastReminderAt, today, policy.questionnaire.reminderDaysBefore);
      if (!kind) continue;
      const sent = await ctx.db.transaction(async (tx) => {
        // guarded on the values read, so a concurrent answer or another run changes nothing twice
        const updated = await tx.update(questionnaires).set({ remindersSent: r.remindersSent + 1, lastReminderAt: now })
          .where(and(eq(questionnaires.id, r.id), eq(questionnaires.state, r.state), eq(questionnaires.remindersSent, r.remindersSent)))
          .returning({ id: questionnaires.id });
        if (!updated.length) return false;
        await emitEvent(tx, {
          type: 'questionnaire.reminder', aggregateType: 'questionnaire', aggregateId: r.id, at: now,
          payload: { questionnaireId: r.id, investigationId: r.caseId, caseNo: r.caseNo, enterpriseId: r.enterpriseId, dueOn: r.dueOn, kind },
        });
        await appendAudit(tx, {
          at: now, userId: null, username: 'system', orgId: null, orgPath: '', action: 'questionnaire.reminder', objectType: 'questionnaire',
          objectId: r.id, result: 'success', clientIp: '', detail: { caseNo: r.caseNo, dueOn: r.dueOn, kind },
        });
        return true;
      });
      if (sent && kind === 'overdue') overdue += 1;
      else if (sent) dueSoon += 1;
    }
    return { dueSoon, overdue };
  },
};
