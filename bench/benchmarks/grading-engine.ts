// The risk-grading engine (packages/domain/src/grading): GRADING_BENCH_RETURNS (default 1 000 000) generated returns
// over 5 years replayed through every rule of 000 §3.5.3 — windows, streaks and the concentration test included —
// against, in the same run, the same rules in json-rules-engine and a bare pass that only sums the values.
import { replay, type GradedReturn, type GradingReturn } from '../../packages/domain/src/grading/index';
import { generateHistory } from '../grading-engine/generate';
import { createJreEngine, jreFacts, jreGrade, jreRules, type JreFacts } from '../grading-engine/jre-rules';
import { BENCH_POLICY, toGradingReturns } from '../grading-engine/returns';
import { cpus, loadavg } from 'node:os';
import type { Benchmark, BenchContext, BenchRow } from '../lib';

const NAME = 'grading-engine';
const intEnv = (name: string, dflt: number, min: number) => Math.max(min, Number.parseInt(process.env[name] ?? '', 10) || dflt);
const N = intEnv('GRADING_BENCH_RETURNS', 1_000_000, 10_000);
/** json-rules-engine is measured on this many returns spread evenly over the history, scaled per record */
const SUBSET = Math.min(N, intEnv('GRADING_BENCH_JRE_SUBSET', 50_000, 1_000));
const RUNS = intEnv('GRADING_BENCH_RUNS', 3, 1);
const TARGET_MS = 3000;
const TARGET_VS_JRE = 10;
const TARGET_VS_BARE = 20;

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');

/** The baseline: one pass over the same objects that only adds up the values. */
function barePass(returns: readonly GradingReturn[]): number {
  let sum = 0;
  for (let i = 0; i < returns.length; i++) sum += returns[i]!.valueUsd ?? 0;
  return sum;
}

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function row(target: string, backend: string, records: number, ms: number, ratio: number | null, note: string): BenchRow {
  return {
    benchmark: NAME, target, backend, requestsPerSec: (records / ms) * 1000, meanMs: ms, p50Ms: 0, p99Ms: 0, total: records,
    non2xx: 0, errors: 0, timeouts: 0, durationS: ms / 1000, ratioReqPerSec: ratio, ratioMean: null, ratioP50: null,
    ratioP99: null, note,
  };
}

/** The returns json-rules-engine grades: SUBSET indexes spread evenly over the whole history. */
function subsetIndexes(): Int32Array {
  const idx = new Int32Array(SUBSET);
  for (let k = 0; k < SUBSET; k++) idx[k] = Math.floor((k * N) / SUBSET);
  return idx;
}

async function runJre(facts: readonly JreFacts[]) {
  const engine = createJreEngine(BENCH_POLICY);
  // warm-up, not recorded
  for (let k = 0; k < Math.min(2000, facts.length); k++) await jreGrade(engine, facts[k]!);
  const out: { grade: string; fired: string[] }[] = new Array(facts.length);
  const t0 = performance.now();
  for (let k = 0; k < facts.length; k++) out[k] = await jreGrade(engine, facts[k]!);
  return { ms: performance.now() - t0, out };
}

/** Grades and fired rules of the engine and json-rules-engine on the subset; every difference is listed. */
function compare(ctx: BenchContext, graded: readonly GradedReturn[], idx: Int32Array, jre: { grade: string; fired: string[] }[]) {
  const mismatches: string[] = [];
  for (let k = 0; k < idx.length; k++) {
    const g = graded[idx[k]!]!;
    const engineFired = g.result.fired.map((r) => r.id).filter((id) => id !== 'general.default').sort().join(',');
    const jreFired = [...jre[k]!.fired].sort().join(',');
    if (g.result.grade !== jre[k]!.grade || engineFired !== jreFired) {
      mismatches.push(`${g.id}: engine ${g.result.grade} [${engineFired}] vs json-rules-engine ${jre[k]!.grade} [${jreFired}]`);
    }
  }
  for (const m of mismatches.slice(0, 20)) ctx.log(`  MISMATCH ${m}`);
  // an agreement only means something when the subset makes the rules fire: say which ones it did
  const seen = new Set(jre.flatMap((j) => j.fired));
  const rules = jreRules(BENCH_POLICY).map((r) => r.name as string);
  const silent = rules.filter((id) => !seen.has(id));
  ctx.log(`rules fired in the subset: ${rules.length - silent.length} of ${rules.length}${silent.length ? ` (never: ${silent.join(', ')})` : ''}`);
  return mismatches.length;
}

const bench: Benchmark = {
  name: NAME,
  description: `grading engine: ${fmt(N)} generated returns over 5 years (GRADING_BENCH_RETURNS) replayed through every `
    + `rule of 000 §3.5.3, vs the same rules in json-rules-engine (${fmt(SUBSET)}-return subset, GRADING_BENCH_JRE_SUBSET) `
    + 'and a bare pass summing the values',
  async run(ctx) {
    // ---- input, built once, outside every timing ----
    const gen = timed(() => generateHistory(N, 2026));
    const mat = timed(() => toGradingReturns(gen.value));
    const returns = mat.value;
    ctx.log(`generated ${fmt(N)} returns (seed 2026, ${fmt(gen.ms / 1000, 1)} s) and built the engine's input objects (${fmt(mat.ms / 1000, 1)} s)`);

    // ---- bare pass: median of 5 after 3 warm-ups ----
    for (let k = 0; k < 3; k++) barePass(returns);
    const bares = Array.from({ length: 5 }, () => timed(() => barePass(returns)));
    const bareMs = median(bares.map((b) => b.ms));
    ctx.log(`bare pass (sum of values, USD ${fmt(bares[0]!.value)}): ${fmt(bareMs, 2)} ms, ${fmt((N / bareMs) * 1000)} records/s (median of 5)`);

    // ---- the engine: full replay, median of RUNS after a warm-up on the subset's size ----
    replay(returns.slice(0, SUBSET), BENCH_POLICY);
    let graded: GradedReturn[] = [];
    const engineRuns: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      graded = [];
      const r = timed(() => replay(returns, BENCH_POLICY));
      engineRuns.push(r.ms);
      graded = r.value;
    }
    const engineMs = median(engineRuns);
    const counts = { high: 0, elevated: 0, general: 0 };
    const byRule = new Map<string, number>();
    for (const g of graded) {
      counts[g.result.grade]++;
      for (const f of g.result.fired) byRule.set(f.id, (byRule.get(f.id) ?? 0) + 1);
    }
    ctx.log(`engine replay: ${fmt(engineMs)} ms, ${fmt((N / engineMs) * 1000)} records/s (median of ${RUNS}: ${engineRuns.map((m) => fmt(m)).join(', ')} ms)`);
    ctx.log(`  grades: high ${fmt(counts.high)}, elevated ${fmt(counts.elevated)}, general ${fmt(counts.general)}`);
    ctx.log(`  fired: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${fmt(n)}`).join(', ')}`);

    // ---- json-rules-engine on the subset: the engine's facts (windows, streaks, concentration) as input ----
    const idx = subsetIndexes();
    const facts = Array.from(idx, (i) => jreFacts(graded[i]!.facts));
    const jre = await runJre(facts);
    const jrePerRecordMs = jre.ms / SUBSET;
    const jreScaledMs = jrePerRecordMs * N;
    ctx.log(`json-rules-engine: ${fmt(jre.ms)} ms for ${fmt(SUBSET)} returns, ${fmt((SUBSET / jre.ms) * 1000)} records/s; `
      + `scaled to ${fmt(N)} returns: ${fmt(jreScaledMs / 1000, 1)} s (rule evaluation only: the windowed and streak facts `
      + 'were computed beforehand by the engine\'s history code, so the ratio below is a lower bound)');
    const mismatches = compare(ctx, graded, idx, jre.out);
    ctx.log(`agreement on the ${fmt(SUBSET)}-return subset (grade and fired rules): ${mismatches === 0 ? 'identical' : `${fmt(mismatches)} MISMATCHES`}`);

    // the targets are for 2 dedicated cores: other work on the machine inflates every time above
    const load = loadavg()[0]!;
    ctx.log(`machine: ${cpus().length} cores, load average ${load.toFixed(2)}${load > cpus().length ? ' (busy: the times are inflated)' : ''}`);

    // ---- targets ----
    const vsJre = jreScaledMs / engineMs;
    const vsBare = engineMs / bareMs;
    ctx.log(`targets: replay ${fmt(engineMs / 1000, 2)} s ≤ ${TARGET_MS / 1000} s ${verdict(engineMs <= TARGET_MS)}; `
      + `${fmt(vsJre, 1)}× faster than json-rules-engine ≥ ${TARGET_VS_JRE}× ${verdict(vsJre >= TARGET_VS_JRE)}; `
      + `${fmt(vsBare, 1)}× the bare pass ≤ ${TARGET_VS_BARE}× ${verdict(vsBare <= TARGET_VS_BARE)}`);
    if (mismatches > 0) throw new Error(`the engine and json-rules-engine disagree on ${mismatches} of ${SUBSET} returns`);

    const note = 'req/s column = records/s, mean ms = the whole pass';
    const backend = `in-process, ${fmt(N)} returns`;
    return [
      row('bare pass summing values (baseline)', backend, N, bareMs, null, note),
      row('grading engine replay, every rule', backend, N, engineMs, bareMs / engineMs, `${note}; ${fmt(vsBare, 1)}× the bare pass`),
      row(`json-rules-engine, same rules (${fmt(SUBSET)} returns, scaled)`, backend, N, jreScaledMs, bareMs / jreScaledMs,
        `${note}; measured on ${fmt(SUBSET)} returns and scaled per record; the engine is ${fmt(vsJre, 1)}× faster`),
    ];
  },
};

export default bench;
