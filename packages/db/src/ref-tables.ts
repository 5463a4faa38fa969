import type { RefDatasetId } from '@returntrace/domain';
import type { PgTable } from 'drizzle-orm/pg-core';
import { refReturnReasons } from './schema/export-returns';
import {
  refCountries, refCurrencies, refCustomsDistricts, refDivisions, refHsChapters, refHsSections, refLegalInspection,
  refProhibitedImports, refUnits, refUsdRates,
} from './schema/refdata';

/** The Drizzle table of each reference dataset (the registry in packages/domain names their fields). */
export const REF_TABLES = {
  'hs-sections': refHsSections,
  'hs-chapters': refHsChapters,
  countries: refCountries,
  currencies: refCurrencies,
  divisions: refDivisions,
  'customs-districts': refCustomsDistricts,
  units: refUnits,
  'return-reasons': refReturnReasons,
  'legal-inspection': refLegalInspection,
  'prohibited-imports': refProhibitedImports,
  'usd-rates': refUsdRates,
} as const satisfies Record<RefDatasetId, PgTable>;
export type RefTable = (typeof REF_TABLES)[RefDatasetId];
