import { useCallback, useMemo, useRef } from 'react';
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { LocalizedIssue } from '@returntrace/domain';
import type { FieldError } from '../../../api/client';
import { currentLang } from '../../../i18n';
import { placeIssue, toNamePath, validate, type FormValues } from './values';

/** Issue paths that name a group rather than an input: shown on the group's first input. */
const ALIASES: Record<string, string> = { manufacturer: 'manufacturer.creditCode' };

type Issue = Pick<LocalizedIssue, 'field' | 'message' | 'messageZh'>;

const text = (i: Issue) => (currentLang() === 'zh' ? i.messageZh : i.message);
const valueAt = (v: unknown, key: string) =>
  toNamePath(key).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), v);
const sig = (v: unknown) => JSON.stringify(v ?? null);
/** Several messages on one field are shown as one line. */
const JOIN = '；';

/**
 * Field checks of the declaration form. A field's rule asks the domain schema about the whole form and keeps the
 * issues that land on that field. Errors from outside (the server, the backfill) stay on their field until its
 * value changes, so that blurring the field does not wipe a refusal the user has not acted on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- name paths are built from issue paths at run time
export function useFieldChecks(form: FormInstance<any>) {
  const external = useRef(new Map<string, { sig: string; issues: Issue[] }>());
  // every message put on a field, by its text in either language, so that a language switch can re-word it
  const shown = useRef(new Map<string, Issue>());
  const say = useCallback((i: Issue) => {
    shown.current.set(i.message, i);
    shown.current.set(i.messageZh, i);
    return text(i);
  }, []);

  const known = useCallback(() => new Set(form.getFieldsError().map((f) => f.name.join('.'))), [form]);
  const place = useCallback((field: string, names: Set<string>) => placeIssue(ALIASES[field] ?? field, names), []);

  const rules = useCallback((key: string): Rule[] => [{
    validator: async () => {
      const values = form.getFieldsValue(true) as FormValues;
      const ext = external.current.get(key);
      if (ext) {
        if (ext.sig === sig(valueAt(values, key))) throw new Error([...new Set(ext.issues.map(say))].join(JOIN));
        external.current.delete(key);
      }
      const names = known();
      const msgs = validate(values, false).issues.filter((i) => place(i.field, names) === key).map(say);
      if (msgs.length > 0) throw new Error([...new Set(msgs)].join(JOIN));
    },
  }], [form, known, place, say]);

  /**
   * Puts issues on their fields (in the form's order, scrolling to the first); returns those that name no field.
   * `sticky` keeps them until the field's value changes (server and backfill answers).
   */
  const show = useCallback((issues: readonly Issue[], sticky: boolean): Issue[] => {
    const names = known();
    const grouped = new Map<string, Issue[]>();
    const unmatched: Issue[] = [];
    for (const i of issues) {
      const key = place(i.field, names);
      if (!key) { unmatched.push(i); continue; }
      grouped.set(key, [...(grouped.get(key) ?? []), i]);
    }
    const values = form.getFieldsValue(true) as FormValues;
    if (sticky) for (const [k, list] of grouped) external.current.set(k, { sig: sig(valueAt(values, k)), issues: list });
    form.setFields([...grouped].map(([k, list]) => ({ name: toNamePath(k), errors: [...new Set(list.map(say))] })));
    const first = form.getFieldsError().map((f) => f.name.join('.')).find((k) => grouped.has(k));
    if (first) form.scrollToField(toNamePath(first), { block: 'center', focus: true });
    return unmatched;
  }, [form, known, place, say]);

  /** Validates everything; with `submit` also the submit-only rules. Returns the body or null (errors shown). */
  const check = useCallback((submit: boolean) => {
    const verdict = validate(form.getFieldsValue(true) as FormValues, submit);
    return { ...verdict, unmatched: verdict.issues.length > 0 ? show(verdict.issues, false) : [] };
  }, [form, show]);

  const clearExternal = useCallback(() => external.current.clear(), []);
  const setExternal = useCallback((key: string, issues: Issue[]) => {
    if (issues.length === 0) external.current.delete(key);
    else external.current.set(key, { sig: sig(valueAt(form.getFieldsValue(true), key)), issues });
    form.setFields([{ name: toNamePath(key), errors: issues.map(say) }]);
  }, [form, say]);

  /** After a language switch: the messages on the fields in the new language (texts not known here stay). */
  const relocalize = useCallback(() => {
    const reword = (e: string) => e.split(JOIN).map((part) => {
      const i = shown.current.get(part);
      return i ? text(i) : part;
    }).join(JOIN);
    const withErrors = form.getFieldsError().filter((f) => f.errors.length > 0);
    if (withErrors.length > 0) form.setFields(withErrors.map((f) => ({ name: f.name, errors: f.errors.map(reword) })));
  }, [form]);

  return useMemo(() => ({ rules, show, check, clearExternal, setExternal, relocalize }),
    [rules, show, check, clearExternal, setExternal, relocalize]);
}

export const fieldErrorsAsIssues = (errors: FieldError[]): Issue[] =>
  errors.map((e) => ({ field: e.field, message: e.message, messageZh: e.messageZh }));
