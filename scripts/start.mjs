#!/usr/bin/env node
// `npm start`: build packages/web if its dist is stale, then run the server (packages/server/src/main.ts).
// Environment: PORT (3000), HOST (127.0.0.1), DATA_DIR (./data), DATABASE_URL, DATABASE_APP_ROLE — see docs/OPERATIONS.md.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureWebBuilt, repoRoot } from './web-build.mjs';

try {
  ensureWebBuilt();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const child = spawn(tsx, [join(repoRoot, 'packages/server/src/main.ts')], {
  cwd: process.cwd(),
  stdio: 'inherit',
  env: process.env,
});

for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(sig, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
}

child.on('error', (err) => {
  console.error(`cannot start ${tsx}: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }[signal] ?? 1));
  process.exit(code ?? 1);
});
