import type { FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError, type FieldError } from '../api/client';
import { applyFormErrors, fieldMessage } from '../api/problem';

/**
 * The error state of a form that talks to the API: `fail(e)` puts each field error beside its input and keeps for
 * the alert only what no input shows (or the whole problem when it has no field errors); `clear()` before a retry.
 */
export function useFormProblems(form: FormInstance) {
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const fail = (e: unknown) => {
    const rest = applyFormErrors(form, e);
    setUnmatched(rest);
    setError(isApiError(e) && e.errors.length > 0 && rest.length === 0 ? null : e);
  };
  const clear = () => {
    setError(null);
    setUnmatched([]);
  };
  /** the `extra` lines of ProblemAlert: field errors that no input of the form shows */
  const alertExtra = unmatched.map((u) => ({ field: u.field, text: fieldMessage(u) }));
  return { error, fail, clear, alertExtra };
}
