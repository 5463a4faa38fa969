import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customsDeclarationSchema, FEED_HEADER_LABELS, type CustomsDeclaration } from '@returntrace/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDb, queryRows, sql, type DbHandle } from '../index';
import {
  DEMO_FEED_NUMBERS, fixedDemoDeclarations, generateDemoDeclarations, seedCustomsFeed,
} from '../seed/customs-feed/index';
import { loadFeedFile } from './load-file';
import { writeFeedCsv } from './write-csv';


let h: DbHandle;
let dir: string;
const now = () => new Date('2026-03-02T01:00:00Z');

const counts = async () => {
  const [r] = await queryRows<{ d: number; l: number }>(h.db, sql`SELECT (SELECT count(*) FROM customs_declarations)::int AS d, (SELECT count(*) FROM customs_declaration_lines)::int AS l`);
  return { declarations: Number(r!.d), lines: Number(r!.l) };
};
const linesOf = async (entryId: string) => queryRows<{ line_no: number; quantity: string }>(h.db, sql`
  SELECT l.line_no, l.quantity::text AS quantity FROM customs_declaration_lines l JOIN customs_declarations d ON d.id = l.declaration_id
  WHERE d.entry_id = ${entryId} ORDER BY l.line_no`);

beforeAll(async () => {
  h = await createScratchDb({ poolSize: 3 });
  dir = mkdtempSync(join(tmpdir(), 'rt-feed-'));
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo generator', () => {
  it('is deterministic, valid and realistic', () => {
    const a = generateDemoDeclarations({ seed: 7 });
    const b = generateDemoDeclarations({ seed: 7 });
    expect(a).toEqual(b);
    expect(generateDemoDeclarations({ seed: 8 })).not.toEqual(a);
    const all = [...fixedDemoDeclarations(), ...a];
    for (const d of all) expect(customsDeclarationSchema.parse(d)).toEqual(d);
    expect(new Set(all.map((d) => d.entryId)).size).toBe(all.length);
    const lines = all.flatMap((d) => d.lines);
    expect(lines.length).toBeGreaterThan(2000);
    expect(new Set(lines.map((l) => l.hsCode.slice(0, 2)))).toEqual(new Set(['39', '61', '63', '64', '84', '85', '94', '95']));
    expect(new Set(all.map((d) => d.countryCode)).size).toBeGreaterThan(5);
    expect(new Set(all.map((d) => d.declarePort))).toEqual(new Set(['5301', '5316', '0101', '0105']));
    const returns = all.filter((d) => d.tradeMode === '4561');
    expect(returns.length).toBeGreaterThan(50);
    expect(returns.every((d) => d.direction === 'import')).toBe(true);
    expect(returns.some((d) => d.declaringUnitCreditCode !== d.traderCreditCode)).toBe(true);
    expect(all.filter((d) => d.withdrawn).length).toBeGreaterThan(0);
  });
  it('documents fixed numbers per enterprise', () => {
    const n = DEMO_FEED_NUMBERS.huaxin!;
    expect(n).toMatchObject({ export: '530120250000000011', returnImport: '530120251000000011', agentImport: '530120251000000012' });
    const fixed = new Map(fixedDemoDeclarations().map((d) => [d.entryId, d]));
    const agent = fixed.get(n.agentImport)!;
    expect(agent.declaringUnitName).toBe('深圳华信电子有限公司');
    expect(agent.traderName).not.toBe('深圳华信电子有限公司');
    expect(fixed.get(n.withdrawnImport)!.withdrawn).toBe(true);
  });
});

describe('loading', () => {
  it('seeds the demo feed, and re-seeding updates rather than duplicates', async () => {
    const first = await seedCustomsFeed(h.db, now());
    expect(first.inserted).toBeGreaterThan(500);
    expect(first.updated).toBe(0);
    const before = await counts();
    expect(before.lines).toBe(first.lines);
    const again = await seedCustomsFeed(h.db, now());
    expect(again).toMatchObject({ inserted: 0, updated: first.inserted, lines: first.lines });
    expect(await counts()).toEqual(before);
  });

  it('loads a CSV file, re-loading replaces lines, and records the load', async () => {
    const decls: CustomsDeclaration[] = generateDemoDeclarations({ seed: 99, year: 2015, exportsPerEnterprise: 8, agentReturnsPerEnterprise: 1 });
    const file = join(dir, 'feed.csv');
    const written = await writeFeedCsv(file, decls);
    const base = await counts();
    const r = await loadFeedFile(h, file, { now });
    expect(r).toMatchObject({ ok: true, inserted: decls.length, updated: 0, lines: written.lines, method: h.driver === 'postgres' ? 'copy' : 'insert' });
    expect(await counts()).toEqual({ declarations: base.declarations + decls.length, lines: base.lines + written.lines });

    const target = decls.find((d) => d.lines.length >= 2)!;
    const shorter = decls.map((d) => (d === target ? { ...d, lines: [{ ...d.lines[0]!, quantity: '7' }] } : d));
    await writeFeedCsv(file, shorter);
    const again = await loadFeedFile(h, file, { now });
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: decls.length });
    expect(await linesOf(target.entryId)).toEqual([{ line_no: 1, quantity: '7.00000' }]);
    const [load] = await queryRows<{ channel: string; updated: number }>(h.db, sql`SELECT channel, updated FROM customs_feed_loads ORDER BY id DESC LIMIT 1`);
    expect(load).toMatchObject({ channel: 'bulk', updated: decls.length });
  });

  it('refuses a whole file for one bad row and changes nothing', async () => {
    const decls = generateDemoDeclarations({ seed: 5, year: 2017, exportsPerEnterprise: 3, agentReturnsPerEnterprise: 0 });
    const file = join(dir, 'bad.csv');
    await writeFeedCsv(file, decls);
    const text = readFileSync(file, 'utf8').split('\r\n');
    const q = FEED_HEADER_LABELS.indexOf('申报日期 declareDate');
    const cells = text[4]!.split(',');
    cells[q] = '2017-02-30';
    text[4] = cells.join(',');
    writeFileSync(file, text.join('\r\n'));
    const before = await counts();
    const r = await loadFeedFile(h, file, { now });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ row: 5, field: 'declareDate', code: 'date_invalid' });
    expect(await counts()).toEqual(before);
  });

  it('refuses rows of one declaration that disagree, even far apart', async () => {
    const [d] = generateDemoDeclarations({ seed: 11, year: 2019, exportsPerEnterprise: 1, agentReturnsPerEnterprise: 0 });
    const other = generateDemoDeclarations({ seed: 12, year: 2021, exportsPerEnterprise: 2, agentReturnsPerEnterprise: 0 });
    const file = join(dir, 'split.csv');
    const split = { ...d!, lines: [d!.lines[0]!] };
    const later = { ...d!, traderName: '另一家公司', lines: [{ ...d!.lines[0]!, lineNo: 2 }] };
    await writeFeedCsv(file, [split, ...other, later]);
    const r = await loadFeedFile(h, file, { now });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'traderName', code: 'header_mismatch' });

    const dupFile = join(dir, 'dup.csv');
    await writeFeedCsv(dupFile, [split, ...other, { ...split }]);
    const dup = await loadFeedFile(h, dupFile, { now });
    expect(!dup.ok && dup.errors[0]).toMatchObject({ field: 'lineNo', code: 'duplicate_line_no' });
  });

  it('refuses a file with an unknown column or that is not CSV', async () => {
    const file = join(dir, 'cols.csv');
    writeFileSync(file, `${FEED_HEADER_LABELS.join(',')},颜色 colour\r\n`);
    const r = await loadFeedFile(h, file, { now });
    expect(!r.ok && r.errors[0]).toMatchObject({ row: 1, code: 'unknown_column' });
    writeFileSync(file, `${FEED_HEADER_LABELS.join(',')}\r\n"unclosed,1\r\n`);
    const m = await loadFeedFile(h, file, { now });
    expect(!m.ok && m.errors[0]!.code).toBe('malformed_csv');
  });
});
