import { useTranslation } from 'react-i18next';
import { ORG_KIND_LABELS, ROLE_LABELS, type OrgKind, type Role } from '@returntrace/domain';
import { zh } from './zh';
import { en } from './en';
import type { Lang } from './index';

type Bilingual = { zh: string; en: string };

/** Chinese label in zh; in en the English one with the Chinese term beside it. */
export function bilingual(label: Bilingual | undefined, lang: Lang, fallback: string): string {
  if (!label) return fallback;
  return lang === 'zh' ? label.zh : `${label.en} (${label.zh})`;
}

export const kindLabel = (kind: string, lang: Lang) =>
  bilingual(ORG_KIND_LABELS[kind as OrgKind], lang, kind);

export const roleLabel = (role: string, lang: Lang) =>
  bilingual(ROLE_LABELS[role as Role], lang, role);

/** Short role label (no Chinese echo), for tags in tables. */
export const roleShort = (role: string, lang: Lang) =>
  ROLE_LABELS[role as Role]?.[lang] ?? role;

export const kindShort = (kind: string, lang: Lang) =>
  ORG_KIND_LABELS[kind as OrgKind]?.[lang] ?? kind;

export interface Named {
  nameZh: string;
  nameEn?: string | null;
}
export const orgName = (org: Named | null | undefined, lang: Lang): string =>
  !org ? '' : lang === 'zh' ? org.nameZh : org.nameEn || org.nameZh;

/** Audit actions are dotted codes; they are looked up without i18next's key separator. */
export function actionLabel(action: string, lang: Lang): string {
  const table = (lang === 'zh' ? zh : en).actions as Record<string, string>;
  return table[action] ?? action;
}

export function resultLabel(result: string, lang: Lang): string {
  const table = (lang === 'zh' ? zh : en).results as Record<string, string>;
  return table[result] ?? result;
}

/** Label of a bilingual record (`labelZh` / `labelEn`). */
export const labelOf = (x: { labelZh: string; labelEn?: string }, lang: Lang) =>
  lang === 'zh' ? x.labelZh : x.labelEn || x.labelZh;

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

/** Tag colour of an audit result. */
export const resultColor = (r: string) => (r === 'success' ? 'success' : r === 'denied' ? 'warning' : 'error');
