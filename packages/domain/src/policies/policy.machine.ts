/**
 * The life of a policy version as one transition table: a draft may be edited, withdrawn or published once; a
 * published version is never edited (a change is a new version); a withdrawn draft stays as a record of what was
 * proposed. Routes and UI ask `allowedPolicyEvents` instead of comparing statuses.
 */
export const POLICY_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const POLICY_STATUS_LABELS: Record<PolicyStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const POLICY_EVENTS = ['edit', 'publish', 'withdraw'] as const;
export type PolicyEvent = (typeof POLICY_EVENTS)[number];

export const POLICY_TRANSITIONS: Record<PolicyEvent, { from: readonly PolicyStatus[]; to: PolicyStatus }> = {
  edit: { from: ['draft'], to: 'draft' },
  publish: { from: ['draft'], to: 'published' },
  withdraw: { from: ['draft'], to: 'withdrawn' },
};

/** Statuses that take part in the timeline of a kind + jurisdiction (a withdrawn draft no longer does). */
export const POLICY_TIMELINE_STATUSES: readonly PolicyStatus[] = ['draft', 'published'];

export type PolicyTransitionResult = { ok: true; to: PolicyStatus } | { ok: false; from: PolicyStatus; event: PolicyEvent };

export function policyTransition(state: PolicyStatus, event: PolicyEvent): PolicyTransitionResult {
  const t = POLICY_TRANSITIONS[event];
  return t.from.includes(state) ? { ok: true, to: t.to } : { ok: false, from: state, event };
}

export function allowedPolicyEvents(state: PolicyStatus): PolicyEvent[] {
  return POLICY_EVENTS.filter((e) => POLICY_TRANSITIONS[e].from.includes(state));
}

/**
 * Versions of one kind + jurisdiction follow each other in time: a draft must take effect strictly after every
 * other draft or published version, so that "the latest effective date" and "the highest version" always name the
 * same version in force. Answers the first version in the way, or null.
 */
export function policyDateConflict<V extends { id: string; status: string; effectiveFrom: string }>(
  effectiveFrom: string, others: readonly V[], selfId?: string,
): V | null {
  return others.find((o) => o.id !== selfId && (POLICY_TIMELINE_STATUSES as readonly string[]).includes(o.status) && o.effectiveFrom >= effectiveFrom) ?? null;
}
