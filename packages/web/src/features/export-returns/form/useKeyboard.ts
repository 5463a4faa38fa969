import { useEffect, useRef, type KeyboardEvent } from 'react';

const FOCUSABLE = 'input, textarea';

/** Inputs the Enter key walks through: editable, visible, reachable by Tab (grey fields have tabIndex -1). */
function fields(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    const input = el as HTMLInputElement;
    return !input.disabled && !input.readOnly && el.tabIndex >= 0 && input.type !== 'hidden' && input.type !== 'file'
      && el.offsetParent !== null;
  });
}

export function moveFocus(root: HTMLElement, from: HTMLElement, step: 1 | -1): void {
  const list = fields(root);
  const i = list.indexOf(from);
  const next = list[i < 0 ? 0 : i + step];
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement && next.type === 'text') next.select();
  }
}

/** A drop-down (select or date picker) is open on this input: Enter belongs to it (it picks the entry). */
const popupOpen = (el: HTMLElement) =>
  el.getAttribute('aria-expanded') === 'true'
  || (!!el.closest('.ant-picker') && !!document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)'));

/**
 * Enter moves to the next field and Shift+Enter to the previous one (003 §2.3.3); on the import declaration number
 * Enter also fetches the declaration. Handled in the capture phase so that a closed select does not open on Enter.
 */
export function useEnterNavigation(rootRef: React.RefObject<HTMLElement | null>, onBackfill: (el: HTMLElement) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    const el = e.target as HTMLElement;
    const root = rootRef.current;
    if (!root || !el.matches(FOCUSABLE) || popupOpen(el)) return;
    e.preventDefault();
    e.stopPropagation();
    if (!e.shiftKey && el.id === 'er_importDeclarationNo') onBackfill(el);
    moveFocus(root, el, e.shiftKey ? -1 : 1);
  };
}

export interface ShortcutHandlers {
  save: () => void;
  remove: () => void;
  print: () => void;
  keys: () => void;
  attachments: () => void;
}

/** Alt+S save, Alt+R delete, Alt+P print, Alt+K the shortcut list, Alt+U attachments, while the page is shown. */
export function useAltShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      const map: Record<string, keyof ShortcutHandlers> = {
        KeyS: 'save', KeyR: 'remove', KeyP: 'print', KeyK: 'keys', KeyU: 'attachments',
      };
      const action = map[e.code];
      if (!action) return;
      // a modal (confirmation, shortcut list) owns the keyboard while it is open
      const modalOpen = [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].some((w) => getComputedStyle(w).display !== 'none');
      if (modalOpen && action !== 'keys') return;
      e.preventDefault();
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
