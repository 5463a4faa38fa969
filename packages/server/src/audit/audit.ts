import { auditLog, asc, eq, gt, settings, sql, type Db, type DbOrTx, type Tx } from '@returntrace/db';
import type { Ctx } from '../context';
import { sm3Hex } from '../security/crypto';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  at: Date;
  userId: string | null;
  username: string;
  orgId: string | null;
  orgPath: string;
  action: string;
  objectType: string;
  objectId: string;
  result: AuditResult;
  clientIp: string;
  detail: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change the digest. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function auditHash(prevHash: string, e: AuditEntry): string {
  const content = canonicalJson({
    at: e.at.toISOString(), userId: e.userId, username: e.username, orgId: e.orgId, orgPath: e.orgPath,
    action: e.action, objectType: e.objectType, objectId: e.objectId, result: e.result, clientIp: e.clientIp,
    detail: e.detail,
  });
  return sm3Hex(`${prevHash}\n${content}`);
}

/** The head row `settings['audit.head']` ({ id, hash } of the last row): the lock of the chain and its tail marker. */
function headSeed() {
  return sql`
    INSERT INTO settings (key, value, updated_at)
    SELECT ${HEAD_KEY}, coalesce(
      (SELECT jsonb_build_object('id', id, 'hash', hash) FROM audit_log ORDER BY id DESC LIMIT 1),
      jsonb_build_object('id', 0, 'hash', ${GENESIS_HASH}::text)), now()
    ON CONFLICT (key) DO NOTHING`;
}

/** Creates the head row when it is missing (a new database; start-up calls this so appends never have to). */
export async function ensureAuditHead(db: DbOrTx): Promise<void> {
  await db.execute(headSeed());
}

async function lockHead(tx: DbOrTx): Promise<{ id: number; hash: string } | undefined> {
  // a named prepared statement: parsed and planned once per pooled connection
  const [head] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder('key')))
    .for('update').prepare('rt_audit_head_lock').execute({ key: HEAD_KEY });
  return head?.value as { id: number; hash: string } | undefined;
}

/**
 * Appends rows to the chain, in order, now: locks the head row (`SELECT … FOR UPDATE`; under READ COMMITTED the
 * wait ends with the latest committed head), then inserts the rows and moves the head in ONE statement. The row
 * lock is held until the transaction ends, which keeps the chain linear and gap-free across connections and app
 * instances; ids are drawn under the lock, so id order is chain order. Use-cases do not call this directly: they
 * run in `transaction()`, whose `audit()` rows are appended as the last statements before COMMIT, so the lock is
 * held for two statements and the commit only.
 */
export async function appendAuditMany(tx: DbOrTx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  let head = await lockHead(tx);
  if (!head) {
    await ensureAuditHead(tx);
    head = await lockHead(tx);
    if (!head) throw new Error('audit chain head row missing');
  }
  let prevHash = head.hash;
  const values = entries.map((e) => {
    const hash = auditHash(prevHash, e);
    const row = sql`(${e.at.toISOString()}::timestamptz, ${e.userId}::uuid, ${e.username}, ${e.orgId}::uuid, ${e.orgPath},
      ${e.action}, ${e.objectType}, ${e.objectId}, ${e.result}, ${e.clientIp}, ${JSON.stringify(e.detail)}::jsonb, ${prevHash}, ${hash})`;
    prevHash = hash;
    return row;
  });
  const at = entries[entries.length - 1]!.at.toISOString();
  // ids follow the order of the VALUES list, so the chain order is the insertion order
  await tx.execute(sql`
    WITH ins AS (
      INSERT INTO audit_log (at, user_id, username, org_id, org_path, action, object_type, object_id, result, client_ip, detail, prev_hash, hash)
      VALUES ${sql.join(values, sql`, `)}
      RETURNING id)
    UPDATE settings SET value = jsonb_build_object('id', (SELECT max(id) FROM ins), 'hash', ${prevHash}::text), updated_at = ${at}::timestamptz
    WHERE key = ${HEAD_KEY}`);
}

/** Appends one row now (see `appendAuditMany`): for code outside a use-case's `transaction()`. */
export async function appendAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await appendAuditMany(tx, [e]);
}

/** Audit rows of each open `transaction()` (and savepoint), appended when it is about to commit. */
const pending = new WeakMap<object, AuditEntry[]>();

/**
 * Runs `fn` in a transaction (or, given a transaction, in a savepoint) whose `audit()` rows are buffered and
 * appended to the chain as the last statements before COMMIT: the chain's lock is then held only for those two
 * statements and the commit, not for the rest of the use-case. A savepoint's rows join its parent's buffer when it
 * succeeds and are dropped with it when it fails. Every use-case that audits opens its transaction here.
 */
export async function transaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const parent = pending.get(db);
  return db.transaction(async (tx) => {
    const buffer: AuditEntry[] = [];
    pending.set(tx, buffer);
    let out: T;
    try {
      out = await fn(tx);
    } finally {
      pending.delete(tx);
    }
    if (parent) parent.push(...buffer);
    else await appendAuditMany(tx, buffer);
    return out;
  });
}

export interface AuditInput {
  action: string;
  objectType?: string;
  objectId?: string;
  result?: AuditResult;
  detail?: Record<string, unknown>;
  /** for events before a session exists (login attempts) */
  username?: string;
  userId?: string | null;
  orgId?: string | null;
  orgPath?: string;
}

/** Audit row for the current caller (or the identity given) inside `tx`, appended when `tx` commits. */
export function audit(ctx: Ctx, tx: DbOrTx, input: AuditInput): Promise<void> {
  return auditMany(ctx, tx, [input]);
}

/** Several audit rows for the current caller (or the identities given) inside `tx`, in order. */
export async function auditMany(ctx: Ctx, tx: DbOrTx, inputs: readonly AuditInput[]): Promise<void> {
  const entries = inputs.map((i) => auditEntry(ctx, i));
  const buffer = pending.get(tx);
  // inside `transaction()`: appended before COMMIT; elsewhere (a bare db.transaction) at once, still correct
  if (buffer) buffer.push(...entries);
  else await appendAuditMany(tx, entries);
}

function auditEntry(ctx: Ctx, input: AuditInput): AuditEntry {
  const a = ctx.actor;
  return {
    at: ctx.clock.now(),
    userId: input.userId !== undefined ? input.userId : (a?.userId ?? null),
    username: input.username ?? a?.username ?? '',
    orgId: input.orgId !== undefined ? input.orgId : (a?.orgId ?? null),
    orgPath: input.orgPath ?? a?.orgPath ?? '',
    action: input.action,
    objectType: input.objectType ?? '',
    objectId: input.objectId ?? '',
    result: input.result ?? 'success',
    clientIp: ctx.ip,
    detail: input.detail ?? {},
  };
}

/** Audit row in a transaction of its own (denials, failed logins: nothing else is written). */
export function auditAlone(ctx: Ctx, input: AuditInput): Promise<void> {
  return transaction(ctx.db, (tx) => audit(ctx, tx, input));
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
  reasonZh: string | null;
}

/** Walks the whole chain in id order and names the first row that was altered, or where rows were removed. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let prevId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, prevId)).orderBy(asc(auditLog.id)).limit(batchSize);
    for (const r of rows) {
      const entry: AuditEntry = {
        at: r.at, userId: r.userId, username: r.username, orgId: r.orgId, orgPath: r.orgPath, action: r.action,
        objectType: r.objectType, objectId: r.objectId, result: r.result as AuditResult, clientIp: r.clientIp,
        detail: r.detail as Record<string, unknown>,
      };
      if (r.prevHash !== prev) {
        return broken(checked, r.id, `row ${r.id} does not follow row ${prevId || '(start)'}: a row before it was removed or altered`,
          `第 ${r.id} 行与前一行（${prevId || '起点'}）不衔接：其前的记录被删除或篡改`);
      }
      if (auditHash(prev, entry) !== r.hash) {
        return broken(checked, r.id, `row ${r.id} was altered (its content no longer matches its hash)`,
          `第 ${r.id} 行被篡改（内容与哈希不符）`);
      }
      prev = r.hash;
      prevId = r.id;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  const [head] = await db.select().from(settings).where(sql`${settings.key} = ${HEAD_KEY}`);
  const h = head?.value as { id: number; hash: string } | undefined;
  if (h && (h.id !== prevId || h.hash !== prev)) {
    return broken(checked, h.id, `rows after ${prevId} up to ${h.id} were removed`, `第 ${prevId} 行之后至第 ${h.id} 行的记录被删除`);
  }
  return { ok: true, checked, firstBrokenId: null, reason: null, reasonZh: null };
}

function broken(checked: number, id: number, reason: string, reasonZh: string): ChainReport {
  return { ok: false, checked, firstBrokenId: id, reason, reasonZh };
}
