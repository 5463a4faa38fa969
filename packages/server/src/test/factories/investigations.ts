/**
 * Accepted risk-information records of a chosen investigation type, and complete findings, for tests of the
 * investigation workflow. The type is fixed with an officer's override (as the UI allows) so that tests do not
 * depend on the catalogue contents or the value band of the policy in force.
 */
import { eq, riskInfos, type Db } from '@returntrace/db';
import { DEMO_ORGS } from '@returntrace/db/seed';
import type { Findings, InvestigationType } from '@returntrace/domain';
import type { ManualClock } from '@returntrace/domain';
import { createRiskInfo, demoUser, type RiskInfoFixture } from './risk-info';

export interface CaseRecordFixture extends RiskInfoFixture {
  type: InvestigationType;
  /** slug of the demo enterprise concerned, e.g. 'huaxin' (on the platform, so it gets the portal) */
  enterprise?: string;
}

/** A record in state `accepted` (by `acceptedBy`, default the office itself) whose effective type is `type`. */
export async function acceptedRecord(db: Db, clock: ManualClock, f: CaseRecordFixture): Promise<{ id: string; infoNo: string }> {
  const ent = f.enterprise ? DEMO_ORGS.find((o) => o.slug === f.enterprise) : undefined;
  const office = f.office ?? 'hg';
  const rec = await createRiskInfo(db, {
    ...f, office, acceptedBy: f.acceptedBy ?? office, clock,
    ...(ent ? { enterpriseCreditCode: ent.code, enterpriseName: ent.nameZh } : {}),
  });
  const reviewer = await demoUser(db, `${office}.auditor`);
  await db.update(riskInfos).set({
    overrideType: f.type, overrideReason: '测试指定调查类型', overrideBy: reviewer.id, overrideAt: clock.now(),
  }).where(eq(riskInfos.id, rec.id));
  return rec;
}

/** Findings that `checkFindingsComplete` accepts for every type. */
export function completeFindings(overrides: Partial<Findings> = {}): Record<string, unknown> {
  return {
    returnReason: { category: 'quality', rootCauseStages: ['production'], analysis: '焊接工艺缺陷导致绝缘不良。' },
    inspections: [{ by: 'customs', institution: '皇岗海关', date: '2026-03-05', result: 'non_conforming', details: '抽检 5 台均漏电。' }],
    qualitySystem: { qms: { status: 'deficient', note: '过程检验记录缺失' }, judgement: 'partly_complete', causedReturn: true, managementCategory: 'B' },
    integrity: {
      evadedExportSupervision: { found: false }, misstatedReturnReason: { found: false },
      productDiffersFromCertified: { found: false }, usedReturnModeToEvadeImport: { found: false },
    },
    goodsFlow: { flow: 'destroyed', date: '2026-03-10', evidence: '销毁记录及照片。' },
    correctiveActions: [{ action: '完善焊接工序检验', dueOn: '2026-06-30' }],
    summary: '退运系产品质量原因所致，企业已整改。',
    ...overrides,
  };
}
