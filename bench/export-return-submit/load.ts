// Load with a different request on every call: autocannon (in a worker thread, apart from the server's event loop)
// takes each request from a prepared list through a generated `setupRequest` module, since functions cannot cross
// into the worker. While it runs, the PostgreSQL sessions and the application's pool are sampled.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { runBounded, type Measurement } from '../lib';
import type { SubmitRequest } from './fixtures';

export interface ListLoadOptions {
  /** http://127.0.0.1:<port> */
  origin: string;
  requests: readonly SubmitRequest[];
  /** 'once': every request at most once (a request past the end is a deliberate 404); 'cycle': round and round */
  mode: 'once' | 'cycle';
  connections: number;
  durationS: number;
}

export interface ListMeasurement extends Measurement {
  ok2xx: number;
}

/** The module the worker loads: hands out list[0], list[1], … to whichever connection asks next. */
function setupModuleSource(listFile: string, mode: 'once' | 'cycle'): string {
  return `'use strict';
const list = require(${JSON.stringify(listFile)});
let next = 0;
// past the end of a 'once' list: a declaration that does not exist, so the overrun shows as non-2xx
const overrun = { path: '/api/v1/export-returns/00000000-0000-4000-8000-000000000000/submit', headers: list[0].headers, body: list[0].body };
module.exports = function setupRequest(req) {
  const i = next++;
  const r = ${mode === 'cycle' ? 'list[i % list.length]' : 'i < list.length ? list[i] : overrun'};
  return Object.assign({}, req, { method: 'POST', path: r.path, headers: Object.assign({}, req.headers, r.headers), body: r.body });
};
`;
}

export async function measureList(opts: ListLoadOptions): Promise<ListMeasurement> {
  const u = new URL(opts.origin);
  if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost') throw new Error(`benchmarks run on loopback only, not ${u.hostname}`);
  if (opts.requests.length < opts.connections) throw new Error(`${opts.requests.length} requests for ${opts.connections} connections`);
  const dir = mkdtempSync(join(tmpdir(), 'rt-bench-'));
  try {
    const listFile = join(dir, 'requests.json');
    const moduleFile = join(dir, 'setup-request.cjs');
    writeFileSync(listFile, JSON.stringify(opts.requests));
    writeFileSync(moduleFile, setupModuleSource(listFile, opts.mode));
    // each connection builds its first request up front, so a 'once' list must cover those as well
    const max = opts.mode === 'once' ? opts.requests.length - opts.connections : 20_000_000;
    const instance = autocannon({
      url: opts.origin,
      method: 'POST',
      connections: opts.connections,
      duration: opts.durationS,
      maxOverallRequests: max,
      timeout: 30,
      workers: 1,
      requests: [{ setupRequest: moduleFile }],
    } as unknown as autocannon.Options);
    const r = (await runBounded(instance, opts.durationS)) as autocannon.Result & { '2xx': number };
    return {
      requestsPerSec: r.requests.average, meanMs: r.latency.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99,
      total: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, durationS: r.duration, ok2xx: r['2xx'],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Mean over the samples of what the database sessions of one database were doing. */
export interface SessionProfile {
  samples: number;
  /** running a statement (not waiting on a lock) */
  running: number;
  /** waiting for the audit chain's lock (the head row, `SELECT … FOR UPDATE`) */
  chainWait: number;
  /** waiting for a row or transaction lock */
  rowLockWait: number;
  /** inside a transaction, waiting for the application's next statement */
  idleInTx: number;
  idle: number;
  /** share of the samples in which some session held the chain's lock (locked head, appending; COMMIT not counted) */
  chainHeldShare: number;
  /** the application's pool: queries queued for a connection */
  poolWaiting: number;
}

/**
 * Samples pg_stat_activity / pg_locks of `database` (and the pool's queue) every `everyMs` until stopped. Uses one
 * extra connection of its own.
 */
export async function sampleSessions(adminUrl: string, database: string, pool: pg.Pool | undefined, everyMs = 25) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const sums = { samples: 0, running: 0, chainWait: 0, rowLockWait: 0, idleInTx: 0, idle: 0, chainHeld: 0, poolWaiting: 0 };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t0 = Date.now();
      const { rows } = await client.query<{ running: string; chain: string; rowlock: string; iit: string; idle: string; held: string }>(`
        WITH s AS (
          SELECT a.state, a.wait_event_type,
                 a.query ILIKE 'select "value" from "settings" where%for update' AS head_lock,
                 a.query LIKE '%INSERT INTO audit_log%' AS append
            FROM pg_stat_activity a
           WHERE a.datname = $1 AND a.backend_type = 'client backend' AND a.pid <> pg_backend_pid())
        SELECT count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock') AS running,
               count(*) FILTER (WHERE wait_event_type = 'Lock' AND head_lock) AS chain,
               count(*) FILTER (WHERE wait_event_type = 'Lock' AND NOT head_lock) AS rowlock,
               count(*) FILTER (WHERE state LIKE 'idle in transaction%') AS iit,
               count(*) FILTER (WHERE state = 'idle') AS idle,
               count(*) FILTER (WHERE (head_lock AND wait_event_type IS DISTINCT FROM 'Lock' AND state <> 'idle') OR (append AND state <> 'idle')) AS held
          FROM s`, [database]);
      const r = rows[0]!;
      sums.samples += 1;
      sums.running += Number(r.running);
      sums.chainWait += Number(r.chain);
      sums.rowLockWait += Number(r.rowlock);
      sums.idleInTx += Number(r.iit);
      sums.idle += Number(r.idle);
      sums.chainHeld += Number(r.held) > 0 ? 1 : 0;
      sums.poolWaiting += pool?.waitingCount ?? 0;
      await new Promise((res) => setTimeout(res, Math.max(0, everyMs - (Date.now() - t0))));
    }
  })();
  return {
    async stop(): Promise<SessionProfile> {
      stopped = true;
      await loop;
      await client.end();
      const n = Math.max(1, sums.samples);
      return {
        samples: sums.samples, running: sums.running / n, chainWait: sums.chainWait / n, rowLockWait: sums.rowLockWait / n,
        idleInTx: sums.idleInTx / n, idle: sums.idle / n, chainHeldShare: sums.chainHeld / n, poolWaiting: sums.poolWaiting / n,
      };
    },
  };
}

/** CPU time (ms) of one thread or process from /proc (Linux); null elsewhere. */
function procCpuMs(statFile: string): number | null {
  try {
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = 100;

export interface CpuUse {
  /** the server's thread (this process's main thread: the load runs in a worker) */
  serverMs: number;
  /** the PostgreSQL backends serving `database` */
  postgresMs: number;
}

/**
 * CPU used by the server thread and the database's backends between `start()` and `stop()` (Linux /proc; null when
 * unavailable). Per request it is a measure that other load on the machine does not inflate, unlike latency.
 */
export async function cpuMeter(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const backends = async () => (await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`, [database])).rows.map((r) => r.pid);
  const snapshot = async () => {
    const pgMs = new Map<number, number>();
    for (const pid of await backends()) {
      const ms = procCpuMs(`/proc/${pid}/stat`);
      if (ms !== null) pgMs.set(pid, ms);
    }
    return { server: procCpuMs(`/proc/${process.pid}/task/${process.pid}/stat`), pgMs };
  };
  const before = await snapshot();
  return {
    async stop(): Promise<CpuUse | null> {
      const after = await snapshot();
      await client.end();
      if (before.server === null || after.server === null) return null;
      let postgresMs = 0;
      // backends opened during the run count from 0
      for (const [pid, ms] of after.pgMs) postgresMs += ms - (before.pgMs.get(pid) ?? 0);
      return { serverMs: after.server - before.server, postgresMs };
    },
  };
}

/**
 * The SQL statements the server sends while `fn` runs (the server runs in this process; nothing else may query
 * meanwhile): every `pg` client query, BEGIN and COMMIT included. Prepared statements are marked with their name.
 */
export async function statementsDuring(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string; name?: string };
    const text = typeof q === 'string' ? q : q?.text ?? '';
    seen.push(`${typeof q === 'object' && q?.name ? `[${q.name}] ` : ''}${text.replace(/\s+/g, ' ').trim()}`);
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}
