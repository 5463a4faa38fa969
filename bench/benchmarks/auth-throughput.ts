// Login and authenticated-request throughput of the real server, each as a ratio against a bare Fastify endpoint
// measured in the same run on the same machine.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Fastify from 'fastify';
import { startServer } from '../../packages/server/src/index';
import { PG_BIN, pgBinariesPresent, startPgCluster, type PgCluster } from '../../scripts/pg-cluster.mjs';
import {
  cookieHeader, cookiesOf, measure, rowAgainst, warmUp, type Benchmark, type BenchContext, type BenchRow,
  type Measurement,
} from '../lib';

const USER = 'ent.huaxin';
/** an administrator of the General Administration: the users list is scoped to all of them (the largest page) */
const ADMIN = 'gacc.admin';
const PASSWORD = 'ReturnTrace@2026';
const LIST = '/api/v1/users?pageSize=20';
const NAME = 'auth-throughput';

interface Backend {
  label: string;
  databaseUrl?: string;
  cleanup?: () => Promise<void>;
}

async function bareBaseline(ctx: BenchContext): Promise<Measurement> {
  const bare = Fastify({ logger: false });
  const payload = { ok: true, service: 'bare', items: [1, 2, 3] };
  bare.get('/bare', async () => payload);
  const url = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    await warmUp({ url: `${url}/bare` });
    const m = await measure({ url: `${url}/bare` });
    ctx.log(`bare Fastify GET /bare: ${m.requestsPerSec.toFixed(0)} req/s`);
    return m;
  } finally {
    await bare.close();
  }
}

async function postgresBackend(ctx: BenchContext): Promise<Backend | null> {
  if (process.env.BENCH_DATABASE_URL) {
    return { label: 'PostgreSQL (BENCH_DATABASE_URL)', databaseUrl: process.env.BENCH_DATABASE_URL };
  }
  if (!pgBinariesPresent()) {
    ctx.log(`PostgreSQL 15 binaries not found at ${PG_BIN} and BENCH_DATABASE_URL unset: PostgreSQL skipped`);
    return null;
  }
  const cluster: PgCluster | null = await startPgCluster({ log: (l) => ctx.log(`[pg-cluster] ${l}`) });
  if (!cluster) return null;
  const created = spawnSync(
    join(PG_BIN, 'psql'),
    ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', 'CREATE DATABASE rt_bench'],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (created.status !== 0) {
    await cluster.stop();
    throw new Error(`CREATE DATABASE rt_bench failed: ${created.stderr || created.error?.message}`);
  }
  const url = new URL(cluster.url);
  url.pathname = '/rt_bench';
  return { label: 'PostgreSQL 15 (throw-away cluster)', databaseUrl: url.toString(), cleanup: () => cluster.stop() };
}

/** Logs in and answers the Cookie header of the new session (with the CSRF cookie). */
async function sessionCookies(
  url: string, headers: Record<string, string>, username: string, csrfCookies: Record<string, string>,
): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookies = { ...csrfCookies, ...cookiesOf(res) };
  if (!cookies.rt_session) throw new Error(`login ${username} answered without an rt_session cookie`);
  return cookieHeader(cookies);
}

async function probe200(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`GET ${url} probe: ${res.status} ${await res.text()}`);
}

async function benchBackend(ctx: BenchContext, backend: Backend, bare: Measurement): Promise<BenchRow[]> {
  ctx.log(`starting the server on ${backend.label}`);
  const server = await startServer({
    port: 0, host: '127.0.0.1', demo: true, logger: false, jobs: false,
    ...(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {}),
  });
  const rows: BenchRow[] = [];
  try {
    const base = server.url;

    // (a) login: a CSRF cookie + header pair obtained once, the same credentials on every request
    const csrfRes = await fetch(`${base}/api/v1/auth/csrf`);
    if (!csrfRes.ok) throw new Error(`GET /api/v1/auth/csrf: ${csrfRes.status}`);
    const csrfCookies = cookiesOf(csrfRes);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const login = {
      url: `${base}/api/v1/auth/login`,
      method: 'POST' as const,
      headers: {
        'content-type': 'application/json',
        cookie: cookieHeader(csrfCookies),
        'x-csrf-token': csrfToken,
      },
      body: JSON.stringify({ username: USER, password: PASSWORD }),
    };
    const probe = await fetch(login.url, { method: 'POST', headers: login.headers, body: login.body });
    if (!probe.ok) throw new Error(`login probe: ${probe.status} ${await probe.text()}`);
    await warmUp(login);
    const mLogin = await measure(login);
    ctx.log(`${backend.label} POST /api/v1/auth/login: ${mLogin.requestsPerSec.toFixed(1)} req/s`);
    rows.push(rowAgainst(bare, mLogin, {
      benchmark: NAME, backend: backend.label, target: 'POST /api/v1/auth/login',
      note: 'argon2id on every request (slow on purpose)',
    }));

    // (b) an authenticated read with one session cookie: the cost of authentication itself
    const userSession = await sessionCookies(login.url, login.headers, USER, csrfCookies);
    const session = { url: `${base}/api/v1/session`, headers: { cookie: userSession } };
    await probe200(session.url, session.headers);
    await warmUp(session);
    const mSession = await measure(session);
    ctx.log(`${backend.label} GET /api/v1/session: ${mSession.requestsPerSec.toFixed(0)} req/s`);
    rows.push(rowAgainst(bare, mSession, { benchmark: NAME, backend: backend.label, target: 'GET /api/v1/session' }));

    // (c) an authenticated, scoped list page: authentication plus a count and a page query
    const adminSession = await sessionCookies(login.url, login.headers, ADMIN, csrfCookies);
    const list = { url: `${base}${LIST}`, headers: { cookie: adminSession } };
    await probe200(list.url, list.headers);
    await warmUp(list);
    const mList = await measure(list);
    ctx.log(`${backend.label} GET ${LIST} (${ADMIN}): ${mList.requestsPerSec.toFixed(0)} req/s`);
    rows.push(rowAgainst(bare, mList, { benchmark: NAME, backend: backend.label, target: `GET ${LIST}`, note: `as ${ADMIN}` }));
  } finally {
    await server.close();
  }
  return rows;
}

const benchmark: Benchmark = {
  name: NAME,
  description: 'login (argon2id), authenticated GET /api/v1/session and a users list page vs a bare Fastify GET, PGlite and PostgreSQL',
  async run(ctx) {
    const bare = await bareBaseline(ctx);
    const rows: BenchRow[] = [
      { benchmark: NAME, backend: 'bare Fastify', target: 'GET /bare (baseline)', ...bare,
        ratioReqPerSec: null, ratioMean: null, ratioP50: null, ratioP99: null },
    ];
    rows.push(...(await benchBackend(ctx, { label: 'PGlite (in-memory)' }, bare)));
    const pg = await postgresBackend(ctx);
    if (pg) {
      try {
        rows.push(...(await benchBackend(ctx, pg, bare)));
      } finally {
        await pg.cleanup?.();
      }
    }
    return rows;
  },
};

export default benchmark;
