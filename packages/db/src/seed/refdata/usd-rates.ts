import type { UsdRateRow } from '@returntrace/domain';

/** The thirteen months the demo rates cover (the US dollar itself needs no row: it converts at 1). */
export const USD_RATE_MONTHS = [
  '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05',
  '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
] as const;

/**
 * US dollars per unit, month by month, for the currencies of the demo customs feed (EUR, GBP, JPY, AUD, CAD) and the
 * two a manual record is most often priced in (CNY, HKD). Figures in the range of the published monthly rates.
 */
const RATES: Record<string, readonly string[]> = {
  EUR: ['1.1560', '1.1650', '1.1720', '1.1680', '1.1610', '1.1540', '1.1590', '1.1660', '1.1730', '1.1700', '1.1620', '1.1580', '1.1640'],
  GBP: ['1.3150', '1.3320', '1.3410', '1.3380', '1.3290', '1.3220', '1.3260', '1.3350', '1.3420', '1.3390', '1.3310', '1.3270', '1.3330'],
  JPY: ['0.00649', '0.00642', '0.00655', '0.00661', '0.00668', '0.00672', '0.00665', '0.00659', '0.00663', '0.00670', '0.00676', '0.00671', '0.00667'],
  AUD: ['0.6510', '0.6570', '0.6620', '0.6580', '0.6540', '0.6490', '0.6530', '0.6600', '0.6650', '0.6630', '0.6590', '0.6560', '0.6610'],
  CAD: ['0.7120', '0.7180', '0.7230', '0.7200', '0.7150', '0.7110', '0.7140', '0.7210', '0.7260', '0.7240', '0.7190', '0.7160', '0.7220'],
  CNY: ['0.14060', '0.14110', '0.14180', '0.14220', '0.14170', '0.14120', '0.14150', '0.14200', '0.14260', '0.14230', '0.14190', '0.14160', '0.14210'],
  HKD: ['0.12850', '0.12860', '0.12840', '0.12830', '0.12850', '0.12870', '0.12860', '0.12840', '0.12830', '0.12850', '0.12860', '0.12870', '0.12850'],
};

export function buildUsdRateRows(): UsdRateRow[] {
  return Object.entries(RATES).flatMap(([currency, values]) => USD_RATE_MONTHS.map((month, i) => ({
    code: `${currency}-${month}`, currency, month, usdPerUnit: values[i]!,
  })));
}
