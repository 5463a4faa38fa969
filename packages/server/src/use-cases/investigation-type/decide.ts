/**
 * Loads what the investigation-type rules need — the policy in force for the record's directly-affiliated customs,
 * the legal-inspection catalogue entries matching the goods, the reason tags and the USD rates — and lets the pure
 * domain function decide. The stored decision keeps the policy version that produced it.
 */
import { and, desc, eq, lte, policyVersions, queryRows, refReturnReasons, inArray, sql, type DbOrTx } from '@returntrace/db';
import {
  beijingDate, decideInvestigationType, DEFAULT_INVESTIGATION_TYPE_POLICY, INVESTIGATION_TYPE_POLICY_KIND,
  investigationTypePolicySchema, RISK_SOURCE_INFO,
  type InvestigationTypeDecision, type InvestigationTypePolicy, type RiskFactors, type RiskGoodsLine, type RiskSource,
} from '@returntrace/domain';
import { directCustomsIdOf } from '../export-returns/policy';

export interface TypeDecisionInput {
  /** path of the customs office that owns the record */
  officePath: string;
  /** the moment of the decision (policy in force and rate month follow its Beijing date) */
  at: Date;
  source: RiskSource;
  goods: readonly RiskGoodsLine[];
  factors: RiskFactors;
  reasonCodes: readonly string[];
}

export interface StoredTypeDecision extends InvestigationTypeDecision {
  policyVersion: number | null;
  decidedAt: string;
}

export interface PolicyInForce {
  policy: InvestigationTypePolicy;
  /** null: no published version, the document's defaults apply */
  version: number | null;
}

/** The published version in force on the Beijing date of `at`: latest effective date, then highest version. */
export async function investigationTypePolicyFor(db: DbOrTx, officePath: string, at: Date): Promise<PolicyInForce> {
  const jurisdictionId = directCustomsIdOf(officePath);
  if (!jurisdictionId) return { policy: DEFAULT_INVESTIGATION_TYPE_POLICY, version: null };
  const rows = await db.select({ version: policyVersions.version, body: policyVersions.body }).from(policyVersions)
    .where(and(
      eq(policyVersions.kind, INVESTIGATION_TYPE_POLICY_KIND),
      eq(policyVersions.jurisdictionId, jurisdictionId),
      eq(policyVersions.status, 'published'),
      lte(policyVersions.effectiveFrom, beijingDate(at)),
    ))
    .orderBy(desc(policyVersions.effectiveFrom), desc(policyVersions.version));
  for (const r of rows) {
    const parsed = investigationTypePolicySchema.safeParse(r.body);
    if (parsed.success) return { policy: parsed.data, version: r.version };
  }
  return { policy: DEFAULT_INVESTIGATION_TYPE_POLICY, version: null };
}

/** HS codes among `hsCodes` that an entry of the legal-inspection catalogue covers (prefix match). */
export async function catalogueMatches(db: DbOrTx, hsCodes: readonly string[]): Promise<string[]> {
  if (!hsCodes.length) return [];
  const rows = await queryRows<{ hs: string }>(db, sql`
    SELECT DISTINCT h.hs FROM unnest(${sql.raw(`ARRAY[${hsCodes.map((c) => `'${c.replace(/[^0-9]/g, '')}'`).join(',')}]`)}::text[]) AS h(hs)
    JOIN ref_legal_inspection c ON starts_with(h.hs, c.code) ORDER BY 1`);
  return rows.map((r) => r.hs);
}

/**
 * The batch value in USD: every line with an amount converted with the rate of the month of `at` (or the latest
 * earlier month). Null when no line has an amount or a currency has no rate — the value rules then do not fire,
 * and the decision says the value is unknown.
 */
export async function batchValueUsd(db: DbOrTx, goods: readonly RiskGoodsLine[], at: Date): Promise<number | null> {
  const priced = goods.filter((g) => g.amount !== undefined && g.currency);
  if (!priced.length) return null;
  const month = beijingDate(at).slice(0, 7);
  const currencies = [...new Set(priced.map((g) => g.currency!).filter((c) => c !== 'USD'))];
  const rates = new Map<string, number>([['USD', 1]]);
  if (currencies.length) {
    const rows = await queryRows<{ currency: string; usd_per_unit: string }>(db, sql`
      SELECT DISTINCT ON (currency) currency, usd_per_unit FROM ref_usd_rates
      WHERE currency IN (${sql.join(currencies.map((c) => sql`${c}`), sql`, `)}) AND month <= ${month}
      ORDER BY currency, month DESC`);
    for (const r of rows) rates.set(r.currency, Number(r.usd_per_unit));
  }
  let total = 0;
  for (const g of priced) {
    const rate = rates.get(g.currency!);
    if (rate === undefined || !Number.isFinite(rate)) return null;
    total += g.amount! * rate;
  }
  return Math.round(total * 100) / 100;
}

/** Reason tags of the catalogue folded into the stated factors (a tagged reason sets its factor). */
async function reasonTags(db: DbOrTx, codes: readonly string[]) {
  if (!codes.length) return { safetyHealthEnv: false, technicalBarrier: false, foreignOfficial: false, overseasProjectEquipment: false };
  const rows = await db.select().from(refReturnReasons).where(inArray(refReturnReasons.code, [...codes]));
  return {
    safetyHealthEnv: rows.some((r) => r.safetyHealthEnv),
    technicalBarrier: rows.some((r) => r.technicalBarrier),
    foreignOfficial: rows.some((r) => r.foreignOfficial),
    overseasProjectEquipment: rows.some((r) => r.overseasProjectEquipment),
  };
}

export async function decideTypeFor(db: DbOrTx, input: TypeDecisionInput): Promise<{ decision: StoredTypeDecision; batchValueUsd: number | null; policy: PolicyInForce }> {
  const hsCodes = [...new Set(input.goods.map((g) => g.hsCode).filter((h): h is string => !!h))];
  // one after the other: inside a transaction they share one connection, which runs one query at a time anyway
  const policy = await investigationTypePolicyFor(db, input.officePath, input.at);
  const matches = await catalogueMatches(db, hsCodes);
  const usd = await batchValueUsd(db, input.goods, input.at);
  const tags = await reasonTags(db, input.reasonCodes);
  const f = input.factors;
  const decision = decideInvestigationType({
    catalogueHsCodes: matches,
    inspectedAtExport: f.inspectedAtExport,
    foreignOfficial: f.foreignOfficial || tags.foreignOfficial || input.source === 'foreign_notification',
    technicalBarrier: f.technicalBarrier || tags.technicalBarrier,
    safetyHealthEnv: f.safetyHealthEnv || tags.safetyHealthEnv,
    complaintOrMedia: RISK_SOURCE_INFO[input.source].complaintOrMedia,
    warningInForce: f.warningInForce,
    higherRiskAssessed: f.higherRiskAssessed,
    overseasProjectEquipment: f.overseasProjectEquipment || tags.overseasProjectEquipment,
    batchValueUsd: usd,
  }, policy.policy);
  return { decision: { ...decision, policyVersion: policy.version, decidedAt: input.at.toISOString() }, batchValueUsd: usd, policy };
}
