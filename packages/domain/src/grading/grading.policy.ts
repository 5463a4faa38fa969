/**
 * The risk-grading policy of a directly-affiliated customs (`policy_versions` kind `risk.grading`): the warning lines
 * that 000 §3.5.3 names but does not fix — single-batch value, cumulative frequency and cumulative value over a
 * window and a grouping — the streak length of §3.5.3.1 e, the key industries / pillar industries / export
 * production bases of §3.5.3.1 f and what counts there as a "sudden" concentration (docs/GRADING.md).
 * Versioned with effective dates and edited by the warning office, like the investigation-type policy.
 */
import { z } from 'zod';
import { text } from '../api/common';
import { HS_PREFIX_RE } from '../refdata/schemas';

export const GRADING_POLICY_KIND = 'risk.grading';

/** What a cumulative line counts together: returns of one manufacturer, one HS heading (4 digits), one country. */
export const GROUP_DIMENSIONS = ['manufacturer', 'hsHeading', 'country'] as const;
export type GroupDimension = (typeof GROUP_DIMENSIONS)[number];

/** What "the same product" means for the streak rule: the HS code cut to 2, 4, 6 digits or taken whole. */
export const PRODUCT_KEYS = ['hsChapter', 'hsHeading', 'hsSubheading', 'hsCode'] as const;
export type ProductKey = (typeof PRODUCT_KEYS)[number];

/** The kinds of sector of 000 §3.5.3.1 f: 国家重点产业, 区域性支柱性产业, 区域性重点出口大类商品生产基地. */
export const SECTOR_KINDS = ['nationalKey', 'regionalPillar', 'exportBase'] as const;
export type SectorKind = (typeof SECTOR_KINDS)[number];
export const SECTOR_KIND_LABELS: Record<SectorKind, { zh: string; en: string }> = {
  nationalKey: { zh: '国家重点产业', en: 'national key industry' },
  regionalPillar: { zh: '区域性支柱性产业', en: 'regional pillar industry' },
  exportBase: { zh: '区域性重点出口商品生产基地', en: 'key export production base' },
};

const usd = z.number().finite().nonnegative().max(1e12).multipleOf(0.01);
const windowDays = z.number().int().min(1).max(3660);

/** One dimension, or several forming one composite key (e.g. manufacturer × HS heading), each named once. */
export type Grouping = GroupDimension | GroupDimension[];
const isDimension = (v: unknown): v is GroupDimension => typeof v === 'string' && (GROUP_DIMENSIONS as readonly string[]).includes(v);
const groupingSchema = z.custom<Grouping>(
  (v) => isDimension(v) || (Array.isArray(v) && v.length > 0 && v.every(isDimension) && new Set(v).size === v.length),
  { params: { code: 'grouping', en: 'A grouping is manufacturer, hsHeading, country, or a list of them, each named once', zh: '分组须为 manufacturer、hsHeading、country 之一或其不重复的组合' } },
);

/** HS prefixes (HS_PREFIX_RE): digits only, an even length from 2 (chapter) to 10 (full national code). */
const hsPrefix = z.string().refine((s) => HS_PREFIX_RE.test(s), {
  params: { code: 'hs_prefix', en: 'An HS prefix is 2, 4, 6, 8 or 10 digits', zh: 'HS 编码前缀须为 2、4、6、8 或 10 位数字' },
});
/** Administrative-division code prefixes (GB/T 2260): 2 digits province, 4 city, 6 county. */
export const DIVISION_PREFIX_RE = /^(?:\d{2}){1,3}$/;
const divisionPrefix = z.string().refine((s) => DIVISION_PREFIX_RE.test(s), {
  params: { code: 'division_prefix', en: 'A division code is 2, 4 or 6 digits', zh: '行政区划代码须为 2、4 或 6 位数字' },
});

/** A sector: goods under any of the HS prefixes made in any of the divisions (no division = the whole country). */
const sectorSchema = z.strictObject({
  name: text(100, 1),
  hsPrefixes: z.array(hsPrefix).min(1).max(500),
  divisions: z.array(divisionPrefix).max(500).default([]),
});
export type Sector = z.infer<typeof sectorSchema>;

export const gradingPolicySchema = z.strictObject({
  /** 000 §3.5.3.1 c: a single batch at or above this value (USD) is high risk */
  singleBatchValueLineUsd: usd,
  /** 000 §3.5.3.1 g: this many returns of one group within the window is high risk */
  cumulativeFrequency: z.strictObject({ line: z.number().int().min(1).max(1_000_000), windowDays, grouping: groupingSchema }),
  /** 000 §3.5.3.1 g: this much value (USD) of one group within the window is high risk */
  cumulativeValue: z.strictObject({ lineUsd: usd, windowDays, grouping: groupingSchema }),
  /** 000 §3.5.3.1 e: consecutive returns of the same product from the same country for the same technical-barrier reason */
  streak: z.strictObject({ length: z.number().int().min(2).max(100), sameProduct: z.enum(PRODUCT_KEYS) }),
  /** 000 §3.5.3.1 f: the sectors watched for a sudden concentration of quality returns */
  sectors: z.strictObject({
    nationalKey: z.array(sectorSchema).max(200).default([]),
    regionalPillar: z.array(sectorSchema).max(200).default([]),
    exportBase: z.array(sectorSchema).max(200).default([]),
  }),
  /** 000 §3.5.3.1 f: the Poisson upper-tail test of docs/GRADING.md */
  concentration: z.strictObject({
    /** the current window, in days */
    windowDays: z.number().int().min(1).max(365),
    /** how many earlier windows of the same length make the baseline */
    baselineWindows: z.number().int().min(1).max(52),
    /** never "sudden" below this many quality returns in the current window */
    minCount: z.number().int().min(1).max(100_000),
    /** the tail probability at or below which the count is "sudden" (below 1/2, see docs/GRADING.md) */
    alpha: z.number().gt(0).lt(0.5),
    /** the smallest baseline rate per window (a sector with no history is not infinitely surprised) */
    minBaselineRate: z.number().gt(0).max(1000),
  }),
});
export type GradingPolicy = z.infer<typeof gradingPolicySchema>;

/** What applies where a directly-affiliated customs has not published a version yet. */
export const DEFAULT_GRADING_POLICY: GradingPolicy = {
  singleBatchValueLineUsd: 1_000_000,
  cumulativeFrequency: { line: 10, windowDays: 90, grouping: 'manufacturer' },
  cumulativeValue: { lineUsd: 1_000_000, windowDays: 90, grouping: 'manufacturer' },
  streak: { length: 5, sameProduct: 'hsHeading' },
  sectors: { nationalKey: [], regionalPillar: [], exportBase: [] },
  concentration: { windowDays: 30, baselineWindows: 6, minCount: 5, alpha: 0.01, minBaselineRate: 0.5 },
};

/** The grouping as a list of dimensions. */
export const groupingDimensions = (g: Grouping): readonly GroupDimension[] => (Array.isArray(g) ? g : [g]);

const PRODUCT_DIGITS: Record<ProductKey, number> = { hsChapter: 2, hsHeading: 4, hsSubheading: 6, hsCode: Infinity };
/** The product key of an HS code under the policy's meaning of "same product". */
export const productOf = (hsCode: string, key: ProductKey): string => hsCode.slice(0, PRODUCT_DIGITS[key]);
