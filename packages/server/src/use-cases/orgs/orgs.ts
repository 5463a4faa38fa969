import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, organisations, sql, users, type DbOrTx } from '@returntrace/db';
import type { Org, OrgCreate, OrgKind, OrgTreeNode } from '@returntrace/domain';
import { orgUpdateSchema } from '@returntrace/domain';
import type { z } from 'zod';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, fieldProblem, notFound, ProblemError } from '../../errors';
import { can } from '../../policies/permissions';
import { inScope, scopeOf, scopeWhere } from '../../policies/scope';
import { toUserDto, userSelection } from '../users/users';

type OrgRow = typeof organisations.$inferSelect;

export function toOrgDto(o: OrgRow): Org {
  return {
    id: o.id, kind: o.kind as OrgKind, code: o.code, customsCode: o.customsCode, nameZh: o.nameZh, nameEn: o.nameEn,
    parentId: o.parentId, path: o.path, divisionCode: o.divisionCode, address: o.address, contact: o.contact,
    phone: o.phone, active: o.active, version: o.version,
  };
}

/** Which kinds of organisation may sit under which (the jurisdiction tree of docs/ARCHITECTURE.md). */
const ALLOWED_PARENTS: Record<OrgKind, readonly OrgKind[]> = {
  gacc: [],
  direct_customs: ['gacc'],
  sub_customs: ['direct_customs'],
  enterprise: ['direct_customs', 'sub_customs'],
  tech_institution: ['gacc', 'direct_customs'],
  monitoring_centre: ['gacc', 'direct_customs'],
  market_regulation: ['gacc', 'direct_customs'],
  ecology_environment: ['gacc', 'direct_customs'],
  public_security: ['gacc', 'direct_customs'],
  association: ['gacc', 'direct_customs'],
};

/** Loads an organisation visible to the caller, or answers 404. */
export async function loadOrgInScope(ctx: Ctx, db: DbOrTx, id: string): Promise<OrgRow> {
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!o || !inScope(scopeOf(ctx.actor!), { path: o.path, orgId: o.id })) throw notFound('organisation');
  return o;
}

export async function listOrgs(ctx: Ctx, q: { page: number; pageSize: number; kind?: OrgKind | undefined; q?: string | undefined; parentId?: string | undefined }) {
  const where = and(
    scopeWhere(scopeOf(ctx.actor!), organisations.path, organisations.id),
    q.kind ? eq(organisations.kind, q.kind) : undefined,
    q.parentId ? eq(organisations.parentId, q.parentId) : undefined,
    q.q ? sql`(${organisations.nameZh} ILIKE ${`%${q.q}%`} OR ${organisations.nameEn} ILIKE ${`%${q.q}%`} OR ${organisations.code} ILIKE ${`%${q.q}%`})` : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(organisations).where(where);
  const rows = await ctx.db.select().from(organisations).where(where).orderBy(asc(organisations.path))
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items: rows.map(toOrgDto), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function orgTree(ctx: Ctx): Promise<OrgTreeNode[]> {
  const rows = await ctx.db.select().from(organisations)
    .where(scopeWhere(scopeOf(ctx.actor!), organisations.path, organisations.id)).orderBy(asc(organisations.code));
  const nodes = new Map<string, OrgTreeNode>();
  for (const o of rows) nodes.set(o.id, { id: o.id, kind: o.kind, code: o.code, nameZh: o.nameZh, nameEn: o.nameEn, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const o of rows) {
    const node = nodes.get(o.id)!;
    const parent = o.parentId ? nodes.get(o.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function getOrg(ctx: Ctx, id: string) {
  const o = await loadOrgInScope(ctx, ctx.db, id);
  const children = await ctx.db.select().from(organisations).where(eq(organisations.parentId, o.id)).orderBy(asc(organisations.code));
  const members = can(ctx.actor!, 'users.read')
    ? await ctx.db.select(userSelection).from(users).innerJoin(organisations, eq(organisations.id, users.orgId))
      .where(eq(users.orgId, o.id)).orderBy(asc(users.username))
    : [];
  return { ...toOrgDto(o), children: children.map(toOrgDto), users: members.map((m) => toUserDto(m, ctx.clock.now())) };
}

export async function createOrg(ctx: Ctx, input: OrgCreate): Promise<Org> {
  return transaction(ctx.db, async (tx) => {
    const [parent] = await tx.select().from(organisations).where(eq(organisations.id, input.parentId));
    if (!parent || !inScope(scopeOf(ctx.actor!), { path: parent.path, orgId: parent.id })) {
      throw fieldProblem('parentId', 'not_found', { en: 'The parent organisation does not exist', zh: '上级机构不存在' });
    }
    if (!ALLOWED_PARENTS[input.kind].includes(parent.kind as OrgKind)) {
      throw fieldProblem('parentId', 'parent_kind', {
        en: `A ${input.kind} cannot be placed under a ${parent.kind}`, zh: '该类别的机构不能设在所选上级机构之下',
      });
    }
    const [dup] = await tx.select({ id: organisations.id }).from(organisations)
      .where(and(eq(organisations.kind, input.kind), eq(organisations.code, input.code)));
    if (dup) throw conflict({ en: 'An organisation of this kind with this code exists', zh: '同类机构代码已存在' }, [
      { field: 'code', code: 'duplicate', message: 'Code already used', messageZh: '代码已被使用' },
    ]);
    const id = randomUUID();
    const now = ctx.clock.now();
    const [row] = await tx.insert(organisations).values({
      id, kind: input.kind, code: input.code, customsCode: input.customsCode ?? null, nameZh: input.nameZh,
      nameEn: input.nameEn, parentId: parent.id, path: `${parent.path}${id}/`, divisionCode: input.divisionCode ?? null,
      address: input.address, contact: input.contact, phone: input.phone, createdAt: now, updatedAt: now,
    }).returning();
    await audit(ctx, tx, { action: 'org.create', objectType: 'organisation', objectId: id, detail: { kind: input.kind, code: input.code } });
    return toOrgDto(row!);
  });
}

export async function updateOrg(ctx: Ctx, id: string, input: z.infer<typeof orgUpdateSchema>, ifMatch?: number): Promise<Org> {
  return transaction(ctx.db, async (tx) => {
    const o = await loadOrgInScope(ctx, tx, id);
    if (ifMatch !== undefined && ifMatch !== o.version) {
      throw new ProblemError(412, 'precondition_failed', { en: 'The record was changed by someone else; reload it', zh: '记录已被他人修改，请刷新后重试' });
    }
    if (input.active === false && o.id === ctx.actor!.orgId) {
      throw fieldProblem('active', 'own_org', { en: 'You cannot deactivate your own organisation', zh: '不能停用本人所在机构' });
    }
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [row] = await tx.update(organisations).set({ ...changes, version: o.version + 1, updatedAt: ctx.clock.now() })
      .where(eq(organisations.id, id)).returning();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (o as Record<string, unknown>)[k]]));
    await audit(ctx, tx, { action: 'org.update', objectType: 'organisation', objectId: id, detail: { before, after: changes } });
    return toOrgDto(row!);
  });
}
