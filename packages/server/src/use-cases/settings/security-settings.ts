import { eq, settings, type DbOrTx } from '@returntrace/db';
import { isCustomsKind, securitySettingsSchema, type Role, type SecuritySettings } from '@returntrace/domain';
import { audit } from '../../audit/audit';
import type { Ctx } from '../../context';

const KEY = 'security';
const DEFAULTS: SecuritySettings = { mfaRequiredForCustoms: false };

export async function getSecuritySettings(db: DbOrTx): Promise<SecuritySettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const parsed = securitySettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULTS;
}

export async function updateSecuritySettings(ctx: Ctx, input: SecuritySettings): Promise<SecuritySettings> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await getSecuritySettings(tx);
    await tx.insert(settings).values({ key: KEY, value: input, updatedAt: now, updatedBy: ctx.actor?.userId })
      .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedAt: now, updatedBy: ctx.actor?.userId } });
    await audit(ctx, tx, { action: 'settings.security.update', objectType: 'settings', objectId: KEY, detail: { before, after: input } });
    return input;
  });
}

/** The second factor is mandatory for customs staff and administrators once the setting is on. */
export function mfaRequiredFor(s: SecuritySettings, orgKind: string, roles: readonly Role[]): boolean {
  return s.mfaRequiredForCustoms && (isCustomsKind(orgKind) || roles.includes('sysadmin'));
}
