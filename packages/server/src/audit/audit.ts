import { auditLog, asc, gt, queryRows, settings, sql, type Db, type DbOrTx } from '@returntrace/db';
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
const CHAIN_LOCK = 7_310_001; // advisory lock id serialising appends to the chain
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

/**
 * Appends one row to the chain. Must run inside the transaction that makes the change it records: the advisory
 * lock is held until that transaction ends, which keeps the chain linear across connections and app instances.
 */
export async function appendAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await appendAuditMany(tx, [e]);
}

/**
 * Appends several rows, in order, with one lock, one insert and one head update (a use-case that records several
 * steps at once). Same transaction rule as `appendAudit`.
 */
export async function appendAuditMany(tx: DbOrTx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [head] = await queryRows<{ hash: string }>(tx, sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows = entries.map((e) => {
    const hash = auditHash(prevHash, e);
    const row = { ...e, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // ids follow the order of the VALUES list, so the chain order is the insertion order
  const ids = await tx.insert(auditLog).values(rows).returning({ id: auditLog.id });
  const last = { id: Math.max(...ids.map((r) => r.id)), hash: prevHash };
  const at = entries[entries.length - 1]!.at;
  await tx
    .insert(settings)
    .values({ key: HEAD_KEY, value: last, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: last, updatedAt: at } });
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

/** Audit row for the current caller (or the identity given) inside `tx`. */
export function audit(ctx: Ctx, tx: DbOrTx, input: AuditInput): Promise<void> {
  return appendAudit(tx, auditEntry(ctx, input));
}

/** Several audit rows for the current caller (or the identities given) inside `tx`, in order. */
export function auditMany(ctx: Ctx, tx: DbOrTx, inputs: readonly AuditInput[]): Promise<void> {
  return appendAuditMany(tx, inputs.map((i) => auditEntry(ctx, i)));
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
  return ctx.db.transaction((tx) => audit(ctx, tx, input));
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
