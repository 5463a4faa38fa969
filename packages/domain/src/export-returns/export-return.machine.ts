/**
 * The export-return declaration workflow as one transition table (003 §4.1.2, §4.2). Every state change of a
 * declaration goes through `transition`; routes and UI ask `allowedEvents` instead of comparing statuses.
 */
import { EXPORT_RETURN_STATUS_LABELS, type ExportReturnStatus } from './status';

export type ExportReturnState = ExportReturnStatus | 'deleted';

export type ExportReturnEvent =
  | 'save' | 'delete' | 'submit'
  | 'submit_failed' | 'customs_accept' | 'customs_refuse'
  | 'eaudit_pass' | 'eaudit_reject'
  | 'approve' | 'reject';

/** Who may cause an event: the enterprise operator, the platform's own processing, or a customs auditor. */
export type ExportReturnActor = 'enterprise' | 'system' | 'auditor';

interface Transition {
  from: readonly ExportReturnState[];
  to: ExportReturnState | 'same';
  by: ExportReturnActor;
  /** the receipt (回执) text written with the transition; `null` when none is written (save, delete) */
  receipt: { zh: string; en: string } | null;
  /** a receipt written only when the status actually changes (saving a declaration that was sent back) */
  receiptOnStatusChange?: { zh: string; en: string };
}

/** Editable states: never submitted, or sent back. Save and delete are refused in 1, 3, 5 and 7 (003 §4.1.2). */
const EDITABLE = [0, 2, 4, 6, 8] as const;

export const EXPORT_RETURN_TRANSITIONS: Record<ExportReturnEvent, Transition> = {
  save: {
    from: EDITABLE, to: 0, by: 'enterprise', receipt: null,
    receiptOnStatusChange: { zh: '暂存成功，申请已转为暂存状态', en: 'Saved; the declaration is a draft again' },
  },
  delete: { from: EDITABLE, to: 'deleted', by: 'enterprise', receipt: null },
  submit: { from: EDITABLE, to: 1, by: 'enterprise', receipt: { zh: '已提交', en: 'Submitted' } },
  submit_failed: { from: [1], to: 2, by: 'system', receipt: { zh: '提交失败，请重新提交', en: 'Submission failed; please submit again' } },
  customs_accept: { from: [1], to: 3, by: 'system', receipt: { zh: '海关接收成功', en: 'Received by customs' } },
  customs_refuse: { from: [1], to: 4, by: 'system', receipt: { zh: '海关接收失败', en: 'Refused at customs receipt' } },
  eaudit_pass: { from: [3], to: 5, by: 'system', receipt: { zh: '电子审核成功，进入人工审核环节。', en: 'Electronic audit passed; awaiting manual audit.' } },
  eaudit_reject: { from: [3], to: 6, by: 'system', receipt: { zh: '电子审核退单', en: 'Rejected by electronic audit' } },
  approve: { from: [5], to: 7, by: 'auditor', receipt: { zh: '接收申报、出口退货登记办理成功。', en: 'Declaration accepted; export return registered.' } },
  reject: { from: [5], to: 8, by: 'auditor', receipt: { zh: '人工审核退单', en: 'Rejected by manual audit' } },
};

export const EXPORT_RETURN_EVENTS = Object.keys(EXPORT_RETURN_TRANSITIONS) as ExportReturnEvent[];

export type TransitionResult =
  | { ok: true; from: ExportReturnState; to: ExportReturnState; receipt: Transition['receipt'] }
  | { ok: false; code: 'transition_refused'; message: { en: string; zh: string } };

const stateLabel = (s: ExportReturnState) =>
  s === 'deleted' ? { zh: '已删除', en: 'deleted' } : { zh: `${s}-${EXPORT_RETURN_STATUS_LABELS[s].zh}`, en: `${s} ${EXPORT_RETURN_STATUS_LABELS[s].en}` };

/** What the refused action is called in messages to the user. */
export const EXPORT_RETURN_EVENT_LABELS: Record<ExportReturnEvent, { zh: string; en: string }> = {
  save: { zh: '暂存', en: 'save' },
  delete: { zh: '删除', en: 'delete' },
  submit: { zh: '提交', en: 'submit' },
  submit_failed: { zh: '提交失败', en: 'mark submission failed' },
  customs_accept: { zh: '海关接收', en: 'customs receipt' },
  customs_refuse: { zh: '海关拒收', en: 'customs refusal' },
  eaudit_pass: { zh: '电子审核通过', en: 'pass electronic audit' },
  eaudit_reject: { zh: '电子审核退单', en: 'reject in electronic audit' },
  approve: { zh: '人工审核通过', en: 'approve' },
  reject: { zh: '人工审核退单', en: 'reject' },
};

/** The single decision point for every status change of an export-return declaration. */
export function transition(state: ExportReturnState, event: ExportReturnEvent): TransitionResult {
  const t = EXPORT_RETURN_TRANSITIONS[event];
  if (!t || !t.from.includes(state)) {
    return {
      ok: false,
      code: 'transition_refused',
      message: {
        en: `Cannot ${EXPORT_RETURN_EVENT_LABELS[event]?.en ?? event} a declaration in status ${stateLabel(state).en}`,
        zh: `状态为“${stateLabel(state).zh}”的申请不允许${EXPORT_RETURN_EVENT_LABELS[event]?.zh ?? event}`,
      },
    };
  }
  const to = t.to === 'same' ? state : t.to;
  return { ok: true, from: state, to, receipt: t.receipt ?? (to !== state ? t.receiptOnStatusChange ?? null : null) };
}

/** The events an actor may cause in a state: what the UI shows as enabled buttons. */
export function allowedEvents(state: ExportReturnState, actor?: ExportReturnActor): ExportReturnEvent[] {
  return EXPORT_RETURN_EVENTS.filter((e) => {
    const t = EXPORT_RETURN_TRANSITIONS[e];
    return t.from.includes(state) && (actor === undefined || t.by === actor);
  });
}

/** Events that send a declaration back to the enterprise with a reason (退单): refused at receipt, e-audit, manual audit. */
export const REJECTION_EVENTS: readonly ExportReturnEvent[] = ['customs_refuse', 'eaudit_reject', 'reject'];

/** Is this the state a rejection leads to (4, 6 or 8)? The enterprise then sees the latest reason. */
export function isRejectedState(state: ExportReturnState): boolean {
  return REJECTION_EVENTS.some((e) => EXPORT_RETURN_TRANSITIONS[e].to === state);
}

/** The state an event leads to from wherever it is allowed (all targets are fixed states). */
export function targetOf(event: ExportReturnEvent): ExportReturnState {
  const to = EXPORT_RETURN_TRANSITIONS[event].to;
  if (to === 'same') throw new Error(`event ${event} keeps the state`);
  return to;
}
