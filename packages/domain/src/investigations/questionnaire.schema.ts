/**
 * Written investigation (书面调查): the investigator sends the enterprise a questionnaire built from the elements
 * of 000 §3.4; the enterprise answers in its portal by the due date (fields + files). The answer flows into the
 * findings draft. A questionnaire's life is its own small transition table.
 */
import { z } from 'zod';
import { plainText } from '../api/common';
import { GOODS_FLOWS, NON_QUALITY_KINDS } from './findings.schema';

/** Standard sections an investigator may ask for; each maps onto a findings group. */
export const QUESTION_SECTIONS = ['return_reason', 'inspection', 'quality_system', 'goods_flow', 'corrective_actions', 'other'] as const;
export type QuestionSection = (typeof QUESTION_SECTIONS)[number];

export const questionnaireSendSchema = z.strictObject({
  sections: z.array(z.enum(QUESTION_SECTIONS)).min(1).max(QUESTION_SECTIONS.length),
  /** free questions beside the standard sections */
  questions: z.array(plainText(500, 1)).max(20).default([]),
  /** Beijing date; defaults to today + the policy's answer days */
  dueOn: z.iso.date().optional(),
  message: plainText(2000).default(''),
});
export type QuestionnaireSendInput = z.infer<typeof questionnaireSendSchema>;

export const questionnaireAnswerSchema = z.strictObject({
  returnReason: z.strictObject({
    category: z.enum(['quality', 'non_quality']).optional(),
    nonQualityKind: z.enum(NON_QUALITY_KINDS).optional(),
    explanation: plainText(3000).default(''),
  }).optional(),
  inspection: plainText(3000).optional(),
  qualitySystem: z.strictObject({
    qmsCertified: z.boolean().optional(),
    productCertified: z.boolean().optional(),
    destinationStandardsCollected: z.boolean().optional(),
    explanation: plainText(3000).default(''),
  }).optional(),
  goodsFlow: z.strictObject({ flow: z.enum(GOODS_FLOWS), date: z.iso.date().optional(), explanation: plainText(3000).default('') }).optional(),
  correctiveActions: z.array(z.strictObject({ action: plainText(500, 1), dueOn: z.iso.date() })).max(20).optional(),
  other: plainText(3000).optional(),
  /** answers to the free questions, by index */
  answers: z.array(plainText(3000)).max(20).default([]),
  /** ids of files uploaded to the questionnaire before answering */
  fileIds: z.array(z.uuid()).max(20).default([]),
});
export type QuestionnaireAnswer = z.infer<typeof questionnaireAnswerSchema>;

export const QUESTIONNAIRE_STATES = ['sent', 'answered', 'accepted', 'returned', 'withdrawn'] as const;
export type QuestionnaireState = (typeof QUESTIONNAIRE_STATES)[number];
export const QUESTIONNAIRE_STATE_LABELS: Record<QuestionnaireState, { zh: string; en: string }> = {
  sent: { zh: '待企业答复', en: 'Awaiting the answer' },
  answered: { zh: '企业已答复', en: 'Answered' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  returned: { zh: '退回补充', en: 'Returned for more' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export type QuestionnaireEvent = 'answer' | 'accept' | 'return' | 'withdraw';
export const QUESTIONNAIRE_TRANSITIONS: Record<QuestionnaireEvent, { from: readonly QuestionnaireState[]; to: QuestionnaireState; by: 'enterprise' | 'investigator' }> = {
  answer: { from: ['sent', 'returned'], to: 'answered', by: 'enterprise' },
  accept: { from: ['answered'], to: 'accepted', by: 'investigator' },
  return: { from: ['answered'], to: 'returned', by: 'investigator' },
  withdraw: { from: ['sent', 'returned'], to: 'withdrawn', by: 'investigator' },
};

export function questionnaireTransition(state: QuestionnaireState, event: QuestionnaireEvent):
  { ok: true; to: QuestionnaireState } | { ok: false; code: 'transition_refused'; message: { en: string; zh: string } } {
  const t = QUESTIONNAIRE_TRANSITIONS[event];
  if (!t || !t.from.includes(state)) {
    const s = QUESTIONNAIRE_STATE_LABELS[state] ?? { zh: state, en: state };
    return { ok: false, code: 'transition_refused', message: { en: `Cannot ${event} a questionnaire that is "${s.en}"`, zh: `状态为“${s.zh}”的问卷不允许此操作` } };
  }
  return { ok: true, to: t.to };
}

export function allowedQuestionnaireEvents(state: QuestionnaireState): QuestionnaireEvent[] {
  return (Object.keys(QUESTIONNAIRE_TRANSITIONS) as QuestionnaireEvent[]).filter((e) => QUESTIONNAIRE_TRANSITIONS[e].from.includes(state));
}

/** Overdue: still awaiting the answer after the due date (Beijing date). */
export const isQuestionnaireOverdue = (state: QuestionnaireState, dueOn: string, today: string): boolean =>
  (state === 'sent' || state === 'returned') && today > dueOn;

export const questionnaireReturnSchema = z.strictObject({ reason: plainText(1000, 1) });
