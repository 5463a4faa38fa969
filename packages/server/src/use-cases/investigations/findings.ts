/**
 * The findings draft (调查结果) of a case: replaced as a whole with If-Match on `findingsVersion`, only by someone
 * with edit access and only while the case is assigned or in progress. Partial drafts are fine; completeness is
 * checked when the findings are submitted (transitions.ts).
 */
import { eq, investigations } from '@returntrace/db';
import { INVESTIGATION_STATE_LABELS, type Findings, type InvestigationState, type InvestigationView } from '@returntrace/domain';
import { audit, transaction } from '../../audit/audit';
import type { Ctx } from '../../context';
import { conflict, ProblemError } from '../../errors';
import { loadCase, requireAccess, type CaseRow } from './access';
import { FINDINGS_EDITABLE, toInvestigationView } from './view';

/** If-Match is mandatory on findings: absent → 428, stale → 412. */
export function requireFindingsVersion(row: Pick<CaseRow, 'findingsVersion'>, ifMatch: number | undefined): void {
  if (ifMatch === undefined) {
    throw new ProblemError(428, 'precondition_required', {
      en: 'Send the findings version in If-Match (findingsVersion of the last read)', zh: '请在 If-Match 中携带调查结果版本（上次读取的 findingsVersion）',
    });
  }
  if (ifMatch !== row.findingsVersion) {
    throw new ProblemError(412, 'precondition_failed', { en: 'The findings were changed in the meantime; reload them', zh: '调查结果已被他人修改，请刷新后重试' });
  }
}

export function assertFindingsEditable(row: Pick<CaseRow, 'state'>): void {
  const state = row.state as InvestigationState;
  if (!FINDINGS_EDITABLE.includes(state)) {
    const s = INVESTIGATION_STATE_LABELS[state];
    throw conflict({
      en: `Findings can be edited only while the case is assigned or in progress (it is "${s.en}")`,
      zh: `仅“已分派”或“调查中”的案件可以编辑调查结果（当前为“${s.zh}”）`,
    });
  }
}

/** PUT /investigations/:id/findings */
export async function saveFindings(ctx: Ctx, id: string, findings: Findings, ifMatch: number | undefined): Promise<InvestigationView> {
  await transaction(ctx.db, async (tx) => {
    const c = await loadCase(ctx, id, tx, true);
    requireAccess(c, 'edit');
    requireFindingsVersion(c.row, ifMatch);
    assertFindingsEditable(c.row);
    const next = c.row.findingsVersion + 1;
    await tx.update(investigations).set({ findings, findingsVersion: next, updatedAt: ctx.clock.now() }).where(eq(investigations.id, c.row.id));
    await audit(ctx, tx, {
      action: 'investigation.findings.save', objectType: 'investigation', objectId: c.row.id,
      detail: { caseNo: c.row.caseNo, findingsVersion: next },
    });
  });
  return toInvestigationView(ctx, await loadCase(ctx, id));
}
