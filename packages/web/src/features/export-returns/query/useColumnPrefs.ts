import { useState } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { SESSION_KEY, useAuthedSession, type Session } from '../../../api/session';
import { problemText } from '../../../api/problem';
import { savePreference } from '../api';

type WithPrefs = { preferences?: Record<string, unknown> };

/**
 * Visible columns of a list (选择显示列), remembered with the user on the server (PUT /me/preferences) and read
 * back from the session, so that the choice follows the user to another browser.
 */
export function useColumnPrefs(key: string, all: readonly string[], defaults: readonly string[]) {
  const session = useAuthedSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const stored = (session.user as WithPrefs).preferences?.[key];
  const initial = Array.isArray(stored) ? stored.filter((c): c is string => typeof c === 'string' && all.includes(c)) : null;
  const [visible, setVisible] = useState<string[]>(initial && initial.length > 0 ? initial : [...defaults]);

  const update = (next: string[]) => {
    const ordered = all.filter((c) => next.includes(c));
    if (ordered.length === 0) return; // a list without columns shows nothing; keep at least one
    setVisible(ordered);
    savePreference(key, ordered)
      .then(() => qc.setQueryData<Session>(SESSION_KEY, (s) => (s ? {
        ...s, user: { ...s.user, preferences: { ...((s.user as WithPrefs).preferences ?? {}), [key]: ordered } } as Session['user'],
      } : s)))
      .catch((e: unknown) => message.error(problemText(e)));
  };
  return { visible, update };
}
