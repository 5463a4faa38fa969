import { and, eq, isNull, organisations, sessions, sql, users, type Db } from '@returntrace/db';

/** Every column a request can need from its session, user and organisation: the one query of an authenticated request. */
const LOOKUP_FIELDS = {
  id: sessions.id, stage: sessions.stage, csrfToken: sessions.csrfToken, createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt,
  userId: users.id, username: users.username, displayName: users.displayName, roles: users.roles,
  userActive: users.active, totpEnabled: users.totpEnabled, locale: users.locale, lastLoginAt: users.lastLoginAt,
  previousLoginAt: users.previousLoginAt, preferences: users.preferences,
  orgId: organisations.id, orgKind: organisations.kind, orgCode: organisations.code, orgNameZh: organisations.nameZh,
  orgNameEn: organisations.nameEn, orgPath: organisations.path, orgActive: organisations.active,
};
const FIELD_NAMES = Object.keys(LOOKUP_FIELDS) as (keyof typeof LOOKUP_FIELDS)[];
const STATEMENT = 'rt_session_lookup';

/** Unrevoked session by token digest; revoked sessions are never found. */
function lookupQuery(db: Db) {
  return db
    .select(LOOKUP_FIELDS)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt)))
    .limit(1);
}

export type SessionRow = Awaited<ReturnType<ReturnType<typeof lookupQuery>['execute']>>[number];
type LookupFn = (tokenHash: string) => Promise<SessionRow | undefined>;

/** The embedded database's simple-query entry point (PGlite `exec`); node-postgres pools have none. */
interface SimpleQueryClient {
  exec(query: string, options?: { rowMode?: 'array' | 'object' }): Promise<{ rows: unknown[] }[]>;
}
const simpleQueryClientOf = (db: Db): SimpleQueryClient | null => {
  const client = (db as { $client?: unknown }).$client as Partial<SimpleQueryClient> | undefined;
  return client && typeof client.exec === 'function' && !('connect' in client) ? (client as SimpleQueryClient) : null;
};

/**
 * PostgreSQL: a named prepared statement, planned once per pooled connection. PGlite runs every parameterised query
 * as an unnamed statement (parse, describe and plan each time, which is most of a request's cost), so there the
 * statement is prepared once in SQL and run with EXECUTE; the only argument is a hex digest checked before use.
 */
function buildLookup(db: Db): LookupFn {
  const simple = simpleQueryClientOf(db);
  if (!simple) {
    const prepared = lookupQuery(db).prepare(STATEMENT);
    return async (tokenHash) => (await prepared.execute({ tokenHash }))[0];
  }
  const { sql: text } = lookupQuery(db).toSQL();
  let ready: Promise<void> | null = null;
  const prepare = async () => {
    try {
      await simple.exec(`PREPARE ${STATEMENT}(text, integer) AS ${text}`);
    } catch (err) {
      // 42P05: prepared already by an earlier app on the same embedded database (same text, same name)
      if ((err as { code?: string }).code !== '42P05') throw err;
    }
  };
  return async (tokenHash) => {
    if (!/^[0-9a-f]{64}$/.test(tokenHash)) throw new Error('session token digest must be 64 hex characters');
    ready ??= prepare().catch((err: unknown) => {
      ready = null;
      throw err;
    });
    await ready;
    const [result] = await simple.exec(`EXECUTE ${STATEMENT}('${tokenHash}', 1)`, { rowMode: 'array' });
    const values = result?.rows[0] as unknown[] | undefined;
    if (!values) return undefined;
    const row: Record<string, unknown> = {};
    FIELD_NAMES.forEach((name, i) => {
      const v = values[i];
      row[name] = v === null || v === undefined ? null : LOOKUP_FIELDS[name].mapFromDriverValue(v as never);
    });
    return row as SessionRow;
  };
}

/** Built once per database handle, so the SQL text is generated once and the plan kept. */
const lookups = new WeakMap<Db, LookupFn>();

export function sessionRowByDigest(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  let fn = lookups.get(db);
  if (!fn) lookups.set(db, (fn = buildLookup(db)));
  return fn(tokenHash);
}
