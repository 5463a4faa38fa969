/**
 * The one way a risk-information record (风险信息) comes into being, whatever its source: a declaration that passed
 * manual audit, an officer's manual entry, a public real-name report, a foreign notification. Numbers the record,
 * lets the investigation-type rules decide, stores the USD batch value and writes the audit row — all in the
 * caller's transaction, so the intake path's own writes and this record commit or fail together.
 */
import { and, eq, organisations, riskInfos, type DbOrTx } from '@returntrace/db';
import {
  beijingDate, isCustomsKind, NO_RISK_FACTORS,
  type RiskFactors, type RiskGoodsLine, type RiskSource,
} from '@returntrace/domain';
import { audit, type AuditInput } from '../../audit/audit';
import type { Ctx } from '../../context';
import { fieldProblem } from '../../errors';
import { nextSequence } from '../export-returns/transitions';
import { decideTypeFor } from '../investigation-type/decide';

/** Sequence kind of 风险信息编号; the scope is district + YY like the return number. */
export const RISK_INFO_NO_KIND = 'risk_info.info_no';
export const formatRiskInfoNo = (district: string, year: number, seq: number): string =>
  `R${district}${String(year % 100).padStart(2, '0')}${String(seq).padStart(6, '0')}`;

export interface RiskInfoCollection {
  /** 信息收集日期 (Beijing date); defaults to the Beijing date of the clock */
  collectedOn?: string;
  /** the collecting officer; null for platform intake without a logged-in user (public report, bulk import) */
  collectorId: string | null;
  /** 采集人 as printed on the form ("公众举报" / the officer's name) */
  collectorName: string;
  /** 采集单位; defaults to the owning office */
  collectingOrgId?: string;
  proposedInvestigatingOrgId?: string | null;
  contactName?: string;
  contactPhone?: string;
}

export interface RiskInfoRecordInput {
  source: RiskSource;
  /** the customs office (direct or subordinate) that owns the record */
  officeId: string;
  title: string;
  description?: string;
  sourceRef?: string;
  occurredOn?: string | null;
  importDeclarationNo?: string | null;
  exportReturnId?: string | null;
  foreignNotificationId?: string | null;
  enterpriseCreditCode?: string | null;
  enterpriseName?: string;
  /**
   * The platform enterprise to address when the stated enterprise is not on the platform (for a declaration: the
   * declaring enterprise, which brought the goods back and holds the documents).
   */
  fallbackEnterpriseId?: string | null;
  brand?: string;
  countryCode?: string | null;
  goods?: readonly RiskGoodsLine[];
  reasonCodes?: readonly string[];
  factors?: RiskFactors;
  collection: RiskInfoCollection;
  /** the user who created it; null for intake without a session */
  createdBy: string | null;
}

export interface CreateRiskInfoOptions {
  /** audit context (clock, client address, caller) */
  ctx: Ctx;
  /** identity written on the audit row instead of the caller, e.g. `{ userId: null, username: 'system' }` */
  auditAs?: Pick<AuditInput, 'userId' | 'username' | 'orgId' | 'orgPath'>;
  /** extra detail on the audit row (the intake path: export return, tracking digest, import batch) */
  auditDetail?: Record<string, unknown>;
}

export interface CreatedRiskInfo {
  id: string;
  infoNo: string;
}

async function customsOffice(tx: DbOrTx, id: string, field: string) {
  const [o] = await tx.select({ id: organisations.id, kind: organisations.kind, code: organisations.code, path: organisations.path, active: organisations.active })
    .from(organisations).where(eq(organisations.id, id));
  if (!o || !o.active || !isCustomsKind(o.kind)) {
    throw fieldProblem(field, 'not_customs_office', { en: 'Choose an active customs office', zh: '请选择有效的海关机构' });
  }
  return o;
}

/** An active organisation that may investigate: anything on the platform except enterprises. */
export async function investigatingOrg(tx: DbOrTx, id: string, field: string) {
  const [o] = await tx.select({ id: organisations.id, kind: organisations.kind, path: organisations.path, active: organisations.active })
    .from(organisations).where(eq(organisations.id, id));
  if (!o || !o.active || o.kind === 'enterprise') {
    throw fieldProblem(field, 'not_investigating_org', {
      en: 'Choose an active customs office or other investigating body (not an enterprise)', zh: '请选择有效的海关或其他调查机构（不能是企业）',
    });
  }
  return o;
}

/** Creates the record in `tx` and audits `risk_info.create`; answers its id and number. */
export async function createRiskInfoRecord(tx: DbOrTx, input: RiskInfoRecordInput, opts: CreateRiskInfoOptions): Promise<CreatedRiskInfo> {
  const now = opts.ctx.clock.now();
  const office = await customsOffice(tx, input.officeId, 'officeId');
  const collectingOrgId = input.collection.collectingOrgId ?? office.id;
  if (collectingOrgId !== office.id) await customsOffice(tx, collectingOrgId, 'collection.collectingOrgId');
  const proposed = input.collection.proposedInvestigatingOrgId ?? null;
  if (proposed) await investigatingOrg(tx, proposed, 'collection.proposedInvestigatingOrgId');

  const goods = [...(input.goods ?? [])];
  const factors = input.factors ?? NO_RISK_FACTORS;
  const reasonCodes = [...(input.reasonCodes ?? [])];
  const { decision, batchValueUsd } = await decideTypeFor(tx, { officePath: office.path, at: now, source: input.source, goods, factors, reasonCodes });

  const creditCode = input.enterpriseCreditCode ?? null;
  const [enterprise] = creditCode
    ? await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.kind, 'enterprise'), eq(organisations.code, creditCode)))
    : [];

  const year = Number(beijingDate(now).slice(0, 4));
  const scope = `${office.code}-${String(year % 100).padStart(2, '0')}`;
  const infoNo = formatRiskInfoNo(office.code, year, await nextSequence(tx, RISK_INFO_NO_KIND, scope));
  const [row] = await tx.insert(riskInfos).values({
    infoNo, source: input.source, state: 'collected', officeId: office.id, officePath: office.path,
    title: input.title, description: input.description ?? '', sourceRef: input.sourceRef ?? '', occurredOn: input.occurredOn ?? null,
    exportReturnId: input.exportReturnId ?? null, importDeclarationNo: input.importDeclarationNo ?? null,
    foreignNotificationId: input.foreignNotificationId ?? null,
    enterpriseCreditCode: creditCode, enterpriseName: input.enterpriseName ?? '', enterpriseId: enterprise?.id ?? input.fallbackEnterpriseId ?? null,
    brand: input.brand ?? '', countryCode: input.countryCode ?? null,
    goods, hsCodes: [...new Set(goods.map((g) => g.hsCode).filter((h): h is string => !!h))], reasonCodes, factors,
    batchValueUsd: batchValueUsd === null ? null : batchValueUsd.toFixed(2),
    collectedOn: input.collection.collectedOn ?? beijingDate(now),
    collectorId: input.collection.collectorId, collectorName: input.collection.collectorName, collectingOrgId,
    proposedInvestigatingOrgId: proposed,
    contactName: input.collection.contactName ?? '', contactPhone: input.collection.contactPhone ?? '',
    typeDecision: decision, createdBy: input.createdBy, createdAt: now, updatedAt: now,
  }).returning({ id: riskInfos.id });
  await audit(opts.ctx, tx, {
    action: 'risk_info.create', objectType: 'risk_info', objectId: row!.id, ...opts.auditAs,
    detail: {
      infoNo, source: input.source, officeId: office.id, type: decision.type, decidedBy: decision.decidedBy,
      policyVersion: decision.policyVersion, batchValueUsd, ...opts.auditDetail,
    },
  });
  return { id: row!.id, infoNo };
}
