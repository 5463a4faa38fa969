/**
 * Customs processing of a submitted declaration as rules-as-data. Two stages, each a list of rules evaluated by
 * the pure `evaluateRules`:
 * - receipt check (海关接收): a failing rule refuses the declaration (status 4, 海关接收失败);
 * - electronic audit (电子审核): a failing rule rejects it (status 6, 电子审核退单); otherwise it is queued (5).
 * A rule "fires" when `when(facts)` is true; the verdict lists every rule that fired, so the enterprise sees all
 * reasons at once. Which rules apply is a policy of the directly-affiliated customs (`policy_versions` kind
 * `export_returns.audit`, see audit-policy.ts); `defaultEnabled` is what the seeded first version switches on.
 */
import { z } from 'zod';

/** What the rules may look at: the declaration as submitted and what the platform knows about it. */
export interface CustomsProcessingFacts {
  importDeclarationNo: string;
  /** the import declaration as the feed holds it now; null when it is no longer in the feed */
  importDeclaration: { withdrawn: boolean } | null;
  lines: readonly { lineNo: number; industrial: boolean }[];
  /** other declarations on the same import declaration that passed manual audit (status 7) */
  approvedReturnsOnSameImport: readonly { unifiedNo: string; returnNo: string | null }[];
  /** original export declaration numbers the feed does not know */
  unknownExportDeclarationNos: readonly string[];
}

export type RuleStage = 'receipt' | 'eaudit';

export interface CustomsRule {
  id: string;
  stage: RuleStage;
  when: (f: CustomsProcessingFacts) => boolean;
  /** 'refuse' at receipt (→ 4), 'reject' at e-audit (→ 6) */
  outcome: 'refuse' | 'reject';
  reason: { zh: string; en: string };
  /** where the rule comes from (manual section, regulation) */
  clause: string;
  defaultEnabled: boolean;
  /** receipt rules protect data integrity and cannot be switched off */
  switchable: boolean;
}

export const CUSTOMS_RULES: readonly CustomsRule[] = [
  {
    id: 'receipt.import_declaration_missing',
    stage: 'receipt',
    when: (f) => f.importDeclaration === null,
    outcome: 'refuse',
    reason: { zh: '进口报关单在海关数据中不存在', en: 'The import declaration is not in the customs data' },
    clause: '003 §4.2 status 4 (海关接收失败)',
    defaultEnabled: true,
    switchable: false,
  },
  {
    id: 'receipt.import_declaration_withdrawn',
    stage: 'receipt',
    when: (f) => f.importDeclaration?.withdrawn === true,
    outcome: 'refuse',
    reason: { zh: '进口报关单已撤单', en: 'The import declaration has been withdrawn' },
    clause: '003 §4.2 status 4 (海关接收失败)',
    defaultEnabled: true,
    switchable: false,
  },
  {
    id: 'eaudit.already_approved_for_import',
    stage: 'eaudit',
    when: (f) => f.approvedReturnsOnSameImport.length > 0,
    outcome: 'reject',
    reason: { zh: '该进口报关单已有人工审核通过的出口退货申请', en: 'This import declaration already has an accepted export return' },
    clause: '003 §4.2 status 6 (电子审核退单): one accepted return per import declaration',
    defaultEnabled: true,
    switchable: true,
  },
  {
    id: 'eaudit.no_industrial_goods',
    stage: 'eaudit',
    when: (f) => !f.lines.some((l) => l.industrial),
    outcome: 'reject',
    reason: { zh: '商品项中没有工业品', en: 'No goods line is an industrial product' },
    clause: '000 §2: the register covers returned industrial products',
    defaultEnabled: true,
    switchable: true,
  },
  {
    id: 'eaudit.export_declarations_unknown',
    stage: 'eaudit',
    when: (f) => f.unknownExportDeclarationNos.length > 0,
    outcome: 'reject',
    reason: { zh: '原出口报关单号在海关数据中不存在', en: 'Original export declaration numbers unknown to the customs data' },
    clause: '003 §4.1.1 原出口报关单号',
    defaultEnabled: false,
    switchable: true,
  },
];

export const CUSTOMS_RULE_IDS = CUSTOMS_RULES.map((r) => r.id);

export interface RuleVerdict {
  pass: boolean;
  fired: { id: string; reason: { zh: string; en: string }; clause: string }[];
}

/** Evaluates the rules of one stage that are enabled; the verdict passes when none fired. */
export function evaluateRules(
  stage: RuleStage,
  facts: CustomsProcessingFacts,
  enabled: Readonly<Record<string, boolean>>,
  rules: readonly CustomsRule[] = CUSTOMS_RULES,
): RuleVerdict {
  const fired = rules
    .filter((r) => r.stage === stage && (!r.switchable || (enabled[r.id] ?? r.defaultEnabled)))
    .filter((r) => r.when(facts))
    .map((r) => ({ id: r.id, reason: r.reason, clause: r.clause }));
  return { pass: fired.length === 0, fired };
}

/**
 * The audit policy of a directly-affiliated customs (`policy_versions.body`, kind `export_returns.audit`):
 * which switchable rules apply, and after how many days a declaration waiting for manual audit is overdue.
 * Overdue counts working days (Monday-Friday, Beijing time) by default, as audit deadlines are set in working days.
 */
export const EXPORT_RETURN_AUDIT_POLICY_KIND = 'export_returns.audit';

export const exportReturnAuditPolicySchema = z.strictObject({
  rules: z.record(z.string(), z.boolean()),
  overdueDays: z.number().int().min(1).max(60),
  overdueUnit: z.enum(['working', 'calendar']),
});
export type ExportReturnAuditPolicy = z.infer<typeof exportReturnAuditPolicySchema>;

export const DEFAULT_EXPORT_RETURN_AUDIT_POLICY: ExportReturnAuditPolicy = {
  rules: Object.fromEntries(CUSTOMS_RULES.filter((r) => r.switchable).map((r) => [r.id, r.defaultEnabled])),
  overdueDays: 3,
  overdueUnit: 'working',
};
