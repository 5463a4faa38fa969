/**
 * Versioned per-jurisdiction policies (`policy_versions`): listing, drafting and publishing. The jurisdiction of a
 * policy is a directly-affiliated customs (直属海关). A customs user reads the policies of the directly-affiliated
 * customs above or within her office; `policies.manage` acts on those within her own subtree only (the General
 * Administration on all). A version is published once, through the domain's transition table.
 */
import { and, asc, eq, inArray, organisations, policyVersions, sql, users, type DbOrTx } from '@returntrace/db';
import {
  allowedPolicyEvents, beijingDate, isCustomsKind, isPolicyKind, policyBodySchema, policyTransition,
  type PolicyCreateInput, type PolicyKind, type PolicyStatus, type PolicyVersionView,
} from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Actor, Ctx } from '../../context';
import { conflict, fieldProblem, forbidden, notFound, parseOrThrow } from '../../errors';
import { can } from '../../policies/permissions';
import { inScope, scopeOf } from '../../policies/scope';
import { auditPoliciesChanged } from '../export-returns/reference-cache';
import { isUniqueViolation } from '../refdata/tables';

interface Jurisdiction {
  id: string;
  name: { zh: string; en: string };
  path: string;
}

function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

/**
 * Readable: the jurisdiction lies in the caller's subtree, or, for a customs office, above it (the policy of her own
 * directly-affiliated customs). Bodies placed under a customs (institutions, regulators) do not read its policies.
 */
function canRead(actor: Actor, j: Jurisdiction): boolean {
  return inScope(scopeOf(actor), { path: j.path }) || (isCustomsKind(actor.orgKind) && actor.orgPath.startsWith(j.path));
}

function canManage(actor: Actor, j: Jurisdiction): boolean {
  return can(actor, 'policies.manage') && inScope(scopeOf(actor), { path: j.path });
}

async function directCustoms(db: DbOrTx, ids?: readonly string[]): Promise<Jurisdiction[]> {
  const rows = await db.select({ id: organisations.id, zh: organisations.nameZh, en: organisations.nameEn, path: organisations.path })
    .from(organisations)
    .where(and(eq(organisations.kind, 'direct_customs'), ids ? inArray(organisations.id, [...ids]) : undefined))
    .orderBy(asc(organisations.path));
  return rows.map((r) => ({ id: r.id, name: { zh: r.zh, en: r.en }, path: r.path }));
}

type Row = typeof policyVersions.$inferSelect;

async function present(db: DbOrTx, actor: Actor, rows: readonly Row[], byId: Map<string, Jurisdiction>): Promise<PolicyVersionView[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.createdBy, r.publishedBy]).filter((u): u is string => !!u))];
  const names = new Map(userIds.length
    ? (await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.username])
    : []);
  return rows.map((r) => {
    const j = byId.get(r.jurisdictionId)!;
    const status = r.status as PolicyStatus;
    return {
      id: r.id, kind: r.kind, jurisdictionId: r.jurisdictionId, jurisdictionName: j.name, version: r.version, status,
      effectiveFrom: r.effectiveFrom, body: r.body as Record<string, unknown>, note: r.note,
      createdBy: r.createdBy ? (names.get(r.createdBy) ?? null) : null, createdAt: r.createdAt.toISOString(),
      publishedBy: r.publishedBy ? (names.get(r.publishedBy) ?? null) : null, publishedAt: r.publishedAt?.toISOString() ?? null,
      allowedActions: canManage(actor, j) ? allowedPolicyEvents(status) : [],
    };
  });
}

export async function listPolicies(ctx: Ctx, kind: PolicyKind) {
  const actor = actorOf(ctx);
  const visible = (await directCustoms(ctx.db)).filter((j) => canRead(actor, j));
  const byId = new Map(visible.map((j) => [j.id, j]));
  const rows = visible.length
    ? await ctx.db.select().from(policyVersions)
      .where(and(eq(policyVersions.kind, kind), inArray(policyVersions.jurisdictionId, [...byId.keys()])))
      .orderBy(asc(policyVersions.jurisdictionId), asc(policyVersions.version))
    : [];
  const items = await present(ctx.db, actor, rows, byId);
  // the same choice as the loaders of each kind: the highest published version already effective whose body is valid
  const today = beijingDate(ctx.clock.now());
  const schema = policyBodySchema(kind);
  const inForce = visible.map((j) => {
    const best = rows.filter((r) => r.jurisdictionId === j.id && r.status === 'published' && r.effectiveFrom <= today && schema.safeParse(r.body).success)
      .reduce<Row | undefined>((a, r) => (!a || r.version > a.version ? r : a), undefined);
    return { jurisdictionId: j.id, jurisdictionName: j.name, versionId: best?.id ?? null, version: best?.version ?? null };
  });
  return { items, inForce };
}

/** The jurisdiction, if the caller may manage its policies: 404 when she cannot even see it, 403 when she only reads it. */
async function manageableJurisdiction(db: DbOrTx, actor: Actor, id: string, what: string): Promise<Jurisdiction> {
  const [j] = await directCustoms(db, [id]);
  if (!j || !canRead(actor, j)) throw notFound(what);
  if (!canManage(actor, j)) throw forbidden();
  return j;
}

export async function createPolicyDraft(ctx: Ctx, input: PolicyCreateInput): Promise<PolicyVersionView> {
  const actor = actorOf(ctx);
  const body = parseOrThrow(policyBodySchema(input.kind), input.body, 'body') as Record<string, unknown>;
  try {
    return await transaction(ctx.db, async (tx) => {
      const j = await manageableJurisdiction(tx, actor, input.jurisdictionId, 'directly-affiliated customs');
      const [last] = await tx.select({ n: sql<number>`coalesce(max(${policyVersions.version}), 0)::int` }).from(policyVersions)
        .where(and(eq(policyVersions.kind, input.kind), eq(policyVersions.jurisdictionId, j.id)));
      const [row] = await tx.insert(policyVersions).values({
        kind: input.kind, jurisdictionId: j.id, version: (last?.n ?? 0) + 1, status: 'draft',
        effectiveFrom: input.effectiveFrom, body, note: input.note, createdBy: actor.userId,
      }).returning();
      await audit(ctx, tx, {
        action: 'policy.create', objectType: 'policy_version', objectId: row!.id,
        detail: { kind: input.kind, jurisdictionId: j.id, version: row!.version, effectiveFrom: input.effectiveFrom, body },
      });
      return (await present(tx, actor, [row!], new Map([[j.id, j]])))[0]!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw conflict({ en: 'Another version was drafted at the same moment; try again', zh: '其他用户同时新建了版本，请重试' });
    }
    throw e;
  }
}

export async function publishPolicy(ctx: Ctx, id: string): Promise<PolicyVersionView> {
  const actor = actorOf(ctx);
  const now = ctx.clock.now();
  const published = await transaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(policyVersions).where(eq(policyVersions.id, id)).for('update');
    if (!row || !isPolicyKind(row.kind)) throw notFound('policy version');
    const j = await manageableJurisdiction(tx, actor, row.jurisdictionId, 'policy version');
    const step = policyTransition(row.status as PolicyStatus, 'publish');
    if (!step.ok) {
      throw conflict({ en: `Version ${row.version} is already published`, zh: `第 ${row.version} 版已发布，不能重复发布` });
    }
    const today = beijingDate(now);
    if (row.effectiveFrom < today) {
      throw fieldProblem('effectiveFrom', 'in_past', {
        en: `The effective date ${row.effectiveFrom} is before today (${today}, Beijing time); draft a new version`,
        zh: `生效日期 ${row.effectiveFrom} 早于今天（北京时间 ${today}），请新建版本`,
      });
    }
    // a body stored before a schema change is checked again: a published version must be one the loaders accept
    parseOrThrow(policyBodySchema(row.kind), row.body, 'body');
    const [updated] = await tx.update(policyVersions).set({ status: step.to, publishedBy: actor.userId, publishedAt: now })
      .where(eq(policyVersions.id, id)).returning();
    await audit(ctx, tx, {
      action: 'policy.publish', objectType: 'policy_version', objectId: id,
      detail: { kind: row.kind, jurisdictionId: j.id, version: row.version, effectiveFrom: row.effectiveFrom },
    });
    return { view: (await present(tx, actor, [updated!], new Map([[j.id, j]])))[0]!, kind: row.kind as PolicyKind };
  });
  policyKindChanged(published.kind);
  return published.view;
}

/** After a committed publication: drops what caches the policies of that kind. */
function policyKindChanged(kind: PolicyKind): void {
  const changed: Record<PolicyKind, () => void> = { 'export_returns.audit': auditPoliciesChanged };
  changed[kind]();
}
