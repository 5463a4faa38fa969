/**
 * Unsaved input of a declaration form, kept in sessionStorage while the user works in other tabs of the workbench
 * (a tab that is not shown is not mounted). It is restored only onto the version it was typed against.
 */
import dayjs from 'dayjs';
import type { Backfill, ExportReturnFilled, ExportReturnLine } from '@returntrace/domain';
import type { FormValues } from './values';

export interface Draft {
  /** the record version the input was typed against; null for a new declaration */
  version: number | null;
  values: FormValues;
  filled: ExportReturnFilled | null;
  goods: ExportReturnLine[];
  office: Backfill['competentOffice'];
}

type Stored = Omit<Draft, 'values'> & { values: Omit<FormValues, 'returnAgreementDate'> & { returnAgreementDate?: string | null } };

export const draftKey = (userId: string, id: string | undefined) => `rt.er.draft.${userId}.${id ?? 'new'}`;

export function readDraft(key: string, version: number | null): Draft | null {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Stored;
    if (d.version !== version) {
      sessionStorage.removeItem(key);
      return null;
    }
    const { returnAgreementDate, ...rest } = d.values;
    return { ...d, values: { ...rest, returnAgreementDate: returnAgreementDate ? dayjs(returnAgreementDate) : null } };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, d: Draft): void {
  try {
    const stored: Stored = {
      ...d,
      values: { ...d.values, returnAgreementDate: d.values.returnAgreementDate?.format('YYYY-MM-DD') ?? null },
    };
    sessionStorage.setItem(key, JSON.stringify(stored));
  } catch {
    /* storage full or disabled: the input lives as long as the page */
  }
}

export function dropDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    /* storage disabled */
  }
}
