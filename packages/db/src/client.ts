import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** PostgreSQL only: the connection URL */
  url?: string;
  /** PostgreSQL only: the pool, for COPY and LISTEN. */
  pool?: pg.Pool;
  /** PGlite only: the embedded instance. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** postgres://… — when set, node-postgres is used; otherwise embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; omitted means in-memory. */
  dataDir?: string | undefined;
  /** Run migrations before returning (default true). */
  migrate?: boolean;
  /**
   * PostgreSQL only: the role the application runs as (`SET ROLE` on every connection). It gets
   * SELECT/INSERT/UPDATE/DELETE on the tables but only SELECT/INSERT on audit_log. Default `returntrace_app`;
   * `''` disables the role switch.
   */
  appRole?: string;
  poolSize?: number;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const runMigrations = options.migrate ?? true;
  if (options.databaseUrl) {
    const appRole = options.appRole ?? process.env.DATABASE_APP_ROLE ?? 'returntrace_app';
    const ownerPool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
    try {
      if (runMigrations) await migratePg(drizzlePg(ownerPool, { schema }), { migrationsFolder });
      if (appRole) await ensureAppRole(ownerPool, appRole);
    } finally {
      await ownerPool.end();
    }
    // The role is set in the start-up packet, so no query can ever run on a pooled connection before it applies.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(appRole ? { options: `-c role=${quoteIdent(appRole).slice(1, -1)}` } : {}),
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, driver: 'postgres', url: options.databaseUrl, pool, close: () => pool.end() };
  }
  const pglite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema });
  if (runMigrations) await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, driver: 'pglite', pglite, close: () => pglite.close() };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid role name: ${name}`);
  return `"${name}"`;
}

/**
 * Creates the application role if missing and grants it everything but changing the audit log. Re-run at every
 * start so tables added by later migrations are covered.
 */
async function ensureAppRole(pool: pg.Pool, role: string): Promise<void> {
  const r = quoteIdent(role);
  await pool.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${r} NOLOGIN; END IF;
  END $$;`);
  await pool.query(`GRANT ${r} TO CURRENT_USER`).catch(() => undefined);
  await pool.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await pool.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await pool.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  await pool.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${r}`);
  await pool.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
}

/** Rows of a raw query on either driver. */
export async function queryRows<T = Record<string, unknown>>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
