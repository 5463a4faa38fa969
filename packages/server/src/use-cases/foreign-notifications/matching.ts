/**
 * Proposes links between a foreign notification and the export returns of its jurisdiction (same manufacturer or
 * consignee credit code or name, same HS heading, same returning country). The database narrows the candidates;
 * the domain's `scoreNotificationMatch` decides and scores; the best ten are stored as `notification_matches`.
 */
import { notificationMatches, queryRows, sql, type DbOrTx } from '@returntrace/db';
import { MAX_MATCHES_PER_NOTIFICATION, scoreNotificationMatch, type MatchCandidate, type MatchNotification } from '@returntrace/domain';

interface CandidateRow {
  id: string;
  manufacturer_credit_code: string;
  consignee_credit_code: string;
  manufacturer_name: string | null;
  consignee_name: string | null;
  return_country: string | null;
  hs_codes: string[] | null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Export returns of the jurisdiction that share the credit code, contain the name, or share the HS heading. */
async function candidates(tx: DbOrTx, jurisdictionPath: string, n: MatchNotification): Promise<(MatchCandidate & { id: string })[]> {
  const ors = [];
  if (n.enterpriseCreditCode) {
    ors.push(sql`er.manufacturer_credit_code = ${n.enterpriseCreditCode} OR er.consignee_credit_code = ${n.enterpriseCreditCode}`);
  }
  const name = n.enterpriseOrBrand.trim();
  if (name.length >= 2) {
    const pattern = `%${likeEscape(name)}%`;
    ors.push(sql`(er.input -> 'manufacturer' ->> 'name') ILIKE ${pattern} OR (er.filled -> 'consignee' ->> 'name') ILIKE ${pattern}`);
  }
  const heading = n.hsCode && n.hsCode.length >= 4 ? n.hsCode.slice(0, 4) : null;
  if (heading) ors.push(sql`EXISTS (SELECT 1 FROM export_return_lines l WHERE l.return_id = er.id AND starts_with(l.hs_code, ${heading}))`);
  if (!ors.length) return [];
  const rows = await queryRows<CandidateRow>(tx, sql`
    SELECT er.id, er.manufacturer_credit_code, er.consignee_credit_code,
           er.input -> 'manufacturer' ->> 'name' AS manufacturer_name, er.filled -> 'consignee' ->> 'name' AS consignee_name,
           er.filled ->> 'returnCountry' AS return_country,
           (SELECT array_agg(l.hs_code ORDER BY l.line_no) FROM export_return_lines l WHERE l.return_id = er.id) AS hs_codes
    FROM export_returns er
    WHERE starts_with(er.competent_office_path, ${jurisdictionPath}) AND er.status <> 0 AND NOT er.deleted
      AND (${sql.join(ors.map((o) => sql`(${o})`), sql` OR `)})
    LIMIT 500`);
  return rows.map((r) => ({
    id: r.id,
    manufacturerCreditCode: r.manufacturer_credit_code, consigneeCreditCode: r.consignee_credit_code,
    manufacturerName: r.manufacturer_name ?? '', consigneeName: r.consignee_name ?? '',
    returnCountry: r.return_country ?? '', hsCodes: r.hs_codes ?? [],
  }));
}

/** Scores the candidates and stores the best ten as proposals; answers how many were stored. */
export async function proposeMatches(tx: DbOrTx, notificationId: string, jurisdictionPath: string, n: MatchNotification): Promise<number> {
  const scored = (await candidates(tx, jurisdictionPath, n))
    .map((c) => ({ id: c.id, result: scoreNotificationMatch(n, c) }))
    .filter((c): c is { id: string; result: NonNullable<typeof c.result> } => c.result !== null)
    .sort((a, b) => b.result.score - a.result.score || a.id.localeCompare(b.id))
    .slice(0, MAX_MATCHES_PER_NOTIFICATION);
  if (!scored.length) return 0;
  await tx.insert(notificationMatches).values(scored.map((s) => ({
    notificationId, exportReturnId: s.id, score: s.result.score, basis: s.result.basis, status: 'proposed',
  })));
  return scored.length;
}
