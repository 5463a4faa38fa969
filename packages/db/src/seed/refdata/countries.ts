import { createRequire } from 'node:module';
import type { CountryRow } from '@returntrace/domain';

type IsoCountries = typeof import('i18n-iso-countries');
const require = createRequire(import.meta.url);

/**
 * Names that China's official usage writes differently from the CLDR-derived locale of the package
 * (regions of China are named as such).
 */
const ZH_OVERRIDES: Record<string, string> = {
  HK: '中国香港',
  MO: '中国澳门',
  TW: '中国台湾',
};

/** User-assigned codes the package carries that are not part of ISO 3166-1 (Kosovo). */
const NOT_ISO = new Set(['XK']);

/** ISO 3166-1 countries and regions from i18n-iso-countries, with its Chinese and English locales. */
export function buildCountryRows(): CountryRow[] {
  // The package's browser entry registers no locale; register exactly the two we use.
  const iso = require('i18n-iso-countries/index.js') as IsoCountries;
  iso.registerLocale(require('i18n-iso-countries/langs/zh.json'));
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const zh = iso.getNames('zh', { select: 'official' });
  const en = iso.getNames('en', { select: 'official' });
  const rows: CountryRow[] = [];
  for (const [alpha2, alpha3] of Object.entries(iso.getAlpha2Codes())) {
    if (NOT_ISO.has(alpha2)) continue;
    const numeric = iso.alpha2ToNumeric(alpha2);
    const nameEn = en[alpha2];
    const nameZh = ZH_OVERRIDES[alpha2] ?? zh[alpha2] ?? nameEn;
    if (!numeric || !nameEn || !nameZh) throw new Error(`i18n-iso-countries lacks data for ${alpha2}`);
    rows.push({ code: alpha2, alpha3, numeric, nameZh, nameEn });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}
