/**
 * The investigation case workflow (追溯调查) as one transition table: opened → assigned → in progress → findings
 * submitted → reviewed → closed, with return for rework, suspension and reopening. A filing-only case (备案调查) is a
 * light record closed on review (`close_on_review`); the other types are reviewed, then closed. Routes and UI ask
 * `allowedInvestigationEvents(state, type)` instead of comparing states.
 */
import type { InvestigationType } from '../risk-info/risk-info.schema';

export const INVESTIGATION_STATES = [
  'opened', 'assigned', 'in_progress', 'findings_submitted', 'reviewed', 'closed', 'suspended',
] as const;
export type InvestigationState = (typeof INVESTIGATION_STATES)[number];

export const INVESTIGATION_STATE_LABELS: Record<InvestigationState, { zh: string; en: string }> = {
  opened: { zh: '已立案', en: 'Opened' },
  assigned: { zh: '已分派', en: 'Assigned' },
  in_progress: { zh: '调查中', en: 'In progress' },
  findings_submitted: { zh: '已提交调查结果', en: 'Findings submitted' },
  reviewed: { zh: '已审核', en: 'Reviewed' },
  closed: { zh: '已结案', en: 'Closed' },
  suspended: { zh: '已中止', en: 'Suspended' },
};

export type InvestigationEvent =
  | 'assign' | 'reassign' | 'start' | 'submit_findings' | 'return_for_rework' | 'review' | 'close' | 'close_on_review'
  | 'suspend' | 'resume' | 'reopen';

/** `manager`: the owning office (investigations.manage); `investigator`: the lead or a collaborator with edit access. */
export type InvestigationActor = 'manager' | 'investigator';

interface Transition {
  from: readonly InvestigationState[];
  to: InvestigationState | 'same';
  by: InvestigationActor;
  needsReason: boolean;
  /** the investigation types the event applies to; absent = all */
  types?: readonly InvestigationType[];
}

const FULL: readonly InvestigationType[] = ['on_site', 'written'];

export const INVESTIGATION_TRANSITIONS: Record<InvestigationEvent, Transition> = {
  assign: { from: ['opened'], to: 'assigned', by: 'manager', needsReason: false },
  reassign: { from: ['assigned', 'in_progress', 'suspended'], to: 'same', by: 'manager', needsReason: false },
  start: { from: ['assigned'], to: 'in_progress', by: 'investigator', needsReason: false },
  submit_findings: { from: ['in_progress'], to: 'findings_submitted', by: 'investigator', needsReason: false },
  return_for_rework: { from: ['findings_submitted'], to: 'in_progress', by: 'manager', needsReason: true },
  review: { from: ['findings_submitted'], to: 'reviewed', by: 'manager', needsReason: false, types: FULL },
  close: { from: ['reviewed'], to: 'closed', by: 'manager', needsReason: false, types: FULL },
  close_on_review: { from: ['findings_submitted'], to: 'closed', by: 'manager', needsReason: false, types: ['filing_only'] },
  suspend: { from: ['assigned', 'in_progress'], to: 'suspended', by: 'manager', needsReason: true },
  resume: { from: ['suspended'], to: 'in_progress', by: 'manager', needsReason: false },
  reopen: { from: ['closed'], to: 'in_progress', by: 'manager', needsReason: true },
};

export const INVESTIGATION_EVENTS = Object.keys(INVESTIGATION_TRANSITIONS) as InvestigationEvent[];

export const INVESTIGATION_EVENT_LABELS: Record<InvestigationEvent, { zh: string; en: string }> = {
  assign: { zh: '分派', en: 'assign' },
  reassign: { zh: '改派', en: 'reassign' },
  start: { zh: '开始调查', en: 'start' },
  submit_findings: { zh: '提交调查结果', en: 'submit findings' },
  return_for_rework: { zh: '退回补充', en: 'return for rework' },
  review: { zh: '审核', en: 'review' },
  close: { zh: '结案', en: 'close' },
  close_on_review: { zh: '审核并结案', en: 'review and close' },
  suspend: { zh: '中止', en: 'suspend' },
  resume: { zh: '恢复', en: 'resume' },
  reopen: { zh: '重新调查', en: 'reopen' },
};

export type InvestigationTransitionResult =
  | { ok: true; from: InvestigationState; to: InvestigationState }
  | { ok: false; code: 'transition_refused'; message: { en: string; zh: string } };

/** The single decision point for every state change of an investigation case. */
export function investigationTransition(state: InvestigationState, event: InvestigationEvent, type: InvestigationType): InvestigationTransitionResult {
  const t = INVESTIGATION_TRANSITIONS[event];
  if (!t || !t.from.includes(state) || (t.types && !t.types.includes(type))) {
    const label = INVESTIGATION_EVENT_LABELS[event] ?? { zh: event, en: event };
    const s = INVESTIGATION_STATE_LABELS[state] ?? { zh: state, en: state };
    return {
      ok: false,
      code: 'transition_refused',
      message: { en: `Cannot ${label.en} a case that is "${s.en}"`, zh: `状态为“${s.zh}”的调查案件不允许${label.zh}` },
    };
  }
  return { ok: true, from: state, to: t.to === 'same' ? state : t.to };
}

export function allowedInvestigationEvents(state: InvestigationState, type: InvestigationType): InvestigationEvent[] {
  return INVESTIGATION_EVENTS.filter((e) => {
    const t = INVESTIGATION_TRANSITIONS[e];
    return t.from.includes(state) && (!t.types || t.types.includes(type));
  });
}

/** States in which the case counts toward its deadline (not finished, not suspended). */
export const RUNNING_INVESTIGATION_STATES: readonly InvestigationState[] = ['opened', 'assigned', 'in_progress', 'findings_submitted', 'reviewed'];
