import { and, asc, eq, not, organisations, sql } from '@returntrace/db';
import type { Ctx } from '../../context';

export interface TransferTarget {
  id: string;
  kind: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/**
 * Organisations a record may be proposed for or transferred to (000 §3.2: customs, market regulation, ecology and
 * environment, associations…): every active non-enterprise organisation, whatever the caller's jurisdiction — a
 * sub-customs transfers to the city's market regulation, which sits beside it, not below it. Only names and codes
 * leave here; the organisations themselves stay scoped (GET /orgs/:id).
 */
export async function listTransferTargets(ctx: Ctx, q: string | undefined): Promise<{ items: TransferTarget[] }> {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await ctx.db.select({
    id: organisations.id, kind: organisations.kind, code: organisations.code, nameZh: organisations.nameZh, nameEn: organisations.nameEn,
  }).from(organisations)
    .where(and(
      eq(organisations.active, true),
      not(eq(organisations.kind, 'enterprise')),
      like ? sql`(${organisations.nameZh} ILIKE ${like} OR ${organisations.nameEn} ILIKE ${like} OR ${organisations.code} ILIKE ${like})` : undefined,
    ))
    .orderBy(asc(organisations.path))
    .limit(50);
  return { items: rows };
}
