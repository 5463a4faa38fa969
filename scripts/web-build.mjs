// Shared by scripts/start.mjs, scripts/test.mjs and e2e/support/server.ts: (re)build packages/web when its dist is
// missing or older than any of its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const webDist = join(repoRoot, 'packages/web/dist');
const distIndex = join(webDist, 'index.html');

/** Files and directories whose changes make the built web stale. */
const sources = [
  'packages/web/src',
  'packages/web/public',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/web/package.json',
  'packages/domain/src',
].map((p) => join(repoRoot, p));

/** @param {string} p @returns {number} newest mtime (ms) under p, 0 if absent */
function newestMtime(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // catches deletions inside the directory
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(p, entry)));
  }
  return newest;
}

/** @returns {string | null} why the web must be rebuilt, or null when dist is fresh */
export function webStaleReason() {
  if (!existsSync(distIndex)) return 'packages/web/dist/index.html is missing';
  const built = statSync(distIndex).mtimeMs;
  for (const s of sources) {
    if (newestMtime(s) > built) return `${s.slice(repoRoot.length)} changed since the last build`;
  }
  return null;
}

/**
 * Builds the web if stale. Throws when the build fails.
 * @param {{ log?: (line: string) => void, force?: boolean }} [opts]
 * @returns {boolean} whether a build ran
 */
export function ensureWebBuilt(opts = {}) {
  const log = opts.log ?? ((l) => console.error(l));
  const reason = opts.force ? 'forced' : webStaleReason();
  if (!reason) return false;
  log(`[web] building (${reason}): npm run build -w @returntrace/web`);
  const t0 = Date.now();
  const res = spawnSync('npm', ['run', 'build', '-w', '@returntrace/web'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
    timeout: 600_000,
  });
  if (res.status !== 0) {
    throw new Error(`web build failed (${res.error ? res.error.message : `exit code ${res.status}`})`);
  }
  log(`[web] built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(webStaleReason() ?? 'packages/web/dist is up to date');
}
