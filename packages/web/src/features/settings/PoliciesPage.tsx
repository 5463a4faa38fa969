import { useState } from 'react';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { POLICY_KINDS, type PolicyKind } from '@returntrace/domain';
import { POLICY_KIND_UIS } from './policies/kinds';
import { PolicyVersionsPanel } from './policies/PolicyVersionsPanel';
import './policies/i18n';

/**
 * Versions of the per-jurisdiction policies (政策版本), one tab per kind: the export-return electronic audit policy
 * and the investigation-type policy (调查方式). Each tab lists the versions with the one in force and, for the
 * warning office, drafts, edits, withdraws and publishes.
 */
export default function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const [active, setActive] = useState<PolicyKind>(POLICY_KIND_UIS[0]!.kind);
  return (
    <Card title={t('menu.policies')} className="rt-page" data-testid="policies-page">
      <Tabs activeKey={active} onChange={(k) => setActive(k as PolicyKind)} aria-label={t('pol.tabsLabel')}
        items={POLICY_KIND_UIS.map((ui) => {
          const label = POLICY_KINDS[ui.kind].label;
          return {
            key: ui.kind,
            label: <span data-testid={`policy-tab-${ui.kind}`}>{lang === 'en' ? `${label.en} (${label.zh})` : label.zh}</span>,
            children: <PolicyVersionsPanel ui={ui} />,
          };
        })} />
    </Card>
  );
}
