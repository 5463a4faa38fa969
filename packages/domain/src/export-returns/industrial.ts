/**
 * 是否属于工业品 (industrial product): the default of the per-line flag, derived from the HS chapter. Chapters
 * 01-24 (sections I-IV: live animals and animal products, vegetable products, fats and oils, prepared foodstuffs,
 * beverages and tobacco) are agricultural and food products, not industrial products; every other chapter is.
 * The enterprise may correct the flag per line; the electronic audit reads the flags as declared.
 */
export const NON_INDUSTRIAL_LAST_CHAPTER = 24;

export function isIndustrialHsCode(hsCode: string): boolean {
  const chapter = Number(hsCode.slice(0, 2));
  if (!Number.isInteger(chapter) || chapter < 1) return true;
  return chapter > NON_INDUSTRIAL_LAST_CHAPTER;
}
