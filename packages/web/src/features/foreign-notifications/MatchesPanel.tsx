import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { NotificationMatchView } from '@returntrace/domain';
import { post } from '../../api/client';
import { problemText } from '../../api/problem';
import { LoadError } from '../../components/QueryState';
import { fmtTime } from '../../i18n/format';
import { FN_KEY, useMatches } from './api';

const STATUS_COLOR = { proposed: 'processing', confirmed: 'success', rejected: 'default' } as const;

/** The proposed export returns of one notification, each confirmed or rejected by the officer. */
export function MatchesPanel({ notificationId }: { notificationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const matches = useMatches(notificationId);
  const [busy, setBusy] = useState<number | null>(null);

  const decide = async (m: NotificationMatchView, action: 'confirm' | 'reject') => {
    setBusy(m.id);
    try {
      await post(`/foreign-notifications/matches/${m.id}/${action}`);
      message.success(action === 'confirm' ? t('fn.confirmedMsg') : t('fn.rejectedMsg'));
      await qc.invalidateQueries({ queryKey: FN_KEY });
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(null);
    }
  };

  if (matches.error) return <LoadError error={matches.error} onRetry={() => void matches.refetch()} />;
  return (
    <div data-testid={`fn-matches-${notificationId}`}>
      <Typography.Text strong>{t('fn.matchesTitle')}</Typography.Text>
      <Table<NotificationMatchView>
        size="small"
        rowKey="id"
        loading={matches.isFetching}
        dataSource={matches.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('fn.noMatches') }}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 8 }}
        columns={[
          { title: t('fn.score'), dataIndex: 'score', width: 70, align: 'right' },
          {
            title: t('fn.unifiedNo'), key: 'er',
            render: (_v, m) => <Link to={`/export-returns/${m.exportReturn.id}`} className="rt-mono">{m.exportReturn.unifiedNo}</Link>,
          },
          { title: t('fn.returnNo'), key: 'rn', render: (_v, m) => m.exportReturn.returnNo ?? '—' },
          { title: t('fn.manufacturer'), key: 'mf', render: (_v, m) => m.exportReturn.manufacturerName || '—' },
          { title: t('fn.consignee'), key: 'cn', render: (_v, m) => m.exportReturn.consigneeName || '—' },
          { title: t('fn.returnCountry'), key: 'rc', render: (_v, m) => m.exportReturn.returnCountry || '—' },
          { title: t('fn.hsCodes'), key: 'hs', render: (_v, m) => <span className="rt-mono">{m.exportReturn.hsCodes.join(' ')}</span> },
          {
            title: t('fn.basis'), key: 'basis',
            render: (_v, m) => (
              <Space size={2} wrap>
                {m.basis.creditCode ? <Tag color="red">{t('fn.basisCreditCode')}</Tag> : null}
                {m.basis.name ? <Tag color="volcano">{t('fn.basisName')}</Tag> : null}
                {m.basis.hsHeading ? <Tag color="blue">{t('fn.basisHs', { heading: m.basis.hsHeading })}</Tag> : null}
                {m.basis.country ? <Tag>{t('fn.basisCountry')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('fn.status'), key: 'status',
            render: (_v, m) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLOR[m.status]} data-testid={`fn-match-status-${m.id}`}>{t(`fn.${m.status}`)}</Tag>
                {m.decidedBy ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.decidedBy} {fmtTime(m.decidedAt)}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: '', key: 'actions', fixed: 'right',
            render: (_v, m) => (m.status === 'proposed' ? (
              <Space>
                <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy === m.id} onClick={() => void decide(m, 'confirm')} data-testid={`fn-confirm-${m.id}`}>{t('fn.confirm')}</Button>
                <Button size="small" icon={<CloseOutlined />} disabled={busy === m.id} onClick={() => void decide(m, 'reject')} data-testid={`fn-reject-${m.id}`}>{t('fn.reject')}</Button>
              </Space>
            ) : null),
          },
        ]}
      />
    </div>
  );
}
