/**
 * Loading a risk-information record in the caller's jurisdiction and presenting it (RiskInfoView). A record has two
 * owners: the customs office that collected it and, once transferred, the investigating organisation; it is visible
 * when either lies in the caller's scope. Enterprises never see risk information. Every route loads through
 * `loadRiskInfoInScope`, so an out-of-scope record answers 404 everywhere alike.
 */
import {
  asc, desc, eq, exportReturns, inArray, investigations, organisations, riskInfoFiles, riskInfoLinks, riskInfos,
  riskInfoTransfers, users, type DbOrTx,
} from '@returntrace/db';
import {
  allowedRiskInfoEvents, RISK_INFO_TRANSITIONS, type RiskFactors, type RiskGoodsLine, type RiskInfoState,
  type RiskInfoView, type RiskSource,
} from '@returntrace/domain';
import type { Actor, Ctx } from '../../context';
import { notFound } from '../../errors';
import { can } from '../../policies/permissions';
import { inScope, inScopeOfAny, scopeOf } from '../../policies/scope';
import type { StoredTypeDecision } from '../investigation-type/decide';
import { inSeries } from '../in-series';

export type RiskInfoRecord = typeof riskInfos.$inferSelect;

/** The caller sees the record: its office or its investigating organisation is in scope (never enterprises). */
export function riskInfoVisible(actor: Actor | null, row: Pick<RiskInfoRecord, 'officeId' | 'officePath' | 'investigatingOrgId' | 'investigatingOrgPath'>): boolean {
  if (!actor || actor.orgKind === 'enterprise' || !can(actor, 'risk_info.read')) return false;
  return inScopeOfAny(scopeOf(actor), [
    { path: row.officePath, orgId: row.officeId },
    { path: row.investigatingOrgPath, orgId: row.investigatingOrgId },
  ]);
}

/** The collecting side: the record's own office lies in the caller's scope. */
export function officeInScope(actor: Actor, row: Pick<RiskInfoRecord, 'officeId' | 'officePath'>): boolean {
  return inScope(scopeOf(actor), { path: row.officePath, orgId: row.officeId });
}

/** The receiving side: the organisation the record is transferred to lies in the caller's scope. */
export function targetInScope(actor: Actor, row: Pick<RiskInfoRecord, 'investigatingOrgId' | 'investigatingOrgPath'>): boolean {
  return !!row.investigatingOrgId && inScope(scopeOf(actor), { path: row.investigatingOrgPath, orgId: row.investigatingOrgId });
}

export async function loadRiskInfoInScope(ctx: Ctx, id: string, db: DbOrTx = ctx.db, forUpdate = false): Promise<RiskInfoRecord> {
  const q = db.select().from(riskInfos).where(eq(riskInfos.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row || !riskInfoVisible(ctx.actor, row)) throw notFound('risk-information record');
  return row;
}

const CLOSED_FOR_OFFICE: readonly RiskInfoState[] = ['dismissed', 'closed'];

/** What the caller may do now: the machine's events filtered by who acts, plus override, crime lead and print. */
export function riskInfoActionsFor(actor: Actor | null, row: RiskInfoRecord): RiskInfoView['allowedActions'] {
  if (!actor || !riskInfoVisible(actor, row)) return [];
  const state = row.state as RiskInfoState;
  const office = officeInScope(actor, row);
  const target = targetInScope(actor, row);
  const out: RiskInfoView['allowedActions'] = [];
  for (const e of allowedRiskInfoEvents(state)) {
    const by = RISK_INFO_TRANSITIONS[e].by;
    if (by === 'collector' && office && can(actor, 'risk_info.collect')) out.push(e);
    else if (by === 'reviewer' && office && can(actor, 'risk_info.review')) out.push(e);
    else if (by === 'investigating_body' && target && can(actor, 'risk_info.accept')) out.push(e);
    else if (e === 'open_case' && (office || target) && can(actor, 'investigations.manage')) out.push(e);
  }
  if (office && can(actor, 'risk_info.review') && !CLOSED_FOR_OFFICE.includes(state) && state !== 'investigating') out.push('override_type');
  if (office && can(actor, 'risk_info.review')) out.push('mark_crime_lead');
  out.push('print');
  return out;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const orgName = (o: { id: string; nameZh: string; nameEn: string } | null | undefined) => (o ? { id: o.id, name: { zh: o.nameZh, en: o.nameEn } } : null);

/** The full view of one record for `actor`; 404 when it does not exist or is outside the caller's jurisdiction. */
export async function loadRiskInfoView(db: DbOrTx, actor: Actor | null, id: string): Promise<RiskInfoView> {
  const [row] = await db.select().from(riskInfos).where(eq(riskInfos.id, id));
  if (!row || !riskInfoVisible(actor, row)) throw notFound('risk-information record');
  return presentRiskInfo(db, actor, row);
}

/** Presents a record already loaded (and checked) by the caller. */
export async function presentRiskInfo(db: DbOrTx, actor: Actor | null, row: RiskInfoRecord): Promise<RiskInfoView> {
  const [er, links, transfers, files, inv] = await inSeries(
    row.exportReturnId
      ? db.select({ id: exportReturns.id, unifiedNo: exportReturns.unifiedNo, returnNo: exportReturns.returnNo }).from(exportReturns).where(eq(exportReturns.id, row.exportReturnId))
      : Promise.resolve([]),
    db.select({ l: riskInfoLinks, unifiedNo: exportReturns.unifiedNo }).from(riskInfoLinks)
      .leftJoin(exportReturns, eq(exportReturns.id, riskInfoLinks.exportReturnId))
      .where(eq(riskInfoLinks.riskInfoId, row.id)).orderBy(asc(riskInfoLinks.id)),
    db.select().from(riskInfoTransfers).where(eq(riskInfoTransfers.riskInfoId, row.id)).orderBy(asc(riskInfoTransfers.id)),
    db.select({ id: riskInfoFiles.id, fileName: riskInfoFiles.fileName, mediaType: riskInfoFiles.mediaType, size: riskInfoFiles.size, uploadedAt: riskInfoFiles.uploadedAt })
      .from(riskInfoFiles).where(eq(riskInfoFiles.riskInfoId, row.id)).orderBy(asc(riskInfoFiles.uploadedAt)),
    db.select({ id: investigations.id }).from(investigations).where(eq(investigations.riskInfoId, row.id)).orderBy(desc(investigations.openedAt)).limit(1),
  );
  const orgIds = [...new Set([row.officeId, row.collectingOrgId, row.proposedInvestigatingOrgId, row.investigatingOrgId, ...transfers.map((t) => t.toOrgId)]
    .filter((x): x is string => !!x))];
  const userIds = [...new Set([row.reviewedBy, row.overrideBy, row.crimeLeadBy, ...transfers.flatMap((t) => [t.by, t.decidedBy])]
    .filter((x): x is string => !!x))];
  const [orgRows, userRows] = await inSeries(
    db.select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, orgIds)),
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : Promise.resolve([] as { id: string; name: string }[]),
  );
  const org = (id: string | null) => orgName(orgRows.find((o) => o.id === id));
  const userName = (id: string | null) => (id ? userRows.find((u) => u.id === id)?.name ?? '' : null);
  const decision = row.typeDecision as StoredTypeDecision | null;
  const overrideType = row.overrideType as RiskInfoView['effectiveType'];
  return {
    id: row.id,
    infoNo: row.infoNo,
    source: row.source as RiskSource,
    state: row.state as RiskInfoState,
    title: row.title,
    description: row.description,
    sourceRef: row.sourceRef,
    occurredOn: row.occurredOn,
    importDeclarationNo: row.importDeclarationNo,
    exportReturn: er[0] ?? null,
    office: org(row.officeId)!,
    enterpriseCreditCode: row.enterpriseCreditCode,
    enterpriseName: row.enterpriseName,
    brand: row.brand,
    countryCode: row.countryCode,
    goods: row.goods as RiskGoodsLine[],
    reasonCodes: row.reasonCodes,
    factors: row.factors as RiskFactors,
    batchValueUsd: row.batchValueUsd,
    collection: {
      collectedOn: row.collectedOn,
      collectorName: row.collectorName,
      collectingOrg: org(row.collectingOrgId)!,
      proposedInvestigatingOrg: org(row.proposedInvestigatingOrgId),
      contactName: row.contactName,
      contactPhone: row.contactPhone,
      reviewOpinion: row.reviewOpinion,
      reviewedBy: userName(row.reviewedBy),
      reviewedAt: iso(row.reviewedAt),
    },
    investigatingOrg: org(row.investigatingOrgId),
    dismissReason: row.dismissReason,
    typeDecision: decision ? {
      type: decision.type, decidedBy: decision.decidedBy, valueUnknown: decision.valueUnknown,
      policyVersion: decision.policyVersion, decidedAt: decision.decidedAt,
      fired: decision.fired.map((f) => ({ id: f.id, clause: f.clause, outcome: f.outcome, reason: f.reason, detail: f.detail, suppressed: f.suppressed })),
    } : null,
    typeOverride: overrideType ? { type: overrideType, reason: row.overrideReason, by: userName(row.overrideBy) ?? '', at: iso(row.overrideAt)! } : null,
    effectiveType: overrideType ?? decision?.type ?? null,
    crimeLead: { marked: row.crimeLead, note: row.crimeLeadNote, by: userName(row.crimeLeadBy), at: iso(row.crimeLeadAt) },
    links: links.map(({ l, unifiedNo }) => ({
      id: l.id, kind: l.kind as RiskInfoView['links'][number]['kind'],
      exportReturn: l.exportReturnId && unifiedNo ? { id: l.exportReturnId, unifiedNo } : null,
      foreignNotificationId: l.foreignNotificationId, note: l.note, at: l.at.toISOString(),
    })),
    transfers: transfers.map((t) => ({
      id: t.id, toOrg: org(t.toOrgId)!, status: t.status as 'pending' | 'accepted' | 'declined',
      note: t.note, reason: t.reason, by: userName(t.by) ?? '', at: t.at.toISOString(), decidedBy: userName(t.decidedBy), decidedAt: iso(t.decidedAt),
    })),
    files: files.map((f) => ({ ...f, uploadedAt: f.uploadedAt.toISOString() })),
    investigationId: inv[0]?.id ?? null,
    allowedActions: riskInfoActionsFor(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
