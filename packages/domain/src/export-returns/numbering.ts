/**
 * Numbers the platform assigns. The sequences themselves live in `sequence_counters` (one row per kind and scope)
 * and are taken in the transaction that uses them; these functions only name the scope and format the number.
 */

/** 统一编号: year (4) + 14-digit zero-padded sequence per year = 18 digits. */
export const UNIFIED_NO_KIND = 'export_return.unified_no';
export const unifiedNoScope = (year: number): string => String(year);
export const formatUnifiedNo = (year: number, seq: number): string => `${year}${String(seq).padStart(14, '0')}`;

/** 退货编号: district code (4) of the competent office + YY + 6-digit sequence per district and year. */
export const RETURN_NO_KIND = 'export_return.return_no';
export const returnNoScope = (district: string, year: number): string => `${district}-${String(year % 100).padStart(2, '0')}`;
export const formatReturnNo = (district: string, year: number, seq: number): string =>
  `${district}${String(year % 100).padStart(2, '0')}${String(seq).padStart(6, '0')}`;
