import {
  DISPOSAL_LABELS, EXPORT_RETURN_STATUS_LABELS, EXPORT_RETURN_STATUSES, REASON_CATEGORY_LABELS, isExportReturnStatus,
  type Disposal, type ReasonCategory, type ReturnReason,
} from '@returntrace/domain';
import type { Lang } from '../../i18n';

/** Status as the manual numbers it: "5-电子审核完成，待人工审核". */
export const statusLabel = (s: number, lang: Lang, withCode = false): string => {
  if (!isExportReturnStatus(s)) return String(s);
  const l = EXPORT_RETURN_STATUS_LABELS[s][lang];
  return withCode ? `${s}-${l}` : l;
};

export const statusOptions = (lang: Lang) =>
  EXPORT_RETURN_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang, true) }));

/** Tag colours by status: rejections red, approval green, waiting blue, drafts grey. */
export const STATUS_COLORS: Record<number, string> = {
  0: 'default', 1: 'processing', 2: 'error', 3: 'processing', 4: 'error', 5: 'blue', 6: 'error', 7: 'success', 8: 'error',
};

export const disposalLabel = (d: Disposal, lang: Lang) => DISPOSAL_LABELS[d][lang];
export const categoryLabel = (c: ReasonCategory, lang: Lang) => REASON_CATEGORY_LABELS[c][lang];
export const reasonName = (r: ReturnReason, lang: Lang) => (lang === 'zh' ? r.nameZh : r.nameEn || r.nameZh);

export const partyText = (p: { creditCode: string; customsCode: string; name: string } | null | undefined) =>
  (p ? [p.creditCode, p.customsCode, p.name].filter(Boolean).join(' ') : '');

export const fmtSize = (n: number) =>
  (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`);

/** Today's date in Beijing (UTC+8), the customs date every "today" rule uses. */
export function beijingToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
