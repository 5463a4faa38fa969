/**
 * The life of a policy version as one transition table: a draft is published once; a published version is never
 * edited (a change is a new version). Routes and UI ask `allowedPolicyEvents` instead of comparing statuses.
 */
export const POLICY_STATUSES = ['draft', 'published'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const POLICY_STATUS_LABELS: Record<PolicyStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
};

export type PolicyEvent = 'publish';

export const POLICY_TRANSITIONS: Record<PolicyEvent, { from: readonly PolicyStatus[]; to: PolicyStatus }> = {
  publish: { from: ['draft'], to: 'published' },
};

export type PolicyTransitionResult = { ok: true; to: PolicyStatus } | { ok: false; from: PolicyStatus; event: PolicyEvent };

export function policyTransition(state: PolicyStatus, event: PolicyEvent): PolicyTransitionResult {
  const t = POLICY_TRANSITIONS[event];
  return t.from.includes(state) ? { ok: true, to: t.to } : { ok: false, from: state, event };
}

export function allowedPolicyEvents(state: PolicyStatus): PolicyEvent[] {
  return (Object.keys(POLICY_TRANSITIONS) as PolicyEvent[]).filter((e) => POLICY_TRANSITIONS[e].from.includes(state));
}
