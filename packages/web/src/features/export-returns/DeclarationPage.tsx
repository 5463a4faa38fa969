import { useParams } from 'react-router';
import { isUuid } from '../../api/client';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../components/layout/tabs';
import { useExportReturn } from './api';
import { DecisionCard } from './audit/DecisionCard';
import { DeclarationEditor } from './form/DeclarationEditor';
import { ReceiptsPanel } from './ReceiptsPanel';
import './i18n';
import './export-returns.css';

/**
 * /export-returns/new (a new declaration), /export-returns/:id (a saved one) and /export-returns/audit/:id (the same
 * declaration read-only for the auditor, with the decision). What may be done comes from the record's allowedActions.
 */
export default function DeclarationPage({ audit = false }: { audit?: boolean }) {
  const { id } = useParams();
  if (id === undefined) return <DeclarationEditor key="new" initial={null} reload={async () => undefined} />;
  return isUuid(id) ? <SavedDeclaration id={id} audit={audit} /> : <NotFound />;
}

function SavedDeclaration({ id, audit }: { id: string; audit: boolean }) {
  const q = useExportReturn(id);
  usePageTitle(q.data?.unifiedNo);
  const reload = async () => (await q.refetch()).data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {q.data ? (
        <>
          {/* the auditor's view follows every new version; the enterprise's form keeps its own unsaved input */}
          <DeclarationEditor key={audit ? `${id}:${q.data.version}` : id} initial={q.data} reload={reload} />
          {audit ? <DecisionCard record={q.data} reload={reload} /> : null}
          <ReceiptsPanel id={id} unifiedNo={q.data.unifiedNo} />
        </>
      ) : null}
    </QueryState>
  );
}

export function AuditDeclarationPage() {
  return <DeclarationPage audit />;
}
