/**
 * Collaborators (members), internal notes and on-site visit records of a case, and the list of users who may lead
 * it. Members come from any non-enterprise organisation; notes are internal and never reach the enterprise.
 */
import {
  and, asc, eq, investigationMembers, investigationNotes, investigationVisits, isNull, organisations, sql, users,
} from '@returntrace/db';
import { isCustomsKind, type InvestigationView } from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, fieldProblem, notFound } from '../../errors';
import { loadCase, requireAccess } from './access';
import { leadEligible } from './transitions';
import { toInvestigationView } from './view';

export interface MemberInput {
  orgId: string;
  userId?: string | undefined;
  access: 'edit' | 'read';
}

function assertOpen(state: string): void {
  if (state === 'closed') throw conflict({ en: 'The case is closed', zh: '调查案件已结案' });
}

/** POST /investigations/:id/members */
export async function addMember(ctx: Ctx, id: string, input: MemberInput): Promise<InvestigationView> {
  await transaction(ctx.db, async (tx) => {
    const c = await loadCase(ctx, id, tx, true);
    requireAccess(c, 'manage');
    assertOpen(c.row.state);
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.orgId));
    if (!org || !org.active || org.kind === 'enterprise') {
      throw fieldProblem('orgId', 'not_eligible', { en: 'Choose an active authority or body (not an enterprise)', zh: '请选择在用的行政机关或机构（不能是企业）' });
    }
    if (input.userId) {
      const [u] = await tx.select({ orgId: users.orgId, active: users.active }).from(users).where(eq(users.id, input.userId));
      if (!u || !u.active || u.orgId !== org.id) {
        throw fieldProblem('userId', 'not_in_org', { en: 'The user is not an active user of that organisation', zh: '该用户不是所选机构的在岗人员' });
      }
    }
    const [dup] = await tx.select({ id: investigationMembers.id }).from(investigationMembers).where(and(
      eq(investigationMembers.investigationId, c.row.id), eq(investigationMembers.orgId, org.id),
      input.userId ? eq(investigationMembers.userId, input.userId) : isNull(investigationMembers.userId),
    ));
    if (dup) throw conflict({ en: 'This collaborator is already on the case', zh: '该协作人员已在案件中' });
    const [m] = await tx.insert(investigationMembers).values({
      investigationId: c.row.id, orgId: org.id, userId: input.userId ?? null, access: input.access,
      addedBy: ctx.actor!.userId, addedAt: ctx.clock.now(),
    }).returning({ id: investigationMembers.id });
    await audit(ctx, tx, {
      action: 'investigation.member.add', objectType: 'investigation', objectId: c.row.id,
      detail: { caseNo: c.row.caseNo, memberId: m!.id, orgId: org.id, userId: input.userId ?? null, access: input.access },
    });
  });
  return toInvestigationView(ctx, await loadCase(ctx, id));
}

/** DELETE /investigations/:id/members/:memberId */
export async function removeMember(ctx: Ctx, id: string, memberId: number): Promise<InvestigationView> {
  await transaction(ctx.db, async (tx) => {
    const c = await loadCase(ctx, id, tx, true);
    requireAccess(c, 'manage');
    const m = c.members.find((x) => x.id === memberId);
    if (!m) throw notFound('member');
    const rest = c.members.filter((x) => x.id !== m.id);
    if (c.row.leadInvestigatorId && c.row.state !== 'closed' && !(await leadEligible(tx, c.row, rest, c.row.leadInvestigatorId))) {
      throw conflict({ en: 'The lead investigator depends on this membership; reassign the case first', zh: '调查负责人依赖该协作关系，请先改派' });
    }
    await tx.delete(investigationMembers).where(eq(investigationMembers.id, m.id));
    await audit(ctx, tx, {
      action: 'investigation.member.remove', objectType: 'investigation', objectId: c.row.id,
      detail: { caseNo: c.row.caseNo, memberId: m.id, orgId: m.orgId, userId: m.userId, access: m.access },
    });
  });
  return toInvestigationView(ctx, await loadCase(ctx, id));
}

/** POST /investigations/:id/notes — internal notes (内部备注) by anyone who may edit the case. */
export async function addNote(ctx: Ctx, id: string, body: string): Promise<InvestigationView> {
  await transaction(ctx.db, async (tx) => {
    const c = await loadCase(ctx, id, tx, true);
    requireAccess(c, 'edit');
    const [n] = await tx.insert(investigationNotes).values({ investigationId: c.row.id, body, by: ctx.actor!.userId, at: ctx.clock.now() })
      .returning({ id: investigationNotes.id });
    await audit(ctx, tx, { action: 'investigation.note.add', objectType: 'investigation', objectId: c.row.id, detail: { caseNo: c.row.caseNo, noteId: n!.id } });
  });
  return toInvestigationView(ctx, await loadCase(ctx, id));
}

export interface VisitInput {
  visitedOn: string;
  place: string;
  people: string;
  observations: string;
}

/** POST /investigations/:id/visits — 现场调查记录 of an on-site case that is not closed. */
export async function addVisit(ctx: Ctx, id: string, input: VisitInput): Promise<InvestigationView> {
  await transaction(ctx.db, async (tx) => {
    const c = await loadCase(ctx, id, tx, true);
    requireAccess(c, 'edit');
    assertOpen(c.row.state);
    if (c.row.type !== 'on_site') throw conflict({ en: 'Visit records belong to on-site investigations', zh: '仅现场调查可以填写现场调查记录' });
    const [v] = await tx.insert(investigationVisits).values({
      investigationId: c.row.id, ...input, createdBy: ctx.actor!.userId, createdAt: ctx.clock.now(),
    }).returning({ id: investigationVisits.id });
    await audit(ctx, tx, {
      action: 'investigation.visit.add', objectType: 'investigation', objectId: c.row.id,
      detail: { caseNo: c.row.caseNo, visitId: v!.id, visitedOn: input.visitedOn },
    });
  });
  return toInvestigationView(ctx, await loadCase(ctx, id));
}

/** GET /investigations/:id/assignees — who may be made lead investigator (for the manager's choice). */
export async function listAssignees(ctx: Ctx, id: string) {
  const c = await loadCase(ctx, id);
  requireAccess(c, 'manage');
  const [inv] = await ctx.db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, c.row.investigatingOrgId));
  const editOrgs = c.members.filter((m) => m.access === 'edit' && m.userId === null).map((m) => m.orgId);
  const editUsers = c.members.filter((m) => m.access === 'edit' && m.userId !== null).map((m) => m.userId!);
  const ofOrg = inv && isCustomsKind(inv.kind)
    ? sql`(starts_with(${organisations.path}, ${c.row.investigatingOrgPath}) AND ${organisations.kind} <> 'enterprise')`
    : sql`${users.orgId} = ${c.row.investigatingOrgId}`;
  // within the organisation, people whose role works cases; collaborators with edit access whatever their role
  const worker = sql`${users.roles} && ARRAY['investigator','customs_auditor','customs_officer','warning_office']::text[]`;
  const extra = [
    ...(editOrgs.length ? [sql`${users.orgId} IN (${sql.join(editOrgs.map((o) => sql`${o}`), sql`, `)})`] : []),
    ...(editUsers.length ? [sql`${users.id} IN (${sql.join(editUsers.map((u) => sql`${u}`), sql`, `)})`] : []),
  ];
  const rows = await ctx.db.select({ id: users.id, username: users.username, displayName: users.displayName, orgId: users.orgId })
    .from(users).innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.active, true), sql`(${sql.join([sql`(${ofOrg} AND ${worker})`, ...extra], sql` OR `)})`))
    .orderBy(asc(users.username));
  return rows;
}
