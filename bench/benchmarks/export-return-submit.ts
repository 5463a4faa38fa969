// POST /api/v1/export-returns/:id/submit (validation + persistence + customs processing with receipts + audit chain)
// at 50 concurrent clients on PostgreSQL 15, every request a fresh, valid submit of a distinct draft; against a bare
// Fastify + zod + one-row insert endpoint on the same cluster in the same run.
// Targets (issue 3): p99 ≤ 50 ms and throughput ratio ≥ 0.4 on 2 cores. The benchmark prints whether they are met;
// it fails only on functional errors (a non-2xx answer, a submit that did not end queued for manual audit, a broken
// audit chain). BENCH_SUBMIT_CONNECTIONS overrides the 50 clients; BENCH_CPU_PROFILE=<file> writes a CPU profile of
// the server's thread during the measurement.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { exportReturns, inArray, sql, type Db } from '@returntrace/db';
import pg from 'pg';
import { verifyAuditChain } from '../../packages/server/src/audit/audit';
import { defaultConfig } from '../../packages/server/src/config';
import { startServer, type RunningServer } from '../../packages/server/src/index';
import { PG_BIN, pgBinariesPresent, startPgCluster } from '../../scripts/pg-cluster.mjs';
import { createDrafts, insertExportDeclarations, insertImportDeclarations, loginOperators, type Operator, type SubmitRequest } from '../export-return-submit/fixtures';
import { cpuMeter, measureList, sampleSessions, statementsDuring, type CpuUse, type ListMeasurement, type SessionProfile } from '../export-return-submit/load';
import { startBareApp } from '../export-return-submit/bare';
import { DURATION_S, WARMUP_S, rowAgainst, type Benchmark, type BenchContext, type BenchRow } from '../lib';

const NAME = 'export-return-submit';
const TARGET_P99_MS = 50;
const TARGET_RATIO = 0.4;
const CONNECTIONS = Math.max(1, Number.parseInt(process.env.BENCH_SUBMIT_CONNECTIONS ?? '', 10) || 50);
/** status of a declaration queued for manual audit (待人工审核): the end of a clean submit */
const QUEUED = 5;
const TARGET = 'POST /api/v1/export-returns/:id/submit';
/** drafts for the one-client measurement (it ends early when they run out) */
const SINGLE_CLIENT_DRAFTS = 400;

interface Databases {
  label: string;
  adminUrl: string;
  appUrl: string;
  appDb: string;
  bareUrl: string;
  bareDb: string;
  cleanup(): Promise<void>;
}

async function createDatabases(ctx: BenchContext): Promise<Databases | null> {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let label = 'PostgreSQL (BENCH_DATABASE_URL)';
  let stopCluster = async () => {};
  if (!adminUrl) {
    if (!pgBinariesPresent()) {
      ctx.log(`SKIPPED: PostgreSQL 15 binaries not found at ${PG_BIN} (set PG_BIN) and BENCH_DATABASE_URL unset`);
      return null;
    }
    const cluster = await startPgCluster({ log: (l) => ctx.log(`[pg-cluster] ${l}`) });
    if (!cluster) return null;
    adminUrl = cluster.url;
    label = 'PostgreSQL 15 (throw-away cluster)';
    stopCluster = () => cluster.stop();
  }
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const names = { app: `rt_submit_${suffix}`, bare: `rt_bare_${suffix}` };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const n of Object.values(names)) await admin.query(`CREATE DATABASE ${n}`);
  } finally {
    await admin.end();
  }
  const urlOf = (db: string) => Object.assign(new URL(adminUrl), { pathname: `/${db}` }).toString();
  return {
    label, adminUrl, appUrl: urlOf(names.app), appDb: names.app, bareUrl: urlOf(names.bare), bareDb: names.bare,
    async cleanup() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // a closed pool's connections may still be closing: a forced drop would terminate them mid-close, which the
      // closing client reports as an uncaught error; wait (bounded) until they are gone
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ANY($1)', [Object.values(names)]);
        if (rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      for (const n of Object.values(names)) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`).catch(() => {});
      await c.end();
      await stopCluster();
    },
  };
}

const idOf = (r: SubmitRequest) => r.path.split('/')[4]!;

/** Functional check of one phase: no non-2xx/errors, every answered submit queued (5), nothing in an error status. */
async function checkPhase(db: Db, phase: string, m: ListMeasurement, requests: readonly SubmitRequest[]): Promise<number> {
  if (m.non2xx > 0 || m.errors > 0 || m.timeouts > 0) {
    throw new Error(`${phase}: ${m.non2xx} non-2xx answers, ${m.errors} errors, ${m.timeouts} timeouts (every submit must succeed)`);
  }
  const ids = requests.map(idOf);
  let counts = new Map<number, number>();
  // requests still running when the load stopped finish on the server; wait for them (bounded)
  for (let i = 0; i < 100; i++) {
    counts = new Map();
    for (let at = 0; at < ids.length; at += 5000) {
      const part = await db.select({ status: exportReturns.status, n: sql<number>`count(*)::int` }).from(exportReturns)
        .where(inArray(exportReturns.id, ids.slice(at, at + 5000))).groupBy(exportReturns.status);
      for (const r of part) counts.set(r.status, (counts.get(r.status) ?? 0) + r.n);
    }
    if (!counts.has(1) && !counts.has(3)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const queued = counts.get(QUEUED) ?? 0;
  const unexpected = [...counts].filter(([s]) => s !== 0 && s !== QUEUED);
  if (unexpected.length > 0 || queued < m.ok2xx || queued > m.ok2xx + CONNECTIONS) {
    throw new Error(`${phase}: ${m.ok2xx} answered 2xx but the drafts ended as ${JSON.stringify(Object.fromEntries(counts))} `
      + `(status ${QUEUED} expected for each submit, 0 for the unused drafts)`);
  }
  return queued;
}

class DraftSource {
  private nextSeq = 800_000_001;
  constructor(private readonly db: Db, private readonly base: string, private readonly operators: Operator[], private readonly exportNos: Record<string, string>) {}

  async take(count: number, tag: string, ctx: BenchContext): Promise<SubmitRequest[]> {
    const t0 = Date.now();
    const rows = await insertImportDeclarations(this.db, this.operators, this.nextSeq, count);
    this.nextSeq += count;
    const requests = await createDrafts(this.base, rows, this.exportNos, tag);
    ctx.log(`${count} feed declarations + drafts for ${tag} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return requests;
  }
}

function describe(m: ListMeasurement): string {
  return `${m.requestsPerSec.toFixed(1)} req/s, mean ${m.meanMs.toFixed(1)} ms, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, `
    + `${m.ok2xx} × 2xx in ${m.durationS.toFixed(1)} s`;
}

function describeCpu(cpu: CpuUse | null, m: ListMeasurement): string {
  if (!cpu) return 'CPU per request: not measurable here (no /proc)';
  const per = (ms: number) => (m.total > 0 ? ms / m.total : 0).toFixed(2);
  return `CPU per request: server thread ${per(cpu.serverMs)} ms, PostgreSQL backends ${per(cpu.postgresMs)} ms `
    + `(${(cpu.serverMs / 1000).toFixed(1)} s and ${(cpu.postgresMs / 1000).toFixed(1)} s over ${m.total} requests)`;
}

/** Throughput if the CPU were the only limit: the server thread is one core, server + PostgreSQL share two. */
function cpuBoundCapacity(cpu: CpuUse | null, m: ListMeasurement, cores = 2): number | null {
  if (!cpu || m.total === 0) return null;
  const server = cpu.serverMs / m.total;
  const both = (cpu.serverMs + cpu.postgresMs) / m.total;
  return Math.min(1000 / server, (cores * 1000) / both);
}

function describeSessions(p: SessionProfile, reqPerSec: number, poolSize: number): string[] {
  const perSubmitMs = (mean: number) => (reqPerSec > 0 ? (mean / reqPerSec) * 1000 : 0);
  return [
    `database sessions (mean of ${p.samples} samples, pool of ${poolSize}): ${p.running.toFixed(2)} running, `
      + `${p.chainWait.toFixed(2)} waiting for the audit-chain lock (head row), ${p.rowLockWait.toFixed(2)} waiting for row locks, `
      + `${p.idleInTx.toFixed(2)} idle in transaction, ${p.idle.toFixed(2)} idle; ${p.poolWaiting.toFixed(1)} queries queued for a pool connection`,
    `audit-chain lock held ${(p.chainHeldShare * 100).toFixed(0)} % of the time = ${perSubmitMs(p.chainHeldShare).toFixed(1)} ms per submit (without COMMIT); `
      + `waiting for it ${perSubmitMs(p.chainWait).toFixed(1)} ms per submit (connection-time, Little's law); `
      + `queued for a pool connection ${perSubmitMs(p.poolWaiting).toFixed(1)} ms per submit`,
  ];
}

async function withCpuProfile<T>(file: string | undefined, ctx: BenchContext, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    ctx.log(`CPU profile of the server thread during the measurement: ${file}`);
  }
}

async function run(ctx: BenchContext, dbs: Databases): Promise<BenchRow[]> {
  ctx.log(`${CONNECTIONS} connections, ${DURATION_S} s per measurement (+${WARMUP_S} s warm-up)`);
  const server: RunningServer = await startServer({ port: 0, host: '127.0.0.1', demo: true, logger: false, jobs: false, databaseUrl: dbs.appUrl });
  try {
    const db = server.db.db;
    const poolSize = server.db.pool?.options.max ?? 10;
    const operators = await loginOperators(db, server.url);
    ctx.log(`logged in: ${operators.map((o) => o.username).join(', ')}; application pool ${poolSize} connections`);
    const exportNos = await insertExportDeclarations(db, operators[0]!);
    const drafts = new DraftSource(db, server.url, operators, exportNos);

    // warm-up drafts: also the bodies of the baseline (same size, same schema)
    const warm = await drafts.take(Math.max(300, CONNECTIONS * 6), 'warm-up', ctx);

    // ---- baseline: bare Fastify + zod + one insert, same cluster, same pool size, same connections and duration
    const bare = await startBareApp(dbs.bareUrl, poolSize, defaultConfig().bodyLimit);
    let mBare: ListMeasurement;
    let bareCapacity: number | null = null;
    try {
      const cycle = { origin: bare.origin, requests: warm, mode: 'cycle' as const, connections: CONNECTIONS };
      await measureList({ ...cycle, durationS: WARMUP_S });
      const bareCpu = await cpuMeter(dbs.adminUrl, dbs.bareDb);
      mBare = await measureList({ ...cycle, durationS: DURATION_S });
      const bareCpuUse = await bareCpu.stop();
      if (mBare.non2xx > 0 || mBare.errors > 0 || mBare.timeouts > 0) throw new Error(`baseline: ${mBare.non2xx} non-2xx, ${mBare.errors} errors`);
      const rowsInserted = await bare.inserted();
      if (rowsInserted < mBare.ok2xx) throw new Error(`baseline: ${mBare.ok2xx} answered 2xx but ${rowsInserted} rows inserted`);
      ctx.log(`bare Fastify + zod + insert: ${describe(mBare)}`);
      ctx.log(`baseline ${describeCpu(bareCpuUse, mBare)}`);
      bareCapacity = cpuBoundCapacity(bareCpuUse, mBare);
    } finally {
      await bare.close();
    }

    // ---- warm-up of the real submit; its rate sizes the drafts of the measurement (threefold: the warm-up runs cold)
    const mWarm = await measureList({ origin: server.url, requests: warm, mode: 'once', connections: CONNECTIONS, durationS: 60 });
    await checkPhase(db, 'warm-up', mWarm, warm);
    ctx.log(`warm-up submit: ${describe(mWarm)}`);
    const needed = Math.min(40_000, Math.ceil(Math.max(mWarm.requestsPerSec, 20) * DURATION_S * 3) + 2 * CONNECTIONS);
    const measured = await drafts.take(needed, 'measurement', ctx);

    const sampler = await sampleSessions(dbs.adminUrl, dbs.appDb, server.db.pool);
    const cpu = await cpuMeter(dbs.adminUrl, dbs.appDb);
    const m = await withCpuProfile(process.env.BENCH_CPU_PROFILE, ctx, () =>
      measureList({ origin: server.url, requests: measured, mode: 'once', connections: CONNECTIONS, durationS: DURATION_S }));
    const cpuUse = await cpu.stop();
    const sessions = await sampler.stop();
    const queued = await checkPhase(db, 'measurement', m, measured);
    if (m.durationS < DURATION_S - 1) ctx.log(`note: the prepared drafts ran out after ${m.durationS.toFixed(1)} s`);
    ctx.log(`real submit: ${describe(m)}; ${queued} declarations queued for manual audit`);
    ctx.log(`submit ${describeCpu(cpuUse, m)}`);
    const capacity = cpuBoundCapacity(cpuUse, m);
    if (capacity !== null && bareCapacity !== null) {
      ctx.log(`CPU-bound estimate on 2 dedicated cores: submit ${capacity.toFixed(0)} req/s, baseline ${bareCapacity.toFixed(0)} req/s, `
        + `ratio ${(capacity / bareCapacity).toFixed(3)} (independent of other load on the machine)`);
    }
    for (const line of describeSessions(sessions, m.requestsPerSec, poolSize)) ctx.log(line);

    // one client: the latency of a submit itself, without the queueing of 50 saturating clients
    const single = await drafts.take(SINGLE_CLIENT_DRAFTS, 'one-client', ctx);
    const mSingle = await measureList({ origin: server.url, requests: single, mode: 'once', connections: 1, durationS: Math.max(2, Math.ceil(DURATION_S / 2)) });
    await checkPhase(db, 'one client', mSingle, single);
    ctx.log(`one client: ${describe(mSingle)}`);

    // the statements of one submit, on its own (nothing else runs meanwhile)
    const [probe] = await drafts.take(1, 'statement count', ctx);
    const statements = await statementsDuring(async () => {
      const res = await fetch(`${server.url}${probe!.path}`, { method: 'POST', headers: probe!.headers, body: probe!.body });
      if (!res.ok) throw new Error(`statement count: submit answered ${res.status}`);
      await res.arrayBuffer();
    });
    ctx.log(`statements of one submit (authentication and Idempotency-Key included): ${statements.length}`);
    for (const st of statements) ctx.log(`  ${st.slice(0, 110)}`);

    const chain = await verifyAuditChain(db);
    if (!chain.ok) throw new Error(`audit chain broken after the run: ${chain.reason}`);
    ctx.log(`audit chain intact (${chain.checked} rows)`);

    const ratio = mBare.requestsPerSec > 0 ? m.requestsPerSec / mBare.requestsPerSec : 0;
    const p99Met = m.p99Ms <= TARGET_P99_MS;
    const ratioMet = ratio >= TARGET_RATIO;
    const verdict = `targets: p99 ${m.p99Ms} ms ≤ ${TARGET_P99_MS} ms ${p99Met ? 'MET' : 'MISSED'}; `
      + `throughput ratio ${ratio.toFixed(2)} ≥ ${TARGET_RATIO} ${ratioMet ? 'MET' : 'MISSED'} `
      + `(the bare endpoint itself: p99 ${mBare.p99Ms} ms at ${CONNECTIONS} connections)`;
    ctx.log(verdict);
    const conns = `${CONNECTIONS} connections, pool ${poolSize}`;
    return [
      { benchmark: NAME, backend: `bare Fastify + zod + pg insert (${dbs.label})`, target: `${TARGET} (baseline)`, ...mBare,
        ratioReqPerSec: null, ratioMean: null, ratioP50: null, ratioP99: null, note: conns },
      rowAgainst(mBare, m, { benchmark: NAME, backend: dbs.label, target: TARGET, note: `${conns}; ${verdict}` }),
      rowAgainst(mBare, mSingle, { benchmark: NAME, backend: dbs.label, target: `${TARGET}, 1 client`,
        note: 'one connection: the latency of a submit without queueing (ratios against the 50-connection baseline)' }),
    ];
  } finally {
    await server.close();
  }
}

const benchmark: Benchmark = {
  name: NAME,
  description: `export-return submit (validation, save, customs processing, receipts, audit chain) at ${CONNECTIONS} `
    + 'connections on PostgreSQL 15 vs a bare Fastify + zod + insert endpoint',
  async run(ctx) {
    const dbs = await createDatabases(ctx);
    if (!dbs) return [];
    try {
      return await run(ctx, dbs);
    } finally {
      await dbs.cleanup();
    }
  },
};

export default benchmark;
