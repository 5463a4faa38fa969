import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Content, StyleDictionary, TDocumentInformation, Style, PageSize } from 'pdfmake/interfaces';
import { ProblemError } from '../errors';
import { isFontCollection, type PdfFontSetting } from './cjk-font';

/** A document as the render worker takes it: pdfmake content plus a footer described as data. */
export interface PrintDocument {
  content: Content;
  styles?: StyleDictionary;
  defaultStyle?: Style;
  info?: TDocumentInformation;
  pageSize?: PageSize;
  pageMargins?: [number, number, number, number];
  /** `right` may contain `{page}` and `{pages}` */
  footer?: { left?: string; right?: string };
}

/** The font is missing or unusable: the operator must install it; the message says how. */
export const fontUnavailable = (detail: string): ProblemError =>
  new ProblemError(503, 'unavailable', {
    en: `Printing needs a Chinese (CJK) font: install the package fonts-noto-cjk (apt-get install fonts-noto-cjk) or set PDF_FONT to a Noto Sans CJK file, then restart. ${detail}`,
    zh: `打印需要中文字体：请安装 fonts-noto-cjk 软件包（apt-get install fonts-noto-cjk），或通过 PDF_FONT 指定 Noto Sans CJK 字体文件，然后重启服务。${detail}`,
  }, [], { 'Retry-After': '3600' });

const busy = (): ProblemError =>
  new ProblemError(503, 'unavailable', {
    en: 'Too many documents are being printed; try again in a few seconds', zh: '打印任务繁忙，请稍后重试',
  }, [], { 'Retry-After': '5' });

type Reply = { id: number; ok: true; pdf: ArrayBuffer } | { id: number; ok: false; message: string };
type Status = { type: 'ready' } | { type: 'font_error'; message: string };

interface Pending {
  resolve(pdf: Buffer): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export interface PdfRendererOptions {
  /** requests waiting or in progress beyond which callers get 503 */
  maxPending?: number;
  /** a render taking longer is abandoned and the worker restarted */
  timeoutMs?: number;
}

/**
 * Renders PDFs in one worker thread, started on first use and kept warm (the font is parsed once per worker).
 * Requests queue in the worker; a bounded number may wait, beyond that the caller gets 503 rather than a pile-up.
 */
export class PdfRenderer {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private inFlight = 0;
  private readonly maxPending: number;
  private readonly timeoutMs: number;
  /** decided at start-up: is there a font file at all? */
  readonly fontFound: boolean;

  constructor(private readonly font: PdfFontSetting, opts: PdfRendererOptions = {}) {
    this.fontFound = !!font.path && existsSync(font.path);
    this.maxPending = opts.maxPending ?? 16;
    this.timeoutMs = opts.timeoutMs ?? 120_000;
  }

  /** Throws the 503 problem when printing cannot work on this installation. */
  assertAvailable(): void {
    if (!this.fontFound) {
      throw fontUnavailable(this.font.path ? `(PDF_FONT=${this.font.path} does not exist)` : '(no font found)');
    }
  }

  async render(doc: PrintDocument): Promise<Buffer> {
    this.assertAvailable();
    // counted before the first await, so that a burst is limited even while the worker is still starting
    if (this.inFlight >= this.maxPending) throw busy();
    this.inFlight += 1;
    try {
      const worker = await this.start();
      const id = this.nextId++;
      return await new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new Error(`PDF rendering took longer than ${this.timeoutMs} ms`));
          void this.stop();
        }, this.timeoutMs);
        this.pending.set(id, { resolve, reject, timer });
        worker.postMessage({ id, doc });
      });
    } finally {
      this.inFlight -= 1;
    }
  }

  private start(): Promise<Worker> {
    if (this.worker && this.ready) return this.ready.then(() => this.worker!);
    const path = this.font.path!;
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), {
      workerData: { fontPath: path, face: this.font.face, collection: isFontCollection(path) },
    });
    worker.unref(); // an idle renderer must not keep the process alive
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (m: Status) => {
        if (m.type === 'ready') return resolve();
        reject(fontUnavailable(`(${path}, face ${this.font.face}: ${m.message})`));
      });
      worker.once('error', reject);
    });
    worker.on('message', (m: Reply | Status) => {
      if (!('id' in m)) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(Buffer.from(m.pdf));
      else p.reject(new Error(`PDF rendering failed: ${m.message}`));
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.worker = null;
        this.ready = null;
      }
      this.failAll(new Error('PDF render worker stopped'));
    });
    // A font that does not work stays broken until restart: keep answering 503 without respawning for every request.
    this.ready.catch(() => undefined);
    return this.ready.then(() => worker);
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }
}
