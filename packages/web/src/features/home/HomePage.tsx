import { useMemo } from 'react';
import { Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { myActivitySchema } from '@returntrace/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../api/client';
import { useAuthedSession, useCan } from '../../api/session';
import { LoadError } from '../../components/QueryState';
import { menuEntries } from '../../routes/meta';
import { actionLabel, kindLabel, orgName, resultColor, resultLabel, roleLabel, useLang } from '../../i18n/labels';
import { fmtTime } from '../../i18n/format';
import { InvestigationHomeCards } from '../investigations/HomeCards';

type Activity = ReturnType<typeof myActivitySchema.parse>['items'][number];

/**
 * Row keys for the activity list. The API (myActivitySchema) sends no audit row id, and time + action is not unique
 * (audit rows written in the same instant share their timestamp, e.g. two export_return.create), so repeats of a
 * time and action are numbered in the order the server sent them.
 */
function withKeys(items: Activity[]): (Activity & { key: string })[] {
  const seen = new Map<string, number>();
  return items.map((a) => {
    const base = `${a.at}-${a.action}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...a, key: n === 0 ? base : `${base}-${n}` };
  });
}

export default function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useAuthedSession();
  const can = useCan();
  const activity = useQuery({
    queryKey: ['me', 'activity'],
    queryFn: () => get<{ items: Activity[] }>('/me/activity'),
  });
  const rows = useMemo(() => withKeys(activity.data?.items ?? []), [activity.data]);
  const shortcuts = menuEntries().filter((m) => m.shortcut && can(m.perm));
  // the server keeps the login before this one (user.previousLoginAt); its client address, when still among the
  // caller's recent activity, comes from the audit trail
  const previousAt = session.user.previousLoginAt;
  const previousIp = previousAt
    ? activity.data?.items.find((a) => a.action === 'login.success'
      && Math.abs(Date.parse(a.at) - Date.parse(previousAt)) < 5_000)?.clientIp
    : undefined;

  return (
    <div className="rt-page" data-testid="home">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-welcome">
          {t('home.welcome', { name: session.user.displayName })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('home.username')}>{session.user.username}</Descriptions.Item>
          <Descriptions.Item label={t('home.org')}>
            <span data-testid="home-org">{orgName(session.org, lang)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.kind')}>{kindLabel(session.org.kind, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('home.roles')}>
            <Space size={[4, 4]} wrap data-testid="home-roles">
              {session.roles.map((r) => <Tag key={r} color="blue" className="rt-tag-wrap">{roleLabel(r, lang)}</Tag>)}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.thisLogin')}>
            <span data-testid="home-this-login">{fmtTime(session.user.lastLoginAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.lastLogin')}>
            <span data-testid="home-last-login">
              {previousAt ? `${fmtTime(previousAt)}${previousIp ? ` · ${previousIp}` : ''}` : t('home.never')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.sessionUntil')}>{fmtTime(session.idleExpiresAt)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <InvestigationHomeCards />

      {shortcuts.length > 0 ? (
        <Card title={t('home.shortcuts')} data-testid="home-shortcuts">
          <Row gutter={[12, 12]}>
            {shortcuts.map((m) => (
              <Col key={m.key} xs={12} sm={8} md={6} xl={4}>
                <Link to={m.key} className="rt-shortcut" data-testid={`shortcut-${m.key.slice(1)}`}>
                  <Card hoverable size="small" style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 26, color: '#1d5fa8' }}>{m.icon}</div>
                    <div style={{ marginTop: 6 }}>{t(m.titleKey)}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      ) : null}

      <Card title={t('home.recentActivity')} data-testid="home-activity">
        {activity.error ? (
          <LoadError error={activity.error} onRetry={() => void activity.refetch()} />
        ) : (
          <Table<Activity & { key: string }>
            size="small"
            rowKey="key"
            loading={activity.isLoading}
            dataSource={rows}
            pagination={false}
            columns={[
              { title: t('home.at'), dataIndex: 'at', width: 180, render: (v: string) => fmtTime(v) },
              { title: t('home.action'), dataIndex: 'action', render: (v: string) => actionLabel(v, lang) },
              { title: t('home.result'), dataIndex: 'result', width: 110,
                render: (v: string) => <Tag color={resultColor(v)}>{resultLabel(v, lang)}</Tag> },
              { title: t('home.clientIp'), dataIndex: 'clientIp', width: 160 },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
