import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVESTIGATION_TYPES, type InvestigationType } from '../risk-info/risk-info.schema';
import {
  allowedInvestigationEvents, INVESTIGATION_EVENTS, INVESTIGATION_STATES, INVESTIGATION_TRANSITIONS,
  investigationTransition, type InvestigationEvent, type InvestigationState,
} from './investigation.machine';
import {
  allowedQuestionnaireEvents, isQuestionnaireOverdue, QUESTIONNAIRE_STATES, questionnaireTransition,
} from './questionnaire.schema';

const ALL = INVESTIGATION_TYPES;
const FULL: InvestigationType[] = ['on_site', 'written'];
/** The case workflow written out by hand: event → [from states, to, types]. */
const TABLE: Record<InvestigationEvent, [InvestigationState[], InvestigationState | 'same', readonly InvestigationType[]]> = {
  assign: [['opened'], 'assigned', ALL],
  reassign: [['assigned', 'in_progress', 'suspended'], 'same', ALL],
  start: [['assigned'], 'in_progress', ALL],
  submit_findings: [['in_progress'], 'findings_submitted', ALL],
  return_for_rework: [['findings_submitted'], 'in_progress', ALL],
  review: [['findings_submitted'], 'reviewed', FULL],
  close: [['reviewed'], 'closed', FULL],
  close_on_review: [['findings_submitted'], 'closed', ['filing_only']],
  suspend: [['assigned', 'in_progress'], 'suspended', ALL],
  resume: [['suspended'], 'in_progress', ALL],
  reopen: [['closed'], 'in_progress', ALL],
};

describe('investigation machine', () => {
  it('allows exactly the events of the table for each type', () => {
    for (const type of INVESTIGATION_TYPES) {
      for (const s of INVESTIGATION_STATES) {
        for (const e of INVESTIGATION_EVENTS) {
          const [from, to, types] = TABLE[e];
          const r = investigationTransition(s, e, type);
          expect(r.ok, `${e} in ${s} (${type})`).toBe(from.includes(s) && types.includes(type));
          if (r.ok) expect(r.to).toBe(to === 'same' ? s : to);
        }
      }
    }
  });

  it('refuses closing an unreviewed case', () => {
    for (const s of ['opened', 'assigned', 'in_progress', 'findings_submitted'] as const) {
      const r = investigationTransition(s, 'close', 'on_site');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.zh).toContain('不允许结案');
    }
  });

  it('needs a reason to send back, suspend and reopen', () => {
    expect(INVESTIGATION_EVENTS.filter((e) => INVESTIGATION_TRANSITIONS[e].needsReason).sort())
      .toEqual(['reopen', 'return_for_rework', 'suspend']);
  });

  it('property: any run of events follows allowedInvestigationEvents and every case can still be closed', () => {
    fc.assert(fc.property(fc.constantFrom(...INVESTIGATION_TYPES), fc.array(fc.constantFrom(...INVESTIGATION_EVENTS), { maxLength: 60 }), (type, events) => {
      let state: InvestigationState = 'opened';
      for (const e of events) {
        const r = investigationTransition(state, e, type);
        expect(allowedInvestigationEvents(state, type).includes(e)).toBe(r.ok);
        if (r.ok) state = r.to;
      }
      // From anywhere, a shortest path to `closed` exists (breadth-first over allowed events).
      const seen = new Set<InvestigationState>([state]);
      let frontier: InvestigationState[] = [state];
      while (frontier.length && !seen.has('closed')) {
        frontier = frontier.flatMap((s) => allowedInvestigationEvents(s, type).map((e) => {
          const r = investigationTransition(s, e, type);
          return r.ok ? r.to : s;
        })).filter((s) => !seen.has(s) && seen.add(s));
      }
      expect(seen.has('closed')).toBe(true);
    }));
  });
});

describe('questionnaire machine', () => {
  it('lets the enterprise answer when sent or returned, and the investigator decide once answered', () => {
    expect(allowedQuestionnaireEvents('sent').sort()).toEqual(['answer', 'withdraw']);
    expect(allowedQuestionnaireEvents('returned').sort()).toEqual(['answer', 'withdraw']);
    expect(allowedQuestionnaireEvents('answered').sort()).toEqual(['accept', 'return']);
    expect(allowedQuestionnaireEvents('accepted')).toEqual([]);
    expect(allowedQuestionnaireEvents('withdrawn')).toEqual([]);
    for (const s of QUESTIONNAIRE_STATES) {
      for (const e of ['answer', 'accept', 'return', 'withdraw'] as const) {
        expect(questionnaireTransition(s, e).ok).toBe(allowedQuestionnaireEvents(s).includes(e));
      }
    }
  });

  it.each([
    ['sent', '2026-11-20', '2026-11-20', false],
    ['sent', '2026-11-20', '2026-11-21', true],
    ['returned', '2026-11-20', '2026-11-21', true],
    ['answered', '2026-11-20', '2026-12-21', false],
    ['withdrawn', '2026-11-20', '2026-12-21', false],
  ] as const)('%s due %s is overdue on %s: %s', (state, due, today, overdue) => {
    expect(isQuestionnaireOverdue(state, due, today)).toBe(overdue);
  });
});
