import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateCjkFont, type PdfFontSetting } from './print/cjk-font';
import { randomToken } from './security/crypto';

export interface ServerConfig {
  bodyLimit: number;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  lockThreshold: number;
  lockMs: number;
  /** key material for SM4 encryption of secrets at rest */
  secretKey: string;
  trustProxy: boolean;
  /** CJK font for printed PDFs (`PDF_FONT`, `PDF_FONT_FACE`, else the fonts-noto-cjk file) */
  pdfFont: PdfFontSetting;
}

const MIN = 60_000;

export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    bodyLimit: Number(process.env.BODY_LIMIT ?? 1024 * 1024),
    sessionIdleMs: 30 * MIN,
    sessionAbsoluteMs: 12 * 60 * MIN,
    lockThreshold: 5,
    lockMs: 15 * MIN,
    secretKey: process.env.RETURNTRACE_SECRET ?? randomToken(),
    trustProxy: process.env.TRUST_PROXY === 'true',
    pdfFont: locateCjkFont(),
    ...overrides,
  };
}

/** The secret key persists beside the PGlite data so encrypted values survive restarts. */
export function secretKeyFor(dataDir: string | undefined): string | undefined {
  if (process.env.RETURNTRACE_SECRET) return process.env.RETURNTRACE_SECRET;
  if (!dataDir) return undefined;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomToken(32), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
