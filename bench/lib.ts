import autocannon from 'autocannon';

/** Seconds per measurement (BENCH_DURATION, default 10) and concurrent connections (BENCH_CONNECTIONS, default 20). */
export const DURATION_S = clampInt(process.env.BENCH_DURATION, 10, 1, 300);
export const CONNECTIONS = clampInt(process.env.BENCH_CONNECTIONS, 20, 1, 1000);
/** Warm-up before each measurement, not recorded. */
export const WARMUP_S = Math.min(2, Math.max(1, Math.floor(DURATION_S / 5)));

function clampInt(raw: string | undefined, dflt: number, min: number, max: number): number {
  const n = raw === undefined || raw === '' ? dflt : Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return dflt;
  return Math.min(max, Math.max(min, n));
}

export interface Measurement {
  requestsPerSec: number;
  /** autocannon records latency in whole milliseconds: p50/p99 of a sub-millisecond endpoint read 0 */
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

export interface BenchRow extends Measurement {
  benchmark: string;
  /** what was measured, e.g. "POST /api/v1/auth/login" */
  target: string;
  /** e.g. "PGlite (in-memory)", "PostgreSQL 15", "bare Fastify" */
  backend: string;
  /** this row's req/s ÷ the baseline's req/s; latency ratios likewise (null for the baseline itself, or when the
   * baseline's value is 0 ms, i.e. below autocannon's 1 ms resolution) */
  ratioReqPerSec: number | null;
  ratioMean: number | null;
  ratioP50: number | null;
  ratioP99: number | null;
  note?: string;
}

export interface BenchContext {
  log: (line: string) => void;
}

/** A file in bench/benchmarks/ default-exports one of these. */
export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  durationS?: number;
}

/** Awaits an autocannon run, stopping it and failing when it outlives its duration by 60 s. */
export async function runBounded(instance: autocannon.Instance, durationS: number): Promise<autocannon.Result> {
  let timer: NodeJS.Timeout | undefined;
  const hardStop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        instance.stop();
      } catch {
        /* already stopped */
      }
      reject(new Error(`autocannon did not finish within ${durationS + 60} s`));
    }, (durationS + 60) * 1000);
  });
  try {
    return (await Promise.race([instance, hardStop])) as autocannon.Result;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One autocannon measurement on loopback. The load is generated in a worker thread (autocannon `workers: 1`) so that
 * it does not share the event loop with the server under test. Bounded in time (duration + 60 s hard stop) and in
 * count (maxOverallRequests).
 */
export async function measure(opts: LoadOptions): Promise<Measurement> {
  const u = new URL(opts.url);
  if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost' && u.hostname !== '[::1]') {
    throw new Error(`benchmarks run on loopback only, not ${u.hostname}`);
  }
  const durationS = opts.durationS ?? DURATION_S;
  const instance = autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers ?? {},
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    connections: CONNECTIONS,
    duration: durationS,
    maxOverallRequests: 20_000_000,
    timeout: 30,
    workers: 1,
  });
  const r = await runBounded(instance, durationS);
  return {
    requestsPerSec: r.requests.average,
    meanMs: r.latency.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    durationS: r.duration,
  };
}

export async function warmUp(opts: LoadOptions): Promise<void> {
  await measure({ ...opts, durationS: WARMUP_S });
}

export function rowAgainst(
  baseline: Measurement, m: Measurement, fields: Pick<BenchRow, 'benchmark' | 'target' | 'backend'> & { note?: string },
): BenchRow {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    ...fields,
    ...m,
    ratioReqPerSec: ratio(m.requestsPerSec, baseline.requestsPerSec),
    ratioMean: ratio(m.meanMs, baseline.meanMs),
    ratioP50: ratio(m.p50Ms, baseline.p50Ms),
    ratioP99: ratio(m.p99Ms, baseline.p99Ms),
  };
}

/** Cookie "name=value" pairs from the Set-Cookie headers of a fetch response. */
export function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    if (eq > 0) out[pair!.slice(0, eq).trim()] = pair!.slice(eq + 1).trim();
  }
  return out;
}

export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
}
