import { useQuery } from '@tanstack/react-query';
import { get, type Page } from '../../api/client';

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgNameZh?: string;
  orgNameEn?: string;
  roles: string[];
  active: boolean;
  email?: string;
  phone?: string;
  totpEnabled?: boolean;
  lockedUntil?: string | null;
  lastLoginAt?: string | null;
  createdAt?: string;
  version?: number;
}

export interface UserFilters {
  q?: string;
  orgId?: string;
  role?: string;
  active?: string;
  page: number;
  pageSize: number;
}

export function useUserList(params: UserFilters) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => get<Page<User>>('/users', { ...params }),
    placeholderData: (prev) => prev,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: () => get<User>(`/users/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

/** Whether a user is locked now (the server may answer `locked` or `lockedUntil`). */
export const isLocked = (u: User): boolean =>
  !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();

/** The user's organisation as a bilingual name. */
export const userOrg = (u: User) => ({ nameZh: u.orgNameZh ?? '', nameEn: u.orgNameEn ?? '' });

/** A random password that meets the policy (12+ characters, all four classes). */
export function generatePassword(length = 16): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];
  const all = sets.join('');
  const pick = (s: string) => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    return s[buf[0]! % s.length]!;
  };
  const chars = sets.map(pick);
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    const j = buf[0]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
