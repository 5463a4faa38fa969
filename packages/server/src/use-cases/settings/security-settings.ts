import { eq, settings, type DbOrTx } from '@returntrace/db';
import { isCustomsKind, securitySettingsSchema, type Role, type SecuritySettings } from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';

const KEY = 'security';
const DEFAULTS: SecuritySettings = { mfaRequiredForCustoms: false };

/**
 * Every GET /session shows whether a second factor is mandatory, so the row is cached per database handle. Changing
 * it through {@link updateSecuritySettings} drops the cache at once; the time limit bounds how long another server
 * process sharing the database can show an outdated value. Security decisions (login, disabling TOTP) pass
 * `fresh: true` and always read the row.
 */
const CACHE_MS = 10_000;
const cache = new WeakMap<object, { value: SecuritySettings; until: number }>();
/** Bumped by every change, so a read that raced with a change does not cache the value from before it. */
let generation = 0;

export async function getSecuritySettings(db: DbOrTx, opts: { fresh?: boolean } = {}): Promise<SecuritySettings> {
  const hit = opts.fresh ? undefined : cache.get(db);
  if (hit && hit.until > performance.now()) return hit.value;
  const readAt = generation;
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const parsed = securitySettingsSchema.safeParse(row?.value);
  const value = parsed.success ? parsed.data : DEFAULTS;
  if (readAt === generation) cache.set(db, { value, until: performance.now() + CACHE_MS });
  return value;
}

export async function updateSecuritySettings(ctx: Ctx, input: SecuritySettings): Promise<SecuritySettings> {
  const now = ctx.clock.now();
  try {
    return await transaction(ctx.db, async (tx) => {
      const before = await getSecuritySettings(tx, { fresh: true });
      await tx.insert(settings).values({ key: KEY, value: input, updatedAt: now, updatedBy: ctx.actor?.userId })
        .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedAt: now, updatedBy: ctx.actor?.userId } });
      await audit(ctx, tx, { action: 'settings.security.update', objectType: 'settings', objectId: KEY, detail: { before, after: input } });
      return input;
    });
  } finally {
    generation++;
    cache.delete(ctx.db);
  }
}

/** The second factor is mandatory for customs staff and administrators once the setting is on. */
export function mfaRequiredFor(s: SecuritySettings, orgKind: string, roles: readonly Role[]): boolean {
  return s.mfaRequiredForCustoms && (isCustomsKind(orgKind) || roles.includes('sysadmin'));
}
