/**
 * The investigation-type policy of a directly-affiliated customs (`policy_versions` kind `investigations.type`):
 * the written-investigation value band of 000 §3.3.2, the choices the document leaves open, and the deadlines that
 * investigations and questionnaires get. Versioned with effective dates; edited by the warning office.
 */
import { z } from 'zod';
import { INVESTIGATION_TYPES } from '../risk-info/risk-info.schema';

export const INVESTIGATION_TYPE_POLICY_KIND = 'investigations.type';

const usd = z.number().finite().nonnegative().max(1e12).multipleOf(0.01);
const days = z.number().int().min(1).max(365);

export const investigationTypePolicySchema = z.strictObject({
  /** 000 §3.3.2: a batch from `lower` to `upper` USD (both inclusive) without safety/health/environment reasons */
  writtenBandUsd: z.strictObject({ lower: usd, upper: usd }),
  /** what a batch above the band with no other factor gets — the document leaves it open */
  aboveBand: z.enum(INVESTIGATION_TYPES),
  /** whether a higher assessed risk sends the record on-site (000 §3.3.1 "引入风险评估") */
  higherRiskOnSite: z.boolean(),
  /** calendar days from opening to the case deadline, per investigation type */
  deadlineDays: z.strictObject({ on_site: days, written: days, filing_only: days }),
  /** written investigation: days the enterprise has to answer, and how many days before the due date to remind */
  questionnaire: z.strictObject({ answerDays: days, reminderDaysBefore: z.number().int().min(0).max(60) }),
}).superRefine((p, ctx) => {
  if (p.writtenBandUsd.lower > p.writtenBandUsd.upper) {
    ctx.addIssue({
      code: 'custom', path: ['writtenBandUsd', 'lower'],
      params: { code: 'band_order', en: 'The lower bound must not exceed the upper bound', zh: '书面调查金额下限不得高于上限' },
    });
  }
  if (p.questionnaire.reminderDaysBefore >= p.questionnaire.answerDays) {
    ctx.addIssue({
      code: 'custom', path: ['questionnaire', 'reminderDaysBefore'],
      params: { code: 'reminder_after_start', en: 'The reminder must come after the questionnaire is sent', zh: '提醒时间须在问卷发出之后' },
    });
  }
});
export type InvestigationTypePolicy = z.infer<typeof investigationTypePolicySchema>;

/** What applies where a directly-affiliated customs has not published a version yet (the document's figures). */
export const DEFAULT_INVESTIGATION_TYPE_POLICY: InvestigationTypePolicy = {
  writtenBandUsd: { lower: 50_000, upper: 100_000 },
  aboveBand: 'on_site',
  higherRiskOnSite: true,
  deadlineDays: { on_site: 30, written: 30, filing_only: 10 },
  questionnaire: { answerDays: 15, reminderDaysBefore: 3 },
};
