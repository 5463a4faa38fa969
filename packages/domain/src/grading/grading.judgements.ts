/**
 * The investigator's part of grading: which investigation findings (调查要素, 000 §3.4; findings.schema.ts) feed the
 * judgement rules of 000 §3.5.3. The mapping:
 *   elevated b (QMS risk)        ← qualitySystem.judgement = incomplete, or qualitySystem.qms.status = absent,
 *                                  or qms.status = deficient where qualitySystem.causedReturn = true
 *   elevated c (import evasion)  ← integrity.usedReturnModeToEvadeImport.found
 *   elevated d (mismatch/forged) ← integrity.evadedExportSupervision.found or integrity.productDiffersFromCertified.found
 *   elevated e (untruthful)      ← integrity.misstatedReturnReason.found
 *   high h (reputation damage), high i and elevated f (other) have no findings field: the warning office states them
 *   when it confirms the grade (`overrides`).
 */
import type { Findings } from '../investigations/findings.schema';
import type { GradingJudgements } from './grading.rules';

export function judgementsFromFindings(
  f: Findings,
  overrides: Partial<Pick<GradingJudgements, 'reputationDamage' | 'otherHigh' | 'otherElevated'>> = {},
): GradingJudgements {
  const qs = f.qualitySystem;
  return {
    qmsSeriousRisk: qs.judgement === 'incomplete' || qs.qms.status === 'absent' || (qs.qms.status === 'deficient' && qs.causedReturn === true),
    evadedImportSupervision: f.integrity.usedReturnModeToEvadeImport.found === true,
    declarationMismatch: f.integrity.evadedExportSupervision.found === true || f.integrity.productDiffersFromCertified.found === true,
    untruthfulReason: f.integrity.misstatedReturnReason.found === true,
    reputationDamage: overrides.reputationDamage ?? false,
    otherHigh: overrides.otherHigh ?? null,
    otherElevated: overrides.otherElevated ?? null,
  };
}
