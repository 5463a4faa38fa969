import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  FEED_MAX_ERRORS, parseFeedRow, resolveFeedHeader, type FeedHeaderMap, type FeedRowError,
} from '@returntrace/domain';
import { CsvSyntaxError, readCsvRecords } from './csv-stream';
import { stageTuple, type StageValue } from './stage';

const fileError = (row: number, code: string, message: string, messageZh: string): FeedRowError =>
  ({ row, column: '', field: 'file', cell: '', code, message, messageZh });

/** Records of a UTF-8 CSV file (BOM allowed), streamed. */
export function csvRecords(source: string | Readable): AsyncIterable<string[]> {
  return readCsvRecords(typeof source === 'string' ? createReadStream(source) : source);
}

/**
 * Validates the rows of a flat feed file as they stream by and yields stage tuples while the file is still clean.
 * After the first bad row nothing more is yielded (the load will be refused), but parsing goes on to report up to
 * `maxErrors` errors, each naming its row and column.
 */
export class FeedFileReader {
  readonly errors: FeedRowError[] = [];
  truncated = 0;
  /** data rows read (blank rows not counted) */
  rows = 0;

  constructor(private readonly maxErrors = FEED_MAX_ERRORS) {}

  private add(es: readonly FeedRowError[]): void {
    for (const e of es) {
      if (this.errors.length < this.maxErrors) this.errors.push(e);
      else this.truncated += 1;
    }
  }

  get full(): boolean {
    return this.errors.length >= this.maxErrors;
  }

  async *tuples(records: AsyncIterable<unknown[]>): AsyncGenerator<StageValue[]> {
    let rowNo = 0;
    let map: FeedHeaderMap | undefined;
    const cache = {};
    try {
      for await (const rec of records) {
        rowNo += 1;
        if (!map) {
          const h = resolveFeedHeader(rec);
          if (!h.ok) return this.add(h.errors);
          map = h.map;
          continue;
        }
        if (rec.some((c) => typeof c === 'string' && c.includes('\uFFFD'))) {
          this.add([fileError(rowNo, 'not_utf8', 'The file is not UTF-8 text: save it as "CSV UTF-8"', '文件不是 UTF-8 编码：请另存为“CSV UTF-8（逗号分隔）”')]);
          if (this.full) return;
          continue;
        }
        const r = parseFeedRow(map, rec, rowNo, cache);
        if (r.kind === 'empty') continue;
        this.rows += 1;
        if (r.kind === 'errors') {
          this.add(r.errors);
          if (this.full) return;
          continue;
        }
        if (this.errors.length === 0) yield stageTuple(rowNo, r.value.header, r.value.line);
      }
    } catch (e) {
      if (!(e instanceof CsvSyntaxError)) throw e;
      this.add([fileError(e.lines, 'malformed_csv', `The CSV cannot be read: ${e.message} (line ${e.lines})`,
        `无法读取 CSV 文件：${e.messageZh}（第 ${e.lines} 行）`)]);
      return;
    }
    if (this.rows === 0 && this.errors.length === 0) {
      this.add([fileError(2, 'empty_file', 'The file has no data rows', '文件中没有数据行')]);
    }
  }
}
