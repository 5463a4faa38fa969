/**
 * The export-return audit policy (`policy_versions`, kind `export_returns.audit`) of each directly-affiliated
 * customs: the published version with the highest number whose `effectiveFrom` is not after today (Beijing).
 * A declaration follows the policy of the directly-affiliated customs above its competent office; where none is
 * published, the domain default applies.
 */
import { and, eq, lte, policyVersions, type DbOrTx } from '@returntrace/db';
import {
  DEFAULT_EXPORT_RETURN_AUDIT_POLICY, EXPORT_RETURN_AUDIT_POLICY_KIND, beijingDate, exportReturnAuditPolicySchema,
  type ExportReturnAuditPolicy,
} from '@returntrace/domain';

export type AuditPolicies = Map<string, ExportReturnAuditPolicy>;

export async function loadAuditPolicies(db: DbOrTx, now: Date): Promise<AuditPolicies> {
  const rows = await db.select().from(policyVersions).where(and(
    eq(policyVersions.kind, EXPORT_RETURN_AUDIT_POLICY_KIND),
    eq(policyVersions.status, 'published'),
    lte(policyVersions.effectiveFrom, beijingDate(now)),
  ));
  const best = new Map<string, { version: number; body: ExportReturnAuditPolicy }>();
  for (const r of rows) {
    const parsed = exportReturnAuditPolicySchema.safeParse(r.body);
    if (!parsed.success) continue; // a malformed version never switches rules off by accident
    const cur = best.get(r.jurisdictionId);
    if (!cur || r.version > cur.version) best.set(r.jurisdictionId, { version: r.version, body: parsed.data });
  }
  return new Map([...best].map(([k, v]) => [k, v.body]));
}

/** The id of the directly-affiliated customs in an organisation path `/<gacc>/<direct>/<sub>/…`. */
export function directCustomsIdOf(path: string): string | undefined {
  return path.split('/').filter(Boolean)[1];
}

export function policyFor(policies: AuditPolicies, competentOfficePath: string): ExportReturnAuditPolicy {
  const id = directCustomsIdOf(competentOfficePath);
  return (id && policies.get(id)) || DEFAULT_EXPORT_RETURN_AUDIT_POLICY;
}
