#!/usr/bin/env node
// `npm test`: every test tier, one summary line at the end.
//   1. domain + server on embedded PGlite       vitest run --project domain --project server
//   2. server on a throw-away PostgreSQL 15      vitest run --project server  (TEST_DATABASE_URL set)
//   3. browser flows in the system Chromium      vitest run --project e2e
// Finishes with `tests: N passed, M failed[, K skipped]` and exits non-zero when any tier failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG_BIN, pgBinariesPresent, startPgCluster } from './pg-cluster.mjs';
import { ensureWebBuilt, repoRoot } from './web-build.mjs';

const CHROMIUM = '/usr/bin/chromium';
const isCI = process.env.CI === 'true' || process.env.CI === '1';
const vitestBin = join(repoRoot, 'node_modules/.bin/vitest');
const reportDir = mkdtempSync(join(tmpdir(), 'rt-test-'));

/** @type {import('node:child_process').ChildProcess | null} */
let current = null;
/** @type {import('./pg-cluster.mjs').PgCluster | null} */
let pg = null;

function cleanupSync() {
  rmSync(reportDir, { recursive: true, force: true });
}
process.on('exit', cleanupSync);
for (const [sig, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143]])) {
  process.on(sig, () => {
    console.error(`\n[test] ${sig}: stopping`);
    if (current && current.exitCode === null) current.kill('SIGTERM');
    // pg-cluster's own handlers stop the cluster on exit as well; stop() is idempotent
    void pg?.stop();
    process.exit(code);
  });
}

/**
 * @typedef {{ name: string, status: 'passed' | 'failed' | 'skipped', passed: number, failed: number,
 *              skipped: number, seconds: number, note?: string }} TierResult
 */
/** @type {TierResult[]} */
const tiers = [];

/** @param {string} title */
function header(title) {
  const line = '═'.repeat(Math.max(8, 100 - title.length - 4));
  console.log(`\n══ ${title} ${line}`);
}

/**
 * Runs vitest with the default reporter plus the json reporter into the temp dir and counts from the json.
 * @param {string} name
 * @param {string[]} projects
 * @param {NodeJS.ProcessEnv} [extraEnv]
 * @returns {Promise<TierResult>}
 */
async function runVitest(name, projects, extraEnv = {}) {
  const jsonFile = join(reportDir, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  const args = [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
  ];
  const t0 = Date.now();
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, ...extraEnv };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const code = await new Promise((resolve) => {
    const child = spawn(vitestBin, args, { cwd: repoRoot, stdio: 'inherit', env });
    current = child;
    child.on('error', (err) => {
      console.error(`[test] cannot run vitest: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  current = null;
  const seconds = (Date.now() - t0) / 1000;

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let note;
  if (existsSync(jsonFile)) {
    try {
      const r = JSON.parse(readFileSync(jsonFile, 'utf8'));
      passed = r.numPassedTests ?? 0;
      failed = r.numFailedTests ?? 0;
      skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
      // a file that fails to load (syntax error, failing beforeAll…) may fail without any failed test: count it once
      const brokenFiles = (r.testResults ?? []).filter(
        (/** @type {any} */ f) =>
          f.status === 'failed' && !(f.assertionResults ?? []).some((/** @type {any} */ a) => a.status === 'failed'),
      );
      if (brokenFiles.length > 0) {
        failed += brokenFiles.length;
        note = `${brokenFiles.length} test file(s) failed outside any test`;
      }
    } catch (err) {
      note = `cannot read the json report: ${err instanceof Error ? err.message : err}`;
    }
  } else {
    note = 'vitest wrote no json report';
  }
  if (code !== 0 && failed === 0) {
    failed = 1; // vitest failed (no test files, crash, unhandled error…) without a failed test to show for it
    note = note ?? `vitest exited with code ${code}`;
  }
  return { name, status: code === 0 && failed === 0 ? 'passed' : 'failed', passed, failed, skipped, seconds, note };
}

// ---- tier 1: domain + server on PGlite --------------------------------------------------------------------------
header('tier 1/3: domain + server (PGlite)');
tiers.push(await runVitest('domain+server (PGlite)', ['domain', 'server'], { TEST_DATABASE_URL: undefined }));

// ---- tier 2: server on PostgreSQL 15 ----------------------------------------------------------------------------
header('tier 2/3: server (PostgreSQL 15)');
if (!pgBinariesPresent()) {
  console.log(`PostgreSQL 15 binaries not found at ${PG_BIN}: the PostgreSQL tier was SKIPPED`);
  tiers.push({ name: 'server (PostgreSQL 15)', status: 'skipped', passed: 0, failed: 0, skipped: 0, seconds: 0,
    note: `no binaries at ${PG_BIN}` });
} else {
  const t0 = Date.now();
  try {
    pg = await startPgCluster({ log: (l) => console.log(`[pg-cluster] ${l}`) });
  } catch (err) {
    console.error(`[test] cannot start the PostgreSQL cluster: ${err instanceof Error ? err.message : err}`);
  }
  if (!pg) {
    tiers.push({ name: 'server (PostgreSQL 15)', status: 'failed', passed: 0, failed: 1,
      skipped: 0, seconds: (Date.now() - t0) / 1000, note: 'the PostgreSQL cluster did not start' });
  } else {
    try {
      console.log(`[test] TEST_DATABASE_URL=${pg.url}`);
      tiers.push(await runVitest('server (PostgreSQL 15)', ['server'], { TEST_DATABASE_URL: pg.url }));
    } finally {
      await pg.stop();
      pg = null;
    }
  }
}

// ---- tier 3: browser flows --------------------------------------------------------------------------------------
header('tier 3/3: e2e (Chromium)');
if (!existsSync(CHROMIUM)) {
  const msg = `Chromium not found at ${CHROMIUM}: the e2e tier was SKIPPED`;
  if (isCI) {
    console.log(`${msg} — this is a FAILURE because CI=true (install it: apt-get install -y chromium fonts-noto-cjk)`);
    tiers.push({ name: 'e2e (Chromium)', status: 'failed', passed: 0, failed: 0, skipped: 0, seconds: 0,
      note: `chromium missing at ${CHROMIUM} (required in CI)` });
  } else {
    console.log(`${msg} (install it: apt-get install -y chromium fonts-noto-cjk)`);
    tiers.push({ name: 'e2e (Chromium)', status: 'skipped', passed: 0, failed: 0, skipped: 0, seconds: 0,
      note: `no chromium at ${CHROMIUM}` });
  }
} else {
  let built = true;
  try {
    ensureWebBuilt({ log: (l) => console.log(l) });
  } catch (err) {
    built = false;
    console.error(`[test] ${err instanceof Error ? err.message : err}`);
    tiers.push({ name: 'e2e (Chromium)', status: 'failed', passed: 0, failed: 1, skipped: 0, seconds: 0,
      note: 'the web build failed' });
  }
  if (built) tiers.push(await runVitest('e2e (Chromium)', ['e2e'], { RT_WEB_BUILT: '1' }));
}

// ---- summary ----------------------------------------------------------------------------------------------------
header('summary');
for (const t of tiers) {
  const counts = `${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`;
  console.log(
    `${t.status.toUpperCase().padEnd(8)} ${t.name.padEnd(26)} ${counts.padEnd(36)} ${t.seconds.toFixed(1).padStart(6)} s` +
      (t.note ? `  (${t.note})` : ''),
  );
}
const sum = (/** @type {'passed'|'failed'|'skipped'} */ k) => tiers.reduce((n, t) => n + t[k], 0);
const skippedTotal = sum('skipped');
console.log(`tests: ${sum('passed')} passed, ${sum('failed')} failed${skippedTotal ? `, ${skippedTotal} skipped` : ''}`);
process.exitCode = tiers.some((t) => t.status === 'failed') ? 1 : 0;
