import { Alert, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { EnterpriseCaseView, QuestionnaireView } from '@returntrace/domain';
import { isUuid } from '../../api/client';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { fmtTime } from '../../i18n/format';
import { useLang } from '../../i18n/labels';
import { QnStateTag, StateTag, TypeTag, orgLabel, vLabel } from '../investigations/labels';
import { AnswerView } from '../investigations/detail/AnswerView';
import { answerFileUrl, usePortalCase } from './api';
import { AnswerForm } from './AnswerForm';
import './i18n';
import '../investigations/investigations.css';

/** One case as the enterprise sees it: what is asked of it and by when, its answers, and the outcome once closed. */
export default function PortalCasePage() {
  const { id } = useParams();
  const valid = isUuid(id);
  const q = usePortalCase(valid ? id : undefined);
  if (!valid) return <NotFound />;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
      {q.data ? <CaseView c={q.data} /> : null}
    </QueryState>
  );
}

function CaseView({ c }: { c: EnterpriseCaseView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = (k: string) => t(`portal.${k}`);
  return (
    <div className="rt-page" data-testid="portal-case-page">
      <Card title={t('portal.caseTitle', { no: c.caseNo })}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={p('caseNo')}><span className="rt-mono" data-testid="portal-case-no">{c.caseNo}</span></Descriptions.Item>
          <Descriptions.Item label={p('type')}><TypeTag type={c.type} lang={lang} /></Descriptions.Item>
          <Descriptions.Item label={p('state')}><StateTag state={c.state} lang={lang} /></Descriptions.Item>
          <Descriptions.Item label={p('office')}>{orgLabel(c.office, lang)}</Descriptions.Item>
          <Descriptions.Item label={p('investigatingOrg')}>{orgLabel(c.investigatingOrg, lang)}</Descriptions.Item>
          <Descriptions.Item label={p('openedAt')}>{fmtTime(c.openedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {c.outcome ? (
        <Card title={p('outcomeTitle')} data-testid="portal-outcome">
          <p style={{ whiteSpace: 'pre-wrap' }}>{c.outcome.summary}</p>
          {c.outcome.correctiveActions.length > 0 ? (
            <Table size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={c.outcome.correctiveActions}
              title={() => p('correctiveActions')}
              columns={[
                { title: p('action'), dataIndex: 'action' },
                { title: p('dueOnAction'), dataIndex: 'dueOn', width: 120 },
                { title: p('done'), dataIndex: 'done', width: 90, render: (v: boolean) => (v ? <Tag color="success">{t('common.yes')}</Tag> : t('common.no')) },
              ]} />
          ) : null}
        </Card>
      ) : null}
      <Card title={p('requests')}>
        {c.questionnaires.length === 0 ? <Empty description={p('noRequests')} /> : c.questionnaires.map((q) => <Request key={q.id} q={q} />)}
      </Card>
    </div>
  );
}

function Request({ q }: { q: QuestionnaireView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = (k: string) => t(`portal.${k}`);
  const awaiting = q.state === 'sent' || q.state === 'returned';
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="portal-questionnaire" data-id={q.id}
      title={<Space wrap><QnStateTag state={q.state} lang={lang} /><span>{p('dueOn')}: {q.dueOn}</span>
        {q.overdue ? <Tag color="error">{t('inv.qn.overdue')}</Tag> : null}</Space>}>
      {awaiting && q.overdue ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('portal.overdueBanner', { due: q.dueOn })} data-testid="portal-overdue-banner" /> : null}
      {awaiting && !q.overdue ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('portal.dueBanner', { due: q.dueOn })} data-testid="portal-due-banner" /> : null}
      {q.state === 'returned' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('portal.returnedBanner', { reason: q.returnReason })} /> : null}
      {q.state === 'withdrawn' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={p('withdrawn')} /> : null}
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={p('requested')}>{q.sections.map((s) => <Tag key={s}>{vLabel('section', s)}</Tag>)}</Descriptions.Item>
        {q.message ? <Descriptions.Item label={p('message')}><span style={{ whiteSpace: 'pre-wrap' }}>{q.message}</span></Descriptions.Item> : null}
      </Descriptions>
      {q.allowedActions.includes('answer') ? <AnswerForm q={q} /> : (
        q.state === 'withdrawn' ? null : (
          <>
            {q.answer ? <Alert type="success" showIcon style={{ marginBottom: 12 }} title={p('readOnly')} /> : null}
            <AnswerView q={q} fileUrl={(fileId) => answerFileUrl(q.id, fileId)} />
          </>
        )
      )}
    </Card>
  );
}
