import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from './client';

/**
 * A fresh, migrated database for one test file or benchmark: in-memory PGlite, or — when `baseUrl` (by default
 * TEST_DATABASE_URL) points at a PostgreSQL cluster — a new database created on it and dropped on close.
 */
export async function createScratchDb(opts: { baseUrl?: string | undefined; poolSize?: number } = {}): Promise<DbHandle> {
  const base = opts.baseUrl ?? process.env.TEST_DATABASE_URL;
  if (!base) return createDb();
  const name = `rt_scratch_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), poolSize: opts.poolSize ?? 5 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // A pool's connections may still be closing after end() resolves; terminating them (FORCE) would surface as an
      // unhandled "terminating connection" error on the closing client, so give them a moment to go first.
      for (let i = 0; i < 40; i++) {
        const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
