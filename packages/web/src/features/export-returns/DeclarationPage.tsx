import { useCallback, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { isUuid } from '../../api/client';
import { useCan } from '../../api/session';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/layout/tabs';
import { useExportReturn } from './api';
import { DecisionCard } from './audit/DecisionCard';
import { DeclarationEditor } from './form/DeclarationEditor';
import { ReceiptsPanel } from './ReceiptsPanel';
import { RiskRecordLink } from '../risk-info/RiskRecordLink';
import './i18n';
import './export-returns.css';

/**
 * /export-returns/new (a new declaration), /export-returns/:id (a saved one) and /export-returns/audit/:id (the same
 * page reached from the audit queue). What may be done — edit, delete, submit, approve, reject — comes from the
 * record's allowedActions.
 */
export default function DeclarationPage() {
  const { id } = useParams();
  const form = useFormSlot(id);
  if (id !== undefined && !isUuid(id)) return <NotFound />;
  return <Declaration id={id} formKey={form.key} onCreated={form.created} />;
}

/**
 * Which form instance the page shows. The router keeps this page mounted from /export-returns/new to
 * /export-returns/:id (same component, no key), so the form that has just saved a new declaration carries on as
 * that record's page: no second form is mounted, and nothing the user clicks in between reaches an abandoned one.
 * Any other change of the URL (another record, 新增 again) starts a fresh form.
 */
function useFormSlot(id: string | undefined) {
  const fresh = useRef(0);
  const [slot, setSlot] = useState<{ id: string | undefined; key: string; created?: string }>(
    () => ({ id, key: id ?? 'new:0' }),
  );
  let current = slot;
  if (slot.id !== id) {
    const continues = slot.id === undefined && id !== undefined && id === slot.created;
    current = continues ? { id, key: slot.key } : { id, key: id ?? `new:${(fresh.current += 1)}` };
    setSlot(current);
  }
  const created = useCallback((rid: string) => setSlot((s) => (s.id === undefined ? { ...s, created: rid } : s)), []);
  return { key: current.key, created };
}

function Declaration({ id, formKey, onCreated }: {
  id: string | undefined; formKey: string; onCreated: (id: string) => void;
}) {
  const q = useExportReturn(id);
  const declare = useCan()('export_returns.declare');
  usePageTitle(q.data?.unifiedNo);
  const reload = async () => (id ? (await q.refetch()).data : undefined);
  // null: a new declaration; undefined: the saved one is still loading
  const record = id === undefined ? null : q.data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {record !== undefined ? (
        <>
          {/* a customs view follows every new version; the enterprise's form keeps its own unsaved input */}
          <DeclarationEditor key={declare || !record ? formKey : `${record.id}:${record.version}`}
            initial={record} reload={reload} onCreated={onCreated} />
          {record ? (
            <>
              {/* shown when the record's allowedActions offer approve / reject to the caller */}
              <DecisionCard record={record} reload={reload} />
              {/* an approved declaration became risk information (风险信息); customs users follow it there */}
              <RiskRecordLink unifiedNo={record.unifiedNo} status={record.status} />
              <ReceiptsPanel id={record.id} unifiedNo={record.unifiedNo} />
            </>
          ) : null}
        </>
      ) : null}
    </QueryState>
  );
}

/** The auditor opens the same page from her queue; the route only keeps the audit menu entry selected. */
export const AuditDeclarationPage = DeclarationPage;
