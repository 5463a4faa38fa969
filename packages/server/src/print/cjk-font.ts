import { existsSync } from 'node:fs';

/**
 * Printed documents are Chinese, so they need a CJK font: Noto Sans CJK from the Debian package `fonts-noto-cjk`
 * (or the same file shipped by other distributions). `PDF_FONT` names another file; `PDF_FONT_FACE` picks the
 * face inside a TrueType/OpenType collection (.ttc), which pdfkit needs by its PostScript name.
 */
export const STANDARD_CJK_FONT_PATHS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', // Debian / Ubuntu fonts-noto-cjk
  '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', // Arch
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', // Fedora
] as const;

/** Simplified Chinese face of the Noto Sans CJK collection. */
export const DEFAULT_CJK_FACE = 'NotoSansCJKsc-Regular';

export interface PdfFontSetting {
  /** the font file; null when none was found */
  path: string | null;
  /** PostScript name of the face inside a collection; ignored for single-face files */
  face: string;
}

/** `PDF_FONT` when set (even if the file is missing, so the operator sees their setting named), else the first standard path. */
export function locateCjkFont(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): PdfFontSetting {
  const face = env.PDF_FONT_FACE?.trim() || DEFAULT_CJK_FACE;
  const configured = env.PDF_FONT?.trim();
  if (configured) return { path: configured, face };
  return { path: STANDARD_CJK_FONT_PATHS.find((p) => exists(p)) ?? null, face };
}

/** Font collections hold several faces; the face name matters only for them. */
export const isFontCollection = (path: string): boolean => /\.ttc$/i.test(path);
