import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCardCheckChar, idCardNumberSchema, isIdCardNumber, parseIdCardNumber } from './id-card';

describe('identity number', () => {
  it('accepts the GB 11643 example and reads it', () => {
    expect(parseIdCardNumber('11010519491231002X')).toEqual({
      ok: true, value: { divisionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it.each([
    ['11010519491231002', 'id_card_length'],
    ['11010519491231002XX', 'id_card_length'],
    ['11010519491231002x', 'id_card_lowercase_x'],
    ['1101051949123100AX', 'id_card_format'],
    ['11010519491231002Y', 'id_card_format'],
    ['99010519491231002X', 'id_card_division'],
    ['110105194902300020', 'id_card_birth_date'],
    ['110105190002290020', 'id_card_birth_date'],
    ['110105189912310020', 'id_card_birth_date'],
    ['110105194913310020', 'id_card_birth_date'],
    ['110105194912310021', 'id_card_check'],
  ])('%j → %s', (input, code) => {
    const r = parseIdCardNumber(input);
    expect(r.ok ? null : r.code).toBe(code);
    const s = idCardNumberSchema.safeParse(input);
    expect((s.error?.issues[0] as { params?: { code: string } }).params?.code).toBe(code);
  });

  it('accepts 29 February of a leap year', () => {
    const first17 = '11010520000229001';
    expect(isIdCardNumber(first17 + idCardCheckChar(first17))).toBe(true);
  });

  it('property: generated numbers validate and any single digit change is detected', () => {
    const arb = fc.record({
      y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }),
      seq: fc.integer({ min: 0, max: 999 }), pos: fc.nat(16), digit: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(arb, ({ y, m, d, seq, pos, digit }) => {
        const p = `440305${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
        const id = p + idCardCheckChar(p);
        expect(isIdCardNumber(id)).toBe(true);
        fc.pre(id[pos] !== String(digit));
        const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
        expect(isIdCardNumber(changed)).toBe(false);
      }),
    );
  });
});
