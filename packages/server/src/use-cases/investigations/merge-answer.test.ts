import { EMPTY_FINDINGS, findingsSchema, questionnaireAnswerSchema } from '@returntrace/domain';
import { describe, expect, it } from 'vitest';
import { mergeAnswerIntoFindings } from './merge-answer';

const answer = (a: unknown) => questionnaireAnswerSchema.parse(a);

describe('mergeAnswerIntoFindings', () => {
  it("keeps the investigator's judgements the answer does not speak to and appends the enterprise's words", () => {
    const draft = findingsSchema.parse({
      returnReason: { category: 'non_quality', nonQualityKind: 'trade', analysis: '初步判断为贸易原因。' },
      qualitySystem: { judgement: 'complete' },
      correctiveActions: [{ action: '加强合同评审', dueOn: '2026-04-30' }],
    });
    const merged = mergeAnswerIntoFindings(draft, answer({
      returnReason: { explanation: '客户取消订单。' },
      correctiveActions: [{ action: '建立订单变更台账', dueOn: '2026-05-31' }],
    }), [], '2026-03-05');
    expect(merged.returnReason).toMatchObject({ category: 'non_quality', nonQualityKind: 'trade' });
    expect(merged.returnReason.analysis).toBe('初步判断为贸易原因。\n【企业答复 2026-03-05】客户取消订单。');
    expect(merged.qualitySystem.judgement).toBe('complete');
    expect(merged.correctiveActions.map((a) => a.action)).toEqual(['加强合同评审', '建立订单变更台账']);
    expect(merged.goodsFlow.flow).toBeNull();
  });

  it('cuts appended text to the field length and caps corrective actions at 20', () => {
    const draft = findingsSchema.parse({
      otherCircumstances: { note: '甲'.repeat(1990) },
      correctiveActions: Array.from({ length: 19 }, (_, i) => ({ action: `措施${i}`, dueOn: '2026-04-30' })),
    });
    const merged = mergeAnswerIntoFindings(draft, answer({
      other: '乙'.repeat(500),
      correctiveActions: [{ action: '新措施一', dueOn: '2026-05-01' }, { action: '新措施二', dueOn: '2026-05-02' }],
    }), [], '2026-03-05');
    expect(merged.otherCircumstances.note).toHaveLength(2000);
    expect(merged.otherCircumstances.note.endsWith('…')).toBe(true);
    expect(merged.correctiveActions).toHaveLength(20);
    expect(merged.correctiveActions[19]!.action).toBe('新措施一');
  });

  it('leaves an empty draft untouched by an empty answer', () => {
    expect(mergeAnswerIntoFindings(EMPTY_FINDINGS, answer({}), [], '2026-03-05')).toEqual(EMPTY_FINDINGS);
  });
});
