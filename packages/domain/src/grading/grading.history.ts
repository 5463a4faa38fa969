/**
 * The history the windowed and streak rules of 000 §3.5.3.1 (e, f, g) read, kept incrementally: returns arrive in
 * time order and each `addReturn` yields the facts for grading that return — the cumulative count and value of its
 * group in the window, the technical-barrier streak it extends and its sectors' concentration figures. Per line one
 * queue in time order with running per-group counts and sums, per (country, product) the current streaks, per sector
 * a deque with two cursors; every return costs O(1) amortised, so a full replay is linear in the history.
 *
 * Window membership (docs/GRADING.md): a return at s is within the W-day window of the return at t when
 * t − s ≤ W × 86 400 000 ms — 90 days earlier counts, 90 days and 1 ms earlier does not. Values are summed in
 * integer cents so a running sum never drifts from a fresh one.
 */
import {
  groupingDimensions, productOf, SECTOR_KINDS, type GradingPolicy, type GroupDimension, type Grouping, type SectorKind,
} from './grading.policy';
import { gradeRecord, NO_JUDGEMENTS, type ConcentrationFigure, type GradeResult, type GradingFacts, type GradingJudgements, type GroupKey } from './grading.rules';

export const DAY_MS = 86_400_000;

export interface ReturnReasonTags {
  /** the foreign customer gave a technical-barrier reason */
  technicalBarrier: boolean;
  /** which technical-barrier reasons (reason codes or measure ids) the streak compares; none given = one unnamed reason */
  technicalBarrierReasons?: readonly string[];
  foreignOfficial: boolean;
  safetyHealthEnv: boolean;
  /** a quality reason (counts towards the sudden-concentration test) */
  quality: boolean;
  /** the goods polluted the environment or injured people */
  harmCaused?: boolean;
}

/** One return as the grading engine sees it. */
export interface GradingReturn {
  id: string;
  /** epoch ms, or an ISO date / date-time */
  at: number | string;
  /** manufacturer identifier (unified social credit code) */
  manufacturer: string;
  /** HS code, digits */
  hsCode: string;
  /** returning country or region, ISO 3166-1 alpha-3 */
  country: string;
  /** batch value in USD; null when unknown */
  valueUsd: number | null;
  reasons: ReturnReasonTags;
  /** administrative division of the manufacturer (GB/T 2260, 6 digits) */
  division: string;
  /** goods of the Catalogue of goods prohibited from import */
  prohibitedImport: boolean;
  /** an investigator's judgements; absent before findings */
  judgements?: Partial<GradingJudgements>;
}

export interface GradedReturn {
  id: string;
  at: number;
  facts: GradingFacts;
  result: GradeResult;
}

/** A group's running figures within the window of one line. */
interface Group {
  id: string;
  key: GroupKey;
  count: number;
  cents: number;
}

/**
 * One windowed line: a single queue of (time, cents, group) in arrival order for all groups, and per group only its
 * running count and sum. Entries leave the queue from the front as the window moves on, taking their share off their
 * group; a group left with nothing is forgotten. No per-group arrays: a history of a million small groups stays cheap.
 */
class WindowLine {
  readonly groups = new Map<string, Group>();
  private ats = new Float64Array(1024);
  private cents = new Float64Array(1024);
  private gs: (Group | undefined)[] = new Array<Group | undefined>(1024);
  private head = 0;
  private size = 0;
  constructor(readonly dims: readonly GroupDimension[], readonly windowMs: number) {}

  add(r: GradingReturn, at: number, cents: number): Group {
    const from = at - this.windowMs;
    const mask = this.ats.length - 1;
    while (this.size > 0 && this.ats[this.head]! < from) {
      const g = this.gs[this.head]!;
      g.count--;
      g.cents -= this.cents[this.head]!;
      this.gs[this.head] = undefined;
      if (g.count === 0) this.groups.delete(g.id);
      this.head = (this.head + 1) & mask;
      this.size--;
    }
    const id = groupIdOf(r, this.dims);
    let g = this.groups.get(id);
    if (!g) {
      const key: GroupKey = {};
      for (const d of this.dims) key[d] = dimValue(r, d);
      this.groups.set(id, (g = { id, key, count: 0, cents: 0 }));
    }
    g.count++;
    g.cents += cents;
    if (this.size === this.ats.length) this.grow();
    const i = (this.head + this.size) & (this.ats.length - 1);
    this.ats[i] = at;
    this.cents[i] = cents;
    this.gs[i] = g;
    this.size++;
    return g;
  }

  /** doubles the ring (its length stays a power of two), keeping the entries in order from index 0 */
  private grow() {
    const n = this.ats.length;
    const ats = new Float64Array(n * 2);
    const cents = new Float64Array(n * 2);
    const gs = new Array<Group | undefined>(n * 2);
    for (let k = 0; k < this.size; k++) {
      const j = (this.head + k) & (n - 1);
      ats[k] = this.ats[j]!;
      cents[k] = this.cents[j]!;
      gs[k] = this.gs[j];
    }
    this.ats = ats;
    this.cents = cents;
    this.gs = gs;
    this.head = 0;
  }
}

/** One sector's quality returns: the baseline span with a cursor where the current window starts. */
class SectorDeque {
  ats: number[] = [];
  head = 0;
  cur = 0;
  add(at: number, windowMs: number, spanMs: number): { count: number; baselineCount: number } {
    this.ats.push(at);
    while (this.ats[this.head]! < at - spanMs) this.head++;
    if (this.cur < this.head) this.cur = this.head;
    while (this.ats[this.cur]! < at - windowMs) this.cur++;
    if (this.head > 1024 && this.head * 2 > this.ats.length) {
      this.ats = this.ats.slice(this.head);
      this.cur -= this.head;
      this.head = 0;
    }
    return { count: this.ats.length - this.cur, baselineCount: this.cur - this.head };
  }
}

interface WatchedSector {
  kind: SectorKind;
  name: string;
  hsPrefixes: readonly string[];
  divisions: readonly string[];
  deque: SectorDeque;
}

export interface GradingState {
  readonly policy: GradingPolicy;
  /** the time of the last return added; returns must not go back in time */
  lastAt: number;
  /** how many returns were added */
  count: number;
  /** @internal */ frequency: WindowLine;
  /** @internal */ value: WindowLine;
  /** @internal country → product → the reasons of the current streaks and their lengths (nested: no key strings to build) */
  streaks: Map<string, Map<string, { reasons: readonly string[]; lengths: number[] }>>;
  /** @internal */ sectors: WatchedSector[];
}

const line = (grouping: Grouping, windowDays: number) => new WindowLine(groupingDimensions(grouping), windowDays * DAY_MS);

export function createGradingState(policy: GradingPolicy): GradingState {
  const sectors: WatchedSector[] = [];
  for (const kind of SECTOR_KINDS) {
    for (const s of policy.sectors[kind]) {
      sectors.push({ kind, name: s.name, hsPrefixes: s.hsPrefixes, divisions: s.divisions, deque: new SectorDeque() });
    }
  }
  const frequency = line(policy.cumulativeFrequency.grouping, policy.cumulativeFrequency.windowDays);
  const value = line(policy.cumulativeValue.grouping, policy.cumulativeValue.windowDays);
  // The same grouping and window (the default) share one set of deques: half the work per return.
  const shared = frequency.windowMs === value.windowMs && frequency.dims.join() === value.dims.join();
  return { policy, lastAt: -Infinity, count: 0, frequency, value: shared ? frequency : value, streaks: new Map(), sectors };
}

/** The time of a return in epoch ms; a RangeError names a time that cannot be read. */
export function returnTime(at: number | string): number {
  const t = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(t)) throw new RangeError(`Unreadable return time ${String(at)}`);
  return t;
}

const dimValue = (r: GradingReturn, d: GroupDimension): string =>
  d === 'manufacturer' ? r.manufacturer : d === 'country' ? r.country : r.hsCode.slice(0, 4);

function groupIdOf(r: GradingReturn, dims: readonly GroupDimension[]): string {
  let id = dimValue(r, dims[0]!);
  for (let i = 1; i < dims.length; i++) id += `\u0001${dimValue(r, dims[i]!)}`;
  return id;
}

/** The technical-barrier reasons of a return, as the streak compares them. */
export function technicalBarrierReasonsOf(r: GradingReturn): readonly string[] {
  const named = r.reasons.technicalBarrierReasons;
  if (named && named.length > 0) return named;
  return r.reasons.technicalBarrier ? UNNAMED_BARRIER : NO_BARRIER;
}
const UNNAMED_BARRIER: readonly string[] = Object.freeze(['*']);
const NO_BARRIER: readonly string[] = Object.freeze([]);

function extendStreak(state: GradingState, r: GradingReturn): GradingFacts['streak'] {
  const product = productOf(r.hsCode, state.policy.streak.sameProduct);
  const reasons = technicalBarrierReasonsOf(r);
  let byProduct = state.streaks.get(r.country);
  // Any return of the same product from the same country without the reason breaks that reason's streak.
  if (reasons.length === 0) {
    byProduct?.delete(product);
    return null;
  }
  if (!byProduct) state.streaks.set(r.country, (byProduct = new Map()));
  const prev = byProduct.get(product);
  const lengths = reasons.map((reason) => {
    const i = prev ? prev.reasons.indexOf(reason) : -1;
    return i < 0 ? 1 : prev!.lengths[i]! + 1;
  });
  byProduct.set(product, { reasons, lengths });
  let best = 0;
  for (let i = 1; i < lengths.length; i++) if (lengths[i]! > lengths[best]!) best = i;
  return { length: lengths[best]!, country: r.country, product, reason: reasons[best]! };
}

const matchesSector = (s: WatchedSector, r: GradingReturn) =>
  s.hsPrefixes.some((p) => r.hsCode.startsWith(p)) && (s.divisions.length === 0 || s.divisions.some((d) => r.division.startsWith(d)));

function concentrationOf(state: GradingState, r: GradingReturn, at: number): ConcentrationFigure[] {
  if (!r.reasons.quality || state.sectors.length === 0) return [];
  const c = state.policy.concentration;
  const windowMs = c.windowDays * DAY_MS;
  const spanMs = windowMs * (c.baselineWindows + 1);
  const out: ConcentrationFigure[] = [];
  for (const s of state.sectors) {
    if (!matchesSector(s, r)) continue;
    out.push({ kind: s.kind, sector: s.name, ...s.deque.add(at, windowMs, spanMs) });
  }
  return out;
}

/** Adds a return to the history and returns the facts for grading it. Returns must arrive in time order. */
export function addReturn(state: GradingState, r: GradingReturn): GradingFacts {
  const at = returnTime(r.at);
  if (at < state.lastAt) {
    throw new RangeError(`Return ${r.id} at ${new Date(at).toISOString()} is earlier than the last one; replay the history instead`);
  }
  state.lastAt = at;
  state.count++;
  const cents = r.valueUsd === null ? 0 : Math.round(r.valueUsd * 100);
  const freq = state.frequency.add(r, at, cents);
  const val = state.value === state.frequency ? freq : state.value.add(r, at, cents);
  return {
    returnId: r.id, at, valueUsd: r.valueUsd,
    foreignOfficial: r.reasons.foreignOfficial, prohibitedImport: r.prohibitedImport,
    harmCaused: r.reasons.harmCaused === true, safetyHealthEnv: r.reasons.safetyHealthEnv,
    cumulativeFrequency: { group: freq.key, count: freq.count },
    cumulativeValue: { group: val.key, valueUsd: val.cents / 100 },
    streak: extendStreak(state, r),
    concentration: concentrationOf(state, r, at),
    judgements: r.judgements ? { ...NO_JUDGEMENTS, ...r.judgements } : NO_JUDGEMENTS,
  };
}

/** Adds a return and grades it. */
export function gradeReturn(state: GradingState, r: GradingReturn): GradedReturn {
  const facts = addReturn(state, r);
  return { id: r.id, at: facts.at, facts, result: gradeRecord(facts, state.policy) };
}

/** Grades a whole history (in time order) from an empty state, calling `each` per return. */
export function replayEach(returns: Iterable<GradingReturn>, policy: GradingPolicy, each: (g: GradedReturn) => void): GradingState {
  const state = createGradingState(policy);
  for (const r of returns) each(gradeReturn(state, r));
  return state;
}

/** Grades a whole history (in time order) from an empty state. */
export function replay(returns: Iterable<GradingReturn>, policy: GradingPolicy): GradedReturn[] {
  const out: GradedReturn[] = [];
  replayEach(returns, policy, (g) => out.push(g));
  return out;
}
