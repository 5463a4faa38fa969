/**
 * RFC 6238 TOTP (HMAC-SHA-1, default 6 digits and 30-second steps) over RFC 4226 HOTP, and RFC 4648 base32.
 * Written here rather than taken from a package: it is a few lines, has no dependency, and is tested against
 * the RFCs' own vectors. `node:crypto` is pure computation here (HMAC and random bytes).
 */
import { createHmac, randomBytes } from 'node:crypto';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B32_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) {
  B32_VALUE[B32.charCodeAt(i)] = i;
  B32_VALUE[B32.toLowerCase().charCodeAt(i)] = i;
}

/** RFC 4648 base32; `padding` adds the trailing `=` (off by default, as authenticator apps expect). */
export function base32Encode(bytes: Uint8Array, { padding = false }: { padding?: boolean } = {}): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += B32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(buffer << (5 - bits)) & 31];
  if (padding) while (out.length % 8 !== 0) out += '=';
  return out;
}

/**
 * Decodes base32, case-insensitively, ignoring spaces, hyphens and trailing `=` (people copy secrets by hand).
 * Throws a TypeError on any other character or on a length no encoder can produce.
 */
export function base32Decode(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  let count = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45) continue;
    const v = c < 128 ? B32_VALUE[c]! : -1;
    if (v < 0) throw new TypeError(`base32: invalid character at position ${i}`);
    buffer = ((buffer << 5) | v) & 0xfff;
    bits += 5;
    count++;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const rest = count % 8;
  if (rest === 1 || rest === 3 || rest === 6) throw new TypeError('base32: impossible length');
  return Uint8Array.from(out);
}

/** A new random secret of `bytes` bytes (20 = 160 bits, as RFC 4226 recommends), base32 without padding. */
export const generateTotpSecret = (bytes = 20): string => base32Encode(randomBytes(bytes));

/** RFC 4226 HOTP value for `counter` (0 ≤ counter < 2^53). */
export function hotp(key: Uint8Array, counter: number, digits = 6): string {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('hotp: counter must be a non-negative safe integer');
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) throw new RangeError('hotp: digits must be 6 to 10');
  const msg = Buffer.alloc(8);
  msg.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  msg.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) * 2 ** 24) + (mac[offset + 1]! << 16) + (mac[offset + 2]! << 8) + mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export interface TotpOptions {
  /** default 6 */
  digits?: number;
  /** step length in seconds, default 30 */
  step?: number;
}

/** The time step (counter) containing `timeMs`. */
export const totpStep = (timeMs: number, step = 30): number => Math.floor(timeMs / 1000 / step);

export function totpCode(secretBase32: string, timeMs: number, { digits = 6, step = 30 }: TotpOptions = {}): string {
  return hotp(base32Decode(secretBase32), totpStep(timeMs, step), digits);
}

export interface VerifyTotpOptions extends TotpOptions {
  /** how many steps before and after the current one are accepted (default 1: ±30 s) */
  window?: number;
  /** the last step already used by this user: a code for this step or an earlier one is refused (replay) */
  lastStep?: number | null;
}

export type TotpVerification =
  | { ok: true; step: number }
  | { ok: false; step: number; reason: 'malformed' | 'mismatch' | 'replayed' };

/** Constant-time comparison of two equal-length digit strings. */
function sameDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks `code` against the steps around `timeMs`. On success `step` is the matched step, to be stored as the
 * user's `lastStep`; on failure it is the current step. Throws when the secret is not base32.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  timeMs: number,
  { window = 1, lastStep, digits = 6, step = 30 }: VerifyTotpOptions = {},
): TotpVerification {
  const key = base32Decode(secretBase32);
  const current = totpStep(timeMs, step);
  const candidate = code.trim();
  if (candidate.length !== digits || !/^[0-9]+$/.test(candidate)) return { ok: false, step: current, reason: 'malformed' };
  let replayed = false;
  // current step first, then outwards: 0, -1, +1, -2, +2, …
  for (let k = 0; k <= 2 * window; k++) {
    const s = current + (k % 2 === 0 ? k / 2 : -(k + 1) / 2);
    if (s < 0) continue;
    if (sameDigits(hotp(key, s, digits), candidate)) {
      if (lastStep !== undefined && lastStep !== null && s <= lastStep) replayed = true;
      else return { ok: true, step: s };
    }
  }
  return { ok: false, step: current, reason: replayed ? 'replayed' : 'mismatch' };
}

/** `otpauth://` URI for authenticator apps (Key Uri Format); show it as a QR code. */
export function otpauthUri(issuer: string, account: string, secretBase32: string, { digits = 6, step = 30 }: TotpOptions = {}): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const secret = secretBase32.replace(/[\s=-]/g, '').toUpperCase();
  const query = `secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${digits}&period=${step}`;
  return `otpauth://totp/${label}?${query}`;
}
