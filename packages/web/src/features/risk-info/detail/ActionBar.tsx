import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RiskInfoView } from '@returntrace/domain';
import { problemText } from '../../../api/problem';
import { act, collectionFormPdfUrl, openInvestigation } from '../api';
import { ActionModal, type ModalKind } from './ActionModal';
import { EditDrawer } from './EditDrawer';
import { useSimpleAction } from './useRecordAction';

/**
 * The record's actions, offered only as its `allowedActions` say (state machine + the caller's permissions on the
 * server). Re-deciding the type belongs to whoever may edit the form.
 */
export function ActionBar({ record, reload }: { record: RiskInfoView; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<ModalKind | 'edit' | null>(null);
  const simple = useSimpleAction(record, reload);
  const allowed = new Set<string>(record.allowedActions);
  const a = (k: string) => t(`ri.act.${k}`);

  const confirm = (title: string, onOk: () => Promise<unknown>) =>
    modal.confirm({ title, okText: t('common.confirm'), cancelText: t('common.cancel'), onOk });

  const openCase = () => confirm(t('ri.m.openCaseConfirm'), async () => {
    try {
      const c = await openInvestigation(record.id);
      message.success(t('ri.msg.open_case'));
      navigate(`/investigations/${c.id}`);
    } catch (e) {
      message.error(problemText(e));
    }
  });

  const btn = (kind: ModalKind | 'edit', primary = false, danger = false) => (allowed.has(kind) ? (
    <Button key={kind} type={primary ? 'primary' : 'default'} danger={danger} onClick={() => setOpen(kind)} data-testid={`ri-act-${kind}`}>
      {a(kind)}
    </Button>
  ) : null);

  return (
    <>
      <Space wrap data-testid="ri-actions">
        {btn('review', true)}
        {btn('transfer', true)}
        {allowed.has('accept') ? (
          <Button type="primary" data-testid="ri-act-accept"
            onClick={() => confirm(t('ri.m.acceptConfirm'), () => simple('accept', () => act(record, 'accept', {})))}>{a('accept')}</Button>
        ) : null}
        {btn('decline', false, true)}
        {allowed.has('open_case') ? <Button type="primary" onClick={openCase} data-testid="ri-act-open-case">{a('open_case')}</Button> : null}
        {record.investigationId ? (
          <Button onClick={() => navigate(`/investigations/${record.investigationId}`)} data-testid="ri-view-case">{a('viewCase')}</Button>
        ) : null}
        {btn('edit')}
        {allowed.has('edit') ? (
          <Button data-testid="ri-act-redecide"
            onClick={() => confirm(t('ri.m.redecideConfirm'), () => simple('redecide', () => act(record, 'redecide', {})))}>{a('redecide')}</Button>
        ) : null}
        {btn('override_type')}
        {allowed.has('mark_crime_lead') ? (record.crimeLead.marked ? (
          <Button data-testid="ri-act-unmark-crime-lead" onClick={() => confirm(t('ri.m.unmarkConfirm'),
            () => simple('unmark_crime_lead', () => act(record, 'crime-lead', { crimeLead: false, note: '' })))}>{a('unmark_crime_lead')}</Button>
        ) : btn('mark_crime_lead')) : null}
        {btn('dismiss', false, true)}
        {btn('reopen')}
        {allowed.has('print') ? (
          <Button icon={<PrinterOutlined />} href={collectionFormPdfUrl(record.id)} target="_blank" rel="noreferrer" data-testid="ri-act-print">
            {a('print')}
          </Button>
        ) : null}
      </Space>
      {open === 'edit' ? <EditDrawer record={record} reload={reload} onClose={() => setOpen(null)} /> : null}
      {open && open !== 'edit' ? <ActionModal kind={open} record={record} reload={reload} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
