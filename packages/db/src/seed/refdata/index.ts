import { DEFAULT_RETURN_REASONS, type RefDatasetId, type RefRowMap } from '@returntrace/domain';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../client';
import { REF_TABLES, type RefTable } from '../../ref-tables';
import { buildLegalInspectionRows, buildProhibitedImportRows } from './catalogues';
import { buildCountryRows } from './countries';
import { buildCurrencyRows } from './currencies';
import { CUSTOMS_DISTRICT_ROWS } from './customs-districts';
import { buildDivisionRows } from './divisions';
import { HS_CHAPTERS, HS_SECTIONS } from './hs-chapters';
import { UNIT_ROWS } from './units';
import { buildUsdRateRows } from './usd-rates';

export { HS_CHAPTERS, HS_SECTIONS } from './hs-chapters';
export { UNIT_ROWS } from './units';
export { CUSTOMS_DISTRICT_ROWS } from './customs-districts';

export { REF_TABLES, type RefTable };

export type RefSeedRows = { [K in RefDatasetId]: RefRowMap[K][] };

let cached: RefSeedRows | undefined;

/** Every reference row the platform ships with, by dataset (built once, then cached; callers get copies). */
export function referenceSeedRows(): RefSeedRows {
  cached ??= {
    'hs-sections': [...HS_SECTIONS],
    'hs-chapters': [...HS_CHAPTERS],
    countries: buildCountryRows(),
    currencies: buildCurrencyRows(),
    divisions: buildDivisionRows(),
    'customs-districts': [...CUSTOMS_DISTRICT_ROWS],
    units: [...UNIT_ROWS],
    'return-reasons': [...DEFAULT_RETURN_REASONS],
    'legal-inspection': buildLegalInspectionRows(),
    'prohibited-imports': buildProhibitedImportRows(),
    'usd-rates': buildUsdRateRows(),
  };
  const c = cached;
  return {
    'hs-sections': [...c['hs-sections']],
    'hs-chapters': [...c['hs-chapters']],
    countries: [...c.countries],
    currencies: [...c.currencies],
    divisions: [...c.divisions],
    'customs-districts': [...c['customs-districts']],
    units: [...c.units],
    'return-reasons': [...c['return-reasons']],
    'legal-inspection': [...c['legal-inspection']],
    'prohibited-imports': [...c['prohibited-imports']],
    'usd-rates': [...c['usd-rates']],
  };
}

/** Rows per INSERT statement (the largest dataset, divisions, takes 4 statements). */
export const SEED_BATCH_SIZE = 1000;

/** Inserts rows in batches, skipping codes that exist; answers how many were inserted. */
async function insertBatches<T extends RefTable>(tx: DbOrTx, table: T, rows: readonly T['$inferInsert'][]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += SEED_BATCH_SIZE) {
    const batch = rows.slice(i, i + SEED_BATCH_SIZE);
    const res = await tx.insert(table).values(batch as PgInsertValue<T>[]).onConflictDoNothing().returning({ code: table.code });
    n += res.length;
  }
  return n;
}

/**
 * Inserts the shipped reference data in one transaction. Idempotent: rows whose code exists are left as they are
 * (ON CONFLICT DO NOTHING), so administrators' edits survive a re-run. Answers the rows inserted per dataset.
 */
export async function seedReferenceData(db: DbOrTx): Promise<Record<RefDatasetId, number>> {
  const d = referenceSeedRows();
  return db.transaction(async (tx) => ({
    'hs-sections': await insertBatches(tx, REF_TABLES['hs-sections'], d['hs-sections']),
    'hs-chapters': await insertBatches(tx, REF_TABLES['hs-chapters'], d['hs-chapters']),
    countries: await insertBatches(tx, REF_TABLES.countries, d.countries),
    currencies: await insertBatches(tx, REF_TABLES.currencies, d.currencies),
    divisions: await insertBatches(tx, REF_TABLES.divisions, d.divisions),
    'customs-districts': await insertBatches(tx, REF_TABLES['customs-districts'], d['customs-districts']),
    units: await insertBatches(tx, REF_TABLES.units, d.units),
    'return-reasons': await insertBatches(tx, REF_TABLES['return-reasons'], d['return-reasons']),
    'legal-inspection': await insertBatches(tx, REF_TABLES['legal-inspection'], d['legal-inspection']),
    'prohibited-imports': await insertBatches(tx, REF_TABLES['prohibited-imports'], d['prohibited-imports']),
    // after the currencies they refer to
    'usd-rates': await insertBatches(tx, REF_TABLES['usd-rates'], d['usd-rates']),
  }));
}
