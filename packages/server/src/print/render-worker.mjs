// @ts-check
/**
 * Renders PDF documents off the main thread. Laying out CJK text and subsetting the CFF outlines of Noto Sans CJK
 * take a few hundred milliseconds of pure CPU per document; doing it here keeps the API's event loop free.
 * Plain JavaScript so that it runs as a worker under every runner (tsx, vitest, plain node) without a loader.
 *
 * Protocol: workerData `{ fontPath, face, collection }`. The worker loads the font once, renders a short Chinese
 * sample to prove it works, then posts `{ type: 'ready' }` or `{ type: 'font_error', message }`. Each request
 * `{ id, doc }` is answered with `{ id, ok: true, pdf }` (an ArrayBuffer, transferred) or `{ id, ok: false, message }`.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import pdfmake from 'pdfmake';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { fontPath, face, collection } = /** @type {{ fontPath: string, face: string, collection: boolean }} */ (workerData);
const FONT_KEY = 'cjk-font';
const FAMILY = 'CJK';

// Documents are built from our own records: nothing may be fetched from the network or the disk while rendering.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);

/** A fresh descriptor per document: pdfmake replaces the file name by the font bytes inside the descriptor. */
function useFont() {
  const src = () => (collection ? [FONT_KEY, face] : FONT_KEY);
  pdfmake.setFonts({ [FAMILY]: { normal: src(), bold: src(), italics: src(), bolditalics: src() } });
}

/**
 * The page footer is data in the request (functions cannot cross threads): `left` text, and `right` with
 * `{page}` and `{pages}` placeholders.
 * @param {{ left?: string, right?: string } | undefined} footer
 */
function footerOf(footer) {
  if (!footer) return undefined;
  return (/** @type {number} */ page, /** @type {number} */ pages) => ({
    columns: [
      { text: footer.left ?? '', alignment: 'left', width: '*' },
      { text: (footer.right ?? '').replace('{page}', String(page)).replace('{pages}', String(pages)), alignment: 'right', width: 90 },
    ],
    margin: [40, 8, 40, 0],
    fontSize: 8,
    color: '#555555',
  });
}

/** @param {any} doc */
async function render(doc) {
  useFont();
  const { footer, ...definition } = doc;
  const buffer = await pdfmake
    .createPdf({ ...definition, defaultStyle: { ...(definition.defaultStyle ?? {}), font: FAMILY }, footer: footerOf(footer) })
    .getBuffer();
  // Copy into an ArrayBuffer of its own so that it can be transferred rather than cloned.
  const out = new Uint8Array(buffer.length);
  out.set(buffer);
  return out.buffer;
}

let fontError = /** @type {string | null} */ (null);
try {
  pdfmake.virtualfs.writeFileSync(FONT_KEY, readFileSync(fontPath));
  await render({ content: [{ text: '出口退货申请 ReturnTrace' }] });
} catch (err) {
  fontError = err instanceof Error ? err.message : String(err);
}
port.postMessage(fontError === null ? { type: 'ready' } : { type: 'font_error', message: fontError });

port.on('message', async (/** @type {{ id: number, doc: unknown }} */ msg) => {
  try {
    if (fontError !== null) throw new Error(fontError);
    const pdf = await render(msg.doc);
    port.postMessage({ id: msg.id, ok: true, pdf }, [pdf]);
  } catch (err) {
    port.postMessage({ id: msg.id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
