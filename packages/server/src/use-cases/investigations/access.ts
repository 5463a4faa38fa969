/**
 * Who may do what on an investigation case. A case has two owners — the customs office of its risk record and the
 * investigating organisation — and may have collaborators (members) from other bodies:
 * - manage: `investigations.manage` with either owner in the caller's scope;
 * - edit: the lead investigator, a member with edit access (the user, or every user of the member organisation), or
 *   a manager;
 * - read: `investigations.read` with either owner in scope, or any member.
 * A case the caller may not read answers 404 (as if it did not exist); reading but not editing answers 403.
 */
import { eq, investigationMembers, investigations, sql, type DbOrTx, type SQL } from '@returntrace/db';
import { INVESTIGATION_TRANSITIONS, type InvestigationEvent } from '@returntrace/domain';
import type { Ctx } from '../../context';
import { forbidden, notFound } from '../../errors';
import { can } from '../../policies/permissions';
import { inScopeOfAny, scopeOf, scopeWhereAny } from '../../policies/scope';

export type CaseRow = typeof investigations.$inferSelect;
export type MemberRow = typeof investigationMembers.$inferSelect;
export type Access = 'manage' | 'edit' | 'read';

export interface LoadedCase {
  row: CaseRow;
  members: MemberRow[];
  access: Access;
}

const owners = (row: Pick<CaseRow, 'officePath' | 'officeId' | 'investigatingOrgPath' | 'investigatingOrgId'>) => [
  { path: row.officePath, orgId: row.officeId },
  { path: row.investigatingOrgPath, orgId: row.investigatingOrgId },
];

/** The caller's access to a case, or null when she may not even read it. */
export function accessOf(ctx: Ctx, row: CaseRow, members: readonly MemberRow[]): Access | null {
  const a = ctx.actor;
  if (!a || a.orgKind === 'enterprise') return null;
  const inScope = inScopeOfAny(scopeOf(a), owners(row));
  if (inScope && can(a, 'investigations.manage')) return 'manage';
  const mine = members.filter((m) => m.userId === a.userId || (m.userId === null && m.orgId === a.orgId));
  if (row.leadInvestigatorId === a.userId || mine.some((m) => m.access === 'edit')) return 'edit';
  if ((inScope && can(a, 'investigations.read')) || mine.length) return 'read';
  return null;
}

/** Loads a case the caller may read (404 otherwise), optionally locked for a change. */
export async function loadCase(ctx: Ctx, id: string, db: DbOrTx = ctx.db, forUpdate = false): Promise<LoadedCase> {
  const q = db.select().from(investigations).where(eq(investigations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('investigation');
  const members = await db.select().from(investigationMembers).where(eq(investigationMembers.investigationId, id))
    .orderBy(investigationMembers.id);
  const access = accessOf(ctx, row, members);
  if (!access) throw notFound('investigation');
  return { row, members, access };
}

const RANK: Record<Access, number> = { read: 1, edit: 2, manage: 3 };

export function hasAccess(c: Pick<LoadedCase, 'access'>, needed: Access): boolean {
  return RANK[c.access] >= RANK[needed];
}

/** Refusals of `requireAccess`: the routes audit them as denials once the transaction has rolled back. */
export const accessDenials = new WeakSet<Error>();

export function requireAccess(c: Pick<LoadedCase, 'access'>, needed: Access): void {
  if (hasAccess(c, needed)) return;
  const err = forbidden(needed === 'manage'
    ? { en: 'Only the office managing the case may do this', zh: '仅负责该案件的海关可以执行此操作' }
    : { en: 'You have read-only access to this case', zh: '您对该调查案件仅有查看权限' });
  accessDenials.add(err);
  throw err;
}

/** The access an event of the machine needs: manager events need manage, investigator events edit. */
export const accessForEvent = (event: InvestigationEvent): Access => (INVESTIGATION_TRANSITIONS[event].by === 'manager' ? 'manage' : 'edit');

/**
 * SQL twin of `accessOf(...) !== null` for lists: either owner in scope with `investigations.read`, or the caller
 * (or her organisation) is a member, or she leads the case.
 */
export function readableWhere(ctx: Ctx): SQL | undefined {
  const a = ctx.actor!;
  const member = mineWhere(ctx);
  if (!can(a, 'investigations.read')) return member;
  const scoped = scopeWhereAny(scopeOf(a), [
    [investigations.officePath, investigations.officeId],
    [investigations.investigatingOrgPath, investigations.investigatingOrgId],
  ]);
  return scoped ? sql`(${scoped} OR ${member})` : undefined;
}

/** Cases where the caller is the lead or a member (the home page's "my cases"). */
export function mineWhere(ctx: Ctx): SQL {
  const a = ctx.actor!;
  return sql`(${investigations.leadInvestigatorId} = ${a.userId} OR EXISTS (SELECT 1 FROM investigation_members m
    WHERE m.investigation_id = ${investigations.id} AND (m.user_id = ${a.userId} OR (m.user_id IS NULL AND m.org_id = ${a.orgId}))))`;
}
