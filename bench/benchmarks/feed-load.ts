// Bulk load of the customs declaration feed: a generated flat CSV of FEED_BENCH_LINES goods lines (default
// 1 000 000) loaded by the bulk loader (stream, validate every row, COPY into the stage, set-based upsert) into
// PostgreSQL 15, against a raw COPY of the same file into a bare staging table measured in the same run.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createDb, type DbHandle } from '../../packages/db/src/index';
import { loadFeedFile, writeFeedCsv } from '../../packages/db/src/feed-load/index';
import { iterateDemoDeclarations } from '../../packages/db/src/seed/customs-feed/index';
import { FEED_COLUMNS } from '../../packages/domain/src/index';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PG_BIN, pgBinariesPresent, startPgCluster, type PgCluster } from '../../scripts/pg-cluster.mjs';
import type { Benchmark, BenchContext, BenchRow } from '../lib';

const NAME = 'feed-load';
const LINES = Math.max(1000, Number.parseInt(process.env.FEED_BENCH_LINES ?? '', 10) || 1_000_000);

function row(target: string, backend: string, rowsPerSec: number, ms: number, ratio: number | null, note: string): BenchRow {
  return {
    benchmark: NAME, target, backend, requestsPerSec: rowsPerSec, meanMs: ms, p50Ms: 0, p99Ms: 0, total: LINES, non2xx: 0,
    errors: 0, timeouts: 0, durationS: ms / 1000, ratioReqPerSec: ratio, ratioMean: null, ratioP50: null, ratioP99: null, note,
  };
}

async function database(ctx: BenchContext): Promise<{ url: string; label: string; cluster: PgCluster | null } | null> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, label: 'PostgreSQL (BENCH_DATABASE_URL)', cluster: null };
  if (!pgBinariesPresent()) {
    ctx.log(`SKIPPED: PostgreSQL 15 binaries not found at ${PG_BIN} and BENCH_DATABASE_URL unset; the bulk loader's COPY path needs PostgreSQL`);
    return null;
  }
  const cluster = await startPgCluster({ log: (l) => ctx.log(`[pg-cluster] ${l}`) });
  if (!cluster) return null;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE rt_feed_bench');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/rt_feed_bench';
  return { url: url.toString(), label: 'PostgreSQL 15 (throw-away cluster)', cluster };
}

/** The baseline: COPY the same CSV, unparsed, into a bare table of text columns (no validation, no upsert). */
async function rawCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS feed_bench_raw');
    await client.query(`CREATE TABLE feed_bench_raw (${FEED_COLUMNS.map((c) => `"${c.key}" text`).join(', ')})`);
    const t0 = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom('COPY feed_bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)')));
    const ms = performance.now() - t0;
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM feed_bench_raw');
    if (Number(rows[0]!.n) !== LINES) throw new Error(`raw COPY loaded ${rows[0]!.n} rows, expected ${LINES}`);
    await client.query('DROP TABLE feed_bench_raw');
    return ms;
  } finally {
    await client.end();
  }
}

const bench: Benchmark = {
  name: NAME,
  description: `bulk loader: ${LINES.toLocaleString('en-US')} declaration lines (FEED_BENCH_LINES) from a generated CSV into PostgreSQL, vs a raw COPY of the same file`,
  async run(ctx) {
    const db = await database(ctx);
    if (!db) return [];
    const dir = mkdtempSync(join(tmpdir(), 'rt-feed-bench-'));
    let handle: DbHandle | null = null;
    try {
      const file = join(dir, 'feed.csv');
      const t0 = performance.now();
      // enough exports that the generator never runs dry before LINES lines (≈3.5 lines per declaration)
      const perEnterprise = Math.ceil(LINES / 6 / 3) + 100;
      const written = await writeFeedCsv(file, iterateDemoDeclarations({ seed: 2026, year: 2024, exportsPerEnterprise: perEnterprise }), { maxLines: LINES });
      ctx.log(`generated ${written.lines.toLocaleString('en-US')} lines / ${written.declarations.toLocaleString('en-US')} declarations, ` +
        `${(statSync(file).size / 1048576).toFixed(0)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      handle = await createDb({ databaseUrl: db.url, appRole: '' });
      const rawMs = await rawCopy(db.url, file);
      const rawRate = (LINES / rawMs) * 1000;
      ctx.log(`raw COPY into a bare table: ${(rawMs / 1000).toFixed(1)} s, ${Math.round(rawRate).toLocaleString('en-US')} rows/s`);

      const t1 = performance.now();
      const r = await loadFeedFile(handle, file, { fileName: 'feed.csv', onPhase: (p, ms) => ctx.log(`  ${p}: ${(ms / 1000).toFixed(1)} s`) });
      const loadMs = performance.now() - t1;
      if (!r.ok) throw new Error(`the generated file was refused: ${JSON.stringify(r.errors.slice(0, 3))}`);
      if (r.lines !== LINES) throw new Error(`loaded ${r.lines} lines, expected ${LINES}`);
      const loadRate = (LINES / loadMs) * 1000;
      ctx.log(`bulk loader (${r.method}): ${(loadMs / 1000).toFixed(1)} s, ${Math.round(loadRate).toLocaleString('en-US')} rows/s, ` +
        `${r.declarations.toLocaleString('en-US')} declarations; ratio to raw COPY ${(loadRate / rawRate).toFixed(3)}`);
      const note = 'req/s column = rows/s, mean ms = the whole load';
      return [
        row('raw COPY of the CSV into a bare table (baseline)', db.label, rawRate, rawMs, null, note),
        row('npm run feed:load (validate + COPY + upsert)', db.label, loadRate, loadMs, loadRate / rawRate, note),
      ];
    } finally {
      await handle?.close();
      await db.cluster?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
