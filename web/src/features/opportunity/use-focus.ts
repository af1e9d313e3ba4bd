import { useEffect } from 'react';
import { useSearch } from 'wouter';

/** `?focus=criterion:key` (or meddpicc:…, field:…): the item a link asked to fix, scrolled into view. */
export function useFocus(ready: boolean): string | null {
  const focus = new URLSearchParams(useSearch()).get('focus');
  useEffect(() => {
    if (!ready || !focus) return;
    const element = document.getElementById(focus.replace(':', '-'));
    element?.scrollIntoView({ block: 'center' });
  }, [ready, focus]);
  return focus;
}
