/**
 * Risk-information records made through the real intake function (numbering, type decision, audit row), for tests
 * of features that build on them (investigations, public reports, matches). Optionally moved straight to `accepted`
 * by an investigating organisation, as review + transfer + acceptance would leave it.
 */
import { and, eq, organisations, riskInfos, riskInfoTransfers, users, type Db } from '@returntrace/db';
import { DEMO_ORGS } from '@returntrace/db/seed';
import { ManualClock, type Clock, type RiskFactors, type RiskGoodsLine, type RiskSource } from '@returntrace/domain';
import { transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { createRiskInfoRecord, type RiskInfoRecordInput } from '../../use-cases/risk-info/create';

/** The organisation of a demo slug ('hg', 'sz', 'szscjg', 'huaxin'). */
export async function demoOrg(db: Db, slug: string) {
  const d = DEMO_ORGS.find((o) => o.slug === slug);
  if (!d) throw new Error(`no demo organisation ${slug}`);
  const [o] = await db.select().from(organisations).where(and(eq(organisations.kind, d.kind), eq(organisations.code, d.code)));
  if (!o) throw new Error(`organisation ${slug} not seeded`);
  return o;
}

export async function demoUser(db: Db, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  return u;
}

export interface RiskInfoFixture {
  /** slug of the owning customs office (default 'hg') */
  office?: string;
  /** username of the collecting officer (default `<office>.officer`) */
  collector?: string;
  source?: RiskSource;
  title?: string;
  description?: string;
  importDeclarationNo?: string;
  exportReturnId?: string;
  enterpriseCreditCode?: string;
  enterpriseName?: string;
  countryCode?: string;
  goods?: RiskGoodsLine[];
  reasonCodes?: string[];
  factors?: Partial<RiskFactors>;
  /** move the record to `accepted` by this organisation (slug), transferred by `<office>.auditor` */
  acceptedBy?: string;
  clock?: Clock;
}

export const DEFAULT_GOODS: RiskGoodsLine[] = [
  { name: '电熨斗 蒸汽式 1200W', hsCode: '8516400000', quantity: 500, unit: '台', amount: 10345.67, currency: 'USD' },
];

export async function createRiskInfo(db: Db, f: RiskInfoFixture = {}): Promise<{ id: string; infoNo: string; officeId: string }> {
  const officeSlug = f.office ?? 'hg';
  const office = await demoOrg(db, officeSlug);
  const collector = await demoUser(db, f.collector ?? `${officeSlug}.officer`);
  const clock = f.clock ?? new ManualClock('2026-03-02T01:00:00.000Z');
  const ctx: Ctx = {
    db, clock, ip: '127.0.0.1',
    actor: {
      userId: collector.id, username: collector.username, displayName: collector.displayName, orgId: office.id, orgKind: office.kind as never,
      orgPath: office.path, roles: collector.roles as never, sessionId: 'fixture',
    },
  };
  const input: RiskInfoRecordInput = {
    source: f.source ?? 'complaint_report',
    officeId: office.id,
    title: f.title ?? '消费者投诉电熨斗漏电',
    description: f.description ?? '境外消费者投诉使用中漏电。',
    importDeclarationNo: f.importDeclarationNo ?? null,
    exportReturnId: f.exportReturnId ?? null,
    enterpriseCreditCode: f.enterpriseCreditCode ?? null,
    enterpriseName: f.enterpriseName ?? '',
    countryCode: f.countryCode ?? 'USA',
    goods: f.goods ?? DEFAULT_GOODS,
    reasonCodes: f.reasonCodes ?? [],
    factors: {
      safetyHealthEnv: false, technicalBarrier: false, foreignOfficial: false, overseasProjectEquipment: false,
      inspectedAtExport: false, warningInForce: false, higherRiskAssessed: false, ...f.factors,
    },
    collection: { collectorId: collector.id, collectorName: collector.displayName },
    createdBy: collector.id,
  };
  const created = await transaction(db, (tx) => createRiskInfoRecord(tx, input, { ctx }));
  if (f.acceptedBy) {
    const target = await demoOrg(db, f.acceptedBy);
    const reviewer = await demoUser(db, `${officeSlug}.auditor`);
    const now = clock.now();
    await db.insert(riskInfoTransfers).values({
      riskInfoId: created.id, toOrgId: target.id, status: 'accepted', by: reviewer.id, at: now, decidedBy: reviewer.id, decidedAt: now,
    });
    await db.update(riskInfos).set({
      state: 'accepted', reviewOpinion: '同意移送调查', reviewedBy: reviewer.id, reviewedAt: now,
      investigatingOrgId: target.id, investigatingOrgPath: target.path, proposedInvestigatingOrgId: target.id, version: 4, updatedAt: now,
    }).where(eq(riskInfos.id, created.id));
  }
  return { ...created, officeId: office.id };
}
