/**
 * Per-database caches of what every submit reads and almost nothing changes: the active return-reason codes
 * (`ref_return_reasons`) and the export-return audit policies (`policy_versions`). An entry lives at most
 * `REFERENCE_CACHE_TTL_MS`; the code that changes the data in this process drops it at once (refdata edits and
 * imports of the return-reason catalogue call `returnReasonsChanged`, publishing an audit policy calls
 * `auditPoliciesChanged`). Another app instance on the same database sees a change after the TTL at the latest.
 * Entries are filled from the caller's transaction (never a second pool connection), keyed by the database handle.
 */
import { and, eq, inArray, refReturnReasons, type Db, type DbOrTx } from '@returntrace/db';
import { beijingDate } from '@returntrace/domain';
import { loadAuditPolicies, type AuditPolicies } from './policy';

export const REFERENCE_CACHE_TTL_MS = 5_000;

class TtlCache<V> {
  private readonly entries = new WeakMap<object, { key: string; value: Promise<V>; until: number }>();
  /** bumped by `drop()`: entries of an older generation are stale (a WeakMap cannot be cleared) */
  private generation = 0;

  async get(owner: Db, subKey: string, load: () => Promise<V>): Promise<V> {
    const key = `${this.generation}:${subKey}`;
    const now = performance.now();
    const hit = this.entries.get(owner);
    if (hit && hit.key === key && hit.until > now) return hit.value;
    const value = load();
    const entry = { key, value, until: now + REFERENCE_CACHE_TTL_MS };
    this.entries.set(owner, entry);
    try {
      return await value;
    } catch (err) {
      if (this.entries.get(owner) === entry) this.entries.delete(owner); // a failed load is not remembered
      throw err;
    }
  }

  drop(): void {
    this.generation += 1;
  }
}

const reasonCodes = new TtlCache<ReadonlySet<string>>();
const policies = new TtlCache<AuditPolicies>();

/** The codes of the active return reasons (the whole catalogue is a few dozen rows). */
export function activeReasonCodes(owner: Db, tx: DbOrTx): Promise<ReadonlySet<string>> {
  return reasonCodes.get(owner, 'active', async () =>
    new Set((await tx.select({ code: refReturnReasons.code }).from(refReturnReasons).where(eq(refReturnReasons.active, true))).map((r) => r.code)));
}

/** Which of `codes` are active reasons — read through the cache. */
export async function knownActiveReasons(owner: Db, tx: DbOrTx, codes: readonly string[]): Promise<ReadonlySet<string>> {
  const active = await activeReasonCodes(owner, tx);
  if (codes.every((c) => active.has(c))) return active;
  // a code the cached catalogue does not know: ask the database (it may have been added a moment ago elsewhere)
  return new Set((await tx.select({ code: refReturnReasons.code }).from(refReturnReasons)
    .where(and(eq(refReturnReasons.active, true), inArray(refReturnReasons.code, [...codes])))).map((r) => r.code));
}

/** The audit policies in force on `now`'s Beijing date. */
export function auditPoliciesInForce(owner: Db, tx: DbOrTx, now: Date): Promise<AuditPolicies> {
  return policies.get(owner, beijingDate(now), () => loadAuditPolicies(tx, now));
}

/** The return-reason catalogue changed (after its transaction committed). */
export function returnReasonsChanged(): void {
  reasonCodes.drop();
}

/** An audit policy version was published or withdrawn (after its transaction committed). */
export function auditPoliciesChanged(): void {
  policies.drop();
}
