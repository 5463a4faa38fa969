import type { FormInstance } from 'antd';
import i18n from '../i18n';
import { ApiError, isApiError, type FieldError } from './client';

const isZh = () => (i18n.resolvedLanguage ?? i18n.language) !== 'en';

/** The problem's title in the current language. */
export function problemTitle(e: unknown): string {
  if (isApiError(e)) return isZh() ? e.titleZh : e.title;
  if (e instanceof TypeError) return i18n.t('common.networkError');
  return e instanceof Error ? e.message : String(e);
}

/** The problem's detail (falls back to the title) in the current language. */
export function problemText(e: unknown): string {
  if (isApiError(e)) {
    const d = isZh() ? e.detailZh : e.detail;
    return d || (isZh() ? e.titleZh : e.title);
  }
  return problemTitle(e);
}

export const fieldMessage = (fe: FieldError): string => (isZh() ? fe.messageZh : fe.message);

/** Server field paths use dots (`lines.0.hsCode`); antd Form names are arrays. */
const toNamePath = (field: string): (string | number)[] =>
  field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts the server's per-field errors onto the antd form in the current language. Returns the errors that
 * name no field of this form (show them in an Alert).
 */
export function applyFormErrors(form: FormInstance, e: unknown): FieldError[] {
  if (!(e instanceof ApiError) || e.errors.length === 0) return [];
  const order = form.getFieldsError().map((f) => f.name.join('.'));
  const known = new Set(order);
  const grouped = new Map<string, string[]>();
  const unmatched: FieldError[] = [];
  for (const fe of e.errors) {
    const key = toNamePath(fe.field).join('.');
    if (!known.has(key)) {
      unmatched.push(fe);
      continue;
    }
    grouped.set(key, [...(grouped.get(key) ?? []), fieldMessage(fe)]);
  }
  form.setFields([...grouped.entries()].map(([key, errors]) => ({ name: toNamePath(key), errors })));
  // focus the first field in the form's own order, not the server's
  const first = order.find((k) => grouped.has(k));
  if (first) form.scrollToField(toNamePath(first), { block: 'center', focus: true });
  return unmatched;
}
