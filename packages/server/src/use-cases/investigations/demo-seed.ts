/**
 * Demo risk information and investigations on an empty database, made through the same use-cases as the API so that
 * numbers, type decisions, audit rows and histories are real. Runs after the export-return demo, whose approved
 * declaration (华信, 皇岗) has already produced a risk record. The set shows each stage an officer meets:
 * - the declaration's record, overridden to a written investigation, with a case in progress and a questionnaire
 *   awaiting the enterprise's answer (ent.huaxin sees it in its portal);
 * - a media report collected at 深圳海关, awaiting review;
 * - a consumer complaint of 皇岗 transferred to the market regulator (szscjg.investigator finds it in the incoming box);
 * - an enterprise self-report of 首都机场 investigated as filing only, opened 15 days ago and now overdue.
 */
import { and, eq, organisations, riskInfos, type Db } from '@returntrace/db';
import { beijingDate, ManualClock, type RiskInfoCreateInput } from '@returntrace/domain';
import { ctxFor } from '../export-returns/demo-seed';
import { overrideType } from '../risk-info/type-and-leads';
import { createManualRiskInfo, reviewRiskInfo, transferRiskInfo } from '../risk-info/workflow';
import { openInvestigation } from './open';
import { sendQuestionnaire } from './questionnaires';
import { transitionInvestigation } from './transitions';

const DAY = 86_400_000;

async function orgId(db: Db, kind: string, code: string): Promise<string> {
  const [o] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.kind, kind), eq(organisations.code, code)));
  if (!o) throw new Error(`demo organisation ${kind} ${code} is missing`);
  return o.id;
}

async function enterpriseCode(db: Db, customsCode: string): Promise<{ code: string; name: string }> {
  const [o] = await db.select({ code: organisations.code, name: organisations.nameZh }).from(organisations)
    .where(and(eq(organisations.kind, 'enterprise'), eq(organisations.customsCode, customsCode)));
  return o ?? { code: '', name: '' };
}

async function userId(db: Db, clock: ManualClock, username: string): Promise<string> {
  return (await ctxFor(db, clock, username)).actor!.userId;
}

/** Opens the case of an accepted record and assigns it: the manager opens and assigns, the lead starts. */
async function openAndStart(db: Db, clock: ManualClock, riskInfoId: string, manager: string, lead: string): Promise<string> {
  const m = await ctxFor(db, clock, manager);
  const opened = await openInvestigation(m, { riskInfoId });
  clock.advance(20 * 60_000);
  await transitionInvestigation(m, opened.id, { event: 'assign', reason: '', leadInvestigatorId: await userId(db, clock, lead) });
  clock.advance(60 * 60_000);
  await transitionInvestigation(await ctxFor(db, clock, lead), opened.id, { event: 'start', reason: '' });
  return opened.id;
}

export async function seedRiskDemo(db: Db, now: Date): Promise<void> {
  const hg = await orgId(db, 'sub_customs', '5301');
  const sz = await orgId(db, 'direct_customs', '5300');
  const pek = await orgId(db, 'sub_customs', '0101');

  // 1. The approved declaration's record: written investigation with a questionnaire to the enterprise.
  const [fromDeclaration] = await db.select({ id: riskInfos.id }).from(riskInfos).where(eq(riskInfos.source, 'export_return')).limit(1);
  if (fromDeclaration) {
    const clock = new ManualClock(new Date(now.getTime() - 30 * 60_000));
    const auditor = await ctxFor(db, clock, 'hg.auditor');
    await overrideType(auditor, fromDeclaration.id, { type: 'written', reason: '企业已提交境外检测报告，问题集中在标签标识，先行书面调查' });
    await reviewRiskInfo(auditor, fromDeclaration.id, '采集信息完整，同意由皇岗海关开展追溯调查');
    await transferRiskInfo(auditor, fromDeclaration.id, { toOrgId: hg, contactName: '王建国', contactPhone: '0755-84398000', note: '' });
    const caseId = await openAndStart(db, clock, fromDeclaration.id, 'hg.auditor', 'hg.investigator');
    await sendQuestionnaire(await ctxFor(db, clock, 'hg.investigator'), caseId, {
      sections: ['return_reason', 'quality_system', 'goods_flow', 'corrective_actions'],
      questions: ['请提供境外客户出具的检测报告及退货通知原件。'],
      message: '请于截止日期前在“我的调查”中答复本问卷，并上传相关证明材料。',
    });
  }

  // 2. A media report collected at 深圳海关, awaiting review.
  const media: RiskInfoCreateInput = {
    source: 'media', officeId: sz,
    title: '媒体报道：某品牌电动滑板车锂电池在欧盟被通报召回',
    description: '境外媒体报道，某品牌电动滑板车因锂电池过热存在起火风险，被欧盟非食品类消费品快速预警系统通报并召回，涉及深圳出口产品。',
    sourceRef: 'https://example.org/news/e-scooter-recall', occurredOn: beijingDate(new Date(now.getTime() - 3 * DAY)),
    enterpriseName: '', brand: 'VOLTA', countryCode: 'DEU',
    goods: [{ name: '电动滑板车', hsCode: '8711600010', quantity: 1200, unit: '辆', amount: 186000, currency: 'EUR' }],
    reasonCodes: ['QUA-01'], factors: { safetyHealthEnv: true, technicalBarrier: false, foreignOfficial: true, overseasProjectEquipment: false, inspectedAtExport: false, warningInForce: false, higherRiskAssessed: false },
    collection: { collectedOn: beijingDate(now), contactName: '李敏', contactPhone: '0755-84396000' },
  };
  await createManualRiskInfo(await ctxFor(db, new ManualClock(new Date(now.getTime() - 2 * 3_600_000)), 'sz.officer'), media);

  // 3. A consumer complaint of 皇岗, transferred to the market regulator for investigation.
  const clock3 = new ManualClock(new Date(now.getTime() - DAY));
  const pengcheng = await enterpriseCode(db, '4403961002');
  const complaint = await createManualRiskInfo(await ctxFor(db, clock3, 'hg.officer'), {
    source: 'consumer_complaint', officeId: hg,
    title: '消费者投诉：退运转内销的儿童电动玩具电池仓易松脱',
    description: '消费者投诉在本地商场购买的儿童电动玩具电池仓螺丝易松脱，疑为出口退运后转内销的产品。',
    sourceRef: '12315-2026-118842',
    ...(pengcheng.code ? { enterpriseCreditCode: pengcheng.code, enterpriseName: pengcheng.name } : { enterpriseName: '' }), brand: '', countryCode: 'USA',
    goods: [{ name: '儿童电动玩具', hsCode: '9503008900', quantity: 3000, unit: '个', amount: 42000, currency: 'USD' }],
    reasonCodes: [], factors: { safetyHealthEnv: true, technicalBarrier: false, foreignOfficial: false, overseasProjectEquipment: false, inspectedAtExport: false, warningInForce: false, higherRiskAssessed: false },
    collection: { collectedOn: beijingDate(clock3.now()), contactName: '赵磊', contactPhone: '0755-84397000' },
  });
  clock3.advance(2 * 3_600_000);
  const hgAuditor = await ctxFor(db, clock3, 'hg.auditor');
  await reviewRiskInfo(hgAuditor, complaint.record.id, '涉及国内市场销售，移送市场监管部门调查，海关配合');
  await transferRiskInfo(hgAuditor, complaint.record.id, { toOrgId: await firstOrgOfKind(db, 'market_regulation'), contactName: '赵磊', contactPhone: '0755-84397000', note: '请核查商场在售产品来源' });

  // 4. A self-report of 首都机场, filing-only case opened 15 days ago and overdue by now.
  const clock4 = new ManualClock(new Date(now.getTime() - 15 * DAY));
  const jinghua = await enterpriseCode(db, '1105961004');
  const self = await createManualRiskInfo(await ctxFor(db, clock4, 'pek.officer'), {
    source: 'enterprise_self_report', officeId: pek,
    title: '企业报告：出口样品因客户需求变更退回',
    description: '企业主动报告一批出口样品因境外客户需求变更被退回，无质量问题。',
    sourceRef: '', ...(jinghua.code ? { enterpriseCreditCode: jinghua.code, enterpriseName: jinghua.name } : { enterpriseName: '' }),
    brand: '', countryCode: 'JPN',
    goods: [{ name: '工业传感器样品', hsCode: '9026209000', quantity: 50, unit: '个', amount: 8000, currency: 'USD' }],
    reasonCodes: ['TRD-01'], factors: { safetyHealthEnv: false, technicalBarrier: false, foreignOfficial: false, overseasProjectEquipment: false, inspectedAtExport: false, warningInForce: false, higherRiskAssessed: false },
    collection: { collectedOn: beijingDate(clock4.now()), contactName: '孙丽', contactPhone: '010-64598800' },
  });
  clock4.advance(3_600_000);
  const pekAuditor = await ctxFor(db, clock4, 'pek.auditor');
  await reviewRiskInfo(pekAuditor, self.record.id, '非质量原因退运，按备案调查处理');
  await transferRiskInfo(pekAuditor, self.record.id, { toOrgId: pek, contactName: '孙丽', contactPhone: '010-64598800', note: '' });
  await openAndStart(db, clock4, self.record.id, 'pek.auditor', 'pek.investigator');
}

async function firstOrgOfKind(db: Db, kind: string): Promise<string> {
  const [o] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, kind)).limit(1);
  if (!o) throw new Error(`demo organisation of kind ${kind} is missing`);
  return o.id;
}
