import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvRecords } from './csv-stream';

/** Feeds `text` in chunks of `size` characters, so that every construct also meets a chunk boundary. */
async function read(text: string, size = 3): Promise<string[][]> {
  const chunks: Buffer[] = [];
  const buf = Buffer.from(text, 'utf8');
  for (let i = 0; i < buf.length; i += size) chunks.push(buf.subarray(i, i + size));
  const out: string[][] = [];
  for await (const r of readCsvRecords(Readable.from(chunks))) out.push(r);
  return out;
}

describe('streaming CSV reader', () => {
  const sample = '\uFEFF报关单号 entryId,名称\r\n1,"a, b"\r\n2,"say ""hi"""\n3,"two\r\nlines"\n\n4,\n,\r\n"",x\n5,末尾';
  it.each([1, 2, 3, 7, 64, 4096])('reads quotes, separators, line breaks and blank lines in chunks of %i bytes', async (size) => {
    expect(await read(sample, size)).toEqual([
      ['报关单号 entryId', '名称'], ['1', 'a, b'], ['2', 'say "hi"'], ['3', 'two\r\nlines'], ['4', ''], ['', ''], ['', 'x'], ['5', '末尾'],
    ]);
    const crlf = sample.replace(/\r?\n/g, '\r\n');
    expect(await read(crlf, size)).toEqual(parse(crlf.slice(1), { relax_column_count: true, skip_empty_lines: true }));
  });
  it.each([
    ['1,"open\n2,x', 'a quoted field is not closed'],
    ['1,ab"c\n', 'a quote inside an unquoted field'],
    ['1,"ab"c\n', 'characters after a closing quote'],
  ])('refuses %j', async (text, why) => {
    const e = await read(text).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CsvSyntaxError);
    expect((e as CsvSyntaxError).message).toBe(why);
  });
});
