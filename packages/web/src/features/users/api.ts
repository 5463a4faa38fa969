import { useQuery } from '@tanstack/react-query';
import type { User } from '@returntrace/domain';
import { get, type Page } from '../../api/client';

/** A user as GET /api/v1/users answers it (`userSchema` in @returntrace/domain). */
export type { User };

/**
 * The list's filters as they stand in the page address; the server validates them (`userListQuerySchema`: `role`
 * one of the roles, `active` 'true' | 'false') and answers 400 for anything else.
 */
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

/** Whether a user's login is locked now. */
export const isLocked = (u: User): boolean =>
  !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();

/** The user's organisation as a bilingual name. */
export const userOrg = (u: User) => ({ nameZh: u.orgNameZh, nameEn: u.orgNameEn });

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
