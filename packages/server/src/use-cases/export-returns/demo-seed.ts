/**
 * Demo export returns on an empty database: the default audit policy (version 1) for every directly-affiliated
 * customs, and a handful of declarations of the demo enterprises in several statuses, made through the same
 * use-cases as the API (so receipts, audit rows, numbers and domain events are all real). Built on the fixed
 * declarations of the demo customs feed (`DEMO_FEED_NUMBERS`).
 */
import { and, eq, organisations, policyVersions, users, type Db } from '@returntrace/db';
import { DEMO_FEED_NUMBERS } from '@returntrace/db/seed';
import {
  DEFAULT_EXPORT_RETURN_AUDIT_POLICY, EXPORT_RETURN_AUDIT_POLICY_KIND, ManualClock, makeCreditCode,
  type ExportReturnInput, type OrgKind, type Role,
} from '@returntrace/domain';
import type { Actor, Ctx } from '../../context';
import { decideExportReturn } from './decision';
import { loadLines } from './load';
import { createExportReturn, saveExportReturn, submitExportReturn } from './workflow';

/** A use-case context acting as a demo user at the clock's time (demo seeds act through the real use-cases). */
export async function ctxFor(db: Db, clock: ManualClock, username: string): Promise<Ctx> {
  const [u] = await db.select({ user: users, org: organisations }).from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId)).where(eq(users.username, username));
  const actor: Actor = {
    userId: u!.user.id, username, displayName: u!.user.displayName, orgId: u!.org.id, orgKind: u!.org.kind as OrgKind,
    orgPath: u!.org.path, roles: u!.user.roles as Role[], sessionId: '',
  };
  return { db, clock, actor, ip: '' };
}

function demoInput(importDeclarationNo: string, over: Partial<ExportReturnInput>): ExportReturnInput {
  const district = importDeclarationNo.slice(0, 4);
  return {
    importDeclarationNo,
    consigneeContact: '陈晓东',
    consigneePhone: district.startsWith('53') ? '0755-83216688' : '010-64598866',
    returnAgreementDate: null,
    disposals: ['domestic_sale'],
    originalExportDeclarationNos: `${district}20250${importDeclarationNo.slice(9)}`,
    manufacturer: { creditCode: makeCreditCode(`9144030${district}MA8K2Q`), customsCode: `${district}16${importDeclarationNo.slice(-4)}`, name: '示范生产企业有限公司' },
    manufacturerContact: '刘洋',
    manufacturerPhone: district.startsWith('53') ? '0755-26681234' : '010-80481234',
    manufacturerDivision: district.startsWith('53') ? '440304' : '110105',
    manufacturerOffice: district,
    exportInspected: true,
    originalTradeMode: '0110',
    reasonCategories: ['quality'],
    reasons: ['QUA-01', 'QUA-05'],
    reasonExplanation: '境外客户抽检发现产品安全项目及标签不符合进口国要求，整批退回',
    ...over,
  };
}

export async function seedExportReturnPolicies(db: Db, now: Date): Promise<void> {
  const directs = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'direct_customs'));
  for (const d of directs) {
    const [exists] = await db.select({ id: policyVersions.id }).from(policyVersions)
      .where(and(eq(policyVersions.kind, EXPORT_RETURN_AUDIT_POLICY_KIND), eq(policyVersions.jurisdictionId, d.id)));
    if (exists) continue;
    await db.insert(policyVersions).values({
      kind: EXPORT_RETURN_AUDIT_POLICY_KIND, jurisdictionId: d.id, version: 1, status: 'published', effectiveFrom: '2020-01-01',
      body: DEFAULT_EXPORT_RETURN_AUDIT_POLICY, note: '默认出口退货审核策略 Default export-return audit policy',
      createdAt: now, publishedAt: now,
    });
  }
}

type Plan = { slug: string; which: 'returnImport' | 'agentImport'; to: 'draft' | 'queued' | 'approved' | 'rejected' | 'eaudit_rejected'; auditor?: string; daysAgo: number; over?: Partial<ExportReturnInput> };

const PLANS: Plan[] = [
  { slug: 'huaxin', which: 'returnImport', to: 'approved', auditor: 'hg.auditor', daysAgo: 0 },
  { slug: 'huaxin', which: 'agentImport', to: 'draft', daysAgo: 0 },
  { slug: 'pengcheng', which: 'returnImport', to: 'queued', daysAgo: 0, over: { reasonCategories: ['quality', 'trade'], reasons: ['QUA-05', 'TRD-01'] } },
  { slug: 'qianhai', which: 'returnImport', to: 'rejected', auditor: 'sk.auditor', daysAgo: 0, over: { reasonCategories: ['transport'], reasons: ['TRN-01'], reasonExplanation: '' } },
  { slug: 'jinghua', which: 'returnImport', to: 'queued', daysAgo: 7 },
  { slug: 'yanjing', which: 'returnImport', to: 'eaudit_rejected', daysAgo: 0 },
  { slug: 'tianzhu', which: 'returnImport', to: 'queued', daysAgo: 1, over: { reasonCategories: ['other'], reasons: ['OTH-02'], reasonExplanation: '' } },
];

/** The demo declarations; assumes the demo organisations, users, reasons and customs feed are loaded. */
export async function seedExportReturnDemo(db: Db, now: Date): Promise<number> {
  await seedExportReturnPolicies(db, now);
  let n = 0;
  for (const p of PLANS) {
    const no = DEMO_FEED_NUMBERS[p.slug]?.[p.which];
    if (!no) continue;
    const clock = new ManualClock(new Date(now.getTime() - p.daysAgo * 86_400_000 - 3_600_000));
    const ent = await ctxFor(db, clock, `ent.${p.slug}`);
    let v = await createExportReturn(ent, demoInput(no, p.over ?? {}));
    n += 1;
    // the two backfilled fields the enterprise may edit, as the form pre-fills them
    const input = demoInput(no, { consigneeAddress: v.filled.consigneeAddress || '见进口报关单', consumerDistrict: v.filled.consumerDistrict, ...p.over });
    if (p.to === 'draft') continue;
    if (p.to === 'eaudit_rejected') {
      // the enterprise declared every line as a non-industrial product: the electronic audit sends it back
      const lines = (await loadLines(db, v.id)).map((l) => ({ lineNo: l.lineNo, industrial: false }));
      v = await saveExportReturn(ent, v.id, { ...input, lines }, v.version);
      await submitExportReturn(ent, v.id, { ...input, lines }, v.version);
      continue;
    }
    clock.advance(10 * 60_000);
    v = await submitExportReturn(ent, v.id, input, v.version);
    if (!p.auditor) continue;
    clock.advance(30 * 60_000);
    const auditor = await ctxFor(db, clock, p.auditor);
    await decideExportReturn(auditor, v.id, p.to === 'approved'
      ? { decision: 'approve', opinion: '单证齐全，准予登记' }
      : { decision: 'reject', reason: '退运原因说明不充分，请补充境外检测报告后重新申报' }, v.version);
  }
  return n;
}
