import { useEffect, useRef, useState } from 'react';
import { App, type FormInstance, type ModalFuncProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { exportReturnInputSchema, type Backfill, type ExportReturnInput, type ExportReturnView } from '@returntrace/domain';
import { isApiError } from '../../../api/client';
import { problemText } from '../../../api/problem';
import { useLeavePage } from '../../../components/layout/tabs';
import { useLang } from '../../../i18n/labels';
import {
  createExportReturn, deleteExportReturn, ER_KEY, fetchBackfill, printUrl, saveExportReturn, submitExportReturn,
} from '../api';
import { statusLabel } from '../labels';
import { fieldErrorsAsIssues, type useFieldChecks } from './useFieldChecks';
import { backfillLines, fromInput, type FormValues } from './values';

type Issue = { field: string; message: string; messageZh: string };

interface Deps {
  form: FormInstance<FormValues>;
  checks: ReturnType<typeof useFieldChecks>;
  record: ExportReturnView | null;
  enabled: { new: boolean; save: boolean; remove: boolean; submit: boolean; print: boolean };
  dirty: boolean;
  reload: () => Promise<ExportReturnView | undefined>;
  /** the page keeps this form as the new record's page (see DeclarationPage) */
  onCreated?: (id: string) => void;
  onRecord: (r: ExportReturnView) => void;
  onBackfill: (b: Backfill | null) => void;
  onReset: () => void;
}

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, an intranet may serve plain HTTP. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The server is still working on the first request sent with this key. */
const inProgress = (e: unknown) => isApiError(e) && e.errors.some((x) => x.code === 'idempotency_key_in_progress');
/** The request may have reached the server: a retry must carry the same idempotency key. */
const uncertain = (e: unknown) => !isApiError(e) || e.status >= 500 || inProgress(e);

/** 新增 / 暂存 / 删除 / 提交 / 打印 and the import-number backfill (003 §4.1.2). */
export function useDeclarationActions(d: Deps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const leave = useLeavePage();
  const { pathname } = useLocation();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ error: unknown; unmatched: Issue[] } | null>(null);
  const pendingSubmit = useRef<{ key: string; body: string; id: string } | null>(null);
  const busyRef = useRef(false);
  // the record as last answered by the server: a dialog confirmed later acts on it, not on the one it was opened with
  const recordRef = useRef(d.record);
  recordRef.current = d.record;
  // Confirmation dialogs (modal.confirm) live outside this form; when the form goes away they go with it, so that
  // nothing is confirmed from a form the user no longer sees.
  const dialogs = useRef(new Set<{ destroy: () => void }>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    const open = dialogs.current;
    return () => {
      mounted.current = false;
      open.forEach((h) => h.destroy());
      open.clear();
    };
  }, []);
  const confirm = (props: ModalFuncProps) => {
    const h = modal.confirm({ ...props, afterClose: () => { dialogs.current.delete(h); props.afterClose?.(); } });
    dialogs.current.add(h);
  };
  /** Navigates only while this form is shown (an answer arriving after the user left must not pull them back). */
  const go = (to: string, opts?: { replace?: boolean }) => { if (mounted.current) leave(to, opts); };

  const run = async (name: string, fn: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(name);
    setProblem(null);
    try {
      await fn();
    } catch (e) {
      failed(e);
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  const adopt = (r: ExportReturnView) => {
    recordRef.current = r;
    // a read of the record still under way (e.g. the refetch when its page opened) would overwrite this newer
    // version with the one it read before; cancelling reverts synchronously, so the write below is the last one
    void qc.cancelQueries({ queryKey: [...ER_KEY, 'detail', r.id], exact: true });
    qc.setQueryData([...ER_KEY, 'detail', r.id], r);
    void qc.invalidateQueries({ queryKey: [...ER_KEY, 'list'] });
    void qc.invalidateQueries({ queryKey: [...ER_KEY, 'dashboard'] });
    void qc.invalidateQueries({ queryKey: [...ER_KEY, 'receipts', r.id] });
    d.checks.clearExternal();
    d.form.resetFields();
    d.form.setFieldsValue(fromInput(r.input, r.lines));
    d.onRecord(r);
  };

  /** The first save of a new declaration: this form carries on as the saved record's page. */
  const created = (r: ExportReturnView) => {
    adopt(r);
    if (!mounted.current) return;
    d.onCreated?.(r.id);
    go(`/export-returns/${r.id}`, { replace: true });
  };

  const failed = (e: unknown) => {
    if (isApiError(e) && e.status === 412) {
      confirm({
        title: t('er.msg.staleTitle'), content: t('er.msg.stale'), okText: t('er.btn.reload'), cancelText: t('common.cancel'),
        onOk: async () => { const r = await d.reload(); if (r) adopt(r); },
      });
      return;
    }
    const unmatched = isApiError(e) && e.errors.length > 0 ? d.checks.show(fieldErrorsAsIssues(e.errors), true) : [];
    setProblem({ error: e, unmatched });
    message.error(problemText(e));
  };

  /** Form values checked by the domain; null when something is wrong (shown on the fields). */
  const checked = (submit: boolean): ExportReturnInput | null => {
    const v = d.checks.check(submit);
    if (v.issues.length === 0) return v.input;
    if (v.unmatched.length > 0) setProblem({ error: new Error(t('er.msg.fixErrors')), unmatched: v.unmatched });
    message.error(t('er.msg.fixErrors'));
    return null;
  };

  const backfill = () => run('backfill', async () => {
    const no = String(d.form.getFieldValue('importDeclarationNo') ?? '').trim();
    d.form.setFieldValue('importDeclarationNo', no);
    if (!exportReturnInputSchema.shape.importDeclarationNo.safeParse(no).success) {
      await d.form.validateFields(['importDeclarationNo']).catch(() => undefined);
      return;
    }
    try {
      const b = await fetchBackfill(no);
      d.form.setFieldsValue({
        consigneeAddress: b.filled.consigneeAddress, consumerDistrict: b.filled.consumerDistrict || undefined,
        lines: backfillLines(b.lines),
      });
      d.checks.setExternal('importDeclarationNo', []);
      d.onBackfill(b);
      message.success(t('er.msg.backfilled'));
    } catch (e) {
      if (!isApiError(e) || e.status === 401 || e.status >= 500) throw e;
      // refusals (unknown number, export declaration, not the enterprise's, withdrawn) belong beside the field
      const own = e.errors.find((x) => x.field === 'importDeclarationNo');
      d.form.setFieldValue('lines', []);
      d.onBackfill(null);
      d.checks.setExternal('importDeclarationNo', [own ?? {
        field: 'importDeclarationNo', message: e.detail || e.title, messageZh: e.detailZh || e.titleZh,
      }]);
    }
  });

  const save = () => run('save', async () => {
    if (!d.enabled.save) return;
    const input = checked(false);
    if (!input) return;
    const rec = recordRef.current;
    const r = rec ? await saveExportReturn(rec.id, rec.version, input) : await createExportReturn(input);
    message.success(t('er.msg.saved'));
    if (rec) adopt(r);
    else created(r);
  });

  const submitNow = (input: ExportReturnInput) => run('submit', async () => {
    let rec = recordRef.current;
    if (!rec) {
      rec = await createExportReturn(input);
      created(rec);
    }
    const body = JSON.stringify(input);
    const p = pendingSubmit.current;
    const key = p && p.id === rec.id && p.body === body ? p.key : uuid();
    pendingSubmit.current = { key, body, id: rec.id };
    let r: ExportReturnView;
    try {
      r = await submitExportReturn(rec.id, rec.version, input, key);
    } catch (e) {
      if (!uncertain(e)) { pendingSubmit.current = null; throw e; }
      // the first answer was lost, the server failed or is still busy with it: ask once more with the same key
      // (the server replays the first answer, never submits twice); a later click with the same input reuses it too
      await new Promise((done) => setTimeout(done, 1000));
      r = await submitExportReturn(rec.id, rec.version, input, key);
    }
    pendingSubmit.current = null;
    adopt(r);
    message.success(t('er.msg.submitted', { status: statusLabel(r.status, lang) }));
  });

  const submit = () => {
    if (!d.enabled.submit || busyRef.current) return;
    setProblem(null);
    const input = checked(true);
    if (!input) return;
    confirm({ title: t('er.msg.submitTitle'), content: t('er.msg.submitText'), okText: t('er.btn.submit'),
      cancelText: t('common.cancel'), onOk: () => { void submitNow(input); } });
  };

  const remove = () => {
    const rec = d.record;
    if (!d.enabled.remove || !rec || busyRef.current) return;
    confirm({
      title: t('er.msg.deleteTitle'), content: t('er.msg.deleteText'), okText: t('er.btn.delete'), okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => run('delete', async () => {
        await deleteExportReturn(rec.id, rec.version);
        message.success(t('er.msg.deleted'));
        qc.removeQueries({ queryKey: [...ER_KEY, 'detail', rec.id] });
        void qc.invalidateQueries({ queryKey: [...ER_KEY, 'list'] });
        void qc.invalidateQueries({ queryKey: [...ER_KEY, 'dashboard'] });
        go('/export-returns/new');
      }),
    });
  };

  const newOne = () => {
    if (!d.enabled.new) return;
    const start = () => {
      d.checks.clearExternal();
      setProblem(null);
      if (pathname.endsWith('/new')) d.onReset();
      else navigate('/export-returns/new');
      setTimeout(() => document.getElementById('er_importDeclarationNo')?.focus(), 0);
    };
    if (!d.dirty) { start(); return; }
    confirm({ title: t('er.msg.discardTitle'), content: t('er.msg.discard'), okText: t('er.btn.new'),
      cancelText: t('common.cancel'), onOk: start });
  };

  const print = () => {
    if (d.enabled.print && d.record) window.open(printUrl(d.record.id), '_blank', 'noopener');
  };

  return { busy, problem, clearProblem: () => setProblem(null), backfill, save, submit, remove, newOne, print };
}
