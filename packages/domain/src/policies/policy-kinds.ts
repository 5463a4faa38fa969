/**
 * The kinds of versioned per-jurisdiction policies (`policy_versions.kind`) and the schema of each kind's body.
 * A policy body is only ever stored after its kind's schema accepted it.
 */
import { z } from 'zod';
import { CUSTOMS_RULES, EXPORT_RETURN_AUDIT_POLICY_KIND, exportReturnAuditPolicySchema } from '../export-returns/eaudit.rules';
import { INVESTIGATION_TYPE_POLICY_KIND, investigationTypePolicySchema } from '../investigation-type/investigation-type.policy';
import { GRADING_POLICY_KIND, gradingPolicySchema } from '../grading/grading.policy';

const SWITCHABLE_RULE_IDS = new Set(CUSTOMS_RULES.filter((r) => r.switchable).map((r) => r.id));

/** An audit policy may only switch rules that exist and are switchable (receipt rules protect data integrity). */
const exportReturnAuditPolicyBodySchema = exportReturnAuditPolicySchema.superRefine((body, ctx) => {
  for (const id of Object.keys(body.rules)) {
    if (!SWITCHABLE_RULE_IDS.has(id)) {
      ctx.addIssue({ code: 'custom', path: ['rules', id], message: `Unknown or non-switchable rule ${id}` });
    }
  }
});

export const POLICY_KINDS = {
  [EXPORT_RETURN_AUDIT_POLICY_KIND]: {
    label: { zh: '出口退货电子审核政策', en: 'Export-return electronic audit policy' },
    bodySchema: exportReturnAuditPolicyBodySchema,
  },
  [INVESTIGATION_TYPE_POLICY_KIND]: {
    label: { zh: '追溯调查方式政策', en: 'Investigation-type policy' },
    bodySchema: investigationTypePolicySchema,
  },
  [GRADING_POLICY_KIND]: {
    label: { zh: '风险分级预警线政策', en: 'Risk-grading warning-line policy' },
    bodySchema: gradingPolicySchema,
  },
} as const satisfies Record<string, { label: { zh: string; en: string }; bodySchema: z.ZodType }>;

export type PolicyKind = keyof typeof POLICY_KINDS;
export const POLICY_KIND_IDS = Object.keys(POLICY_KINDS) as [PolicyKind, ...PolicyKind[]];
export const policyKindSchema = z.enum(POLICY_KIND_IDS);

export const isPolicyKind = (kind: string): kind is PolicyKind => Object.hasOwn(POLICY_KINDS, kind);

/** The schema that validates a body of `kind`. */
export function policyBodySchema(kind: PolicyKind): z.ZodType {
  return POLICY_KINDS[kind].bodySchema;
}
