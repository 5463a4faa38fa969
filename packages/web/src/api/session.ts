import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PreferencesInput, SessionInfo } from '@returntrace/domain';
import { currentLang, setLang, type Lang } from '../i18n';
import { ApiError, get, put } from './client';

/** GET /api/v1/session as the server defines it (`sessionInfoSchema` in @returntrace/domain). */
export type Session = SessionInfo;

export const SESSION_KEY = ['session'] as const;

/** The user's saved language (`user.locale`: `zh-CN` | `en`) as the UI's language, and back. */
export const langOfLocale = (locale: string | undefined): Lang => (locale === 'en' ? 'en' : 'zh');
export const localeOfLang = (lang: Lang): 'zh-CN' | 'en' => (lang === 'en' ? 'en' : 'zh-CN');

/** The saved language is applied once per page load (here) and after every login (see `applySavedLanguage`). */
let savedLanguageApplied = false;

/** Switches the UI to the language the user saved on the server, so it follows her from browser to browser. */
export async function applySavedLanguage(session: Session): Promise<void> {
  savedLanguageApplied = true;
  const lang = langOfLocale(session.user.locale);
  if (lang !== currentLang()) await setLang(lang);
}

/**
 * GET /api/v1/session also answers for a session that is half-way through the second factor (with no
 * permissions); for the UI that is not logged in yet.
 */
export async function fetchSession(): Promise<Session> {
  const s = await get<Session>('/session', undefined, { noAuthRedirect: true });
  if (s.stage !== 'active' || s.permissions.length === 0) {
    throw new ApiError(401, {
      type: 'urn:returntrace:problem:unauthenticated', title: 'Please log in', titleZh: '请先登录',
    });
  }
  if (!savedLanguageApplied) await applySavedLanguage(s);
  return s;
}

/**
 * Changes the UI language and, when someone is logged in, saves it with her account (PUT /me/preferences). The
 * switch itself never waits for the server; a failed save is reported by the returned promise.
 */
export async function changeLanguage(qc: QueryClient, lang: Lang): Promise<void> {
  await setLang(lang);
  const session = qc.getQueryData<Session>(SESSION_KEY);
  if (!session) return; // the login page: remembered in this browser only
  const locale = localeOfLang(lang);
  if (session.user.locale === locale) return;
  await put('/me/preferences', { locale } satisfies PreferencesInput);
  qc.setQueryData<Session>(SESSION_KEY, (s) => (s ? { ...s, user: { ...s.user, locale } } : s));
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
  const perms = new Set<string>(data?.permissions ?? []);
  return (perm?: string) => !perm || perms.has(perm);
}

export function useResetSession() {
  const qc = useQueryClient();
  return () => {
    qc.clear();
  };
}
