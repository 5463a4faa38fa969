/**
 * Rate limits of the public report (实名举报): per client address per hour and per identity number per day, counted
 * from the stored reports themselves, so the limits hold across app instances. The counts run under transaction
 * advisory locks on the address and the identity, so two simultaneous reports cannot both slip under a limit.
 */
import { and, count, eq, gt, publicReports, settings, sql, type DbOrTx } from '@returntrace/db';
import { DEFAULT_PUBLIC_REPORT_LIMITS, publicReportLimitsSchema, type PublicReportLimits } from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { ProblemError } from '../../errors';

export const PUBLIC_REPORT_LIMITS_KEY = 'public_reports.limits';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export async function getPublicReportLimits(db: DbOrTx): Promise<PublicReportLimits> {
  const [row] = await db.select().from(settings).where(eq(settings.key, PUBLIC_REPORT_LIMITS_KEY));
  const parsed = publicReportLimitsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_PUBLIC_REPORT_LIMITS;
}

export async function updatePublicReportLimits(ctx: Ctx, input: PublicReportLimits): Promise<PublicReportLimits> {
  const now = ctx.clock.now();
  return transaction(ctx.db, async (tx) => {
    const before = await getPublicReportLimits(tx);
    await tx.insert(settings).values({ key: PUBLIC_REPORT_LIMITS_KEY, value: input, updatedAt: now, updatedBy: ctx.actor?.userId })
      .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedAt: now, updatedBy: ctx.actor?.userId } });
    await audit(ctx, tx, { action: 'settings.public_reports.update', objectType: 'settings', objectId: PUBLIC_REPORT_LIMITS_KEY, detail: { before, after: input } });
    return input;
  });
}

function rateLimited(retryAfterSec: number, which: 'address' | 'identity', limit: number): ProblemError {
  const wait = Math.max(1, retryAfterSec);
  const minutes = Math.ceil(wait / 60);
  const msg = which === 'address'
    ? { en: `At most ${limit} reports per hour may be sent from one network address; please try again in ${minutes} minute(s)`,
        zh: `同一网络地址每小时最多提交 ${limit} 件举报，请 ${minutes} 分钟后再试` }
    : { en: `At most ${limit} reports per day may be sent with one identity number; please try again in ${minutes} minute(s)`,
        zh: `同一身份证号码每天最多提交 ${limit} 件举报，请 ${minutes} 分钟后再试` };
  return new ProblemError(429, 'rate_limited', msg, [], { 'Retry-After': String(wait) }, { retryAfter: wait, limit: which });
}

async function window(tx: DbOrTx, column: typeof publicReports.ip | typeof publicReports.idDigest, value: string, since: Date) {
  const [r] = await tx.select({ n: count(), oldest: sql<Date | null>`min(${publicReports.createdAt})`.mapWith(publicReports.createdAt) }).from(publicReports)
    .where(and(eq(column, value), gt(publicReports.createdAt, since)));
  return { n: Number(r?.n ?? 0), oldest: r?.oldest ?? null };
}

/**
 * Locks the address and the identity for the rest of `tx` and refuses (429 with Retry-After) when either is at its
 * limit. Call inside the transaction that then stores the report.
 */
export async function enforcePublicReportLimits(tx: DbOrTx, now: Date, ip: string, idDigest: string): Promise<void> {
  // always address first, then identity: one lock order, no deadlock between two reports
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`public_report:ip:${ip}`}))`);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`public_report:id:${idDigest}`}))`);
  const limits = await getPublicReportLimits(tx);
  const byIp = await window(tx, publicReports.ip, ip, new Date(now.getTime() - HOUR_MS));
  if (byIp.n >= limits.perAddressPerHour) {
    throw rateLimited(Math.ceil(((byIp.oldest?.getTime() ?? now.getTime()) + HOUR_MS - now.getTime()) / 1000), 'address', limits.perAddressPerHour);
  }
  const byId = await window(tx, publicReports.idDigest, idDigest, new Date(now.getTime() - DAY_MS));
  if (byId.n >= limits.perIdentityPerDay) {
    throw rateLimited(Math.ceil(((byId.oldest?.getTime() ?? now.getTime()) + DAY_MS - now.getTime()) / 1000), 'identity', limits.perIdentityPerDay);
  }
}
