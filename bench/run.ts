// `npm run bench [-- <name filter>…]`: runs every benchmark in bench/benchmarks/, prints a summary table and writes
// bench/results/<date>.json. BENCH_DURATION (s, default 10) and BENCH_CONNECTIONS (default 20) tune each measurement.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONNECTIONS, DURATION_S, WARMUP_S, type Benchmark, type BenchRow } from './lib';

const dir = fileURLToPath(new URL('./benchmarks/', import.meta.url));
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const filters = process.argv.slice(2).filter((a) => a !== '--');

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark in ${dir} matches ${filters.join(', ') || '*'}`);
  process.exit(1);
}

const startedAt = new Date();
console.log(`${files.length} benchmark(s); ${DURATION_S} s per measurement (+${WARMUP_S} s warm-up), ${CONNECTIONS} connections, loopback`);
const rows: BenchRow[] = [];
const failures: { file: string; error: string }[] = [];

for (const file of files) {
  const t0 = Date.now();
  console.log(`\n── ${file}`);
  try {
    const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { default: Benchmark };
    const b = mod.default;
    console.log(`   ${b.description}`);
    rows.push(...(await b.run({ log: (l) => console.log(`   ${l}`) })));
  } catch (err) {
    const error = err instanceof Error ? err.stack ?? err.message : String(err);
    console.error(`   FAILED: ${error}`);
    failures.push({ file, error });
  }
  console.log(`   (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

// ---- summary table ----
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const ratio = (r: number | null, baseline = false) =>
  r === null ? (baseline ? '—' : 'n/a') : r >= 100 ? `${fmt(r)}×` : `${r.toFixed(r < 0.1 ? 4 : 2)}×`;
const ms = (v: number) => (v === 0 ? '<1' : fmt(v, v < 10 ? 2 : 1));
const table = [
  ['benchmark', 'backend', 'target', 'req/s', 'mean ms', 'p50 ms', 'p99 ms',
    'req/s vs bare', 'mean vs bare', 'p50 vs bare', 'p99 vs bare', 'non-2xx/err'],
  ...rows.map((r) => {
    const base = r.ratioReqPerSec === null;
    return [
      r.benchmark, r.backend, r.target, fmt(r.requestsPerSec, r.requestsPerSec < 100 ? 1 : 0), ms(r.meanMs),
      ms(r.p50Ms), ms(r.p99Ms), ratio(r.ratioReqPerSec, base), ratio(r.ratioMean, base), ratio(r.ratioP50, base),
      ratio(r.ratioP99, base), `${r.non2xx}/${r.errors + r.timeouts}`,
    ];
  }),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
console.log('\n' + table.map((row, n) => {
  const line = row.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return n === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
}).join('\n'));
console.log('  latency percentiles have 1 ms resolution (autocannon); "n/a" = the baseline value is below 1 ms');
for (const r of rows) if (r.note) console.log(`  note: ${r.backend} ${r.target}: ${r.note}`);
for (const r of rows) {
  if (r.non2xx > 0 || r.errors > 0) console.log(`  WARNING: ${r.backend} ${r.target}: ${r.non2xx} non-2xx, ${r.errors} errors`);
}

mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
const out = `${resultsDir}${stamp}.json`;
writeFileSync(out, JSON.stringify({
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  settings: { durationS: DURATION_S, warmupS: WARMUP_S, connections: CONNECTIONS },
  machine: { node: process.version, platform: platform(), release: release(), cpu: cpus()[0]?.model, cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30) },
  rows,
  failures,
}, null, 2) + '\n');
console.log(`\nresults: ${out}`);
if (failures.length) console.error(`${failures.length} benchmark file(s) FAILED: ${failures.map((f) => f.file).join(', ')}`);
process.exit(failures.length ? 1 : 0);
