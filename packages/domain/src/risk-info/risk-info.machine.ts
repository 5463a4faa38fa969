/**
 * The life of a risk-information record (风险信息) and its collection form (采集表), 000 §3.1.2-3.1.3, as one
 * transition table. A record is collected, its form reviewed (审核意见), then transferred (传递) to the investigating
 * organisation, which accepts or declines with a reason; a declined record can be transferred elsewhere. Accepted
 * records get an investigation case; closing the case closes the record. Routes and UI ask `allowedRiskInfoEvents`.
 */
export const RISK_INFO_STATES = [
  'collected', 'reviewed', 'dismissed', 'transferred', 'accepted', 'declined', 'investigating', 'closed',
] as const;
export type RiskInfoState = (typeof RISK_INFO_STATES)[number];

export const RISK_INFO_STATE_LABELS: Record<RiskInfoState, { zh: string; en: string }> = {
  collected: { zh: '已采集待审核', en: 'Collected, awaiting review' },
  reviewed: { zh: '已审核待移送', en: 'Reviewed, awaiting transfer' },
  dismissed: { zh: '不予调查', en: 'Dismissed' },
  transferred: { zh: '已移送待受理', en: 'Transferred, awaiting acceptance' },
  accepted: { zh: '已受理', en: 'Accepted' },
  declined: { zh: '已退回', en: 'Declined by the investigating body' },
  investigating: { zh: '调查中', en: 'Under investigation' },
  closed: { zh: '已办结', en: 'Closed' },
};

export type RiskInfoEvent =
  | 'edit' | 'review' | 'dismiss' | 'reopen' | 'transfer' | 'accept' | 'decline' | 'open_case' | 'close' | 'reopen_case';

/** Who acts: the collecting office (collection, review, transfer), the investigating body, or the case workflow. */
export type RiskInfoActor = 'collector' | 'reviewer' | 'investigating_body' | 'case';

interface Transition {
  from: readonly RiskInfoState[];
  to: RiskInfoState | 'same';
  by: RiskInfoActor;
  /** a reason must accompany the event */
  needsReason: boolean;
}

export const RISK_INFO_TRANSITIONS: Record<RiskInfoEvent, Transition> = {
  edit: { from: ['collected', 'reviewed', 'declined'], to: 'same', by: 'collector', needsReason: false },
  review: { from: ['collected'], to: 'reviewed', by: 'reviewer', needsReason: false },
  dismiss: { from: ['collected', 'reviewed', 'declined'], to: 'dismissed', by: 'reviewer', needsReason: true },
  reopen: { from: ['dismissed'], to: 'collected', by: 'reviewer', needsReason: true },
  transfer: { from: ['reviewed', 'declined'], to: 'transferred', by: 'reviewer', needsReason: false },
  accept: { from: ['transferred'], to: 'accepted', by: 'investigating_body', needsReason: false },
  decline: { from: ['transferred'], to: 'declined', by: 'investigating_body', needsReason: true },
  open_case: { from: ['accepted'], to: 'investigating', by: 'case', needsReason: false },
  close: { from: ['investigating'], to: 'closed', by: 'case', needsReason: false },
  reopen_case: { from: ['closed'], to: 'investigating', by: 'case', needsReason: false },
};

export const RISK_INFO_EVENTS = Object.keys(RISK_INFO_TRANSITIONS) as RiskInfoEvent[];

export const RISK_INFO_EVENT_LABELS: Record<RiskInfoEvent, { zh: string; en: string }> = {
  edit: { zh: '修改采集表', en: 'edit the collection form' },
  review: { zh: '审核', en: 'review' },
  dismiss: { zh: '不予调查', en: 'dismiss' },
  reopen: { zh: '重新启用', en: 'reopen' },
  transfer: { zh: '移送调查机构', en: 'transfer' },
  accept: { zh: '受理', en: 'accept' },
  decline: { zh: '退回', en: 'decline' },
  open_case: { zh: '立案调查', en: 'open an investigation' },
  close: { zh: '办结', en: 'close' },
  reopen_case: { zh: '重新调查', en: 'reopen the investigation' },
};

export type RiskInfoTransitionResult =
  | { ok: true; from: RiskInfoState; to: RiskInfoState }
  | { ok: false; code: 'transition_refused'; message: { en: string; zh: string } };

/** The single decision point for every state change of a risk-information record. */
export function riskInfoTransition(state: RiskInfoState, event: RiskInfoEvent): RiskInfoTransitionResult {
  const t = RISK_INFO_TRANSITIONS[event];
  if (!t || !t.from.includes(state)) {
    const label = RISK_INFO_EVENT_LABELS[event] ?? { zh: event, en: event };
    const s = RISK_INFO_STATE_LABELS[state] ?? { zh: state, en: state };
    return {
      ok: false,
      code: 'transition_refused',
      message: { en: `Cannot ${label.en} a risk-information record that is "${s.en}"`, zh: `状态为“${s.zh}”的风险信息不允许${label.zh}` },
    };
  }
  return { ok: true, from: state, to: t.to === 'same' ? state : t.to };
}

export function allowedRiskInfoEvents(state: RiskInfoState): RiskInfoEvent[] {
  return RISK_INFO_EVENTS.filter((e) => RISK_INFO_TRANSITIONS[e].from.includes(state));
}
