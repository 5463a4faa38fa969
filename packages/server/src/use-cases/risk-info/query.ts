/**
 * The list of risk-information records in the caller's jurisdiction (the collecting office's subtree, or records
 * transferred to the caller's organisation) with its filters and the incoming box, and the crime-lead export.
 */
import {
  and, count, desc, eq, gte, ilike, lte, or, organisations, riskInfos, sql, type SQL,
} from '@returntrace/db';
import {
  INVESTIGATION_TYPE_LABELS, RISK_INFO_STATE_LABELS, RISK_SOURCE_INFO, type InvestigationType, type RiskInfoListItem,
  type RiskInfoListQuery, type RiskInfoState, type RiskSource,
} from '@returntrace/domain';
import ExcelJS from 'exceljs';
import { auditAlone } from '../../audit/audit';
import type { Ctx } from '../../context';
import { fieldProblem } from '../../errors';
import { scopeOf, scopeWhere, scopeWhereAny } from '../../policies/scope';

/** Records visible to the caller: the office or the investigating organisation in scope; never enterprises. */
export function riskInfoScope(ctx: Ctx): SQL | undefined {
  const a = ctx.actor!;
  if (a.orgKind === 'enterprise') return sql`false`;
  return scopeWhereAny(scopeOf(a), [
    [riskInfos.officePath, riskInfos.officeId],
    [riskInfos.investigatingOrgPath, riskInfos.investigatingOrgId],
  ]);
}

const effectiveType = sql<string | null>`coalesce(${riskInfos.overrideType}, ${riskInfos.typeDecision} ->> 'type')`;

function conditions(ctx: Ctx, q: Partial<RiskInfoListQuery>): SQL | undefined {
  if (q.from && q.to && q.from > q.to) {
    throw fieldProblem('from', 'from_after_to', { en: `The start date ${q.from} is after the end date ${q.to}`, zh: `开始日期 ${q.from} 晚于结束日期 ${q.to}` });
  }
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    riskInfoScope(ctx),
    like ? or(
      ilike(riskInfos.infoNo, like), ilike(riskInfos.title, like), ilike(riskInfos.enterpriseName, like),
      ilike(riskInfos.importDeclarationNo, like), ilike(riskInfos.sourceRef, like), ilike(riskInfos.brand, like),
      sql`EXISTS (SELECT 1 FROM export_returns e WHERE e.id = ${riskInfos.exportReturnId} AND (e.unified_no ILIKE ${like} OR e.return_no ILIKE ${like}))`,
    ) : undefined,
    q.source ? eq(riskInfos.source, q.source) : undefined,
    q.state ? eq(riskInfos.state, q.state) : undefined,
    q.type ? sql`${effectiveType} = ${q.type}` : undefined,
    q.crimeLead ? eq(riskInfos.crimeLead, q.crimeLead === 'true') : undefined,
    q.from ? gte(riskInfos.collectedOn, q.from) : undefined,
    q.to ? lte(riskInfos.collectedOn, q.to) : undefined,
    q.box === 'incoming'
      ? and(eq(riskInfos.state, 'transferred'), scopeWhere(scopeOf(ctx.actor!), riskInfos.investigatingOrgPath, riskInfos.investigatingOrgId) ?? sql`true`)
      : undefined,
  );
}

const selection = {
  r: riskInfos,
  officeZh: organisations.nameZh,
  officeEn: organisations.nameEn,
  invZh: sql<string | null>`(SELECT o.name_zh FROM organisations o WHERE o.id = ${riskInfos.investigatingOrgId})`,
  invEn: sql<string | null>`(SELECT o.name_en FROM organisations o WHERE o.id = ${riskInfos.investigatingOrgId})`,
  investigationId: sql<string | null>`(SELECT i.id FROM investigations i WHERE i.risk_info_id = ${riskInfos.id} LIMIT 1)`,
  effectiveType,
};

async function select(ctx: Ctx, where: SQL | undefined, limit: number, offset: number) {
  return ctx.db.select(selection).from(riskInfos).innerJoin(organisations, eq(organisations.id, riskInfos.officeId))
    .where(where).orderBy(desc(riskInfos.createdAt), desc(riskInfos.infoNo)).limit(limit).offset(offset);
}
type Selected = Awaited<ReturnType<typeof select>>[number];

function toItem(s: Selected): RiskInfoListItem {
  const r = s.r;
  return {
    id: r.id, infoNo: r.infoNo, source: r.source as RiskSource, state: r.state as RiskInfoState, title: r.title,
    office: { id: r.officeId, name: { zh: s.officeZh, en: s.officeEn } }, enterpriseName: r.enterpriseName,
    importDeclarationNo: r.importDeclarationNo, batchValueUsd: r.batchValueUsd,
    effectiveType: (s.effectiveType as InvestigationType | null) ?? null,
    investigatingOrg: r.investigatingOrgId ? { id: r.investigatingOrgId, name: { zh: s.invZh ?? '', en: s.invEn ?? '' } } : null,
    investigationId: s.investigationId, createdAt: r.createdAt.toISOString(), collectedOn: r.collectedOn,
    crimeLead: r.crimeLead, overridden: r.overrideType !== null,
  };
}

export async function listRiskInfo(ctx: Ctx, q: RiskInfoListQuery) {
  const where = conditions(ctx, q);
  const rows = await select(ctx, where, q.pageSize, (q.page - 1) * q.pageSize);
  const [n] = await ctx.db.select({ n: count() }).from(riskInfos).where(where);
  return { items: rows.map(toItem), total: Number(n?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export const CRIME_LEAD_MAX_ROWS = 10_000;

/** A cell that a spreadsheet would evaluate as a formula is written as text (CSV/Excel injection). */
const inert = (v: string | null): string | null => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** GET /risk-info/crime-leads.xlsx — the crime leads in scope (涉案线索移交清单), audited as an export. */
export async function exportCrimeLeadsXlsx(ctx: Ctx): Promise<{ buffer: Buffer; rows: number }> {
  const where = and(conditions(ctx, {}), eq(riskInfos.crimeLead, true));
  const rows = await select(ctx, where, CRIME_LEAD_MAX_ROWS, 0);
  const wb = new ExcelJS.Workbook();
  wb.created = ctx.clock.now();
  const ws = wb.addWorksheet('涉案线索 Crime leads');
  ws.columns = [
    { header: '风险信息编号 Record no.', width: 18 }, { header: '标题 Title', width: 36 }, { header: '来源 Source', width: 20 },
    { header: '状态 State', width: 20 }, { header: '采集单位 Office', width: 20 }, { header: '采集日期 Collected on', width: 14 },
    { header: '企业 Enterprise', width: 30 }, { header: '统一社会信用代码 Credit code', width: 22 },
    { header: '进口报关单号 Import declaration', width: 22 }, { header: '单批金额(美元) Batch USD', width: 16 },
    { header: '调查方式 Investigation type', width: 16 }, { header: '线索说明 Lead note', width: 40 },
    { header: '标记时间 Marked at', width: 22 },
  ].map((c) => ({ ...c, style: { numFmt: '@' } }));
  for (const s of rows) {
    const r = s.r;
    const type = s.effectiveType as InvestigationType | null;
    ws.addRow([
      r.infoNo, inert(r.title), RISK_SOURCE_INFO[r.source as RiskSource]?.label.zh ?? r.source,
      RISK_INFO_STATE_LABELS[r.state as RiskInfoState]?.zh ?? r.state, s.officeZh, r.collectedOn, inert(r.enterpriseName),
      r.enterpriseCreditCode, r.importDeclarationNo, r.batchValueUsd, type ? INVESTIGATION_TYPE_LABELS[type].zh : '',
      inert(r.crimeLeadNote), r.crimeLeadAt?.toISOString() ?? '',
    ]);
  }
  ws.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await auditAlone(ctx, { action: 'risk_info.crime_leads.export', objectType: 'risk_info', detail: { rows: rows.length, ids: rows.map((s) => s.r.id) } });
  return { buffer, rows: rows.length };
}
