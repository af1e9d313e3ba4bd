import { useEffect } from 'react';
import { useSearchParams } from 'wouter';
import { elementIdOf, isTab, type TabKey, tabOfFocus } from './focus';

const FIND_FOR_MS = 4000;

/**
 * Scrolls the element into the part of the window below the sticky header: centred there when it fits, else
 * with its top just below the header (a tall form's heading is not hidden under the header).
 */
function scrollBelowHeader(element: HTMLElement) {
  const header = document.querySelector('[data-testid="workspace-header"]');
  const top = header ? header.getBoundingClientRect().bottom : 0;
  const box = element.getBoundingClientRect();
  const room = window.innerHeight - top;
  const gap = box.height < room ? (room - box.height) / 2 : 12;
  window.scrollTo({ top: window.scrollY + box.top - top - gap });
}

/** The element a focus points at: by id, or an activity of the timeline by its data attribute. */
function findTarget(focus: string): HTMLElement | null {
  if (focus.startsWith('activity:'))
    return document.querySelector<HTMLElement>(`[data-activity-id="${CSS.escape(focus.slice(9))}"]`);
  return document.getElementById(elementIdOf(focus));
}

/**
 * The workspace's place in the address: `?tab=` (the tab shown) and `?focus=criterion:key` (or meddpicc:…,
 * field:…, poc, activity:id, log:call…: the item a link asked to fix), which opens the tab holding the item
 * and scrolls it into view once it is there (panels that read their own data show it a moment later).
 */
export function useWorkspaceFocus(tabs: readonly TabKey[]) {
  const [params, setParams] = useSearchParams();
  const focus = params.get('focus');
  const asked = params.get('tab');
  const fromFocus = tabOfFocus(focus);
  const tab: TabKey =
    isTab(asked) && tabs.includes(asked)
      ? asked
      : fromFocus && tabs.includes(fromFocus)
        ? fromFocus
        : 'overview';

  useEffect(() => {
    if (!focus) return;
    const deadline = Date.now() + FIND_FOR_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tryScroll = () => {
      const element = findTarget(focus);
      // Shown (its tab is open and its panel has loaded): bring it into view, below the sticky header.
      if (element && element.getClientRects().length > 0) {
        scrollBelowHeader(element);
        return;
      }
      if (Date.now() < deadline) timer = setTimeout(tryScroll, 100);
    };
    tryScroll();
    return () => clearTimeout(timer);
  }, [focus]);

  return {
    focus,
    tab,
    /** Another tab: the address says which (replacing the entry), and the focus is left behind. */
    setTab: (next: TabKey) => setParams({ tab: next }, { replace: true }),
  };
}
