import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { pageFor } from '../../routes/meta';

/** One opened page in the tab strip: keyed by path, remembers the last URL (filters, paging). */
export interface PageTab {
  key: string;
  url: string;
  titleKey: string;
  /** set by the page itself (e.g. the organisation's name) */
  title?: string;
}

interface TabsApi {
  tabs: PageTab[];
  activeKey: string;
  activate: (key: string) => void;
  close: (key: string) => void;
  closeOthers: () => void;
  closeAll: () => void;
  setTitle: (key: string, title: string) => void;
  /** drops a tab without navigating (e.g. the "new" form once the record exists) */
  forget: (key: string) => void;
}

const HOME: PageTab = { key: '/', url: '/', titleKey: 'menu.home' };
const TabsContext = createContext<TabsApi | null>(null);

function load(storageKey: string): PageTab[] {
  try {
    const raw = sessionStorage.getItem(storageKey);
    const parsed = raw ? (JSON.parse(raw) as PageTab[]) : [];
    const rest = Array.isArray(parsed) ? parsed.filter((t) => t && typeof t.key === 'string' && t.key !== '/') : [];
    return [HOME, ...rest];
  } catch {
    return [HOME];
  }
}

export function TabsProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const storageKey = `rt.tabs.${userId}`;
  const location = useLocation();
  const navigate = useNavigate();
  const [stored, setTabs] = useState<PageTab[]>(() => load(storageKey));
  // Titles set by pages live apart from the tabs: a page's effect runs before this provider opens its tab.
  const [titles, setTitles] = useState<Record<string, string>>({});
  const tabs = useMemo(
    () => stored.map((t) => (titles[t.key] ? { ...t, title: titles[t.key] } : t)),
    [stored, titles],
  );
  const activeKey = location.pathname.replace(/\/+$/, '') || '/';

  // Every visited route opens (or re-activates) its tab.
  useEffect(() => {
    const url = location.pathname + location.search;
    const titleKey = pageFor(activeKey)?.titleKey ?? 'page.notFound';
    setTabs((prev) => {
      const i = prev.findIndex((t) => t.key === activeKey);
      if (i < 0) return [...prev, { key: activeKey, url, titleKey }];
      const cur = prev[i]!;
      if (cur.url === url && cur.titleKey === titleKey) return prev;
      const next = prev.slice();
      next[i] = { ...cur, url, titleKey };
      return next;
    });
  }, [activeKey, location.pathname, location.search]);

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(tabs));
    } catch {
      /* storage full or disabled */
    }
  }, [tabs, storageKey]);

  const activate = useCallback((key: string) => {
    const tab = tabs.find((t) => t.key === key);
    if (tab) navigate(tab.url);
  }, [tabs, navigate]);

  const close = useCallback((key: string) => {
    if (key === '/') return;
    const i = tabs.findIndex((t) => t.key === key);
    if (i < 0) return;
    const next = tabs.filter((t) => t.key !== key);
    setTabs(next);
    if (key === activeKey) {
      const neighbour = next[Math.min(i, next.length - 1)] ?? HOME;
      navigate(neighbour.url);
    }
  }, [tabs, activeKey, navigate]);

  const closeOthers = useCallback(() => {
    setTabs((prev) => prev.filter((t) => t.key === '/' || t.key === activeKey));
  }, [activeKey]);

  const closeAll = useCallback(() => {
    setTabs([HOME]);
    if (activeKey !== '/') navigate('/');
  }, [activeKey, navigate]);

  const setTitle = useCallback((key: string, title: string) => {
    setTitles((prev) => (prev[key] === title ? prev : { ...prev, [key]: title }));
  }, []);

  const forget = useCallback((key: string) => {
    if (key !== '/') setTabs((prev) => prev.filter((t) => t.key !== key));
  }, []);

  const api = useMemo<TabsApi>(
    () => ({ tabs, activeKey, activate, close, closeOthers, closeAll, setTitle, forget }),
    [tabs, activeKey, activate, close, closeOthers, closeAll, setTitle, forget],
  );
  return <TabsContext.Provider value={api}>{children}</TabsContext.Provider>;
}

export function useTabs(): TabsApi {
  const api = useContext(TabsContext);
  if (!api) throw new Error('useTabs outside TabsProvider');
  return api;
}

/**
 * Navigates from a form page to the result and drops the form's tab. `replace` swaps the history entry (a new
 * record's form that carries on as the saved record's page, so that Back does not return to an empty form).
 */
export function useLeavePage() {
  const api = useContext(TabsContext);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (to: string, opts?: { replace?: boolean }) => {
    navigate(to, { replace: opts?.replace ?? false });
    api?.forget(pathname.replace(/\/+$/, '') || '/');
  };
}

/** Lets a page name its own tab (e.g. "机构详情" → the organisation's name). */
export function usePageTitle(title: string | undefined | null): void {
  const api = useContext(TabsContext);
  const { pathname } = useLocation();
  const key = pathname.replace(/\/+$/, '') || '/';
  const setTitle = api?.setTitle;
  useEffect(() => {
    if (title && setTitle) setTitle(key, title);
  }, [title, key, setTitle]);
}
