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
import './i18n';
import './export-returns.css';

/**
 * /export-returns/new (a new declaration), /export-returns/:id (a saved one) and /export-returns/audit/:id (the same
 * page reached from the audit queue). What may be done — edit, delete, submit, approve, reject — comes from the
 * record's allowedActions.
 */
export default function DeclarationPage() {
  const { id } = useParams();
  if (id === undefined) return <DeclarationEditor key="new" initial={null} reload={async () => undefined} />;
  return isUuid(id) ? <SavedDeclaration id={id} /> : <NotFound />;
}

function SavedDeclaration({ id }: { id: string }) {
  const q = useExportReturn(id);
  const declare = useCan()('export_returns.declare');
  usePageTitle(q.data?.unifiedNo);
  const reload = async () => (await q.refetch()).data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {q.data ? (
        <>
          {/* a customs view follows every new version; the enterprise's form keeps its own unsaved input */}
          <DeclarationEditor key={declare ? id : `${id}:${q.data.version}`} initial={q.data} reload={reload} />
          {/* shown when the record's allowedActions offer approve / reject to the caller */}
          <DecisionCard record={q.data} reload={reload} />
          <ReceiptsPanel id={id} unifiedNo={q.data.unifiedNo} />
        </>
      ) : null}
    </QueryState>
  );
}

/** The auditor opens the same page from her queue; the route only keeps the audit menu entry selected. */
export const AuditDeclarationPage = DeclarationPage;
