import { describe, expect, it } from 'vitest';
import { localizeIssue } from '../i18n/problem-messages';
import { checkFindingsComplete, EMPTY_FINDINGS, findingsSchema, type Findings } from './findings.schema';

const complete: Findings = findingsSchema.parse({
  returnReason: { category: 'non_quality', nonQualityKind: 'technical_trade_measure', analysis: '进口国标签新规' },
  qualitySystem: { judgement: 'partly_complete' },
  integrity: {
    evadedExportSupervision: { found: false }, misstatedReturnReason: { found: false },
    productDiffersFromCertified: { found: false }, usedReturnModeToEvadeImport: { found: false },
  },
  goodsFlow: { flow: 're_exported', evidence: '转口报关单 5301…' },
  summary: '标签不符合进口国新规，已整改后转口。',
});

describe('findings', () => {
  it('accepts an empty draft and fills every group', () => {
    expect(EMPTY_FINDINGS.returnReason.category).toBeNull();
    expect(EMPTY_FINDINGS.integrity.misstatedReturnReason.found).toBeNull();
    expect(EMPTY_FINDINGS.correctiveActions).toEqual([]);
  });

  it('refuses HTML in any text and names the field', () => {
    const r = findingsSchema.safeParse({ goodsFlow: { evidence: '<img src=x onerror=alert(1)>' } });
    expect(r.success).toBe(false);
    const issue = localizeIssue(r.error!.issues[0]!);
    expect(issue.field).toBe('goodsFlow.evidence');
    expect(issue.messageZh).toContain('HTML');
  });

  it('refuses unknown fields', () => {
    expect(findingsSchema.safeParse({ returnReason: { colour: 'red' } }).success).toBe(false);
  });

  it('is complete for an on-site case only with every element judged', () => {
    expect(checkFindingsComplete(complete, 'on_site')).toEqual([]);
    const missing = checkFindingsComplete(EMPTY_FINDINGS, 'on_site').map((i) => i.field);
    expect(missing).toEqual(expect.arrayContaining([
      'returnReason.category', 'goodsFlow.flow', 'summary', 'returnReason.analysis', 'qualitySystem.judgement',
      'integrity.evadedExportSupervision.found', 'integrity.misstatedReturnReason.found',
      'integrity.productDiffersFromCertified.found', 'integrity.usedReturnModeToEvadeImport.found', 'goodsFlow.evidence',
    ]));
  });

  it('asks a filing-only case for the light record only', () => {
    const light = findingsSchema.parse({ returnReason: { category: 'quality' }, goodsFlow: { flow: 'destroyed' }, summary: '已监督销毁' });
    expect(checkFindingsComplete(light, 'filing_only')).toEqual([]);
    expect(checkFindingsComplete(light, 'written').length).toBeGreaterThan(0);
  });

  it('needs the sub-kind of a non-quality reason and the text of an "other" flow', () => {
    const f = findingsSchema.parse({ returnReason: { category: 'non_quality' }, goodsFlow: { flow: 'other' }, summary: 'x' });
    expect(checkFindingsComplete(f, 'filing_only').map((i) => i.field)).toEqual(['returnReason.nonQualityKind', 'goodsFlow.otherText']);
  });
});
