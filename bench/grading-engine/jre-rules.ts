// The grading rules of 000 §3.5.3 (packages/domain/src/grading/grading.rules.ts) written as json-rules-engine rules:
// one rule per engine rule, same conditions, same thresholds from the same policy, the rule id as the event type.
// The windowed and streak figures come in as facts (computed by the same history code as the engine's); the
// Poisson concentration test and "a non-blank text" are custom operators, the way one extends json-rules-engine.
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import {
  concentrationTest, type ConcentrationFigure, type Grade, type GradingFacts,
} from '../../packages/domain/src/grading/grading.rules';
import type { GradingPolicy } from '../../packages/domain/src/grading/grading.policy';

/** The facts of one return as json-rules-engine reads them: flat values, no functions. */
export interface JreFacts {
  valueUsd: number | null;
  foreignOfficial: boolean;
  prohibitedImport: boolean;
  harmCaused: boolean;
  safetyHealthEnv: boolean;
  cumulativeFrequency: number;
  cumulativeValueUsd: number;
  /** 0 when the return carries no technical-barrier reason */
  streakLength: number;
  concentration: ConcentrationFigure[];
  qmsSeriousRisk: boolean;
  evadedImportSupervision: boolean;
  declarationMismatch: boolean;
  untruthfulReason: boolean;
  reputationDamage: boolean;
  otherHigh: string | null;
  otherElevated: string | null;
}

export function jreFacts(f: GradingFacts): JreFacts {
  const j = f.judgements;
  return {
    valueUsd: f.valueUsd, foreignOfficial: f.foreignOfficial, prohibitedImport: f.prohibitedImport, harmCaused: f.harmCaused,
    safetyHealthEnv: f.safetyHealthEnv, cumulativeFrequency: f.cumulativeFrequency.count,
    cumulativeValueUsd: f.cumulativeValue.valueUsd, streakLength: f.streak?.length ?? 0, concentration: f.concentration,
    qmsSeriousRisk: j.qmsSeriousRisk, evadedImportSupervision: j.evadedImportSupervision,
    declarationMismatch: j.declarationMismatch, untruthfulReason: j.untruthfulReason,
    reputationDamage: j.reputationDamage, otherHigh: j.otherHigh, otherElevated: j.otherElevated,
  };
}

const isTrue = (fact: keyof JreFacts): TopLevelCondition => ({ all: [{ fact, operator: 'equal', value: true }] });
const atLeast = (fact: keyof JreFacts, value: number): TopLevelCondition =>
  ({ all: [{ fact, operator: 'greaterThanInclusive', value }] });
const nonBlank = (fact: keyof JreFacts): TopLevelCondition => ({ all: [{ fact, operator: 'nonBlank', value: true }] });

/** The rules of the policy, keyed by the engine's rule ids. */
export function jreRules(p: GradingPolicy): RuleProperties[] {
  const rules: [string, Exclude<Grade, 'general'>, TopLevelCondition][] = [
    ['high.foreign_official', 'high', isTrue('foreignOfficial')],
    ['high.prohibited_import', 'high', isTrue('prohibitedImport')],
    ['high.single_batch_value', 'high', {
      all: [{ fact: 'valueUsd', operator: 'notEqual', value: null }, { fact: 'valueUsd', operator: 'greaterThanInclusive', value: p.singleBatchValueLineUsd }],
    }],
    ['high.harm_caused', 'high', isTrue('harmCaused')],
    ['high.technical_barrier_streak', 'high', atLeast('streakLength', p.streak.length)],
    ['high.sudden_concentration', 'high', { all: [{ fact: 'concentration', operator: 'anySudden', value: p.concentration }] }],
    ['high.cumulative_frequency', 'high', atLeast('cumulativeFrequency', p.cumulativeFrequency.line)],
    ['high.cumulative_value', 'high', atLeast('cumulativeValueUsd', p.cumulativeValue.lineUsd)],
    ['high.reputation_damage', 'high', isTrue('reputationDamage')],
    ['high.other', 'high', nonBlank('otherHigh')],
    ['elevated.safety_health_env', 'elevated', isTrue('safetyHealthEnv')],
    ['elevated.qms_risk', 'elevated', isTrue('qmsSeriousRisk')],
    ['elevated.import_evasion', 'elevated', isTrue('evadedImportSupervision')],
    ['elevated.declaration_mismatch', 'elevated', isTrue('declarationMismatch')],
    ['elevated.untruthful_reason', 'elevated', isTrue('untruthfulReason')],
    ['elevated.other', 'elevated', nonBlank('otherElevated')],
  ];
  return rules.map(([id, grade, conditions]) => ({ name: id, conditions, event: { type: id, params: { grade } } }));
}

/** A json-rules-engine engine holding the rules of the policy and the two custom operators they use. */
export function createJreEngine(p: GradingPolicy): Engine {
  const engine = new Engine(jreRules(p), { allowUndefinedFacts: false });
  engine.addOperator<ConcentrationFigure[], GradingPolicy['concentration']>('anySudden', (figures, params) => {
    if (figures.length === 0) return false;
    const q = { ...p, concentration: params };
    return figures.some((c) => concentrationTest(c, q).sudden);
  });
  engine.addOperator<string | null, boolean>('nonBlank', (text, want) => (text !== null && text.trim() !== '') === want);
  return engine;
}

/** The grade json-rules-engine gives one return: high if a high rule fired, else elevated if one did, else general. */
export async function jreGrade(engine: Engine, facts: JreFacts): Promise<{ grade: Grade; fired: string[] }> {
  const { events } = await engine.run(facts as unknown as Record<string, unknown>);
  const fired = events.map((e) => e.type);
  const grade: Grade = events.some((e) => e.params?.grade === 'high') ? 'high' : events.length > 0 ? 'elevated' : 'general';
  return { grade, fired };
}
