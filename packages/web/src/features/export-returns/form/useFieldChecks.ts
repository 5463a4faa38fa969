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

/**
 * Field checks of the declaration form. A field's rule asks the domain schema about the whole form and keeps the
 * issues that land on that field. Errors from outside (the server, the backfill) stay on their field until its
 * value changes, so that blurring the field does not wipe a refusal the user has not acted on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- name paths are built from issue paths at run time
export function useFieldChecks(form: FormInstance<any>) {
  const external = useRef(new Map<string, { sig: string; msgs: string[] }>());

  const known = useCallback(() => new Set(form.getFieldsError().map((f) => f.name.join('.'))), [form]);
  const place = useCallback((field: string, names: Set<string>) => placeIssue(ALIASES[field] ?? field, names), []);

  const rules = useCallback((key: string): Rule[] => [{
    validator: async () => {
      const values = form.getFieldsValue(true) as FormValues;
      const ext = external.current.get(key);
      if (ext) {
        if (ext.sig === sig(valueAt(values, key))) throw new Error(ext.msgs.join('；'));
        external.current.delete(key);
      }
      const names = known();
      const msgs = validate(values, false).issues.filter((i) => place(i.field, names) === key).map(text);
      if (msgs.length > 0) throw new Error([...new Set(msgs)].join('；'));
    },
  }], [form, known, place]);

  /**
   * Puts issues on their fields (in the form's order, scrolling to the first); returns those that name no field.
   * `sticky` keeps them until the field's value changes (server and backfill answers).
   */
  const show = useCallback((issues: readonly Issue[], sticky: boolean): Issue[] => {
    const names = known();
    const grouped = new Map<string, string[]>();
    const unmatched: Issue[] = [];
    for (const i of issues) {
      const key = place(i.field, names);
      if (!key) { unmatched.push(i); continue; }
      const list = grouped.get(key) ?? [];
      if (!list.includes(text(i))) list.push(text(i));
      grouped.set(key, list);
    }
    const values = form.getFieldsValue(true) as FormValues;
    if (sticky) for (const [k, msgs] of grouped) external.current.set(k, { sig: sig(valueAt(values, k)), msgs });
    form.setFields([...grouped].map(([k, errors]) => ({ name: toNamePath(k), errors })));
    const first = form.getFieldsError().map((f) => f.name.join('.')).find((k) => grouped.has(k));
    if (first) form.scrollToField(toNamePath(first), { block: 'center', focus: true });
    return unmatched;
  }, [form, known, place]);

  /** Validates everything; with `submit` also the submit-only rules. Returns the body or null (errors shown). */
  const check = useCallback((submit: boolean) => {
    const verdict = validate(form.getFieldsValue(true) as FormValues, submit);
    return { ...verdict, unmatched: verdict.issues.length > 0 ? show(verdict.issues, false) : [] };
  }, [form, show]);

  const clearExternal = useCallback(() => external.current.clear(), []);
  const setExternal = useCallback((key: string, msgs: string[]) => {
    if (msgs.length === 0) external.current.delete(key);
    else external.current.set(key, { sig: sig(valueAt(form.getFieldsValue(true), key)), msgs });
    form.setFields([{ name: toNamePath(key), errors: msgs }]);
  }, [form]);

  return useMemo(() => ({ rules, show, check, clearExternal, setExternal }), [rules, show, check, clearExternal, setExternal]);
}

export const fieldErrorsAsIssues = (errors: FieldError[]): Issue[] =>
  errors.map((e) => ({ field: e.field, message: e.message, messageZh: e.messageZh }));
