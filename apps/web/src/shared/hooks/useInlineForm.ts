import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/**
 * An inline form or question opened by a button on the page (Flyt, Aflys, the outcome form): opening moves
 * focus into it (to the element marked `data-autofocus`, else its first field), Esc closes it wherever focus
 * is on the page (in it, or nowhere), and closing returns focus to the button that opened it (WCAG 2.4.3).
 */
export function useInlineForm<P extends HTMLElement = HTMLElement>(
  /** The opener of another inline panel, when both are opened from the same button. */
  sharedOpener?: RefObject<HTMLButtonElement | null>,
) {
  const [open, setOpen] = useState(false);
  const ownOpener = useRef<HTMLButtonElement>(null);
  const openerRef = sharedOpener ?? ownOpener;
  const panelRef = useRef<P>(null);
  const wasOpen = useRef(false);

  const close = useCallback(() => setOpen(false), []);
  const show = useCallback(() => setOpen(true), []);

  useEffect(() => {
    if (!open) {
      if (wasOpen.current) openerRef.current?.focus();
      wasOpen.current = false;
      return;
    }
    wasOpen.current = true;
    const panel = panelRef.current;
    panel?.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const focus = document.activeElement;
      if (focus && focus !== document.body && !panel?.contains(focus)) return;
      event.preventDefault();
      setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, openerRef]);

  return { open, show, close, openerRef, panelRef };
}
