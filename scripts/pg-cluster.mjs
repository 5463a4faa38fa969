#!/usr/bin/env node
// Throw-away PostgreSQL 15 cluster for tests and benchmarks.
//
//   import { startPgCluster } from './pg-cluster.mjs';
//   const pg = await startPgCluster();   // null when the PostgreSQL 15 binaries are missing
//   ... pg.url ...                       // postgres://postgres@127.0.0.1:<port>/postgres (trust auth)
//   await pg.stop();                     // also runs by itself on exit, SIGINT, SIGTERM and uncaught errors
//
// Standalone:
//   node scripts/pg-cluster.mjs                 start, print the URL, stop on Ctrl-C
//   node scripts/pg-cluster.mjs <cmd> [args…]   start, run <cmd> with TEST_DATABASE_URL set, stop, exit with its code
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** @returns {boolean} */
export function pgBinariesPresent() {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** @param {string} s */
function shq(s) {
  return `'${String(s).replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs a PostgreSQL binary, as the `postgres` OS user when we are root (initdb/postgres refuse to run as root).
 * @param {string} bin
 * @param {string[]} args
 * @param {{ allowFail?: boolean, timeoutMs?: number }} [opts]
 */
function runPg(bin, args, opts = {}) {
  const exe = join(PG_BIN, bin);
  const timeout = opts.timeoutMs ?? 120_000;
  const res = isRoot
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [exe, ...args].map(shq).join(' ')], {
        encoding: 'utf8',
        timeout,
      })
    : spawnSync(exe, args, { encoding: 'utf8', timeout });
  if ((res.status !== 0 || res.error) && !opts.allowFail) {
    const why = res.error ? res.error.message : `exit code ${res.status}`;
    throw new Error(`${bin} ${args.join(' ')} failed (${why})\n${res.stdout ?? ''}${res.stderr ?? ''}`);
  }
  return res;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** @type {Set<{ stopSync(): void }>} */
const live = new Set();
let handlersInstalled = false;

function stopAllSync() {
  for (const c of [...live]) {
    try {
      c.stopSync();
    } catch {
      /* best effort while exiting */
    }
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopAllSync);
  for (const [sig, code] of /** @type {const} */ ([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])) {
    process.on(sig, () => {
      stopAllSync();
      process.exit(code);
    });
  }
  process.on('uncaughtException', (err) => {
    console.error(err);
    stopAllSync();
    process.exit(1);
  });
  process.on('unhandledRejection', (err) => {
    console.error(err);
    stopAllSync();
    process.exit(1);
  });
}

/**
 * Starts a fresh cluster: initdb (trust auth, user postgres, UTF8, locale C) into a temp dir, listening on
 * 127.0.0.1 and a random free port, unix socket in the same temp dir. Durability is switched off (fsync etc.):
 * the cluster is thrown away.
 *
 * @param {{ log?: (line: string) => void }} [opts]
 * @returns {Promise<null | { url: string, port: number, dir: string, stop(): Promise<void> }>}
 */
export async function startPgCluster(opts = {}) {
  const log = opts.log ?? (() => {});
  if (!pgBinariesPresent()) return null;
  if (isRoot && spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).status !== 0) {
    throw new Error('running as root but there is no "postgres" OS user to run the PostgreSQL server as');
  }
  installHandlers();

  const base = mkdtempSync(join(tmpdir(), 'rt-pg-'));
  const dataDir = join(base, 'data');
  const sockDir = join(base, 'sock');
  const logFile = join(base, 'postgres.log');
  mkdirSync(dataDir, { mode: 0o700 });
  mkdirSync(sockDir, { mode: 0o700 });
  chmodSync(base, 0o755);
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const p of [base, dataDir, sockDir]) chownSync(p, uid, gid);
  }

  let stopped = false;
  let started = false;
  const cluster = {
    stopSync() {
      if (stopped) return;
      stopped = true;
      live.delete(cluster);
      if (started) runPg('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'], { allowFail: true });
      rmSync(base, { recursive: true, force: true });
    },
  };
  live.add(cluster);

  try {
    const t0 = Date.now();
    runPg('initdb', ['-D', dataDir, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], {
      timeoutMs: 180_000,
    });
    log(`initdb done in ${Date.now() - t0} ms`);

    // The free port may be taken between probing and binding: retry a few times.
    let port = 0;
    for (let attempt = 1; attempt <= 5; attempt++) {
      port = await freePort();
      const serverOpts = [
        `-c listen_addresses=127.0.0.1`,
        `-p ${port}`,
        `-k ${sockDir}`,
        `-c fsync=off`,
        `-c synchronous_commit=off`,
        `-c full_page_writes=off`,
        `-c max_connections=300`,
        `-c shared_buffers=128MB`,
      ].join(' ');
      const res = runPg('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOpts, '-w', '-t', '60', 'start'], {
        allowFail: true,
        timeoutMs: 90_000,
      });
      if (res.status === 0) {
        started = true;
        break;
      }
      // pg_ctl may have left a half-started server behind
      runPg('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'], { allowFail: true });
      if (attempt === 5) {
        let tail = '';
        try {
          tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
        } catch {
          /* no log */
        }
        throw new Error(`pg_ctl start failed 5 times\n${res.stdout ?? ''}${res.stderr ?? ''}\n${tail}`);
      }
    }

    // pg_ctl -w already waited; confirm TCP accepts connections (bounded: 30 s).
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = spawnSync(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], {
        encoding: 'utf8',
        timeout: 10_000,
      });
      if (r.status === 0) break;
      if (Date.now() > deadline) throw new Error(`PostgreSQL on 127.0.0.1:${port} is not ready after 30 s`);
      await new Promise((r2) => setTimeout(r2, 200));
    }
    log(`PostgreSQL 15 ready on 127.0.0.1:${port} in ${Date.now() - t0} ms (data ${dataDir})`);

    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      port,
      dir: base,
      async stop() {
        cluster.stopSync();
      },
    };
  } catch (err) {
    cluster.stopSync();
    throw err;
  }
}

// ---- standalone use ---------------------------------------------------------------------------------------------
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cmd = process.argv.slice(2);
  const pg = await startPgCluster({ log: (l) => console.error(`[pg-cluster] ${l}`) });
  if (!pg) {
    console.error(`[pg-cluster] PostgreSQL 15 binaries not found at ${PG_BIN}`);
    process.exit(2);
  }
  if (cmd.length === 0) {
    console.log(pg.url);
    console.error('[pg-cluster] running; press Ctrl-C to stop and remove it');
    setInterval(() => {}, 1 << 30);
  } else {
    const [exe, ...args] = /** @type {[string, ...string[]]} */ (cmd);
    const child = spawn(exe, args, {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: pg.url, PG_CLUSTER_URL: pg.url },
    });
    const forward = (/** @type {NodeJS.Signals} */ s) => child.kill(s);
    // our own SIGINT/SIGTERM handlers stop the cluster; let the child finish first when it can
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', () => forward('SIGINT'));
    process.on('SIGTERM', () => forward('SIGTERM'));
    child.on('exit', async (code, signal) => {
      await pg.stop();
      process.exit(code ?? (signal ? 1 : 0));
    });
  }
}
