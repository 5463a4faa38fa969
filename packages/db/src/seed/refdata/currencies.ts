import { createRequire } from 'node:module';
import type { CurrencyRow } from '@returntrace/domain';

type CurrencyCodes = typeof import('currency-codes');
const require = createRequire(import.meta.url);

/**
 * ISO 4217 currencies from currency-codes (code, number, minor units, English name). Chinese names come from ICU
 * (`Intl.DisplayNames`); where ICU has none it answers the code itself, and the English name is used instead.
 */
export function buildCurrencyRows(): CurrencyRow[] {
  const cc = require('currency-codes') as CurrencyCodes;
  const zh = new Intl.DisplayNames(['zh-CN'], { type: 'currency', fallback: 'code' });
  const rows: CurrencyRow[] = [];
  for (const c of cc.data) {
    if (!c.number) continue; // historic entries without a number are not in list one
    const nameEn = c.currency.trim();
    const icu = zh.of(c.code);
    const nameZh = icu && icu !== c.code ? icu : nameEn;
    rows.push({
      code: c.code,
      numeric: String(c.number).padStart(3, '0'),
      nameZh,
      nameEn,
      minorUnits: Number.isInteger(c.digits) && c.digits >= 0 && c.digits <= 4 ? c.digits : 0,
    });
  }
  return rows.sort((a, b) => a.code.localeCompare(b.code));
}
