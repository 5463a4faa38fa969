import { afterAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../errors';
import { inspectPdf } from '../test/pdf-text';
import { DEFAULT_CJK_FACE, locateCjkFont, STANDARD_CJK_FONT_PATHS } from './cjk-font';
import { PdfRenderer } from './pdf-renderer';

describe('locateCjkFont', () => {
  it('takes PDF_FONT and PDF_FONT_FACE when set, even when the file is missing', () => {
    expect(locateCjkFont({ PDF_FONT: '/opt/fonts/x.ttc', PDF_FONT_FACE: 'NotoSansCJKtc-Regular' }, () => false))
      .toEqual({ path: '/opt/fonts/x.ttc', face: 'NotoSansCJKtc-Regular' });
  });

  it('otherwise finds the first standard path that exists, with the Simplified Chinese face', () => {
    const second = STANDARD_CJK_FONT_PATHS[1];
    expect(locateCjkFont({}, (p) => p === second)).toEqual({ path: second, face: DEFAULT_CJK_FACE });
  });

  it('reports no font when none exists', () => {
    expect(locateCjkFont({}, () => false)).toEqual({ path: null, face: DEFAULT_CJK_FACE });
  });
});

describe('PdfRenderer', () => {
  const installed = locateCjkFont({});
  const renderers: PdfRenderer[] = [];
  const make = (...args: ConstructorParameters<typeof PdfRenderer>) => {
    const r = new PdfRenderer(...args);
    renderers.push(r);
    return r;
  };
  afterAll(async () => {
    await Promise.all(renderers.map((r) => r.stop()));
  });

  it('answers 503 without starting a worker when the font file is missing', async () => {
    const r = make({ path: null, face: DEFAULT_CJK_FACE });
    expect(r.fontFound).toBe(false);
    const err = await r.render({ content: '出口' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).status).toBe(503);
    expect((err as ProblemError).detailMsg.en).toMatch(/fonts-noto-cjk/);
  });

  it('answers 503 when the face is not in the collection (checked once, when the worker starts)', async () => {
    const r = make({ path: installed.path, face: 'NoSuchFace-Regular' });
    expect(r.fontFound).toBe(true);
    for (let i = 0; i < 2; i++) {
      const err = await r.render({ content: '出口' }).catch((e: unknown) => e);
      expect((err as ProblemError).status).toBe(503);
      expect((err as ProblemError).detailMsg.en).toMatch(/NoSuchFace-Regular/);
    }
  });

  it('renders several documents at once, each with its own page numbers', async () => {
    const r = make(installed);
    const doc = (pages: number) => ({
      content: Array.from({ length: pages }, (_, i) => ({ text: `第${i + 1}部分 出口退货`, ...(i > 0 ? { pageBreak: 'before' as const } : {}) })),
      footer: { left: '打印时间', right: '第 {page} 页 / 共 {pages} 页' },
    });
    const pdfs = await Promise.all([doc(1), doc(3), doc(2)].map((d) => r.render(d)));
    const texts = pdfs.map((p) => inspectPdf(p).text.replace(/\s/g, ''));
    expect(texts[0]).toContain('第1页/共1页');
    expect(texts[1]).toContain('第3页/共3页');
    expect(texts[1]).toContain('第3部分出口退货');
    expect(texts[2]).toContain('第2页/共2页');
    expect(texts[2]).not.toContain('共3页');
  });

  it('refuses with 503 beyond the allowed number of waiting documents instead of piling them up', async () => {
    const r = make(installed, { maxPending: 1 });
    const first = r.render({ content: '一' });
    const second = await r.render({ content: '二' }).catch((e: unknown) => e);
    expect((second as ProblemError).status).toBe(503);
    expect((second as ProblemError).headers['Retry-After']).toBe('5');
    expect((await first).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
