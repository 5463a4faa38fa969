/**
 * Foreign notifications of the caller's directly-affiliated customs: the list (per import batch), the proposed
 * matches with export returns, and the officer's decision on each. Confirming adds a `related_return` link on the
 * notification's risk-information record. Another jurisdiction's notification or match answers 404.
 */
import {
  and, count, desc, eq, exportReturnLines, exportReturns, foreignNotifications, inArray, notificationMatches, or, refCountries,
  riskInfoLinks, riskInfos, sql, users, type SQL,
} from '@returntrace/db';
import type {
  ExportReturnFilled, ExportReturnInput, ForeignNotificationListQuery, ForeignNotificationView, MatchBasis, NotificationMatchView,
} from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, notFound } from '../../errors';
import { jurisdictionOf } from './import';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listForeignNotifications(ctx: Ctx, q: ForeignNotificationListQuery) {
  const j = await jurisdictionOf(ctx.db, ctx.actor!);
  const pattern = q.q ? `%${likeEscape(q.q)}%` : null;
  const where: SQL | undefined = and(
    eq(foreignNotifications.jurisdictionId, j.id),
    q.batchId ? eq(foreignNotifications.importBatchId, q.batchId) : undefined,
    pattern ? or(sql`${foreignNotifications.product} ILIKE ${pattern}`, sql`${foreignNotifications.enterpriseOrBrand} ILIKE ${pattern}`,
      sql`${foreignNotifications.reference} ILIKE ${pattern}`) : undefined,
  );
  const [total] = await ctx.db.select({ n: count() }).from(foreignNotifications).where(where);
  const rows = await ctx.db.select({
    n: foreignNotifications, countryZh: refCountries.nameZh, countryEn: refCountries.nameEn, infoNo: riskInfos.infoNo, importedBy: users.username,
  }).from(foreignNotifications)
    .leftJoin(refCountries, eq(refCountries.alpha3, foreignNotifications.countryCode))
    .leftJoin(riskInfos, eq(riskInfos.id, foreignNotifications.riskInfoId))
    .leftJoin(users, eq(users.id, foreignNotifications.importedBy))
    .where(where)
    .orderBy(desc(foreignNotifications.importedAt), desc(foreignNotifications.notifiedOn), foreignNotifications.id)
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const ids = rows.map((r) => r.n.id);
  const tallies = ids.length ? await ctx.db.select({ id: notificationMatches.notificationId, status: notificationMatches.status, n: count() })
    .from(notificationMatches).where(inArray(notificationMatches.notificationId, ids))
    .groupBy(notificationMatches.notificationId, notificationMatches.status) : [];
  const items: ForeignNotificationView[] = rows.map(({ n, ...r }) => {
    const tally = (status: string) => Number(tallies.find((t) => t.id === n.id && t.status === status)?.n ?? 0);
    return {
      id: n.id, batchId: n.importBatchId, countryCode: n.countryCode, countryName: { zh: r.countryZh ?? n.countryCode, en: r.countryEn ?? n.countryCode },
      notifiedOn: n.notifiedOn, product: n.product, hsCode: n.hsCode, enterpriseOrBrand: n.enterpriseOrBrand, measure: n.measure,
      reason: n.reason, reference: n.reference, riskInfo: n.riskInfoId && r.infoNo ? { id: n.riskInfoId, infoNo: r.infoNo } : null,
      importedBy: r.importedBy ?? '', importedAt: n.importedAt.toISOString(),
      matches: { proposed: tally('proposed'), confirmed: tally('confirmed'), rejected: tally('rejected') },
    };
  });
  return { items, total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function notificationInScope(ctx: Ctx, id: string) {
  const j = await jurisdictionOf(ctx.db, ctx.actor!);
  const [n] = await ctx.db.select().from(foreignNotifications)
    .where(and(eq(foreignNotifications.id, id), eq(foreignNotifications.jurisdictionId, j.id)));
  if (!n) throw notFound('foreign notification');
  return n;
}

export async function listMatches(ctx: Ctx, notificationId: string): Promise<{ items: NotificationMatchView[] }> {
  await notificationInScope(ctx, notificationId);
  const rows = await ctx.db.select({ m: notificationMatches, er: exportReturns, decidedBy: users.username })
    .from(notificationMatches)
    .innerJoin(exportReturns, eq(exportReturns.id, notificationMatches.exportReturnId))
    .leftJoin(users, eq(users.id, notificationMatches.decidedBy))
    .where(eq(notificationMatches.notificationId, notificationId))
    .orderBy(desc(notificationMatches.score), notificationMatches.id);
  const lines = rows.length ? await ctx.db.select({ id: exportReturnLines.returnId, hs: exportReturnLines.hsCode }).from(exportReturnLines)
    .where(inArray(exportReturnLines.returnId, rows.map((r) => r.er.id))).orderBy(exportReturnLines.lineNo) : [];
  return {
    items: rows.map(({ m, er, decidedBy }) => {
      const filled = er.filled as ExportReturnFilled;
      const input = er.input as ExportReturnInput;
      return {
        id: m.id, notificationId: m.notificationId,
        exportReturn: {
          id: er.id, unifiedNo: er.unifiedNo, returnNo: er.returnNo, status: er.status,
          manufacturerName: input.manufacturer?.name ?? '', consigneeName: filled.consignee?.name ?? '', returnCountry: filled.returnCountry ?? '',
          hsCodes: lines.filter((l) => l.id === er.id).map((l) => l.hs),
        },
        score: m.score, basis: m.basis as MatchBasis, status: m.status as NotificationMatchView['status'],
        decidedBy: decidedBy ?? null, decidedAt: m.decidedAt?.toISOString() ?? null,
      };
    }),
  };
}

/** Confirms or rejects a proposed match; only proposals can be decided (409 otherwise). */
export async function decideMatch(ctx: Ctx, matchId: number, decision: 'confirmed' | 'rejected'): Promise<NotificationMatchView> {
  const actor = ctx.actor!;
  const j = await jurisdictionOf(ctx.db, actor);
  const now = ctx.clock.now();
  const notificationId = await transaction(ctx.db, async (tx) => {
    const [row] = await tx.select({ m: notificationMatches, n: foreignNotifications }).from(notificationMatches)
      .innerJoin(foreignNotifications, eq(foreignNotifications.id, notificationMatches.notificationId))
      .where(and(eq(notificationMatches.id, matchId), eq(foreignNotifications.jurisdictionId, j.id)))
      .for('update', { of: notificationMatches });
    if (!row) throw notFound('match');
    if (row.m.status !== 'proposed') {
      throw conflict({ en: `This match was already ${row.m.status}`, zh: row.m.status === 'confirmed' ? '该匹配已确认' : '该匹配已驳回' });
    }
    await tx.update(notificationMatches).set({ status: decision, decidedBy: actor.userId, decidedAt: now }).where(eq(notificationMatches.id, matchId));
    if (decision === 'confirmed' && row.n.riskInfoId) {
      await tx.insert(riskInfoLinks).values({
        riskInfoId: row.n.riskInfoId, kind: 'related_return', exportReturnId: row.m.exportReturnId, foreignNotificationId: row.n.id,
        note: `境外通报匹配确认（匹配度 ${row.m.score}）Confirmed notification match (score ${row.m.score})`, linkedBy: actor.userId, at: now,
      });
    }
    await audit(ctx, tx, {
      action: decision === 'confirmed' ? 'foreign_notification.match.confirm' : 'foreign_notification.match.reject',
      objectType: 'notification_match', objectId: String(matchId),
      detail: { notificationId: row.n.id, exportReturnId: row.m.exportReturnId, riskInfoId: row.n.riskInfoId, score: row.m.score },
    });
    return row.n.id;
  });
  const { items } = await listMatches(ctx, notificationId);
  return items.find((m) => m.id === matchId)!;
}
