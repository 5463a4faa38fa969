import { Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLES_BY_ORG_KIND, type OrgKind } from '@returntrace/domain';
import { roleLabel, useLang } from '../../i18n/labels';

/** The roles the chosen organisation's kind may hold (ROLES_BY_ORG_KIND); the server checks again. */
export function allowedRoles(kind: string | undefined): readonly string[] {
  if (!kind) return [];
  return ROLES_BY_ORG_KIND[kind as OrgKind] ?? ROLES;
}

export function RolesSelect({ id, value, onChange, kind, disabled }: {
  id?: string; value?: string[]; onChange?: (v: string[]) => void; kind?: string; disabled?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const allowed = allowedRoles(kind);
  if (!kind) return <Typography.Text type="secondary">{t('users.pickOrgFirst')}</Typography.Text>;
  return (
    <div id={id}>
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v as string[])} disabled={disabled} data-testid="user-roles">
        <Flex vertical gap={4}>
          {allowed.map((r) => <Checkbox key={r} value={r}>{roleLabel(r, lang)}</Checkbox>)}
        </Flex>
      </Checkbox.Group>
    </div>
  );
}
