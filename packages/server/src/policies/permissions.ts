import type { Role } from '@returntrace/domain';
import type { Actor } from '../context';

export const PERMISSIONS = [
  'orgs.read', 'orgs.manage', 'users.read', 'users.manage', 'audit.read', 'audit.verify',
  'refdata.read', 'refdata.manage', 'settings.manage',
  'export_returns.declare', 'export_returns.read', 'export_returns.audit',
  'customs_feed.read', 'customs_feed.load', 'policies.read', 'policies.manage',
  'risk_info.read', 'risk_info.collect', 'risk_info.review', 'risk_info.accept', 'risk_info.export_crime_leads',
  'investigations.read', 'investigations.manage', 'investigations.investigate', 'investigations.respond',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do anywhere in its jurisdiction. */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  enterprise_operator: ['refdata.read', 'export_returns.declare', 'export_returns.read', 'customs_feed.read', 'investigations.respond'],
  customs_officer: [
    'orgs.read', 'refdata.read', 'export_returns.read', 'customs_feed.read', 'policies.read',
    'risk_info.read', 'risk_info.collect', 'investigations.read',
  ],
  customs_auditor: [
    'orgs.read', 'refdata.read', 'export_returns.read', 'export_returns.audit', 'customs_feed.read', 'policies.read',
    'risk_info.read', 'risk_info.review', 'investigations.read', 'investigations.manage',
  ],
  investigator: [
    'orgs.read', 'refdata.read', 'export_returns.read', 'customs_feed.read', 'policies.read',
    'risk_info.read', 'risk_info.accept', 'investigations.read', 'investigations.investigate',
  ],
  risk_assessor: ['refdata.read'],
  warning_office: [
    'orgs.read', 'refdata.read', 'audit.read', 'export_returns.read', 'customs_feed.read', 'policies.read', 'policies.manage',
    'risk_info.read', 'risk_info.collect', 'risk_info.review', 'risk_info.accept', 'risk_info.export_crime_leads',
    'investigations.read', 'investigations.manage',
  ],
  sysadmin: ['orgs.read', 'orgs.manage', 'users.read', 'users.manage', 'audit.read', 'audit.verify', 'refdata.read', 'customs_feed.read'],
};

/**
 * National concerns (reference data shared by every office, platform-wide security settings, the customs
 * declaration feed) belong to the administrators of the General Administration only.
 */
const NATIONAL_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  sysadmin: ['refdata.manage', 'settings.manage', 'customs_feed.load'],
};

export function permissionsOf(actor: Pick<Actor, 'roles' | 'orgKind'>): Permission[] {
  const set = new Set<Permission>();
  for (const role of actor.roles) {
    for (const p of ROLE_PERMISSIONS[role] ?? []) set.add(p);
    if (actor.orgKind === 'gacc') for (const p of NATIONAL_PERMISSIONS[role] ?? []) set.add(p);
  }
  return [...set].sort();
}

export function can(actor: Pick<Actor, 'roles' | 'orgKind'>, permission: Permission): boolean {
  return permissionsOf(actor).includes(permission);
}
