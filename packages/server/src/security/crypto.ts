import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SM3 (GB/T 32905) digest as lowercase hex. */
export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * SM4-CBC encryption for secrets at rest (TOTP seeds). The 16-byte key comes from configuration; the IV is random
 * per value and stored with it as `iv.ciphertext` in base64url.
 */
export class SecretBox {
  private readonly key: Buffer;
  constructor(keyMaterial: string) {
    this.key = createHash('sm3').update(keyMaterial).digest().subarray(0, 16);
  }
  seal(plain: string): string {
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-cbc', this.key, iv);
    return `${iv.toString('base64url')}.${Buffer.concat([c.update(plain, 'utf8'), c.final()]).toString('base64url')}`;
  }
  open(sealed: string): string {
    const [iv, data] = sealed.split('.');
    if (!iv || !data) throw new Error('malformed sealed value');
    const d = createDecipheriv('sm4-cbc', this.key, Buffer.from(iv, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8');
  }
}
