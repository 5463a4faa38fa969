import { useState } from 'react';
import { Badge, Card, Form, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { InvestigationView } from '@returntrace/domain';
import { isUuid } from '../../api/client';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { useInvestigation } from './api';
import { CaseHeader } from './detail/CaseHeader';
import { ActionsBar } from './detail/ActionsBar';
import { MembersPanel } from './detail/MembersPanel';
import { VisitsPanel } from './detail/VisitsPanel';
import { FilesPanel } from './detail/FilesPanel';
import { NotesPanel } from './detail/NotesPanel';
import { QuestionnairesPanel } from './detail/QuestionnairesPanel';
import { HistoryTimeline } from './detail/HistoryTimeline';
import { FindingsForm, useFindingsSave } from './findings/FindingsForm';
import type { FindingsValues } from './findings/values';
import './i18n';
import './investigations.css';

/** One investigation case (调查案件): header and actions above, its parts in tabs. */
export default function InvestigationPage() {
  const { id } = useParams();
  const valid = isUuid(id);
  const q = useInvestigation(valid ? id : undefined);
  if (!valid) return <NotFound />;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {q.data ? <CaseView view={q.data} /> : null}
    </QueryState>
  );
}

function CaseView({ view }: { view: InvestigationView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FindingsValues>();
  const saver = useFindingsSave(view, form);
  const [tab, setTab] = useState('findings');
  const answered = view.questionnaires.filter((x) => x.state === 'answered').length;
  // visits belong to on-site cases and questionnaires to written ones; either shows when it already has content
  const showVisits = view.type === 'on_site' || view.visits.length > 0;
  const showQuestionnaires = view.type === 'written' || view.questionnaires.length > 0;

  return (
    <div className="rt-page" data-testid="inv-page" data-case-id={view.id}>
      <Card title={t('inv.head.title', { no: view.caseNo })}
        extra={<ActionsBar view={view} findingsForm={form} saver={saver} showFindings={() => setTab('findings')} />}>
        <CaseHeader view={view} />
      </Card>
      <Card>
        <Tabs activeKey={tab} onChange={setTab} data-testid="inv-tabs"
          items={[
            // rendered even when hidden, so a submission's field errors always find their inputs
            { key: 'findings', label: t('inv.tab.findings'), forceRender: true, children: <FindingsForm view={view} form={form} saver={saver} /> },
            ...(showQuestionnaires ? [{
              key: 'questionnaires',
              label: <Space size={4}>{t('inv.tab.questionnaires')}<Badge count={answered} size="small" /></Space>,
              children: <QuestionnairesPanel view={view} />,
            }] : []),
            ...(showVisits ? [{ key: 'visits', label: t('inv.tab.visits'), children: <VisitsPanel view={view} /> }] : []),
            { key: 'files', label: t('inv.tab.files'), children: <FilesPanel view={view} /> },
            { key: 'notes', label: t('inv.tab.notes'), children: <NotesPanel view={view} /> },
            { key: 'members', label: t('inv.tab.members'), children: <MembersPanel view={view} /> },
            { key: 'history', label: t('inv.tab.history'), children: <HistoryTimeline view={view} /> },
          ]} />
      </Card>
    </div>
  );
}
