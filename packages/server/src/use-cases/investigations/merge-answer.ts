/**
 * How an accepted questionnaire answer flows into the findings draft: the enterprise's statements land in the
 * matching findings groups, marked as the enterprise's own words, without overwriting the investigator's judgement
 * fields that the answer does not speak to. Text is appended (cut to the field's length with an ellipsis; the full
 * answer stays on the questionnaire).
 */
import { findingsSchema, type Findings, type QuestionnaireAnswer } from '@returntrace/domain';

const NOTE_MAX = 2000;
const ACTIONS_MAX = 20;

function append(current: string, addition: string, max = NOTE_MAX): string {
  if (!addition.trim()) return current;
  const joined = current ? `${current}\n${addition}` : addition;
  return joined.length <= max ? joined : `${joined.slice(0, max - 1)}…`;
}

const yesNo = (v: boolean | undefined, yes: string, no: string): string => (v === undefined ? '' : v ? yes : no);

/** The findings draft after accepting `answer` (questions are the free questions the answers refer to by index). */
export function mergeAnswerIntoFindings(findings: Findings, answer: QuestionnaireAnswer, questions: readonly string[], caseDate: string): Findings {
  const f: Findings = structuredClone(findings);
  const tag = `【企业答复 ${caseDate}】`;
  const rr = answer.returnReason;
  if (rr) {
    if (rr.category) f.returnReason.category = rr.category;
    if (rr.nonQualityKind) f.returnReason.nonQualityKind = rr.nonQualityKind;
    f.returnReason.analysis = append(f.returnReason.analysis, rr.explanation ? `${tag}${rr.explanation}` : '');
  }
  const gf = answer.goodsFlow;
  if (gf) {
    f.goodsFlow.flow = gf.flow;
    if (gf.date) f.goodsFlow.date = gf.date;
    f.goodsFlow.evidence = append(f.goodsFlow.evidence, gf.explanation ? `${tag}${gf.explanation}` : '');
  }
  const qs = answer.qualitySystem;
  if (qs) {
    f.qualitySystem.qms.note = append(f.qualitySystem.qms.note,
      [yesNo(qs.qmsCertified, `${tag}企业称已通过质量管理体系认证`, `${tag}企业称未通过质量管理体系认证`), qs.explanation ? `${tag}${qs.explanation}` : '']
        .filter(Boolean).join('\n'));
    f.qualitySystem.productCertification.note = append(f.qualitySystem.productCertification.note,
      yesNo(qs.productCertified, `${tag}企业称产品已获认证`, `${tag}企业称产品未获认证`));
    f.qualitySystem.destinationStandards.note = append(f.qualitySystem.destinationStandards.note,
      yesNo(qs.destinationStandardsCollected, `${tag}企业称已收集输入国（地区）标准`, `${tag}企业称未收集输入国（地区）标准`));
  }
  if (answer.correctiveActions?.length) {
    const room = Math.max(0, ACTIONS_MAX - f.correctiveActions.length);
    f.correctiveActions.push(...answer.correctiveActions.slice(0, room).map((a) => ({ action: a.action, dueOn: a.dueOn, done: false })));
  }
  const other = [
    answer.inspection ? `${tag}货物检验情况：${answer.inspection}` : '',
    answer.other ? `${tag}其他情况：${answer.other}` : '',
    ...answer.answers.map((a, i) => (a ? `${tag}问：${questions[i] ?? `#${i + 1}`} 答：${a}` : '')),
  ].filter(Boolean).join('\n');
  f.otherCircumstances.note = append(f.otherCircumstances.note, other);
  // the result must still be a valid draft (lengths, shapes)
  return findingsSchema.parse(f);
}
