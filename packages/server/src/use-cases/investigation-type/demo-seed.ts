/**
 * Version 1 of the investigation-type policy (the figures of 000 §3.3 and the platform's default deadlines) for every
 * directly-affiliated customs, published on an empty database so that the warning office edits a real version and
 * every decision names the version it followed.
 */
import { and, eq, organisations, policyVersions, type Db } from '@returntrace/db';
import { DEFAULT_INVESTIGATION_TYPE_POLICY, INVESTIGATION_TYPE_POLICY_KIND } from '@returntrace/domain';

export async function seedInvestigationTypePolicies(db: Db, now: Date): Promise<void> {
  const directs = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'direct_customs'));
  for (const d of directs) {
    const [exists] = await db.select({ id: policyVersions.id }).from(policyVersions)
      .where(and(eq(policyVersions.kind, INVESTIGATION_TYPE_POLICY_KIND), eq(policyVersions.jurisdictionId, d.id)));
    if (exists) continue;
    await db.insert(policyVersions).values({
      kind: INVESTIGATION_TYPE_POLICY_KIND, jurisdictionId: d.id, version: 1, status: 'published', effectiveFrom: '2020-01-01',
      body: DEFAULT_INVESTIGATION_TYPE_POLICY, note: '按文件规定的默认调查方式政策 Default investigation-type policy of the document',
      createdAt: now, publishedAt: now,
    });
  }
}
