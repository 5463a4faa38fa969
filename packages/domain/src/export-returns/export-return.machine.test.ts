import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedEvents, EXPORT_RETURN_EVENTS, isRejectedState, transition, type ExportReturnEvent, type ExportReturnState,
} from './export-return.machine';
import { EXPORT_RETURN_STATUSES } from './status';

/** The status table of the manual (003 §4.2), written out by hand: event → [from states, to]. */
const TABLE: Record<ExportReturnEvent, [ExportReturnState[], ExportReturnState]> = {
  save: [[0, 2, 4, 6, 8], 0],
  delete: [[0, 2, 4, 6, 8], 'deleted'],
  submit: [[0, 2, 4, 6, 8], 1],
  submit_failed: [[1], 2],
  customs_accept: [[1], 3],
  customs_refuse: [[1], 4],
  eaudit_pass: [[3], 5],
  eaudit_reject: [[3], 6],
  approve: [[5], 7],
  reject: [[5], 8],
};
const STATES: ExportReturnState[] = [...EXPORT_RETURN_STATUSES, 'deleted'];

describe('export-return machine', () => {
  it('allows exactly the events of the table, to the table\'s state', () => {
    for (const s of STATES) {
      for (const e of EXPORT_RETURN_EVENTS) {
        const [from, to] = TABLE[e];
        const r = transition(s, e);
        expect(r.ok, `${e} in ${s}`).toBe(from.includes(s));
        if (r.ok) expect(r.to).toBe(to);
      }
    }
  });

  it('refuses save and delete in 1, 3, 5 and 7, with a bilingual message', () => {
    for (const s of [1, 3, 5, 7] as const) {
      for (const e of ['save', 'delete'] as const) {
        const r = transition(s, e);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message.zh).toContain('不允许');
      }
    }
  });

  it('writes a receipt for every status change; saving a draft again is no status change', () => {
    for (const s of STATES) {
      for (const e of EXPORT_RETURN_EVENTS) {
        const r = transition(s, e);
        if (r.ok && r.to !== 'deleted') expect(r.receipt !== null, `${e} in ${s}`).toBe(r.to !== s || e !== 'save');
      }
    }
  });

  it('names the rejection states 4, 6, 8', () => {
    expect(STATES.filter(isRejectedState)).toEqual([4, 6, 8]);
  });

  it('property: a run of events follows the table; refused events never change the state', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...EXPORT_RETURN_EVENTS), { maxLength: 40 }), (events) => {
      let state: ExportReturnState = 0;
      for (const e of events) {
        const allowed = allowedEvents(state);
        const r = transition(state, e);
        expect(r.ok).toBe(allowed.includes(e));
        expect(r.ok).toBe(TABLE[e][0].includes(state));
        if (r.ok) state = r.to;
        // a refusal leaves `state` untouched by construction of the loop; the machine has no hidden state either
        expect(transition(state, e).ok).toBe(TABLE[e][0].includes(state));
      }
      expect(STATES).toContain(state);
    }));
  });

  it('property: actors only get their own events', () => {
    fc.assert(fc.property(fc.constantFrom(...STATES), (s) => {
      const ent = allowedEvents(s, 'enterprise');
      const aud = allowedEvents(s, 'auditor');
      const sys = allowedEvents(s, 'system');
      expect([...ent, ...aud, ...sys].sort()).toEqual(allowedEvents(s).sort());
      expect(ent.every((e) => ['save', 'delete', 'submit'].includes(e))).toBe(true);
      expect(aud.every((e) => ['approve', 'reject'].includes(e))).toBe(true);
    }));
  });
});
