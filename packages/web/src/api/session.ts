import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get } from './client';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  lastLoginAt?: string | null;
  locale?: string;
}
export interface SessionOrg {
  id: string;
  kind: string;
  code: string;
  nameZh: string;
  nameEn: string;
}
export interface Session {
  user: SessionUser;
  org: SessionOrg;
  roles: string[];
  permissions: string[];
  csrfToken: string;
  mfa: { enrolled: boolean; required: boolean };
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  /** not in the contract yet: 'active' | 'mfa_pending' | 'mfa_enrolment' */
  stage?: string;
}

export const SESSION_KEY = ['session'] as const;

/**
 * GET /api/v1/session also answers for a session that is half-way through the second factor (with no
 * permissions); for the UI that is not logged in yet.
 */
export async function fetchSession(): Promise<Session> {
  const s = await get<Session>('/session', undefined, { noAuthRedirect: true });
  if ((s.stage && s.stage !== 'active') || s.permissions.length === 0) {
    throw new ApiError(401, {
      type: 'urn:returntrace:problem:unauthenticated', title: 'Please log in', titleZh: '请先登录',
    });
  }
  return s;
}

/** The caller's session; `data` is undefined until loaded, the query errors with 401 when logged out. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** The loaded session inside the authenticated layout (never undefined there). */
export function useAuthedSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useAuthedSession outside the authenticated layout');
  return data;
}

export function useCan() {
  const { data } = useSession();
  const perms = new Set(data?.permissions ?? []);
  return (perm?: string) => !perm || perms.has(perm);
}

export function useResetSession() {
  const qc = useQueryClient();
  return () => {
    qc.clear();
  };
}
