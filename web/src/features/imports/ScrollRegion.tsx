import type { ReactNode } from 'react';

/** A table's scrolling box that keyboards can reach (focusable, named), as WCAG asks of scrollable regions. */
export function ScrollRegion({
  label,
  maxHeight,
  children,
}: {
  label: string;
  maxHeight?: number;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
    <section aria-label={label} tabIndex={0} style={{ overflow: 'auto', maxHeight }}>
      {children}
    </section>
  );
}
