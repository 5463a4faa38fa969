// Seeded generator of export-return history for the grading benchmark: N returns spread over 5 years, ordered by
// date, with the skew of real returns (a few manufacturers, HS headings and countries carry most of them; values
// log-normal in USD; bursts of same-reason technical-barrier returns from one country for one product). Columnar
// typed arrays, so one generation serves every pass and costs nothing inside the timings.
import { mulberry32 } from '../../packages/domain/src/prng';

/** Sampler of ranks 0..n-1 with P(k) ∝ 1/(k+1)^s (Zipf), by binary search over the cumulative weights. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k++) cdf[k] = acc += 1 / Math.pow(k + 1, s);
  return () => {
    const u = rand() * acc;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function gaussian(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Return reasons, the categories the grading rules look at. */
export const REASONS = ['quality', 'technical_barrier', 'safety_health_env', 'contract', 'other'] as const;
export type Reason = (typeof REASONS)[number];
const REASON_WEIGHTS = [0.5, 0.12, 0.06, 0.22, 0.1];

/** Boolean facts packed into one bit field per return. */
export const FLAG = {
  foreignOfficial: 1, // (a) recall / removal / notification by a foreign official body
  prohibitedCatalogue: 2, // (b) goods of the prohibited-imports catalogue
  pollutionOrInjury: 4, // (d)
  reputationDamage: 8, // high (h), investigator's judgement
  highOther: 16, // high (i)
  safetyHygieneEnv: 32, // elevated (a)
  qmsRisk: 64, // elevated (b)
  evasion: 128, // elevated (c)
  materialDifference: 256, // elevated (d)
  untruthfulReason: 512, // elevated (e)
  elevatedOther: 1024, // elevated (f)
} as const;
const FLAG_RATES: [number, number][] = [
  [FLAG.foreignOfficial, 0.004], [FLAG.prohibitedCatalogue, 0.0005], [FLAG.pollutionOrInjury, 0.001],
  [FLAG.reputationDamage, 0.0005], [FLAG.highOther, 0.0002], [FLAG.safetyHygieneEnv, 0.01], [FLAG.qmsRisk, 0.004],
  [FLAG.evasion, 0.002], [FLAG.materialDifference, 0.003], [FLAG.untruthfulReason, 0.002], [FLAG.elevatedOther, 0.001],
];

export interface History {
  n: number;
  /** first day of the history (UTC midnight) */
  start: Date;
  /** days since `start`, non-decreasing */
  day: Int32Array;
  manufacturer: Int32Array;
  heading: Int32Array;
  country: Int32Array;
  division: Int32Array;
  reason: Uint8Array;
  /** index into TB_REASONS, meaningful for technical-barrier returns only */
  tbReason: Uint8Array;
  flags: Uint16Array;
  valueUsd: Float64Array;
  /** dictionaries the indexes point into */
  manufacturers: string[];
  headings: string[];
  countries: string[];
  divisions: string[];
}

/** Returning countries, ISO 3166-1 alpha-3, roughly by weight of China's export markets. */
const COUNTRIES = ['USA', 'DEU', 'JPN', 'GBR', 'KOR', 'FRA', 'NLD', 'ITA', 'AUS', 'CAN', 'RUS', 'IND', 'VNM', 'MYS', 'THA',
  'SGP', 'IDN', 'PHL', 'BRA', 'MEX', 'ARE', 'SAU', 'TUR', 'POL', 'ESP', 'BEL', 'SWE', 'CHE', 'AUT', 'DNK', 'NOR', 'FIN',
  'IRL', 'CZE', 'HUN', 'ROU', 'ZAF', 'NGA', 'EGY', 'KEN', 'ARG', 'CHL', 'COL', 'PER', 'NZL', 'ISR', 'PAK', 'BGD', 'LKA',
  'KAZ'];
/** Technical-barrier pretexts (the streak compares them): REACH, CE marking, FCC, labelling, RoHS, energy label. */
export const TB_REASONS = ['TBT-REACH', 'TBT-CE', 'TBT-FCC', 'TBT-LABEL', 'TBT-ROHS', 'TBT-ENERGY'];
/** Chapters that dominate China's exports (machinery, electrical, furniture, toys, textiles, plastics, steel…). */
const CHAPTERS = ['85', '84', '94', '95', '61', '62', '39', '73', '87', '90', '64', '42', '63', '83', '40', '44', '69', '70', '76', '96'];
/** Administrative divisions of the manufacturers (Shenzhen, Dongguan, Ningbo, Yiwu, Suzhou, Xiamen, Foshan, …). */
const DIVISIONS = ['440300', '441900', '330200', '330782', '320500', '350200', '440600', '440100', '310000', '120000',
  '370200', '330100', '320200', '441300', '350500', '330300'];

export const YEARS = 5;
export const START = new Date(Date.UTC(2021, 0, 1));
export const DAYS = Math.round((Date.UTC(2026, 0, 1) - START.getTime()) / 86_400_000);

/**
 * N returns over 5 years (2021-2025). Manufacturers (100 000), HS headings (20 chapters × 40 = 800) and countries are
 * Zipf-distributed; values log-normal around USD 18 000 (σ 1.4: most batches are small, a few reach millions); 0.4 %
 * of the returns open a burst of 3-8 technical-barrier returns of one heading from one country over the next weeks,
 * the pattern high (e) looks for.
 */
export function generateHistory(n: number, seed = 2026): History {
  const rand = mulberry32(seed);
  // a large exporter population: 1M returns among few manufacturers would make every big one cross every line
  const nManufacturers = 100_000;
  const headings = CHAPTERS.flatMap((c) => Array.from({ length: 40 }, (_, i) => `${c}${String(i + 1).padStart(2, '0')}`));
  const pickManufacturer = zipf(nManufacturers, 0.9, rand);
  const pickHeading = zipf(headings.length, 1.0, rand);
  const pickCountry = zipf(COUNTRIES.length, 1.2, rand);
  const reasonCdf = REASON_WEIGHTS.map((_, i) => REASON_WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0));
  // a manufacturer lives in one division and mostly makes a few headings
  const mDivision = new Int32Array(nManufacturers).map(() => Math.floor(rand() * DIVISIONS.length));
  const mHeading = new Int32Array(nManufacturers).map(() => pickHeading());

  const h: History = {
    n, start: START,
    day: new Int32Array(n), manufacturer: new Int32Array(n), heading: new Int32Array(n), country: new Int32Array(n),
    division: new Int32Array(n), reason: new Uint8Array(n), tbReason: new Uint8Array(n), flags: new Uint16Array(n), valueUsd: new Float64Array(n),
    manufacturers: Array.from({ length: nManufacturers }, (_, i) => `91440300MA5${String(i).padStart(7, '0')}`),
    headings, countries: COUNTRIES, divisions: DIVISIONS,
  };
  // pending burst returns, by day: [manufacturer, heading, country, technical-barrier reason]
  const bursts = new Map<number, [number, number, number, number][]>();
  let i = 0;
  for (let d = 0; d < DAYS && i < n; d++) {
    // the even share of what is left, ±30 % of daily noise, so the total lands on N exactly
    const left = n - i;
    const even = left / (DAYS - d);
    let today = d === DAYS - 1 ? left : Math.min(left, Math.round(even * (0.7 + 0.6 * rand())));
    for (const [m, hd, c, tb] of bursts.get(d) ?? []) {
      if (i >= n || today <= 0) break;
      put(i++, d, m, hd, c, 1, tb);
      today--;
    }
    bursts.delete(d);
    for (; today > 0; today--) {
      const m = pickManufacturer();
      const hd = rand() < 0.7 ? mHeading[m]! : pickHeading();
      const c = pickCountry();
      const u = rand();
      let r = 0;
      while (u > reasonCdf[r]!) r++;
      const tb = Math.floor(rand() * TB_REASONS.length);
      put(i++, d, m, hd, c, r, tb);
      if (r === 1 && rand() < 0.04) {
        // a burst: the same country refuses the same product again and again on the same pretext
        const len = 3 + Math.floor(rand() * 6);
        let at = d;
        for (let k = 0; k < len; k++) {
          at += 1 + Math.floor(rand() * 10);
          if (at >= DAYS) break;
          const list = bursts.get(at) ?? [];
          list.push([rand() < 0.6 ? m : pickManufacturer(), hd, c, tb]);
          bursts.set(at, list);
        }
      }
    }
  }
  if (i !== n) throw new Error(`generator produced ${i} returns, expected ${n}`);
  return h;

  function put(k: number, d: number, m: number, hd: number, c: number, r: number, tb: number): void {
    h.day[k] = d;
    h.manufacturer[k] = m;
    h.heading[k] = hd;
    h.country[k] = c;
    h.division[k] = mDivision[m]!;
    h.reason[k] = r;
    h.tbReason[k] = tb;
    let f = 0;
    for (const [bit, rate] of FLAG_RATES) if (rand() < rate) f |= bit;
    h.flags[k] = f;
    // 0.5 % of the batches have no usable value (amount or rate missing): NaN here, null for the engine
    h.valueUsd[k] = rand() < 0.005 ? NaN : Math.round(Math.exp(Math.log(18_000) + 1.4 * gaussian(rand)) * 100) / 100;
  }
}
