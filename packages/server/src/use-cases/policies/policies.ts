/**
 * Versioned per-jurisdiction policies (`policy_versions`): listing, drafting, editing, withdrawing and publishing.
 * The jurisdiction of a policy is a directly-affiliated customs (直属海关). A customs user reads the policies of the
 * directly-affiliated customs above or within her office; `policies.manage` acts on those within her own subtree only
 * (the General Administration on all). Every step goes through the domain's transition table; versions of a kind +
 * jurisdiction follow each other in time (a draft takes effect after every other draft or published version).
 */
import { and, asc, eq, inArray, organisations, policyVersions, sql, users, type DbOrTx } from '@returntrace/db';
import {
  allowedPolicyEvents, beijingDate, isCustomsKind, isPolicyKind, policyBodySchema, policyDateConflict, policyTransition,
  type PolicyCreateInput, type PolicyEvent, type PolicyKind, type PolicyStatus, type PolicyUpdateInput, type PolicyVersionView,
} from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Actor, Ctx } from '../../context';
import { conflict, fieldProblem, forbidden, notFound, parseOrThrow, ProblemError } from '../../errors';
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
      id: r.id, kind: r.kind, jurisdictionId: r.jurisdictionId, jurisdictionName: j.name, version: r.version, revision: r.revision, status,
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
      await lockTimeline(tx, input.kind, j.id);
      await refuseDateConflict(tx, input.kind, j.id, input.effectiveFrom);
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

/** Serialises drafting and editing per kind + jurisdiction, so that two requests cannot both pass the date check. */
async function lockTimeline(tx: DbOrTx, kind: string, jurisdictionId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`policy_versions:${kind}:${jurisdictionId}`}))`);
}

/** 422 on `effectiveFrom` when another draft or published version of the kind takes effect the same day or later. */
async function refuseDateConflict(tx: DbOrTx, kind: string, jurisdictionId: string, effectiveFrom: string, selfId?: string): Promise<void> {
  const others = await tx.select({ id: policyVersions.id, version: policyVersions.version, status: policyVersions.status, effectiveFrom: policyVersions.effectiveFrom })
    .from(policyVersions).where(and(eq(policyVersions.kind, kind), eq(policyVersions.jurisdictionId, jurisdictionId)))
    .orderBy(asc(policyVersions.version));
  const clash = policyDateConflict(effectiveFrom, others, selfId);
  if (!clash) return;
  const zhStatus = clash.status === 'draft' ? '草稿' : '已发布版本';
  const msg = {
    en: `Version ${clash.version} (${clash.status}) takes effect on ${clash.effectiveFrom}; a new version must take effect after it (withdraw the draft or choose a later date)`,
    zh: `第 ${clash.version} 版（${zhStatus}）自 ${clash.effectiveFrom} 起生效，新版本的生效日期须晚于该日期（可撤回该草稿或选择更晚的日期）`,
  };
  throw new ProblemError(422, 'validation', { en: 'Field effectiveFrom is invalid', zh: '字段 effectiveFrom 有误' }, [
    { field: 'effectiveFrom', code: 'overlaps_version', message: msg.en, messageZh: msg.zh },
  ]);
}

/** The version row locked for a change, with its jurisdiction if the caller may manage it. */
async function lockedVersion(tx: DbOrTx, actor: Actor, id: string): Promise<{ row: Row; j: Jurisdiction; kind: PolicyKind }> {
  const [row] = await tx.select().from(policyVersions).where(eq(policyVersions.id, id)).for('update');
  if (!row || !isPolicyKind(row.kind)) throw notFound('policy version');
  const j = await manageableJurisdiction(tx, actor, row.jurisdictionId, 'policy version');
  return { row, j, kind: row.kind as PolicyKind };
}

const STATUS_ZH: Record<PolicyStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

function refuseStep(row: Row, event: PolicyEvent): PolicyStatus {
  const step = policyTransition(row.status as PolicyStatus, event);
  if (step.ok) return step.to;
  const zhEvent = { edit: '修改', publish: '发布', withdraw: '撤回' }[event];
  throw conflict({
    en: `Version ${row.version} is ${row.status}; only a draft can be ${event === 'edit' ? 'edited' : event === 'publish' ? 'published' : 'withdrawn'}`,
    zh: `第 ${row.version} 版${STATUS_ZH[row.status as PolicyStatus] ?? row.status}，只有草稿可以${zhEvent}`,
  });
}

/** 428 without If-Match, 412 when the draft changed since the caller read it. */
function checkRevision(row: Row, ifMatch: number | undefined): void {
  if (ifMatch === undefined) {
    throw new ProblemError(428, 'precondition_required', { en: 'Send If-Match with the revision of the draft you edited', zh: '请在 If-Match 中携带所修改草稿的修订号' });
  }
  if (ifMatch !== row.revision) {
    throw new ProblemError(412, 'precondition_failed', { en: 'The draft was changed by someone else; reload it', zh: '草稿已被他人修改，请刷新后重试' });
  }
}

/** Edits a draft: effective date, body (checked by its kind's schema) and note. Audited with before and after. */
export async function updatePolicyDraft(ctx: Ctx, id: string, input: PolicyUpdateInput, ifMatch: number | undefined): Promise<PolicyVersionView> {
  const actor = actorOf(ctx);
  return transaction(ctx.db, async (tx) => {
    const { row, j, kind } = await lockedVersion(tx, actor, id);
    refuseStep(row, 'edit');
    checkRevision(row, ifMatch);
    const body = parseOrThrow(policyBodySchema(kind), input.body, 'body') as Record<string, unknown>;
    await lockTimeline(tx, kind, j.id);
    await refuseDateConflict(tx, kind, j.id, input.effectiveFrom, row.id);
    const [updated] = await tx.update(policyVersions)
      .set({ effectiveFrom: input.effectiveFrom, body, note: input.note, revision: row.revision + 1 })
      .where(eq(policyVersions.id, id)).returning();
    await audit(ctx, tx, {
      action: 'policy.update', objectType: 'policy_version', objectId: id,
      detail: {
        kind, jurisdictionId: j.id, version: row.version, revision: updated!.revision,
        before: { effectiveFrom: row.effectiveFrom, body: row.body, note: row.note },
        after: { effectiveFrom: input.effectiveFrom, body, note: input.note },
      },
    });
    return (await present(tx, actor, [updated!], new Map([[j.id, j]])))[0]!;
  });
}

/** Withdraws a draft: it stays listed as withdrawn and no longer blocks other versions' dates. */
export async function withdrawPolicyDraft(ctx: Ctx, id: string, ifMatch: number | undefined): Promise<PolicyVersionView> {
  const actor = actorOf(ctx);
  return transaction(ctx.db, async (tx) => {
    const { row, j, kind } = await lockedVersion(tx, actor, id);
    const to = refuseStep(row, 'withdraw');
    if (ifMatch !== undefined) checkRevision(row, ifMatch);
    const [updated] = await tx.update(policyVersions).set({ status: to, revision: row.revision + 1 })
      .where(eq(policyVersions.id, id)).returning();
    await audit(ctx, tx, {
      action: 'policy.withdraw', objectType: 'policy_version', objectId: id,
      detail: { kind, jurisdictionId: j.id, version: row.version, effectiveFrom: row.effectiveFrom },
    });
    return (await present(tx, actor, [updated!], new Map([[j.id, j]])))[0]!;
  });
}

export async function publishPolicy(ctx: Ctx, id: string): Promise<PolicyVersionView> {
  const actor = actorOf(ctx);
  const now = ctx.clock.now();
  const published = await transaction<{ view: PolicyVersionView; kind: PolicyKind }>(ctx.db, async (tx) => {
    const { row, j, kind } = await lockedVersion(tx, actor, id);
    const to = refuseStep(row, 'publish');
    const today = beijingDate(now);
    if (row.effectiveFrom < today) {
      throw fieldProblem('effectiveFrom', 'in_past', {
        en: `The effective date ${row.effectiveFrom} is before today (${today}, Beijing time); edit the draft's date`,
        zh: `生效日期 ${row.effectiveFrom} 早于今天（北京时间 ${today}），请修改草稿的生效日期`,
      });
    }
    // a body stored before a schema change is checked again: a published version must be one the loaders accept
    parseOrThrow(policyBodySchema(kind), row.body, 'body');
    const [updated] = await tx.update(policyVersions).set({ status: to, publishedBy: actor.userId, publishedAt: now, revision: row.revision + 1 })
      .where(eq(policyVersions.id, id)).returning();
    await audit(ctx, tx, {
      action: 'policy.publish', objectType: 'policy_version', objectId: id,
      detail: { kind: row.kind, jurisdictionId: j.id, version: row.version, effectiveFrom: row.effectiveFrom },
    });
    return { view: (await present(tx, actor, [updated!], new Map([[j.id, j]])))[0]!, kind };
  });
  policyKindChanged(published.kind);
  return published.view;
}

/** After a committed publication: drops what caches the policies of that kind. */
function policyKindChanged(kind: PolicyKind): void {
  const changed: Record<PolicyKind, () => void> = {
    'export_returns.audit': auditPoliciesChanged,
    // read afresh by every decision (use-cases/investigation-type/decide.ts): nothing is cached
    'investigations.type': () => undefined,
    // the grading policy is read afresh by every grading run: nothing is cached
    'risk.grading': () => undefined,
  };
  changed[kind]();
}
