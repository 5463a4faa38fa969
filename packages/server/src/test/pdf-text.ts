import { inflateSync } from 'node:zlib';

/**
 * A minimal reader for the PDFs our renderer writes (pdfkit: Flate streams, one Identity-H CID font with a
 * ToUnicode map, text shown with hex strings in TJ arrays). It recovers the text the way a viewer would, so tests
 * can check that Chinese glyphs are really embedded and mapped, not just that some bytes came back.
 */
export interface PdfInspection {
  /** text of every TJ operator, concatenated in drawing order (pdfmake draws CJK text a character at a time) */
  text: string;
  baseFonts: string[];
  /** bytes of embedded font programs (FontFile2/FontFile3 streams, compressed) */
  embeddedFontBytes: number;
  pages: number;
}

interface Stream { dict: string; data: Buffer }

function streams(pdf: Buffer): Stream[] {
  const s = pdf.toString('latin1');
  const out: Stream[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (s.slice(m.index - 3, m.index) === 'end') continue;
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    const dict = s.slice(s.lastIndexOf(' obj', m.index), m.index);
    const raw = pdf.subarray(start, end);
    let data = raw;
    if (dict.includes('/FlateDecode')) {
      try { data = inflateSync(raw); } catch { data = Buffer.alloc(0); }
    }
    out.push({ dict, data });
    re.lastIndex = end;
  }
  return out;
}

/** glyph code → Unicode text, from every ToUnicode CMap (bfrange arrays and single targets, bfchar). */
function toUnicodeMap(all: Stream[]): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const st of all) {
    const t = st.data.toString('latin1');
    if (!t.includes('begincmap')) continue;
    for (const block of t.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
        const lo = parseInt(m[1]!, 16);
        const hi = parseInt(m[2]!, 16);
        if (m[3]!.startsWith('[')) {
          [...m[3]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => map.set(lo + i, hexText(u[1]!)));
        } else {
          const base = parseInt(m[3]!.slice(1, -1), 16);
          for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + c - lo));
        }
      }
    }
    for (const block of t.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(m[1]!, 16), hexText(m[2]!));
    }
  }
  return map;
}

export function inspectPdf(pdf: Buffer): PdfInspection {
  const all = streams(pdf);
  const map = toUnicodeMap(all);
  const lines: string[] = [];
  for (const st of all) {
    const t = st.data.toString('latin1');
    for (const tj of t.matchAll(/\[((?:<[0-9a-f]*>|[\s\d.-])*)\]\s*TJ/gi)) {
      const codes = [...tj[1]!.matchAll(/<([0-9a-f]*)>/gi)].flatMap((h) => h[1]!.match(/.{4}/g) ?? []);
      lines.push(codes.map((c) => map.get(parseInt(c, 16)) ?? '\uFFFD').join(''));
    }
  }
  const s = pdf.toString('latin1');
  return {
    text: lines.join(''),
    baseFonts: [...new Set([...s.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+\-]+)/g)].map((m) => m[1]!))],
    embeddedFontBytes: all.filter((st) => /\/Subtype\s*\/(CIDFontType0C|OpenType)|\/Length1/.test(st.dict)).reduce((n, st) => n + st.data.length, 0),
    pages: (s.match(/\/Type\s*\/Page\b/g) ?? []).length,
  };
}
