import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, generateTotpSecret, hotp, otpauthUri, totpCode, verifyTotp } from './totp';

const ascii = (s: string) => new TextEncoder().encode(s);
const RFC_SECRET = base32Encode(ascii('12345678901234567890'));

describe('base32 (RFC 4648 §10 vectors)', () => {
  it.each([
    ['', ''], ['f', 'MY======'], ['fo', 'MZXQ===='], ['foo', 'MZXW6==='], ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI======'],
  ])('%j ↔ %s', (plain, encoded) => {
    expect(base32Encode(ascii(plain), { padding: true })).toBe(encoded);
    expect(base32Encode(ascii(plain))).toBe(encoded.replace(/=+$/, ''));
    expect(new TextDecoder().decode(base32Decode(encoded))).toBe(plain);
    expect(new TextDecoder().decode(base32Decode(encoded.toLowerCase().replace(/=+$/, '')))).toBe(plain);
  });

  it('ignores spaces and hyphens people type', () => {
    expect(base32Decode('MZXW 6YTB-OI')).toEqual(ascii('foobar'));
  });

  it.each(['MZXW1', 'MZ XW!', 'M', 'MZX', 'MZXW6Y', 'MZ=XW', 'МZXW'])('refuses %j', (bad) => {
    expect(() => base32Decode(bad)).toThrow(TypeError);
  });

  it('property: decode(encode(x)) = x', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }));
  });
});

describe('HOTP (RFC 4226 appendix D)', () => {
  it('matches the published values', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(ascii('12345678901234567890'), i))).toEqual(expected);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T = %i s → %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000, { digits: 8 })).toBe(code);
    expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
  });
});

describe('verifyTotp', () => {
  const t = 1_767_225_600_000; // 2026-01-01T00:00:00Z, a step boundary
  const step = t / 30_000;
  const at = (dt: number) => totpCode(RFC_SECRET, t + dt);

  it.each([
    ['current step', at(0), {}, { ok: true, step }],
    ['previous step within window', at(-30_000), {}, { ok: true, step: step - 1 }],
    ['next step within window', at(30_000), {}, { ok: true, step: step + 1 }],
    ['two steps back outside window 1', at(-60_000), {}, { ok: false, step, reason: 'mismatch' }],
    ['two steps back inside window 2', at(-60_000), { window: 2 }, { ok: true, step: step - 2 }],
    ['window 0 refuses the previous step', at(-30_000), { window: 0 }, { ok: false, step, reason: 'mismatch' }],
    ['replay of the last used step', at(0), { lastStep: step }, { ok: false, step, reason: 'replayed' }],
    ['replay of an older step', at(-30_000), { lastStep: step }, { ok: false, step, reason: 'replayed' }],
    ['a later step after the last used one', at(30_000), { lastStep: step }, { ok: true, step: step + 1 }],
    ['null lastStep means none', at(0), { lastStep: null }, { ok: true, step }],
    ['letters', 'abcdef', {}, { ok: false, step, reason: 'malformed' }],
    ['too short', '12345', {}, { ok: false, step, reason: 'malformed' }],
    ['too long', '1234567', {}, { ok: false, step, reason: 'malformed' }],
    ['surrounding spaces are tolerated', ` ${at(0)} `, {}, { ok: true, step }],
  ] as const)('%s', (_name, code, options, expected) => {
    expect(verifyTotp(RFC_SECRET, code, t, options)).toEqual(expected);
  });

  it('a wrong code is a mismatch', () => {
    const near = [at(-30_000), at(0), at(30_000)];
    let n = Number(at(0));
    let wrong = '';
    do wrong = String(++n % 1_000_000).padStart(6, '0'); while (near.includes(wrong));
    expect(verifyTotp(RFC_SECRET, wrong, t)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('property: a generated secret verifies its own code at any time', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (time) => {
      const secret = generateTotpSecret();
      expect(verifyTotp(secret, totpCode(secret, time), time).ok).toBe(true);
    }), { numRuns: 50 });
  });
});

describe('generateTotpSecret and otpauthUri', () => {
  it('makes 160-bit base32 secrets', () => {
    const s = generateTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(s)).toHaveLength(20);
    expect(generateTotpSecret(10)).toMatch(/^[A-Z2-7]{16}$/);
  });

  it('builds a Key Uri', () => {
    expect(otpauthUri('ReturnTrace', 'zhang.wei@深圳', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/ReturnTrace:zhang.wei%40%E6%B7%B1%E5%9C%B3?secret=JBSWY3DPEHPK3PXP&issuer=ReturnTrace&algorithm=SHA1&digits=6&period=30',
    );
  });
});
