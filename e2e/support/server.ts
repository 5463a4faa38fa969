import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../packages/server/src/index';
import { ensureWebBuilt, webDist } from '../../scripts/web-build.mjs';

export const DEMO_PASSWORD = 'ReturnTrace@2026';

export interface E2EServer {
  /** http://127.0.0.1:<port> */
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Files that index.html references under /assets/ are all in dir (a build is not half-written). */
function completeBuild(dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const refs = [...readFileSync(index, 'utf8').matchAll(/\/assets\/[^"'?#\s)]+/g)].map((m) => m[0]);
  return refs.length > 0 && refs.every((r) => existsSync(join(dir, r)));
}

/**
 * Builds the web when stale and copies packages/web/dist into `to`, so that a rebuild of dist during the run (e.g.
 * someone else's `vite build`) cannot pull assets from under the browser. Bounded: 5 attempts.
 */
function snapshotWeb(to: string): void {
  for (let attempt = 1; attempt <= 5; attempt++) {
    ensureWebBuilt({ log: (l) => console.log(l) });
    rmSync(to, { recursive: true, force: true });
    cpSync(webDist, to, { recursive: true });
    if (completeBuild(to)) return;
    const wait = Date.now() + 2000;
    while (Date.now() < wait) { /* a concurrent build is writing dist: give it a moment */ }
  }
  throw new Error(`packages/web/dist stays incomplete (index.html or its /assets/ files missing)`);
}

/**
 * The real server in this process: a fresh PGlite directory with the demo data, a random loopback port, and a
 * snapshot of the built web (rebuilt first when packages/web/dist is stale).
 */
export async function startE2EServer(): Promise<E2EServer> {
  const base = mkdtempSync(join(tmpdir(), 'rt-e2e-'));
  const dataDir = join(base, 'data');
  const web = join(base, 'web');
  try {
    snapshotWeb(web);
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: true, logger: false, webDist: web });
    return {
      url: server.url,
      dataDir,
      async close() {
        try {
          await server.close();
        } finally {
          rmSync(base, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(base, { recursive: true, force: true });
    throw err;
  }
}
