import classes from './ui.module.css';

/** First focusable element: lets keyboard users jump over the header and navigation. */
export function SkipLink({ target, label }: { target: string; label: string }) {
  return (
    <a className={classes.skipLink} href={`#${target}`}>
      {label}
    </a>
  );
}
