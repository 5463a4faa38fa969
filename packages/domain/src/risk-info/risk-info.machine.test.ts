import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedRiskInfoEvents, RISK_INFO_EVENTS, RISK_INFO_STATES, RISK_INFO_TRANSITIONS, riskInfoTransition,
  type RiskInfoEvent, type RiskInfoState,
} from './risk-info.machine';
import { MANUAL_RISK_SOURCES, RISK_SOURCE_INFO, RISK_SOURCES } from './sources';

/** The record's life written out by hand (000 §3.1.2-3.1.3): event → [from states, to]. */
const TABLE: Record<RiskInfoEvent, [RiskInfoState[], RiskInfoState | 'same']> = {
  edit: [['collected', 'reviewed', 'declined'], 'same'],
  review: [['collected'], 'reviewed'],
  dismiss: [['collected', 'reviewed', 'declined'], 'dismissed'],
  reopen: [['dismissed'], 'collected'],
  transfer: [['reviewed', 'declined'], 'transferred'],
  accept: [['transferred'], 'accepted'],
  decline: [['transferred'], 'declined'],
  open_case: [['accepted'], 'investigating'],
  close: [['investigating'], 'closed'],
  reopen_case: [['closed'], 'investigating'],
};

describe('risk-information machine', () => {
  it('allows exactly the events of the table, to the table\'s state', () => {
    for (const s of RISK_INFO_STATES) {
      for (const e of RISK_INFO_EVENTS) {
        const [from, to] = TABLE[e];
        const r = riskInfoTransition(s, e);
        expect(r.ok, `${e} in ${s}`).toBe(from.includes(s));
        if (r.ok) expect(r.to).toBe(to === 'same' ? s : to);
      }
    }
  });

  it('refuses out-of-order events with a bilingual message', () => {
    const r = riskInfoTransition('collected', 'transfer');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.zh).toContain('不允许移送调查机构');
      expect(r.message.en).toContain('Cannot transfer');
    }
  });

  it('asks for a reason exactly where a decision is negative or undoes one', () => {
    const withReason = RISK_INFO_EVENTS.filter((e) => RISK_INFO_TRANSITIONS[e].needsReason).sort();
    expect(withReason).toEqual(['decline', 'dismiss', 'reopen']);
  });

  it('allowedRiskInfoEvents agrees with riskInfoTransition', () => {
    for (const s of RISK_INFO_STATES) {
      expect(allowedRiskInfoEvents(s)).toEqual(RISK_INFO_EVENTS.filter((e) => riskInfoTransition(s, e).ok));
    }
  });

  it('property: every state stays reachable from collection and refused events never change the state', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...RISK_INFO_EVENTS), { maxLength: 50 }), (events) => {
      let state: RiskInfoState = 'collected';
      for (const e of events) {
        const r = riskInfoTransition(state, e);
        if (r.ok) {
          expect(allowedRiskInfoEvents(state)).toContain(e);
          state = r.to;
        } else {
          expect(allowedRiskInfoEvents(state)).not.toContain(e);
        }
      }
      // No dead end: from every state some event leads on.
      expect(allowedRiskInfoEvents(state).length).toBeGreaterThan(0);
    }));
  });
});

describe('risk-information sources', () => {
  it('covers every source of 001 art. 8 with a bilingual label and a clause', () => {
    for (const s of RISK_SOURCES) {
      expect(RISK_SOURCE_INFO[s].label.zh.length).toBeGreaterThan(1);
      expect(RISK_SOURCE_INFO[s].label.en.length).toBeGreaterThan(1);
      expect(RISK_SOURCE_INFO[s].clause).toMatch(/^00[014]/);
    }
  });

  it('lets officers enter every source by hand except declarations and public reports', () => {
    expect(RISK_SOURCES.filter((s) => !MANUAL_RISK_SOURCES.includes(s))).toEqual(['export_return', 'public_report']);
  });

  it('marks complaints, reports and media as on-site sources (000 §3.3.1)', () => {
    expect(RISK_SOURCES.filter((s) => RISK_SOURCE_INFO[s].complaintOrMedia).sort())
      .toEqual(['complaint_report', 'consumer_complaint', 'media', 'public_report']);
  });
});
