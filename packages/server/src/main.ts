import { resolve } from 'node:path';
import { secretKeyFor } from './config';
import { startServer } from './index';

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

if (databaseUrl && !process.env.RETURNTRACE_SECRET) {
  // Without a stable key, TOTP secrets encrypted at rest could not be read after a restart; keep one beside the
  // data directory and tell operators to supply their own.
  process.env.RETURNTRACE_SECRET = secretKeyFor(dataDir);
  console.warn(`RETURNTRACE_SECRET is not set: using the key in ${dataDir}/secret.key. Set RETURNTRACE_SECRET in production.`);
}

const server = await startServer({ port, host, databaseUrl, dataDir: databaseUrl ? undefined : dataDir, logger: true });
const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${dataDir}`;
server.app.log.info(`ReturnTrace 出口退运追溯与风险预警平台 is running at ${server.url} on ${where}; API docs at ${server.url}/api/docs`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close().then(() => process.exit(0), () => process.exit(1));
  });
}
