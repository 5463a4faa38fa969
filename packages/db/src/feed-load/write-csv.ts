import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { FEED_HEADER_LABELS, declarationsToFeedTable, type CustomsDeclaration } from '@returntrace/domain';

/** A CSV cell, quoted when it holds a separator, a quote or a line break. */
export const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * Writes declarations as a flat feed CSV (UTF-8 with BOM, bilingual header), streaming. With `maxLines` the file
 * stops after that many goods lines (the last declaration may be cut short). Answers the lines and declarations written.
 */
export async function writeFeedCsv(
  path: string, decls: Iterable<CustomsDeclaration>, opts: { maxLines?: number } = {},
): Promise<{ lines: number; declarations: number }> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const max = opts.maxLines ?? Number.POSITIVE_INFINITY;
  let lines = 0;
  let declarations = 0;
  let buf = `\uFEFF${csvLine(FEED_HEADER_LABELS)}`;
  for (const d of decls) {
    if (lines >= max) break;
    const rows = declarationsToFeedTable([{ ...d, lines: d.lines.slice(0, max - lines) }]).slice(1);
    for (const r of rows) buf += csvLine(r);
    lines += rows.length;
    declarations += 1;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return { lines, declarations };
}
