import type { ReactNode } from 'react';
import classes from './ui.module.css';

/** Wide tables scroll inside this focusable region instead of the page (phones, keyboard users). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={classes.scrollRegion} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
