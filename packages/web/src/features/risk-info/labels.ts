import {
  INVESTIGATION_TYPE_LABELS, MANUAL_RISK_SOURCES, RISK_INFO_STATE_LABELS, RISK_INFO_STATES, RISK_SOURCE_INFO, RISK_SOURCES,
  INVESTIGATION_TYPES, type InvestigationType, type RiskFactors, type RiskInfoState, type RiskSource,
} from '@returntrace/domain';
import type { Lang } from '../../i18n';
import { bilingual } from '../../i18n/labels';

/** Domain labels: Chinese in zh; in en the English one with the Chinese term beside it. */
export const sourceLabel = (s: RiskSource, lang: Lang) => bilingual(RISK_SOURCE_INFO[s]?.label, lang, s);
export const stateLabel = (s: RiskInfoState, lang: Lang) => bilingual(RISK_INFO_STATE_LABELS[s], lang, s);
export const typeLabel = (t: InvestigationType, lang: Lang) => bilingual(INVESTIGATION_TYPE_LABELS[t], lang, t);

export const sourceOptions = (lang: Lang, manualOnly = false) =>
  (manualOnly ? MANUAL_RISK_SOURCES : RISK_SOURCES).map((s) => ({ value: s, label: sourceLabel(s, lang) }));
export const stateOptions = (lang: Lang) => RISK_INFO_STATES.map((s) => ({ value: s, label: stateLabel(s, lang) }));
export const typeOptions = (lang: Lang) => INVESTIGATION_TYPES.map((t) => ({ value: t, label: typeLabel(t, lang) }));

/** Tag colours: waiting blue, with the investigating body gold, under investigation purple, ends grey/green/red. */
export const STATE_COLORS: Record<RiskInfoState, string> = {
  collected: 'blue', reviewed: 'cyan', dismissed: 'default', transferred: 'gold', accepted: 'green',
  declined: 'red', investigating: 'purple', closed: 'default',
};
export const TYPE_COLORS: Record<InvestigationType, string> = { on_site: 'volcano', written: 'geekblue', filing_only: 'default' };

/** The facts the investigation-type rules read (000 §3.3), in the order the document lists them. */
export const FACTOR_KEYS = [
  'inspectedAtExport', 'foreignOfficial', 'technicalBarrier', 'safetyHealthEnv', 'warningInForce', 'higherRiskAssessed',
  'overseasProjectEquipment',
] as const satisfies readonly (keyof RiskFactors)[];

/** Amounts come back as decimal strings; shown with thousands separators. */
export const fmtUsd = (v: string | null | undefined) => {
  if (v === null || v === undefined || v === '') return '-';
  const n = Number(v);
  return Number.isFinite(n) ? `USD ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : v;
};

export type RefRow = Record<string, string | number | boolean | null>;
export const refName = (r: RefRow | undefined, lang: Lang) =>
  (r ? String((lang === 'en' && r.nameEn) || r.nameZh || '') : '');
